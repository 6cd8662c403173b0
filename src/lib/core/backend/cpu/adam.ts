/**
 * AdamW on flat float32 arrays: the CPU reference that the WebGPU `adam` kernel is tested against.
 */
import type { AdamOptions } from '../types.js';
import { resolveAdamOptions, validateAdam } from '../validate.js';

/** New parameters and moments after one AdamW step. */
export interface AdamArrays {
	params: Float32Array;
	m: Float32Array;
	v: Float32Array;
}

/**
 * One AdamW step (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", Algorithm 2;
 * the same update as PyTorch's `torch.optim.AdamW`):
 *
 *   m' = β₁·m + (1−β₁)·g
 *   v' = β₂·v + (1−β₂)·g²
 *   p' = p − η·λ·p − η · (m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε)
 *
 * Arithmetic is float64, each stored result rounded to float32. Inputs are not modified; when
 * `out` is given its arrays receive the results (they may alias the inputs for an in-place step).
 */
export function adamStepCpu(
	params: Float32Array,
	grads: Float32Array,
	m: Float32Array,
	v: Float32Array,
	options: AdamOptions,
	out?: AdamArrays
): AdamArrays {
	validateAdam(params, grads, m, v);
	const { lr, beta1, beta2, eps, weightDecay, t } = resolveAdamOptions(options);
	const n = params.length;
	const res = out ?? { params: new Float32Array(n), m: new Float32Array(n), v: new Float32Array(n) };
	const bc1 = 1 - beta1 ** t;
	const bc2 = 1 - beta2 ** t;
	for (let i = 0; i < n; i++) {
		const g = grads[i];
		const p = params[i];
		const mi = beta1 * m[i] + (1 - beta1) * g;
		const vi = beta2 * v[i] + (1 - beta2) * g * g;
		res.m[i] = mi;
		res.v[i] = vi;
		res.params[i] = p - lr * weightDecay * p - (lr * (mi / bc1)) / (Math.sqrt(vi / bc2) + eps);
	}
	return res;
}
