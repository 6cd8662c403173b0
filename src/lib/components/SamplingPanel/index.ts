export { default as SamplingPanel } from './SamplingPanel.svelte';
export type { SamplingPanelProps, SamplingCandidate, SamplingMode, SamplingStep } from './types.js';
export { samplingPanelMessages, type SamplingPanelKey } from './messages.js';
export { DEFAULT_TABLE as samplingExampleTable } from './examples.js';
