export { default as EmbeddingLookup } from './EmbeddingLookup.svelte';
export type { EmbeddingLookupProps, EmbeddingDisplay, EmbeddingAnalogy } from './types.js';
export { embeddingLookupMessages, type EmbeddingLookupKey } from './messages.js';
