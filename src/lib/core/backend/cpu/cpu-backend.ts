/**
 * The CPU backend: the reference kernels of `core/ops` behind the {@link Backend} interface.
 * Always available (Node, workers, browsers without WebGPU) and the backend every other one is
 * tested against.
 */
import { attentionHead } from '../../ops/attention.js';
import { matmul } from '../../ops/matmul.js';
import { softmaxRows } from '../../ops/softmax.js';
import { AnatomyError } from '../../errors.js';
import type {
	AdamOptions,
	AdamResult,
	AttentionKernelResult,
	Backend,
	Int8Rows,
	KernelResult
} from '../types.js';
import { validateAttention, validateMatmul, validateSoftmax } from '../validate.js';
import { adamStepCpu } from './adam.js';
import { dequantizeInt8RowsCpu, quantizeInt8RowsCpu } from './quantize-int8.js';

/** Creates a CPU backend. It never loses its device; after `dispose()` its kernels throw. */
export function createCpuBackend(): Backend {
	let disposed = false;
	const alive = () => {
		if (disposed) throw new AnatomyError('backend-unavailable', 'the CPU backend was disposed');
	};
	const backend = 'cpu' as const;
	return {
		name: backend,
		get lost() {
			return disposed;
		},
		onLost: () => () => {},
		async matmul(a, b, m, k, n): Promise<KernelResult> {
			alive();
			validateMatmul(a, b, m, k, n);
			return { data: matmul(a, b, m, k, n), backend };
		},
		async softmaxRows(x, rows, cols): Promise<KernelResult> {
			alive();
			validateSoftmax(x, rows, cols);
			return { data: softmaxRows(x, rows, cols), backend };
		},
		async attention(q, k, v, seq, dHead, causal): Promise<AttentionKernelResult> {
			alive();
			validateAttention(q, k, v, seq, dHead);
			const r = attentionHead(q, k, v, seq, dHead, { causal });
			return { scores: r.scores, weights: r.weights, output: r.output, backend };
		},
		async adamStep(params, grads, m, v, options: AdamOptions): Promise<AdamResult> {
			alive();
			return { ...adamStepCpu(params, grads, m, v, options), backend };
		},
		async quantizeInt8Rows(x, rows, cols): Promise<Int8Rows> {
			alive();
			return { ...quantizeInt8RowsCpu(x, rows, cols), backend };
		},
		async dequantizeInt8Rows(codes, scales, rows, cols): Promise<KernelResult> {
			alive();
			return { data: dequantizeInt8RowsCpu(codes, scales, rows, cols), backend };
		},
		dispose() {
			disposed = true;
		}
	};
}
