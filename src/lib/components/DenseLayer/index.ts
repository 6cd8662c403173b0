export { default as DenseLayer } from './DenseLayer.svelte';
export type { DenseLayerProps, DenseLayerActivation, DenseLayerMatrix, DenseLayerTarget } from './types.js';
export { denseLayerMessages, type DenseLayerKey } from './messages.js';
