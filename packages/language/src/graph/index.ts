/**
 * The dependency map, shared by the language server's preview and the CLI (`drplan graph`, the
 * HTML runbook): Analysis → map (dependency-map.ts) → layout with elkjs (layout.ts) → SVG (svg.ts).
 */
export { buildDependencyMap, statusOf, UnknownProcessError, workspaceMapSize, type DependencyMapOptions } from './dependency-map.js';
export { createElk, layoutMap, type ELK } from './layout.js';
export { renderSvg, type SvgOptions } from './svg.js';
export { escapeXml } from './escape.js';
export * from '../protocol.js';
