export { default as NeuronPlot } from './NeuronPlot.svelte';
export type { NeuronPlotProps, NeuronPlotActivation } from './types.js';
export { neuronPlotMessages, type NeuronPlotKey } from './messages.js';
