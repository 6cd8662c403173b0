export { default as BackpropStepper } from './BackpropStepper.svelte';
export type { BackpropStepperProps, BackpropStepNumber } from './types.js';
export { backpropStepperMessages, type BackpropStepperKey } from './messages.js';
