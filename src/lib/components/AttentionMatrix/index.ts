export { default as AttentionMatrix } from './AttentionMatrix.svelte';
export type { AttentionMatrixProps, AttentionMatrixPart, AttentionMatrixRenderer } from './types.js';
export { attentionMatrixMessages, type AttentionMatrixKey } from './messages.js';
