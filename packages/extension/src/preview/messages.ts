/**
 * The messages between the preview panel (extension host) and its webview. Plain types and
 * checks only: the webview bundle imports this file too.
 */
import type { LaidOutMap, MapLocation, MapStatus } from '../../../language/src/protocol.js';

/** What the map shows: the whole workspace, or what the process under the cursor needs. */
export type PreviewScope = 'workspace' | 'process';

export interface ProcessEntry {
    name: string;
    title?: string;
    status: MapStatus;
    location: MapLocation;
}

/** Extension → webview: a fresh map to draw. */
export interface MapMessage {
    type: 'map';
    map: LaidOutMap;
    scope: PreviewScope;
    /** Present when the map was too big to draw: the number of nodes and the limit. */
    truncated?: { nodes: number; max: number };
    /** Every process of the workspace, to focus on one when the map is too big or no process is under the cursor. */
    processes: ProcessEntry[];
    /** `unplanned`, `planned` or `test`, and the evaluation date, for the status line. */
    failover: string;
    asOf?: string;
    /** The document the preview follows (kept in the webview's state for a restore after reload). */
    uri?: string;
}

/** Extension → webview: the model changed; the webview asks for the map again when it is ready to draw. */
export interface ModelChangedMessage {
    type: 'modelChanged';
}

/** Extension → webview: the map could not be computed (the server is starting, or failed). */
export interface ErrorMessage {
    type: 'error';
    message: string;
}

export type ToWebviewMessage = MapMessage | ModelChangedMessage | ErrorMessage;

/** Webview → extension. `reveal` names an element; the extension finds its location in its own copy of the map. */
export type FromWebviewMessage =
    | { type: 'ready' }
    | { type: 'refresh' }
    | { type: 'reveal'; element: string }
    | { type: 'scope'; scope: PreviewScope }
    | { type: 'focus'; process: string };

/** Element names as the grammar's ID terminal allows them. */
const NAME = /^[_a-zA-Z]\w{0,199}$/;

/**
 * Checks a message from the webview. The webview runs untrusted data (the map of any workspace),
 * so the extension accepts only these shapes and never a location or URI from it.
 */
export function parseWebviewMessage(message: unknown): FromWebviewMessage | undefined {
    if (typeof message !== 'object' || message === null) {
        return undefined;
    }
    const { type } = message as { type?: unknown };
    switch (type) {
        case 'ready':
        case 'refresh':
            return { type };
        case 'reveal': {
            const { element } = message as { element?: unknown };
            return typeof element === 'string' && NAME.test(element) ? { type, element } : undefined;
        }
        case 'scope': {
            const { scope } = message as { scope?: unknown };
            return scope === 'workspace' || scope === 'process' ? { type, scope } : undefined;
        }
        case 'focus': {
            const { process } = message as { process?: unknown };
            return typeof process === 'string' && NAME.test(process) ? { type, process } : undefined;
        }
        default:
            return undefined;
    }
}

/** What the webview keeps across reloads (vscode.setState) and hands to the panel serializer. */
export interface PreviewState {
    scope: PreviewScope;
    /** The process the map was last focused on. */
    process?: string;
    /** The document the preview follows. */
    uri?: string;
    viewport?: { x: number; y: number; scale: number };
}

export function parsePreviewState(state: unknown): PreviewState {
    const result: PreviewState = { scope: 'workspace' };
    if (typeof state !== 'object' || state === null) {
        return result;
    }
    const { scope, process, uri, viewport } = state as Record<string, unknown>;
    if (scope === 'process') {
        result.scope = 'process';
    }
    if (typeof process === 'string' && NAME.test(process)) {
        result.process = process;
    }
    if (typeof uri === 'string') {
        result.uri = uri;
    }
    if (typeof viewport === 'object' && viewport !== null) {
        const { x, y, scale } = viewport as Record<string, unknown>;
        if ([x, y, scale].every(value => typeof value === 'number' && Number.isFinite(value)) && (scale as number) > 0) {
            result.viewport = { x: x as number, y: y as number, scale: scale as number };
        }
    }
    return result;
}
