/**
 * The learning-rate schedule of the weight-field run: linear warm-up, then cosine decay to a floor,
 * the shape used to pretrain GPT-style models.
 */
import { AnatomyError } from '../../errors.js';

/** Parameters of {@link warmupCosineLr}. */
export interface WarmupCosineOptions {
	/** Peak learning rate, reached at the end of warm-up. */
	peak: number;
	/** Warm-up steps (0 = start at the peak). */
	warmup: number;
	/** Step at which the cosine reaches the floor; the rate stays at the floor afterwards. */
	total: number;
	/** Floor as a fraction of the peak. @default 0.1 */
	floor?: number;
}

/**
 * Learning rate at 0-based step `step`:
 * peak·(step + 1)/warmup while step < warmup; afterwards, with p = min(1, (step − warmup)/(total − warmup)),
 * peak·(floor + (1 − floor)·(1 + cos πp)/2). Throws `non-finite` / `out-of-range` on bad input.
 */
export function warmupCosineLr(
	step: number,
	{ peak, warmup, total, floor = 0.1 }: WarmupCosineOptions
): number {
	for (const [name, x] of [
		['step', step],
		['peak', peak],
		['warmup', warmup],
		['total', total],
		['floor', floor]
	] as const) {
		if (!Number.isFinite(x))
			throw new AnatomyError('non-finite', `learning-rate ${name} must be finite, got ${x}`);
	}
	if (step < 0 || peak < 0 || warmup < 0 || total < 0 || floor < 0 || floor > 1) {
		throw new AnatomyError(
			'out-of-range',
			`learning-rate schedule needs step, peak, warmup, total ≥ 0 and floor in [0, 1]; got step=${step}, peak=${peak}, warmup=${warmup}, total=${total}, floor=${floor}`
		);
	}
	if (step < warmup) return (peak * (step + 1)) / warmup;
	const p = total > warmup ? Math.min(1, (step - warmup) / (total - warmup)) : 1;
	return peak * (floor + ((1 - floor) * (1 + Math.cos(Math.PI * p))) / 2);
}
