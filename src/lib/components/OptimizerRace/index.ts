export { default as OptimizerRace } from './OptimizerRace.svelte';
export type { OptimizerRaceProps, OptimizerId, OptimizerRaceReading } from './types.js';
export type { ContourScale } from './contours.js';
export { optimizerRaceMessages, type OptimizerRaceKey } from './messages.js';
