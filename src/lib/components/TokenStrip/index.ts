export { default as TokenStrip } from './TokenStrip.svelte';
export type { TokenStripProps, TokenStripEncoding, TokenStripExample } from './types.js';
export { tokenStripMessages, type TokenStripKey } from './messages.js';
