export * from './drplan-module.js';
export * from './model/plan-model.js';
export * from './analysis/types.js';
export * from './analysis/duration.js';
export * from './analysis/date.js';
export * as ast from './generated/ast.js';
