import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SIMULATED_STEPS, decodeTotals, simulateDecode, type DecodeDims } from './simulate.js';
import { kvCacheBytes } from '../models/kv-cache.js';
import { forwardFlopsPerToken } from '../models/flops.js';
import { AnatomyError } from '../errors.js';

const DIMS: DecodeDims = { numLayers: 2, numHeads: 4, numKvHeads: 2, headDim: 8, matmulParameters: 1000 };
const codeOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

describe('hand-counted run: p = 5 prompt tokens, n = 4 new tokens, blocks of 4', () => {
	it('with a cache: rows 5, 1, 1, 1 (= p + n − 1 = 8); cache 5, 6, 7, 8 tokens', () => {
		const s = simulateDecode({ dims: DIMS, promptTokens: 5, newTokens: 4, blockSize: 4 });
		expect(s.steps.map((x) => x.phase)).toEqual(['prefill', 'decode', 'decode', 'decode']);
		expect(s.steps.map((x) => x.kvRows)).toEqual([5, 1, 1, 1]);
		expect(s.steps.map((x) => x.inputTokens)).toEqual([5, 1, 1, 1]);
		expect(s.steps.map((x) => x.contextTokens)).toEqual([5, 6, 7, 8]);
		expect(s.steps.map((x) => x.cachedTokens)).toEqual([5, 6, 7, 8]);
		// ⌈5/4⌉ = 2 blocks with 3 empty slots, then 2 and 2, then 2 with 1, then 2 full
		expect(s.steps.map((x) => x.blocksPerSequence)).toEqual([2, 2, 2, 2]);
		expect(s.steps.map((x) => x.wastedSlotsPerSequence)).toEqual([3, 2, 1, 0]);
		expect(s.totals.kvRows).toBe(8);
		expect(s.steps.at(-1)!.cumulativeKvRows).toBe(8);
		// bytes per token: 2·L·K·h·2 = 2·2·2·8·2 = 128
		expect(s.steps.map((x) => x.cacheBytes)).toEqual([640, 768, 896, 1024]);
		expect(s.steps.at(-1)!.generatedTokens).toBe(4);
	});
	it('without a cache: rows 5, 6, 7, 8 (= Σ_{t=5}^{8} t = 26); no cache memory', () => {
		const s = simulateDecode({ dims: DIMS, promptTokens: 5, newTokens: 4, useCache: false, blockSize: 4 });
		expect(s.steps.map((x) => x.kvRows)).toEqual([5, 6, 7, 8]);
		expect(s.totals.kvRows).toBe(26);
		expect(s.steps.every((x) => x.cacheBytes === 0 && x.blocks === 0 && x.wastedSlots === 0)).toBe(true);
	});
	it('FLOPs: with a cache each position runs once (token t at context t); without, every prefix is re-run', () => {
		// per token at context t: 2·1000 + 2·L·t·d_attn = 2000 + 2·2·t·32 = 2000 + 128·t
		const tok = (t: number) => 2000 + 128 * t;
		const withCache = simulateDecode({ dims: DIMS, promptTokens: 5, newTokens: 4 });
		expect(withCache.steps[0].flops).toBe(tok(1) + tok(2) + tok(3) + tok(4) + tok(5));
		expect(withCache.steps[1].flops).toBe(tok(6));
		expect(withCache.totals.flops).toBe([1, 2, 3, 4, 5, 6, 7, 8].reduce((s, t) => s + tok(t), 0));
		const prefix = (P: number) => Array.from({ length: P }, (_, i) => tok(i + 1)).reduce((a, b) => a + b, 0);
		const noCache = simulateDecode({ dims: DIMS, promptTokens: 5, newTokens: 4, useCache: false });
		expect(noCache.totals.flops).toBe(prefix(5) + prefix(6) + prefix(7) + prefix(8));
		expect(noCache.steps.at(-1)!.cumulativeFlops).toBe(noCache.totals.flops);
	});
	it('batch multiplies FLOPs, bytes and blocks but not per-sequence rows', () => {
		const one = simulateDecode({ dims: DIMS, promptTokens: 5, newTokens: 4, blockSize: 4 });
		const four = simulateDecode({ dims: DIMS, promptTokens: 5, newTokens: 4, blockSize: 4, batch: 4 });
		expect(four.steps.map((x) => x.kvRows)).toEqual(one.steps.map((x) => x.kvRows));
		expect(four.totals.flops).toBe(4 * one.totals.flops);
		expect(four.steps.map((x) => x.blocks)).toEqual([8, 8, 8, 8]);
		expect(four.steps.map((x) => x.wastedSlots)).toEqual([12, 8, 4, 0]);
		expect(four.totals.peakCacheBytes).toBe(4 * 1024);
	});
});

describe('closed forms match the step-by-step sums', () => {
	it('for random runs, with and without a cache, both attention conventions', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 200 }),
				fc.integer({ min: 1, max: 200 }),
				fc.integer({ min: 1, max: 4 }),
				fc.boolean(),
				fc.constantFrom('kaplan' as const, 'full' as const),
				fc.integer({ min: 1, max: 64 }),
				(p, n, batch, useCache, attention, blockSize) => {
					const o = { dims: DIMS, promptTokens: p, newTokens: n, batch, useCache, attention, blockSize };
					const s = simulateDecode(o);
					const rows = s.steps.reduce((a, x) => a + x.kvRows, 0);
					const flops = s.steps.reduce((a, x) => a + x.flops, 0);
					expect(s.steps).toHaveLength(n);
					expect(rows).toBe(useCache ? p + n - 1 : n * p + (n * (n - 1)) / 2);
					// brute-force Σ_{t=p}^{p+n−1} t
					let sumT = 0;
					for (let t = p; t <= p + n - 1; t++) sumT += t;
					if (!useCache) expect(rows).toBe(sumT);
					expect(s.totals.kvRows).toBe(rows);
					expect(Math.abs(s.totals.flops - flops)).toBeLessThanOrEqual(1e-9 * flops);
					const last = s.steps.at(-1)!;
					expect(s.totals.peakCacheBytes).toBe(last.cacheBytes);
					expect(s.totals.finalBlocks).toBe(last.blocks);
					expect(s.totals.finalCachedTokens).toBe(last.cachedTokens);
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('with a real model', () => {
	it('Llama 3 8B: 8000-token prompt + 192 new tokens ends at 8191 cached tokens', () => {
		const s = simulateDecode({ model: 'llama-3-8b', promptTokens: 8000, newTokens: 192 });
		const last = s.steps.at(-1)!;
		expect(last.cachedTokens).toBe(8191);
		expect(last.cacheBytes).toBe(kvCacheBytes('llama-3-8b', { tokens: 8191 }));
		// ⌈8191/16⌉ = 512 blocks, 1 empty slot
		expect(last.blocksPerSequence).toBe(512);
		expect(last.wastedSlotsPerSequence).toBe(1);
		expect(s.steps[1].flops).toBe(forwardFlopsPerToken('llama-3-8b', 8001));
	});
	it('decodeTotals handles runs too long to list (1e9 tokens) with finite numbers', () => {
		const t = decodeTotals({ model: 'llama-3-8b', promptTokens: 1e9, newTokens: 1e9 });
		expect(t.kvRows).toBe(2e9 - 1);
		expect(t.peakCacheBytes).toBe(131_072 * (2e9 - 1));
		expect(Number.isFinite(t.flops)).toBe(true);
		const u = decodeTotals({ model: 'llama-3-8b', promptTokens: 1e9, newTokens: 1e9, useCache: false });
		expect(u.kvRows).toBe(1e18 + (1e9 * (1e9 - 1)) / 2);
		expect(Number.isFinite(u.flops)).toBe(true);
	});
});

describe('bad input', () => {
	it('throws clear errors', () => {
		expect(codeOf(() => simulateDecode({ promptTokens: 1, newTokens: 1 }))).toBe('invalid-argument');
		expect(codeOf(() => simulateDecode({ dims: DIMS, promptTokens: 0, newTokens: 1 }))).toBe('out-of-range');
		expect(codeOf(() => simulateDecode({ dims: DIMS, promptTokens: 1, newTokens: NaN }))).toBe(
			'out-of-range'
		);
		expect(codeOf(() => simulateDecode({ dims: DIMS, promptTokens: 1, newTokens: 1, batch: 0 }))).toBe(
			'out-of-range'
		);
		expect(codeOf(() => simulateDecode({ dims: DIMS, promptTokens: 1, newTokens: 1, blockSize: 0 }))).toBe(
			'out-of-range'
		);
		expect(
			codeOf(() => simulateDecode({ dims: DIMS, promptTokens: 1, newTokens: MAX_SIMULATED_STEPS + 1 }))
		).toBe('out-of-range');
		expect(
			codeOf(() => simulateDecode({ dims: { ...DIMS, numLayers: -1 }, promptTokens: 1, newTokens: 1 }))
		).toBe('out-of-range');
		expect(
			codeOf(() =>
				simulateDecode({ dims: { ...DIMS, matmulParameters: NaN }, promptTokens: 1, newTokens: 1 })
			)
		).toBe('out-of-range');
		expect(codeOf(() => simulateDecode({ model: 'nope', promptTokens: 1, newTokens: 1 }))).toBe(
			'unknown-model'
		);
		expect(
			codeOf(() => simulateDecode({ dims: DIMS, promptTokens: 1, newTokens: 1, dtype: 'x' as never }))
		).toBe('invalid-argument');
	});
});
