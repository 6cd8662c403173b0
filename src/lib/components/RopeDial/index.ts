export { default as RopeDial } from './RopeDial.svelte';
export type { RopeDialProps, RopeDialFrame } from './types.js';
export { ropeDialMessages, type RopeDialKey } from './messages.js';
