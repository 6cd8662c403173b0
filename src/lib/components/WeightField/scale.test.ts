import { describe, expect, it } from 'vitest';
import { clampSequence, nearestRung } from './scale.js';

// Parameter counts of the default ladder's first rungs (Llama 3.2 1B and 3B, Llama 3.1 8B, 70B).
const rungs = [
	{ parameters: 1.24e9 },
	{ parameters: 3.21e9 },
	{ parameters: 8.03e9 },
	{ parameters: 70.6e9 }
];

describe('nearestRung', () => {
	it('snaps to the nearest rung by ratio, not by difference', () => {
		expect(nearestRung(rungs, 7e9).index).toBe(2);
		expect(nearestRung(rungs, 8.03e9)).toEqual({ index: 2, clamped: false, invalid: false });
		// 2e9: ln(2/1.24) = 0.478 > ln(3.21/2) = 0.473, so 3.21B is nearer; 20e9 is nearer 8.03B than 70.6B
		// by ratio (2.49 vs 3.53) though not by difference.
		expect(nearestRung(rungs, 2e9).index).toBe(1);
		expect(nearestRung(rungs, 20e9).index).toBe(2);
	});
	it('clamps outside the ladder and flags absurd requests', () => {
		expect(nearestRung(rungs, 1e15)).toEqual({ index: 3, clamped: true, invalid: false });
		expect(nearestRung(rungs, 75e9)).toEqual({ index: 3, clamped: false, invalid: false });
		expect(nearestRung(rungs, 1)).toEqual({ index: 0, clamped: true, invalid: false });
	});
	it('uses the fallback for values that are not parameter counts', () => {
		for (const v of [NaN, Infinity, -Infinity, 0, -5, '7e9' as unknown as number]) {
			expect(nearestRung(rungs, v, 2)).toEqual({ index: 2, clamped: false, invalid: true });
		}
		expect(nearestRung([], 1e9).index).toBe(-1);
		expect(nearestRung(rungs, NaN, 99).index).toBe(3);
	});
});

describe('clampSequence', () => {
	it('clamps to 128–131,072 tokens and rounds', () => {
		expect(clampSequence(4096)).toEqual({ tokens: 4096, clamped: false, invalid: false });
		expect(clampSequence(4096.4)).toEqual({ tokens: 4096, clamped: false, invalid: false });
		expect(clampSequence(1e9)).toEqual({ tokens: 131_072, clamped: true, invalid: false });
		expect(clampSequence(-3)).toEqual({ tokens: 128, clamped: true, invalid: false });
	});
	it('falls back on anything that is not a finite number', () => {
		expect(clampSequence(NaN)).toEqual({ tokens: 4096, clamped: false, invalid: true });
		expect(clampSequence(Infinity, 2048)).toEqual({ tokens: 2048, clamped: false, invalid: true });
		expect(clampSequence(undefined as never).invalid).toBe(true);
	});
});
