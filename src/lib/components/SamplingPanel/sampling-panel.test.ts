import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_START, DEFAULT_STOP, DEFAULT_TABLE } from './examples.js';
import {
	clampInt,
	distribution,
	joinTokens,
	resolveCandidates,
	resolveSettings,
	runSequence,
	runningTotals,
	type Settings,
	type Source
} from './sampling-panel.js';

const OFF: Settings = { temperature: 1, topK: undefined, topP: undefined, minP: undefined };
const table: Source = { kind: 'table', table: DEFAULT_TABLE, start: DEFAULT_START, stop: DEFAULT_STOP };
const abc: Source = {
	kind: 'fixed',
	candidates: [
		{ token: 'a', logit: 2 },
		{ token: 'b', logit: 1 },
		{ token: 'c', logit: 0.1 }
	]
};
const tokensOf = (r: ReturnType<typeof runSequence>) =>
	'steps' in r ? r.steps.map((s) => s.token) : r.error;

describe('resolveCandidates', () => {
	it('reads candidates, or tokens with logits, or neither', () => {
		expect(resolveCandidates([{ token: 'x', logit: 1 }], undefined, undefined)).toEqual({
			list: [{ token: 'x', logit: 1 }],
			notices: []
		});
		expect(resolveCandidates(undefined, ['a', 'b'], [1, 2])?.list).toEqual([
			{ token: 'a', logit: 1 },
			{ token: 'b', logit: 2 }
		]);
		expect(resolveCandidates(undefined, undefined, undefined)).toBeNull();
	});

	it('pairs only as many tokens as there are logits, and says so', () => {
		const r = resolveCandidates(undefined, ['a', 'b', 'c'], [1]);
		expect(r?.list).toEqual([{ token: 'a', logit: 1 }]);
		expect(r?.notices).toEqual([{ key: 'lengthMismatch', params: { tokens: 3, logits: 1, used: 1 } }]);
	});

	it('leaves out candidates whose logit is not a number; keeps ±Infinity', () => {
		const r = resolveCandidates(
			[
				{ token: 'a', logit: NaN },
				{ token: 'b', logit: -Infinity },
				{ token: 'c', logit: '3' as unknown as number }
			],
			undefined,
			undefined
		);
		expect(r?.list).toEqual([{ token: 'b', logit: -Infinity }]);
		expect(r?.notices.map((n) => n.key)).toEqual(['badLogit', 'badLogit']);
	});

	it('accepts an empty list (the view shows a message)', () => {
		expect(resolveCandidates([], undefined, undefined)).toEqual({ list: [], notices: [] });
	});
});

describe('resolveSettings', () => {
	it('turns every filter off by default', () => {
		expect(resolveSettings({}, 8)).toEqual({
			settings: OFF,
			sliders: { temperature: 1, topK: 0, topP: 1, minP: 0 },
			notices: []
		});
	});

	it('clamps temperature NaN, 1e6 and −1 with a notice each', () => {
		expect(resolveSettings({ temperature: NaN }, 3).settings.temperature).toBe(1);
		expect(resolveSettings({ temperature: 1e6 }, 3).settings.temperature).toBe(2);
		expect(resolveSettings({ temperature: -1 }, 3).settings.temperature).toBe(0);
		for (const v of [NaN, 1e6, -1])
			expect(resolveSettings({ temperature: v }, 3).notices.map((n) => n.key)).toEqual([
				'temperatureClamped'
			]);
		expect(resolveSettings({ temperature: 0 }, 3).notices).toEqual([]);
	});

	it('treats top-k 0 as off, larger than the vocabulary as keep-all, and negatives as off', () => {
		expect(resolveSettings({ topK: 0 }, 3)).toMatchObject({ settings: { topK: undefined }, notices: [] });
		expect(resolveSettings({ topK: 99 }, 3)).toMatchObject({
			settings: { topK: undefined },
			sliders: { topK: 0 },
			notices: [{ key: 'topKTooLarge', params: { value: 99, n: 3 } }]
		});
		expect(resolveSettings({ topK: -2 }, 3).notices.map((n) => n.key)).toEqual(['topKClamped']);
		expect(resolveSettings({ topK: NaN }, 3).settings.topK).toBeUndefined();
		expect(resolveSettings({ topK: 2.4 }, 3).settings.topK).toBe(2);
		expect(resolveSettings({ topK: 3 }, 3).settings.topK).toBeUndefined(); // k = n keeps all
	});

	it('clamps top-p into (0, 1] and min-p into [0, 1]', () => {
		expect(resolveSettings({ topP: 0 }, 3).settings.topP).toBe(0.01);
		expect(resolveSettings({ topP: 1.5 }, 3).settings.topP).toBeUndefined();
		expect(resolveSettings({ topP: 0.9 }, 3).settings.topP).toBe(0.9);
		expect(resolveSettings({ minP: NaN }, 3).settings.minP).toBeUndefined();
		expect(resolveSettings({ minP: 2 }, 3).settings.minP).toBe(1);
		expect(resolveSettings({ minP: 2 }, 3).notices.map((n) => n.key)).toEqual(['minPClamped']);
	});
});

describe('distribution', () => {
	// Hand calculation: e² = 7.3891, e¹ = 2.7183, e^0.1 = 1.1052; sum = 11.2125.
	// p = [0.6590, 0.2424, 0.0986].
	it('matches the hand-computed softmax of [2, 1, 0.1] at T = 1', () => {
		const d = distribution([2, 1, 0.1], OFF);
		expect(d.probs[0]).toBeCloseTo(0.659, 3);
		expect(d.probs[1]).toBeCloseTo(0.2424, 3);
		expect(d.probs[2]).toBeCloseTo(0.0986, 3);
		expect(d.order).toEqual([0, 1, 2]);
		expect(d.kept).toEqual([true, true, true]);
	});

	it('puts everything on the largest logit at T = 0', () => {
		const d = distribution([1, 3, 2], { ...OFF, temperature: 0 });
		expect(Array.from(d.probs)).toEqual([0, 1, 0]);
	});

	it('marks each filter’s own cut-off', () => {
		// top-p 0.8: 0.659 < 0.8, 0.659 + 0.242 = 0.901 ≥ 0.8 → the first two.
		const p = distribution([2, 1, 0.1], { ...OFF, topP: 0.8 });
		expect(p.byTopP).toEqual([true, true, false]);
		expect(p.kept).toEqual([true, true, false]);
		// renormalised: 0.659 / 0.901 = 0.7311, 0.2424 / 0.901 = 0.2689
		expect(p.filtered[0]).toBeCloseTo(0.7311, 3);
		// min-p 0.2: threshold 0.2 × 0.659 = 0.1318 → c (0.0986) goes
		const m = distribution([2, 1, 0.1], { ...OFF, minP: 0.2 });
		expect(m.byMinP).toEqual([true, true, false]);
		const k = distribution([0.1, 2, 1], { ...OFF, topK: 1 });
		expect(k.byTopK).toEqual([false, true, false]);
		expect(k.order).toEqual([1, 2, 0]);
	});

	it('keeps exactly what the core keeps when the filters are combined (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 1, max: 12 }),
				fc.double({ min: 0.01, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(logits, k, p, m) => {
					const d = distribution(logits, { temperature: 1, topK: k, topP: p, minP: m });
					const mine = d.kept.map((_, i) => !!d.byTopK?.[i] && !!d.byTopP?.[i] && !!d.byMinP?.[i]);
					expect(mine).toEqual(d.kept);
				}
			)
		);
	});
});

describe('runSequence', () => {
	it('gives the same tokens for the same seed and different ones for another seed', () => {
		const a = tokensOf(runSequence(table, OFF, 'sample', 10, 42));
		expect(tokensOf(runSequence(table, OFF, 'sample', 10, 42))).toEqual(a);
		const others = [1, 2, 3, 4, 5].map((s) =>
			JSON.stringify(tokensOf(runSequence(table, OFF, 'sample', 10, s)))
		);
		expect(new Set([JSON.stringify(a), ...others]).size).toBeGreaterThan(1);
	});

	it('is prefix-consistent: stepping one token at a time gives the same text as all at once (property)', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 0, max: 20 }), (seed, n) => {
				const all = tokensOf(runSequence(abc, OFF, 'sample', 20, seed)) as string[];
				expect(tokensOf(runSequence(abc, OFF, 'sample', n, seed))).toEqual(all.slice(0, n));
			})
		);
	});

	it('follows the toy table greedily: the → mat (2.2, highest) → . (1.8, highest), then stops', () => {
		expect(tokensOf(runSequence(table, OFF, 'greedy', 10, 7))).toEqual(['mat', '.']);
	});

	it('takes the highest logit every time in greedy mode with fixed candidates', () => {
		expect(tokensOf(runSequence(abc, OFF, 'greedy', 5, 1))).toEqual(['a', 'a', 'a', 'a', 'a']);
	});

	it('draws tokens about as often as their probabilities say', () => {
		const r = runSequence(abc, OFF, 'sample', 3000, 123);
		if (!('steps' in r)) throw new Error(r.error);
		const share = r.steps.filter((s) => s.token === 'a').length / r.steps.length;
		// p(a) = 0.659; 3000 draws give a standard error of √(0.659·0.341/3000) ≈ 0.0087
		expect(Math.abs(share - 0.659)).toBeLessThan(0.04);
	});

	it('returns an error instead of throwing for a start token without a row, or all-masked logits', () => {
		expect(runSequence({ ...table, start: 'zebra' }, OFF, 'sample', 3, 1)).toHaveProperty('error');
		const masked: Source = { kind: 'fixed', candidates: [{ token: 'x', logit: -Infinity }] };
		expect(runSequence(masked, OFF, 'sample', 3, 1)).toHaveProperty('error');
	});
});

describe('text helpers', () => {
	it('joins tokens with spaces, but none before punctuation', () => {
		expect(joinTokens('The cat sat on the', ['mat', ',', 'then', 'slept', '.'])).toBe(
			'The cat sat on the mat, then slept.'
		);
		expect(joinTokens('', ['Hi', ' there'])).toBe('Hi there');
	});
	it('adds running totals in display order', () => {
		expect(runningTotals([0.2, 0.5, 0.3], [1, 2, 0])).toEqual([0.5, 0.8, 1]);
	});
	it('clamps whole numbers', () => {
		expect(clampInt(1e9, 1, 50, 10)).toBe(50);
		expect(clampInt(NaN, 1, 50, 10)).toBe(10);
		expect(clampInt(-3, 1, 50, 10)).toBe(1);
	});
});
