import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { createEmbeddingTable, lookup, rowSeed, MAX_EMBEDDING_VOCAB } from './table.js';

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : String(e);
	}
	return 'no error';
};

describe('createEmbeddingTable and lookup', () => {
	it('the same token always maps to the same row, whatever the vocabulary size', () => {
		const a = createEmbeddingTable({ vocabSize: 200019, dim: 24, seed: 3 });
		const b = createEmbeddingTable({ vocabSize: 5000, dim: 24, seed: 3 });
		expect(lookup(a, 3335)).toEqual(lookup(a, 3335));
		expect(lookup(a, 3335)).toEqual(lookup(b, 3335));
		expect(lookup(a, 3335)).not.toEqual(lookup(a, 3336));
		expect(lookup(a, 3335)).not.toEqual(
			lookup(createEmbeddingTable({ vocabSize: 5000, dim: 24, seed: 4 }), 3335)
		);
		expect(createEmbeddingTable({ vocabSize: 10, dim: 4 }).seed).toBe(42);
	});

	it('returns a copy', () => {
		const t = createEmbeddingTable({ vocabSize: 10, dim: 4 });
		const row = lookup(t, 2);
		const before = Array.from(row);
		row[0] = 1e9;
		expect(Array.from(lookup(t, 2))).toEqual(before);
	});

	it('entries are N(0, 1/dim): sample mean and variance within their sampling error', () => {
		// 2 000 rows × 64 = 128 000 draws with σ² = 1/64. The sample mean has standard error
		// σ/√N = 0.125/358 ≈ 3.5e-4; the sample variance has relative standard error √(2/N) ≈ 0.40 %.
		// We allow 5 standard errors. Fourth moment: E[x⁴] = 3σ⁴ for a normal (kurtosis 3).
		const dim = 64;
		const t = createEmbeddingTable({ vocabSize: 2000, dim, seed: 11 });
		let sum = 0;
		let sq = 0;
		let fourth = 0;
		const N = 2000 * dim;
		for (let id = 0; id < 2000; id++) {
			for (const v of lookup(t, id)) {
				sum += v;
				sq += v * v;
				fourth += v ** 4;
			}
		}
		const mean = sum / N;
		const variance = sq / N - mean * mean;
		expect(Math.abs(mean)).toBeLessThan(5 * (0.125 / Math.sqrt(N)));
		expect(Math.abs(variance * dim - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
		expect(fourth / N / variance ** 2).toBeGreaterThan(2.9);
		expect(fourth / N / variance ** 2).toBeLessThan(3.1);
	});

	it('huge tables cost nothing until read', () => {
		const t = createEmbeddingTable({ vocabSize: MAX_EMBEDDING_VOCAB, dim: 4096 });
		const last = lookup(t, MAX_EMBEDDING_VOCAB - 1);
		expect(last.length).toBe(4096);
		expect(last.every(Number.isFinite)).toBe(true);
	});

	it('rejects bad sizes, seeds and IDs', () => {
		for (const opts of [
			{ vocabSize: 0, dim: 4 },
			{ vocabSize: 1e15, dim: 4 },
			{ vocabSize: 2.5, dim: 4 },
			{ vocabSize: NaN, dim: 4 },
			{ vocabSize: 10, dim: 0 },
			{ vocabSize: 10, dim: 1e6 },
			{ vocabSize: 10, dim: 4, seed: -1 },
			{ vocabSize: 10, dim: 4, seed: 0.5 },
			{ vocabSize: 10, dim: 4, seed: 2 ** 32 }
		]) {
			expect(
				code(() => createEmbeddingTable(opts)),
				JSON.stringify(opts)
			).toBe('out-of-range');
		}
		const t = createEmbeddingTable({ vocabSize: 10, dim: 4 });
		for (const id of [-1, 10, 1.5, NaN, Infinity])
			expect(
				code(() => lookup(t, id)),
				String(id)
			).toBe('out-of-range');
		expect(code(() => lookup(null as never, 0))).toBe('invalid-argument');
	});
});

describe('rowSeed', () => {
	it('gives distinct seeds over a grid of (seed, id)', () => {
		const seen = new Set<number>();
		for (let seed = 0; seed < 10; seed++) for (let id = 0; id < 10000; id++) seen.add(rowSeed(seed, id));
		// 100 000 draws from 2³² values: the expected number of collisions is n²/2³³ ≈ 1.2.
		expect(seen.size).toBeGreaterThan(100000 - 10);
	});
});
