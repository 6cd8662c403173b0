export { default as QuantMatrix } from './QuantMatrix.svelte';
export type {
	QuantMatrixProps,
	QuantMatrixCell,
	QuantMatrixShow,
	QuantMatrixFormat,
	QuantGranularity
} from './types.js';
export { quantMatrixMessages, type QuantMatrixKey } from './messages.js';
export {
	QUANT_MATRIX_FORMATS,
	quantizeMatrix,
	exampleMatrix,
	type MatrixQuantization
} from './quant-view.js';
