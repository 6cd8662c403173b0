import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnatomyError } from '../errors.js';
import { cosineSimilarity, nearestNeighbours, MAX_NEIGHBOUR_SCAN } from './similarity.js';
import { createEmbeddingTable, lookup, type EmbeddingTable } from './table.js';

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : String(e);
	}
	return 'no error';
};

describe('cosineSimilarity', () => {
	it('by hand', () => {
		expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
		expect(cosineSimilarity([1, 1], [-1, -1])).toBe(-1);
		expect(cosineSimilarity([3, 4], [3, 4])).toBe(1);
		// (1,2,3)·(4,5,6) = 32; ‖a‖ = √14, ‖b‖ = √77; 32 / √1078 = 0.974631846197…
		expect(cosineSimilarity([1, 2, 3], [4, 5, 6])).toBeCloseTo(0.974631846197, 11);
	});

	it('is scale-invariant, even at the edges of the double range', () => {
		expect(cosineSimilarity([1e200, 1e200], [1e200, 0])).toBeCloseTo(Math.SQRT1_2, 14);
		expect(cosineSimilarity([1e-200, 1e-200], [1e-200, 0])).toBeCloseTo(Math.SQRT1_2, 14);
		expect(cosineSimilarity([5e-324, 0], [1e308, 0])).toBe(1);
	});

	it('properties: symmetric, bounded, 1 for a positive multiple; agrees with the textbook formula', () => {
		const vec = (n: number) =>
			fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n });
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(vec(n), vec(n))),
				fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
				([a, b], s) => {
					const c = cosineSimilarity(a, b);
					expect(c).toBeGreaterThanOrEqual(-1);
					expect(c).toBeLessThanOrEqual(1);
					expect(cosineSimilarity(b, a)).toBeCloseTo(c, 12);
					const dot = a.reduce((t, x, i) => t + x * b[i], 0);
					const na = Math.hypot(...a);
					const nb = Math.hypot(...b);
					if (na > 1e-9 && nb > 1e-9) {
						expect(c).toBeCloseTo(dot / (na * nb), 9);
						expect(
							cosineSimilarity(
								a,
								a.map((x) => x * s)
							)
						).toBeCloseTo(1, 12);
					}
				}
			)
		);
	});

	it('a zero vector has no direction: 0, not NaN', () => {
		expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
		expect(cosineSimilarity([0, 0], [0, 0])).toBe(0);
	});

	it('rejects NaN, infinities, empty and mismatched vectors', () => {
		expect(code(() => cosineSimilarity([NaN, 1], [1, 1]))).toBe('non-finite');
		expect(code(() => cosineSimilarity([1, 1], [1, Infinity]))).toBe('non-finite');
		expect(code(() => cosineSimilarity([], []))).toBe('invalid-argument');
		expect(code(() => cosineSimilarity([1], [1, 2]))).toBe('shape-mismatch');
		expect(code(() => cosineSimilarity(null as never, [1]))).toBe('invalid-argument');
	});
});

describe('nearestNeighbours', () => {
	// rows: e₁, e₂, e₁ + e₂, −e₁. Query (1, 0.1): cosines 1/√1.01 ≈ 0.995, 0.1/√1.01 ≈ 0.0995,
	// 1.1/(√2 √1.01) ≈ 0.774, −0.995 → order 0, 2, 1, 3.
	const table: EmbeddingTable = {
		vocabSize: 4,
		dim: 2,
		seed: 0,
		rows: [
			[1, 0],
			[0, 1],
			[1, 1],
			[-1, 0]
		].map((r) => Float64Array.from(r)),
		words: ['east', 'north', 'northeast', 'west']
	};

	it('by hand: order, k, exclusion by ID or word', () => {
		const ids = (k: number, exclude?: (number | string)[]) =>
			nearestNeighbours(table, [1, 0.1], k, { exclude }).map((n) => n.id);
		expect(ids(4)).toEqual([0, 2, 1, 3]);
		expect(ids(2)).toEqual([0, 2]);
		expect(ids(2, [0])).toEqual([2, 1]);
		expect(ids(9, ['EAST', 'west'])).toEqual([2, 1]);
		expect(ids(0)).toEqual([]);
		const [best] = nearestNeighbours(table, [1, 0.1], 1);
		expect(best).toEqual({ id: 0, word: 'east', similarity: 1 / Math.sqrt(1.01) });
	});

	it('ties go to the lower ID; a zero query returns the lowest IDs', () => {
		const t: EmbeddingTable = {
			vocabSize: 3,
			dim: 1,
			seed: 0,
			rows: [[-1], [2], [1]].map((r) => Float64Array.from(r))
		};
		expect(nearestNeighbours(t, [1], 3).map((n) => n.id)).toEqual([1, 2, 0]);
		expect(nearestNeighbours(t, [0], 2).map((n) => n.id)).toEqual([0, 1]);
	});

	it('matches a brute-force ranking on a generated table', () => {
		const t = createEmbeddingTable({ vocabSize: 3000, dim: 16, seed: 5 });
		const query = lookup(t, 1234).map((v, j) => v + (j % 3) * 0.05);
		const brute = Array.from({ length: t.vocabSize }, (_, id) => {
			const row = lookup(t, id);
			const dot = row.reduce((s, v, j) => s + v * query[j], 0);
			return { id, similarity: dot / (Math.hypot(...row) * Math.hypot(...query)) };
		}).sort((a, b) => b.similarity - a.similarity || a.id - b.id);
		const got = nearestNeighbours(t, query, 10);
		expect(got.map((n) => n.id)).toEqual(brute.slice(0, 10).map((n) => n.id));
		got.forEach((n, i) => expect(n.similarity).toBeCloseTo(brute[i].similarity, 12));
		expect(nearestNeighbours(t, lookup(t, 77), 1)[0]).toMatchObject({ id: 77 });
		expect(nearestNeighbours(t, lookup(t, 77), 1)[0].similarity).toBeCloseTo(1, 14);
	});

	it('rejects bad input and oversized scans', () => {
		expect(code(() => nearestNeighbours(table, [1, 0, 0], 1))).toBe('shape-mismatch');
		expect(code(() => nearestNeighbours(table, [NaN, 0], 1))).toBe('non-finite');
		expect(code(() => nearestNeighbours(table, [1, 0], -1))).toBe('out-of-range');
		expect(code(() => nearestNeighbours(table, [1, 0], 1.5))).toBe('out-of-range');
		expect(code(() => nearestNeighbours(table, [1, 0], 1, { exclude: ['south'] }))).toBe('out-of-range');
		expect(code(() => nearestNeighbours(table, [1, 0], 1, { exclude: [4] }))).toBe('out-of-range');
		const big = createEmbeddingTable({ vocabSize: MAX_NEIGHBOUR_SCAN / 64 + 1, dim: 64 });
		expect(code(() => nearestNeighbours(big, new Float64Array(64), 1))).toBe('out-of-range');
		const noWords = createEmbeddingTable({ vocabSize: 3, dim: 2 });
		expect(code(() => nearestNeighbours(noWords, [1, 0], 1, { exclude: ['cat'] }))).toBe('out-of-range');
	});
});
