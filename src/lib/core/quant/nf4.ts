/**
 * NF4, the 4-bit NormalFloat data type of QLoRA (Dettmers et al. 2023): 16 levels in [−1, 1] at
 * quantiles of a standard normal, rescaled so the extremes are ±1, with an exact zero. A block of
 * weights (64 by default) is divided by its absolute maximum and each value stored as the index of
 * the nearest level; dequantisation is level[index] · absmax.
 *
 * The levels are built from q_i = Φ⁻¹(p_i): 8 positive quantiles at p = linspace(δ, 0.5, 9)[:-1] and
 * 7 negative at p = linspace(δ, 0.5, 8)[:-1] (negated), δ = 1 − ½(1/32 + 1/30) ≈ 0.9677083, plus 0,
 * then divided by the largest; the table below is the float32 table bitsandbytes ships.
 */

/** The 16 NF4 levels in code order (code 7 is 0), as published in bitsandbytes. */
export const NF4_LEVELS: readonly number[] = Object.freeze([
	-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
	-0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
	0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0
]);

/** Index of the NF4 level nearest to `v` (v already divided by the block's absmax); ties go to the lower index. */
export function nf4Index(v: number): number {
	let lo = 0;
	let hi = NF4_LEVELS.length - 1;
	if (v <= NF4_LEVELS[lo]) return lo;
	if (v >= NF4_LEVELS[hi]) return hi;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (NF4_LEVELS[mid] <= v) lo = mid;
		else hi = mid;
	}
	return v - NF4_LEVELS[lo] <= NF4_LEVELS[hi] - v ? lo : hi;
}
