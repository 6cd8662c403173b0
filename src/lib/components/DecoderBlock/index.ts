export { default as DecoderBlock } from './DecoderBlock.svelte';
export type { DecoderBlockProps, DecoderPartId } from './types.js';
export { decoderBlockMessages, type DecoderBlockKey } from './messages.js';
export { decoderLayout, type DecoderLayout, type DecoderPart } from './parts.js';
