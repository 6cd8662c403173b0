/**
 * AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", 2019), the optimizer of
 * the weight-field run, kept here because the field draws its per-weight state: the first moment
 * m (a running mean of gradients) and the second moment v (a running mean of squared gradients).
 *
 * For step t = 1, 2, … with gradient g and weight w:
 *
 *     m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *     m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)              (bias correction)
 *     Δw = −lr·( m̂ / (√v̂ + ε) + λ·w )                              (λ only on decayed weights)
 *
 * which is what `torch.optim.AdamW` computes (gradients may first be scaled by a clipping factor). The step is split into a proposal (new moments and
 * Δw written to separate buffers) and a commit, so that a run can refuse an update that would
 * make the weights blow up without having already spoiled its optimizer state.
 */
import { AnatomyError } from '../../errors.js';
import type { FloatBuf } from './kernels.js';

/** AdamW hyper-parameters. */
export interface AdamWOptions {
	/** Learning rate lr (per step). */
	lr: number;
	/** Decay of the first moment β₁. @default 0.9 */
	beta1?: number;
	/** Decay of the second moment β₂. @default 0.95 */
	beta2?: number;
	/** ε added to √v̂. @default 1e-8 */
	eps?: number;
	/** Decoupled weight decay λ. @default 0.01 */
	weightDecay?: number;
	/** Factor c applied to every gradient first (g ← c·g), e.g. a clipping factor. @default 1 */
	gradScale?: number;
}

/**
 * Proposes AdamW step `t` (1-based): writes the new moments into `mOut`, `vOut` and the weight
 * change Δw into `update`, leaving `w`, `m`, `v` untouched. `decay[i]` = 1 where weight decay
 * applies (all weights when null). All arrays must have the length of `w`.
 */
export function adamWPropose(
	w: FloatBuf,
	g: FloatBuf,
	m: FloatBuf,
	v: FloatBuf,
	t: number,
	options: AdamWOptions,
	decay: Uint8Array | null,
	mOut: FloatBuf,
	vOut: FloatBuf,
	update: FloatBuf
): void {
	const { lr, beta1 = 0.9, beta2 = 0.95, eps = 1e-8, weightDecay = 0.01, gradScale = 1 } = options;
	const n = w.length;
	for (const [name, a] of [
		['g', g],
		['m', m],
		['v', v],
		['mOut', mOut],
		['vOut', vOut],
		['update', update]
	] as const) {
		if (a.length !== n)
			throw new AnatomyError('shape-mismatch', `${name} has length ${a.length}, weights ${n}`);
	}
	if (decay && decay.length !== n)
		throw new AnatomyError('shape-mismatch', `decay mask length ${decay.length} ≠ ${n}`);
	if (!Number.isInteger(t) || t < 1)
		throw new AnatomyError('out-of-range', `step t must be an integer ≥ 1, got ${t}`);
	for (const [name, x] of [
		['lr', lr],
		['beta1', beta1],
		['beta2', beta2],
		['eps', eps],
		['weightDecay', weightDecay],
		['gradScale', gradScale]
	] as const) {
		if (!Number.isFinite(x)) throw new AnatomyError('non-finite', `AdamW ${name} must be finite, got ${x}`);
	}
	if (lr < 0 || beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 || eps <= 0 || weightDecay < 0) {
		throw new AnatomyError(
			'out-of-range',
			`AdamW needs lr ≥ 0, 0 ≤ β₁, β₂ < 1, ε > 0, λ ≥ 0; got lr=${lr}, β₁=${beta1}, β₂=${beta2}, ε=${eps}, λ=${weightDecay}`
		);
	}
	const c1 = 1 - Math.pow(beta1, t);
	const c2 = 1 - Math.pow(beta2, t);
	for (let i = 0; i < n; i++) {
		const gi = gradScale * g[i];
		const mi = beta1 * m[i] + (1 - beta1) * gi;
		const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
		mOut[i] = mi;
		vOut[i] = vi;
		const lambda = !decay || decay[i] ? weightDecay : 0;
		update[i] = -lr * (mi / c1 / (Math.sqrt(vi / c2) + eps) + lambda * w[i]);
	}
}
