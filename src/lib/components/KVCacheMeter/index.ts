export { default as KVCacheMeter } from './KVCacheMeter.svelte';
export type { KVCacheMeterProps, KVCacheMeterDtype, KVCacheMeterSpeed, ModelInput } from './types.js';
export { kvCacheMeterMessages, type KVCacheMeterKey } from './messages.js';
