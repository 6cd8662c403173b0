export { default as WeightField } from './WeightField.svelte';
export type {
	WeightFieldProps,
	WeightFieldPrecision,
	WeightFieldRenderer,
	WeightFieldRendererInfo
} from './types.js';
export { weightFieldMessages, type WeightFieldKey } from './messages.js';
