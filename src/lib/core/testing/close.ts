/**
 * Closeness checks for kernel outputs, in the manner of tfjs's `expectArraysClose`: a value passes
 * when it is within an absolute OR a relative tolerance of the expected one. NaN equals NaN, and
 * infinities must match exactly (same sign); a finite value is never close to an infinite one.
 */
import type { BackendName } from '../backend/types.js';

/** Tolerances: |a − e| ≤ abs, or |a − e| ≤ rel · |e|. */
export interface Tolerance {
	readonly abs: number;
	readonly rel: number;
}

/**
 * Per-backend tolerances. The CPU backend computes in float64 and rounds to float32, so 1e-6
 * covers the rounding of results of order 1. WebGPU sums in float32 with `exp` and division
 * accurate to a few ulp, so it gets abs 1e-3 or rel 1e-5 (the tfjs WebGL/WebGPU figures).
 */
export const TOLERANCES: Readonly<Record<BackendName, Tolerance>> = {
	cpu: { abs: 1e-6, rel: 1e-6 },
	webgpu: { abs: 1e-3, rel: 1e-5 }
};

/** Is one value close to another under `tol`? */
export function isClose(actual: number, expected: number, tol: Tolerance): boolean {
	if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
	if (!Number.isFinite(expected) || !Number.isFinite(actual)) return actual === expected;
	const diff = Math.abs(actual - expected);
	return diff <= tol.abs || diff <= tol.rel * Math.abs(expected);
}

export interface CloseReport {
	readonly ok: boolean;
	/** Number of values out of tolerance. */
	readonly mismatches: number;
	/** Index of the first value out of tolerance, or −1. */
	readonly firstBad: number;
	/** Largest |a − e| over finite pairs. */
	readonly maxAbsError: number;
	/** Largest |a − e| / |e| over finite pairs with e ≠ 0. */
	readonly maxRelError: number;
	/** A readable summary (lengths, the first few mismatches). */
	readonly message: string;
}

/**
 * Compares two numbers or arrays element by element. Arrays of different lengths are never
 * close. `tol` may give only `abs` or only `rel` (the other then never passes a value by itself).
 */
export function closeTo(
	actual: number | ArrayLike<number>,
	expected: number | ArrayLike<number>,
	tol: Partial<Tolerance> = TOLERANCES.cpu
): CloseReport {
	const t: Tolerance = { abs: tol.abs ?? -1, rel: tol.rel ?? -1 };
	const a = typeof actual === 'number' ? [actual] : actual;
	const e = typeof expected === 'number' ? [expected] : expected;
	if (a.length !== e.length) {
		return {
			ok: false,
			mismatches: Math.max(a.length, e.length),
			firstBad: Math.min(a.length, e.length),
			maxAbsError: Infinity,
			maxRelError: Infinity,
			message: `length ${a.length} differs from the expected ${e.length}`
		};
	}
	let mismatches = 0;
	let firstBad = -1;
	let maxAbsError = 0;
	let maxRelError = 0;
	const shown: string[] = [];
	for (let i = 0; i < a.length; i++) {
		const ai = a[i];
		const ei = e[i];
		if (Number.isFinite(ai) && Number.isFinite(ei)) {
			const d = Math.abs(ai - ei);
			maxAbsError = Math.max(maxAbsError, d);
			if (ei !== 0) maxRelError = Math.max(maxRelError, d / Math.abs(ei));
		}
		if (!isClose(ai, ei, t)) {
			mismatches++;
			if (firstBad < 0) firstBad = i;
			if (shown.length < 5) shown.push(`[${i}] ${ai} vs ${ei}`);
		}
	}
	const ok = mismatches === 0;
	const message = ok
		? `${a.length} values within abs ${t.abs} or rel ${t.rel} (max abs error ${maxAbsError.toExponential(2)})`
		: `${mismatches} of ${a.length} values outside abs ${t.abs} or rel ${t.rel}: ${shown.join(', ')}` +
			(mismatches > shown.length ? ', …' : '');
	return { ok, mismatches, firstBad, maxAbsError, maxRelError, message };
}

/** Throws an Error with the report's message unless `actual` is close to `expected`. */
export function assertClose(
	actual: number | ArrayLike<number>,
	expected: number | ArrayLike<number>,
	tol?: Partial<Tolerance>,
	what = 'value'
): void {
	const r = closeTo(actual, expected, tol);
	if (!r.ok) throw new Error(`${what}: ${r.message}`);
}
