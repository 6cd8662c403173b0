import type { HTMLAttributes } from 'svelte/elements';
import type { QuantScheme } from '../../core/quant/int.js';
import type { ModelInput } from '../shared/model-input.js';
import type { QuantMatrixKey } from './messages.js';
import type { QuantGranularity, QuantMatrixFormat } from './quant-view.js';

export type { QuantGranularity, QuantMatrixFormat } from './quant-view.js';
export type { QuantScheme } from '../../core/quant/int.js';

/** What each cell of the grid shows. */
export type QuantMatrixShow = 'code' | 'value' | 'error';

/** The cell that has focus, as reported by `onCellFocus`. */
export interface QuantMatrixCell {
	row: number;
	col: number;
	/** The original (FP32) value. */
	value: number;
	/** The stored code: an integer, an NF4 index, or a float bit pattern. */
	code: number;
	/** The value a kernel computes with after dequantisation. */
	dequantized: number;
	/** dequantized − value. */
	error: number;
}

/** A small weight matrix stored in FP32, FP16, BF16, FP8, INT8, INT4 or NF4: codes, scales, error and model size. */
export interface QuantMatrixProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** Your own matrix, row-major, `rows × cols` values (at most 4,096). @default a seeded 6 × 8 example */
	values?: number[];
	/** Rows of the matrix. @default 6 */
	rows?: number;
	/** Columns of the matrix. @default 8 */
	cols?: number;
	/** Seed of the example matrix (ignored when `values` is given). @default 42 */
	seed?: number;
	/** Storage format. Bindable. @default 'int8' */
	format?: QuantMatrixFormat;
	/** Symmetric (zero maps to code 0) or asymmetric (a zero point); integers only. Bindable. @default 'symmetric' */
	scheme?: QuantScheme;
	/** One scale per tensor, per row (channel), or per group of `groupSize` values in a row. Bindable. @default 'tensor' */
	granularity?: QuantGranularity;
	/** Values per group when `granularity` is 'group'; clamped to 1…cols. Bindable. @default 4 */
	groupSize?: number;
	/** What the cells show: the stored code, the dequantised value, or the error. Bindable. @default 'value' */
	show?: QuantMatrixShow;
	/** The model whose size is shown at this precision: a catalogue id or a config.json object. Bindable. @default 'llama-3-8b' */
	model?: ModelInput;
	/** Whether the model-size panel is shown. @default true */
	showModelSize?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default the page's locale */
	locale?: string;
	/** Overrides for any of this component's strings. @default {} */
	messages?: Partial<Record<QuantMatrixKey, string>>;
	/** Called when the reader picks another format. @default undefined */
	onFormatChange?: (format: QuantMatrixFormat) => void;
	/** Called when a cell receives focus. @default undefined */
	onCellFocus?: (cell: QuantMatrixCell) => void;
	/** Called when the reader picks another model. @default undefined */
	onModelChange?: (model: ModelInput) => void;
}
