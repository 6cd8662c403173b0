export { default as KVCacheMeter } from './KVCacheMeter.svelte';
export { default as ModelPicker } from './ModelPicker.svelte';
export type { KVCacheMeterProps, KVCacheMeterDtype, KVCacheMeterSpeed, ModelInput } from './types.js';
export { kvCacheMeterMessages, type KVCacheMeterKey } from './messages.js';
export { modelPickerMessages, type ModelPickerKey } from './picker-messages.js';
export { resolveModelInput, parseConfigText, type ModelResolution } from './model-input.js';
