import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { createRng } from '../rng.js';
import { closeTo } from '../testing/close.js';
import { filterDistribution, generate, greedy, minPMask, sample, topKMask, topPMask } from './sampling.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};
const kept = (mask: boolean[]) => mask.flatMap((k, i) => (k ? [i] : []));

describe('filters', () => {
	it('top-p keeps the smallest set whose mass reaches p', () => {
		const p = [0.2, 0.5, 0.3];
		expect(kept(topPMask(p, 0.5))).toEqual([1]); // 0.5 ≥ 0.5
		expect(kept(topPMask(p, 0.49))).toEqual([1]);
		expect(kept(topPMask(p, 0.8))).toEqual([1, 2]); // 0.5 + 0.3 = 0.8 reaches 0.8 exactly
		expect(kept(topPMask(p, 0.81))).toEqual([0, 1, 2]);
		expect(kept(topPMask(p, 1))).toEqual([0, 1, 2]);
		expect(kept(topPMask(p, 1e-9))).toEqual([1]); // always at least one
	});

	it('top-p breaks ties by lower index', () => {
		expect(kept(topPMask([0.25, 0.25, 0.25, 0.25], 0.5))).toEqual([0, 1]);
		expect(kept(topPMask([0.1, 0.3, 0.3, 0.3], 0.6))).toEqual([1, 2]);
	});

	it('top-p measures p against the total of unnormalised weights', () => {
		expect(kept(topPMask([2, 5, 3], 0.8))).toEqual([1, 2]);
	});

	it('top-k keeps the k largest, ties by lower index', () => {
		expect(kept(topKMask([0.1, 0.4, 0.2, 0.3], 2))).toEqual([1, 3]);
		expect(kept(topKMask([0.4, 0.2, 0.2, 0.2], 2))).toEqual([0, 1]);
		expect(kept(topKMask([0.4, 0.6], 10))).toEqual([0, 1]);
		expect(kept(topKMask([0.4, 0.6], 1))).toEqual([1]);
	});

	it('min-p keeps tokens with p ≥ min_p · max p', () => {
		// threshold 0.2 · 0.5 = 0.1
		expect(kept(minPMask([0.5, 0.3, 0.15, 0.05], 0.2))).toEqual([0, 1, 2]);
		expect(kept(minPMask([0.5, 0.3, 0.15, 0.05], 0))).toEqual([0, 1, 2, 3]);
		expect(kept(minPMask([0.5, 0.3, 0.15, 0.05], 1))).toEqual([0]);
		expect(kept(minPMask([0.4, 0.4, 0.2], 1))).toEqual([0, 1]);
	});

	it('reject bad parameters', () => {
		expect(code(() => topKMask([0.5, 0.5], 0))).toBe('out-of-range');
		expect(code(() => topKMask([0.5, 0.5], 1.5))).toBe('out-of-range');
		expect(code(() => topPMask([0.5, 0.5], 0))).toBe('out-of-range');
		expect(code(() => topPMask([0.5, 0.5], 1.01))).toBe('out-of-range');
		expect(code(() => topPMask([0.5, 0.5], NaN))).toBe('out-of-range');
		expect(code(() => minPMask([0.5, 0.5], -0.1))).toBe('out-of-range');
		expect(code(() => minPMask([NaN, 0.5], 0.1))).toBe('non-finite');
		expect(code(() => topKMask([], 1))).toBe('invalid-argument');
		expect(code(() => topPMask([-0.5, 1.5], 0.5))).toBe('invalid-argument');
	});
});

describe('filterDistribution', () => {
	it('gives the hand-computed softmax of [2, 1, 0.1] with no filter', () => {
		// 1, e⁻¹, e⁻¹·⁹ over 1.5174480603940774
		const { probs, filtered, kept: k } = filterDistribution([2, 1, 0.1]);
		expect(
			closeTo(probs, [0.6590011388859679, 0.2424329707047139, 0.09856589040931818], { abs: 1e-15 }).ok
		).toBe(true);
		expect(closeTo(filtered, probs, { abs: 1e-15 }).ok).toBe(true);
		expect(k).toEqual([true, true, true]);
	});

	it('renormalises what the filters keep', () => {
		// top-k 2 of [0.659, 0.242, 0.099]: 0.659/0.9014 and 0.242/0.9014
		const { filtered } = filterDistribution([2, 1, 0.1], { topK: 2 });
		const s = 0.6590011388859679 + 0.2424329707047139;
		expect(closeTo(filtered, [0.6590011388859679 / s, 0.2424329707047139 / s, 0], { abs: 1e-15 }).ok).toBe(
			true
		);
	});

	it('applies top-p to what top-k left (renormalised)', () => {
		// After top-k 2: [0.731, 0.269] (ratio e). Top-p 0.7 then keeps only the first,
		// although 0.659 < 0.7 in the unfiltered distribution.
		const { kept: k } = filterDistribution([2, 1, 0.1], { topK: 2, topP: 0.7 });
		expect(k).toEqual([true, false, false]);
		const { kept: k2 } = filterDistribution([2, 1, 0.1], { topP: 0.7 });
		expect(k2).toEqual([true, true, false]);
	});

	it('never keeps a masked (−∞) token, and temperature 0 keeps only the argmax', () => {
		expect(filterDistribution([0, -Infinity, 0], { topK: 3 }).kept).toEqual([true, false, true]);
		expect(filterDistribution([1, 3, 2], { temperature: 0 }).kept).toEqual([false, true, false]);
	});
});

describe('sample', () => {
	it('is deterministic for a seed and for an rng state', () => {
		const z = [0.3, -1, 2, 0.7, 0];
		expect(sample(z, { seed: 7 }).index).toBe(sample(z, { seed: 7 }).index);
		const a = createRng(99);
		const b = createRng(99);
		const draws = (r: typeof a) =>
			Array.from({ length: 50 }, () => sample(z, { rng: r, temperature: 1.3 }).index);
		expect(draws(a)).toEqual(draws(b));
	});

	it('draws the token where the cumulative mass first exceeds u', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				const r = sample([2, 1, 0.1], { seed });
				const p = r.filtered;
				const cum = [p[0], p[0] + p[1], 1];
				expect(r.index).toBe(cum.findIndex((c) => r.u < c));
				expect(r.logProb).toBe(Math.log(p[r.index]));
			})
		);
	});

	it('never draws a filtered-out token', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 1, max: 12 }),
				fc.double({ min: 0.01, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.integer(),
				(z, topK, topP, minP, seed) => {
					const r = sample(z, { topK, topP, minP, seed });
					expect(r.kept[r.index]).toBe(true);
					expect(Math.abs(r.filtered.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
					r.kept.forEach((k, i) => !k && expect(r.filtered[i]).toBe(0));
				}
			)
		);
	});

	it('matches the probabilities over 20 000 draws (chi-square, 2 degrees of freedom)', () => {
		const rng = createRng(2024);
		const counts = [0, 0, 0];
		const N = 20_000;
		for (let i = 0; i < N; i++) counts[sample([2, 1, 0.1], { rng }).index]++;
		const p = [0.6590011388859679, 0.2424329707047139, 0.09856589040931818];
		const chi2 = counts.reduce((s, c, i) => s + (c - N * p[i]) ** 2 / (N * p[i]), 0);
		// The 99.9 % point of χ²(2) is −2·ln(0.001) = 13.8155.
		expect(chi2).toBeLessThan(13.8155);
		for (let i = 0; i < 3; i++) expect(Math.abs(counts[i] / N - p[i])).toBeLessThan(0.01);
	});

	it('greedy at temperature 0, splitting exact ties', () => {
		expect(sample([1, 5, 2], { temperature: 0, seed: 1 }).index).toBe(1);
		const rng = createRng(5);
		const seen = new Set(Array.from({ length: 40 }, () => sample([5, 1, 5], { temperature: 0, rng }).index));
		expect([...seen].sort()).toEqual([0, 2]);
	});

	it('rejects bad logits and options', () => {
		expect(code(() => sample([1, NaN]))).toBe('non-finite');
		expect(code(() => sample([]))).toBe('invalid-argument');
		expect(code(() => sample([-Infinity, -Infinity]))).toBe('invalid-argument');
		expect(code(() => sample([1, 2], { temperature: -1 }))).toBe('invalid-argument');
		expect(code(() => sample([1, 2], { topK: -3 }))).toBe('out-of-range');
		expect(code(() => sample([1, 2], { topP: 2 }))).toBe('out-of-range');
	});
});

describe('greedy', () => {
	it('picks the largest logit, the first among ties', () => {
		expect(greedy([0.1, 3, -2])).toBe(1);
		expect(greedy([3, 1, 3])).toBe(0);
		expect(greedy([-Infinity, -5])).toBe(1);
		expect(code(() => greedy([]))).toBe('invalid-argument');
		expect(code(() => greedy([1, NaN]))).toBe('non-finite');
	});
});

describe('generate', () => {
	const table = {
		the: { cat: 2, dog: 1.5, end: -5 },
		cat: { sat: 3, ran: 1 },
		dog: { ran: 2, sat: 0.5 },
		sat: { end: 1 },
		ran: { end: 1, the: 0.2 }
	};

	it('is reproducible from the rng and follows the table', () => {
		const a = generate(table, { start: 'the', maxTokens: 10, stop: 'end', rng: createRng(3) });
		const b = generate(table, { start: 'the', maxTokens: 10, stop: 'end', rng: createRng(3) });
		expect(a.tokens).toEqual(b.tokens);
		expect(a.tokens[0]).toBe('the');
		for (const s of a.steps) expect(Object.keys(table[s.from as keyof typeof table])).toContain(s.token);
		expect(a.tokens.at(-1) === 'end' || a.tokens.length === 11).toBe(true);
	});

	it('is greedy at temperature 0', () => {
		const g = generate(table, {
			start: 'the',
			maxTokens: 10,
			stop: 'end',
			temperature: 0,
			rng: createRng(1)
		});
		expect(g.tokens).toEqual(['the', 'cat', 'sat', 'end']);
	});

	it('stops at maxTokens and at a token without a row', () => {
		expect(generate(table, { start: 'the', maxTokens: 0, rng: createRng(1) }).tokens).toEqual(['the']);
		const g = generate(table, { start: 'sat', maxTokens: 5, rng: createRng(1) });
		expect(g.tokens).toEqual(['sat', 'end']);
	});

	it('rejects a missing start and absurd lengths', () => {
		expect(code(() => generate(table, { start: 'zebra', maxTokens: 3, rng: createRng(1) }))).toBe(
			'invalid-argument'
		);
		expect(code(() => generate(table, { start: 'the', maxTokens: 1e9, rng: createRng(1) }))).toBe(
			'out-of-range'
		);
		expect(code(() => generate({ a: {} }, { start: 'a', maxTokens: 3, rng: createRng(1) }))).toBe(
			'invalid-argument'
		);
	});
});
