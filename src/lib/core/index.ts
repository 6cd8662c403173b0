/**
 * llm-anatomy/core: framework-free maths behind every figure the components show.
 * Re-exports only; each module documents its own formulas and units.
 */
export * from './errors.js';
export * from './rng.js';
export * from './tensor.js';
export * from './format.js';
export * from './train/weightfield/index.js';
