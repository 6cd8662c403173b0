/**
 * Every WGSL kernel of the WebGPU backend, by name. Each file beside this one holds one kernel (or
 * a pair), its uniform layout and a note on its CPU twin.
 */
import type { KernelSource } from '../pipelines.js';
import { ADAM_WGSL } from './adam.js';
import { MATMUL_WGSL } from './matmul.js';
import { DEQUANTIZE_WGSL, QUANTIZE_PACK_WGSL, ROW_SCALE_WGSL } from './quantize-int8.js';
import { SOFTMAX_WGSL } from './softmax.js';

export const KERNELS = {
	matmul: { name: 'matmul', wgsl: MATMUL_WGSL },
	softmax: { name: 'softmax-rows', wgsl: SOFTMAX_WGSL },
	adam: { name: 'adam', wgsl: ADAM_WGSL },
	rowScale: { name: 'int8-row-scale', wgsl: ROW_SCALE_WGSL },
	quantizePack: { name: 'int8-quantize-pack', wgsl: QUANTIZE_PACK_WGSL },
	dequantize: { name: 'int8-dequantize', wgsl: DEQUANTIZE_WGSL }
} as const satisfies Record<string, KernelSource>;
