import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateDecode } from '../../core/kvcache/simulate.js';
import { MODELS } from '../../core/models/catalogue.js';
import {
	attentionVariants,
	blockGrid,
	clampCount,
	decodeState,
	defaultGqaHeads,
	gqaChoices,
	milestoneSteps,
	type DecodeRun
} from './kv-view.js';

const llama3 = MODELS['llama-3-8b'].config;
const llama2 = MODELS['llama-2-7b'].config;
const GiB = 2 ** 30;

describe('clampCount', () => {
	it('clamps and reports why', () => {
		expect(clampCount(8192, 1, 8192, 10)).toEqual({ value: 8192, issue: null });
		expect(clampCount(-5, 1, 8192, 10)).toEqual({ value: 1, issue: 'low' });
		expect(clampCount(1e9, 1, 8192, 10)).toEqual({ value: 8192, issue: 'high' });
		expect(clampCount(NaN, 1, 8192, 10)).toEqual({ value: 10, issue: 'nan' });
		expect(clampCount('12', 1, 8192, 10)).toEqual({ value: 10, issue: 'nan' });
		expect(clampCount(2.6, 1, 8192, 10)).toEqual({ value: 3, issue: null });
	});
});

describe('decodeState', () => {
	const run: DecodeRun = { config: llama3, promptTokens: 5, steps: 6, batch: 2, dtype: 'bf16', blockSize: 4 };

	it('matches the step-by-step simulation at every step', () => {
		const withCache = simulateDecode({ ...run, model: llama3, newTokens: run.steps, useCache: true });
		const without = simulateDecode({ ...run, model: llama3, newTokens: run.steps, useCache: false });
		for (let k = 0; k < run.steps; k++) {
			const s = decodeState(run, k);
			expect(s.phase).toBe(withCache.steps[k].phase);
			expect(s.context).toBe(withCache.steps[k].contextTokens);
			expect(s.rowsNow.cache).toBe(withCache.steps[k].kvRows);
			expect(s.rowsNow.noCache).toBe(without.steps[k].kvRows);
			expect(s.cache.kvRows).toBe(withCache.steps[k].cumulativeKvRows);
			expect(s.noCache.kvRows).toBe(without.steps[k].cumulativeKvRows);
			expect(s.cache.peakCacheBytes).toBe(withCache.steps[k].cacheBytes);
			expect(s.blocks).toBe(withCache.steps[k].blocksPerSequence);
			expect(s.wasted).toBe(withCache.steps[k].wastedSlotsPerSequence);
			expect(s.cache.flops).toBeCloseTo(withCache.steps[k].cumulativeFlops, -3);
		}
	});

	it('counts the repeated work by hand', () => {
		// prompt 5, steps 0…5: with a cache 5 + 1·5 = 10 rows; without, 5 + 6 + 7 + 8 + 9 + 10 = 45
		const end = decodeState(run, 5);
		expect(end.cache.kvRows).toBe(10);
		expect(end.noCache.kvRows).toBe(45);
		expect(end.rowsNow).toEqual({ cache: 1, noCache: 10 });
		// 10 tokens in blocks of 4: 3 blocks, 2 empty slots
		expect([end.blocks, end.wasted]).toEqual([3, 2]);
		const idle = decodeState(run, -1);
		expect(idle.phase).toBe('idle');
		expect(idle.cache.kvRows).toBe(0);
		expect(decodeState(run, 99).step).toBe(5);
	});

	it('holds 1 GiB for Llama 3 8B at 8,192 tokens in bf16', () => {
		// 2 (K and V) · 32 layers · 8 KV heads · 128 · 8192 tokens · 2 bytes = 1,073,741,824 B
		const s = decodeState(
			{ config: llama3, promptTokens: 1, steps: 8192, batch: 1, dtype: 'bf16', blockSize: 16 },
			8191
		);
		expect(s.cache.peakCacheBytes).toBe(1_073_741_824);
		expect(s.blocks).toBe(512);
		expect(s.wasted).toBe(0);
	});

	it('is cheap at a million tokens (closed forms, no stepping)', () => {
		const s = decodeState(
			{ config: llama3, promptTokens: 1, steps: 1_000_000, batch: 1, dtype: 'bf16', blockSize: 16 },
			999_999
		);
		// without a cache Σ_{t=1}^{10^6} t = 500,000,500,000 rows
		expect(s.noCache.kvRows).toBe(500_000_500_000);
		expect(s.cache.peakCacheBytes).toBe(131_072 * 1_000_000);
	});
});

describe('blockGrid', () => {
	it('draws one cell per block while they fit, and fills the last one partly', () => {
		const { cells, blocksPerCell } = blockGrid(10, 4, 4);
		expect(blocksPerCell).toBe(1);
		expect(cells.map((c) => c.fill)).toEqual([1, 1, 0.5, 0]);
		expect(cells.map((c) => c.allocated)).toEqual([true, true, true, false]);
	});
	it('folds many blocks into at most maxCells squares', () => {
		const { cells, blocksPerCell } = blockGrid(1000, 8192, 16, 256);
		expect(blocksPerCell).toBe(32);
		expect(cells.length).toBe(256);
		fc.assert(
			fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 64 }), (cached, size) => {
				const end = Math.max(1, Math.ceil(cached / size) + 3);
				const g = blockGrid(cached, end, size, 256);
				const slots = g.cells.reduce((s, c) => s + c.fill * g.blocksPerCell * size, 0);
				return g.cells.length <= 256 && Math.abs(slots - Math.min(cached, end * size)) < 1e-6;
			})
		);
	});
});

describe('attentionVariants', () => {
	it('Llama 2 7B: MHA is its own; GQA with 8 KV heads is hypothetical', () => {
		// per token 2 · 32 layers · K · 128 · 2 B: K = 32 → 524,288 B (512 KiB); K = 8 → 128 KiB; K = 1 → 16 KiB
		const v = attentionVariants(llama2, 4096, 1, 'bf16', null);
		expect(v.map((x) => [x.kind, x.kvHeads, x.bytesPerToken, x.actual, x.hypothetical])).toEqual([
			['MHA', 32, 524_288, true, false],
			['GQA', 8, 131_072, false, true],
			['MQA', 1, 16_384, false, false]
		]);
		expect(v[0].bytes).toBe(2 * GiB);
		expect(v[1].bytes).toBe(GiB / 2);
	});
	it('Llama 3 8B: GQA uses num_key_value_heads = 8', () => {
		const v = attentionVariants(llama3, 8192, 1, 'bf16', null);
		expect(v[1]).toMatchObject({ kind: 'GQA', kvHeads: 8, bytes: GiB, actual: true, hypothetical: false });
		expect(v[0].bytes).toBe(4 * GiB);
	});
	it('picks and validates groupings', () => {
		expect(gqaChoices(32)).toEqual([2, 4, 8, 16]);
		expect(defaultGqaHeads({ numHeads: 12, numKvHeads: 12 })).toBe(6);
		expect(defaultGqaHeads({ numHeads: 7, numKvHeads: 7 })).toBeNull();
		expect(attentionVariants(llama2, 16, 1, 'bf16', 5).map((x) => x.kind)).toEqual(['MHA', 'MQA']);
	});
});

describe('milestoneSteps', () => {
	it('samples powers of two and the end', () => {
		expect(milestoneSteps(10)).toEqual([0, 1, 2, 4, 8, 9]);
		expect(milestoneSteps(1)).toEqual([0]);
	});
});
