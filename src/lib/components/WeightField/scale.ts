/**
 * Snapping a requested parameter count to a rung of the parameter ladder (real catalogue models):
 * the nearest rung on a log scale, clamped to the ladder's ends. Presentation only: the rungs and
 * their numbers come from the core's `parameterLadder`.
 */

/** Where a requested size landed. */
export interface RungChoice {
	index: number;
	/** The request was outside the ladder and was clamped to an end. */
	clamped: boolean;
	/** The request was not a positive finite number; the fallback rung was used. */
	invalid: boolean;
}

/**
 * Index of the rung nearest to `parameters` in log space (ratios, so 2B sits between 1B and 4B
 * at equal distance); below the first or above the last rung it clamps; NaN, ±∞, 0 or a negative
 * count give `fallback`.
 */
export function nearestRung(
	rungs: readonly { parameters: number }[],
	parameters: number,
	fallback = 0
): RungChoice {
	if (rungs.length === 0) return { index: -1, clamped: false, invalid: true };
	const safeFallback = Math.min(rungs.length - 1, Math.max(0, fallback));
	if (typeof parameters !== 'number' || !Number.isFinite(parameters) || parameters <= 0) {
		return { index: safeFallback, clamped: false, invalid: true };
	}
	const first = rungs[0].parameters;
	const last = rungs[rungs.length - 1].parameters;
	if (parameters < first) return { index: 0, clamped: parameters < first / 1.5, invalid: false };
	if (parameters > last) return { index: rungs.length - 1, clamped: parameters > last * 1.5, invalid: false };
	let best = 0;
	let bestDistance = Infinity;
	const lp = Math.log(parameters);
	rungs.forEach((r, i) => {
		const d = Math.abs(Math.log(r.parameters) - lp);
		if (d < bestDistance) {
			bestDistance = d;
			best = i;
		}
	});
	return { index: best, clamped: false, invalid: false };
}

/** Sequence lengths the slider offers: powers of two from 2^7 = 128 to 2^17 = 131,072 tokens. */
export const SEQUENCE_EXPONENTS = { min: 7, max: 17 } as const;

/** What a requested sequence length became. */
export interface SequenceChoice {
	tokens: number;
	clamped: boolean;
	invalid: boolean;
}

/**
 * Clamps a sequence length to [128, 131,072] tokens and rounds it to an integer; NaN, ±∞ or a
 * non-number give `fallback` (flagged invalid).
 */
export function clampSequence(tokens: number, fallback = 4096): SequenceChoice {
	const lo = 2 ** SEQUENCE_EXPONENTS.min;
	const hi = 2 ** SEQUENCE_EXPONENTS.max;
	if (typeof tokens !== 'number' || !Number.isFinite(tokens)) {
		return { tokens: fallback, clamped: false, invalid: true };
	}
	const r = Math.round(tokens);
	const c = Math.min(hi, Math.max(lo, r));
	return { tokens: c, clamped: c !== r, invalid: false };
}
