export { default as TrainingCurve } from './TrainingCurve.svelte';
export type { TrainingCurveProps, TrainingCurvePhase } from './types.js';
export { trainingCurveMessages, type TrainingCurveKey } from './messages.js';
