import { describe, expect, it } from 'vitest';
import { kvBytesPerToken, kvCacheBytes, kvCacheComparison } from './kv-cache.js';
import { AnatomyError } from '../errors.js';

const GiB = 2 ** 30;
const codeOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

describe('kvCacheBytes = 2 · layers · kvHeads · headDim · tokens · batch · bytes', () => {
	it('Llama 3 8B, 8192 tokens, bf16, batch 1: 2·32·8·128·8192·2 = 1 GiB exactly', () => {
		expect(kvCacheBytes('llama-3-8b', { tokens: 8192, batch: 1, dtype: 'bf16' })).toBe(1_073_741_824);
	});
	it('Llama 2 7B (MHA, 32 KV heads) at 4096 tokens: 2·32·32·128·4096·2 = 2 GiB', () => {
		expect(kvCacheBytes('llama-2-7b', { tokens: 4096 })).toBe(2 * GiB);
	});
	it('Mixtral 8x7B at 32768 tokens: 2·32·8·128·32768·2 = 4 GiB (experts do not change the cache)', () => {
		expect(kvCacheBytes('mixtral-8x7b', { tokens: 32768 })).toBe(4 * GiB);
	});
	it('Llama 2 70B (GQA) at 4096 tokens, batch 8: 2·80·8·128·4096·8·2 = 10 GiB', () => {
		expect(kvCacheBytes('llama-2-70b', { tokens: 4096, batch: 8 })).toBe(10 * GiB);
	});
	it('Llama 3.1 405B at 131072 tokens: 2·126·8·128·131072·2 = 63 GiB', () => {
		expect(kvCacheBytes('llama-3.1-405b', { tokens: 131072 })).toBe(63 * GiB);
	});
	it('Gemma 7B uses head_dim 256: 2·28·16·256·1024·2 = 448 MiB', () => {
		expect(kvCacheBytes('gemma-7b', { tokens: 1024 })).toBe(448 * 2 ** 20);
	});
	it('dtypes scale it: fp32 ×2, fp8 ×½, int4 ×¼ of bf16', () => {
		const b = kvCacheBytes('llama-3-8b', { tokens: 1000 });
		expect(kvCacheBytes('llama-3-8b', { tokens: 1000, dtype: 'fp32' })).toBe(2 * b);
		expect(kvCacheBytes('llama-3-8b', { tokens: 1000, dtype: 'fp8' })).toBe(b / 2);
		expect(kvCacheBytes('llama-3-8b', { tokens: 1000, dtype: 'int4' })).toBe(b / 4);
	});
	it('per token: Llama 3 8B 131,072 B (128 KiB); GPT-2 small 2·12·12·64·2 = 36,864 B', () => {
		expect(kvBytesPerToken('llama-3-8b')).toBe(131_072);
		expect(kvBytesPerToken('gpt2')).toBe(36_864);
	});
	it('sliding windows cap the cache when asked', () => {
		// Mistral 7B: window 4096 on all 32 layers: 2·32·8·128·4096·2 = 0.5 GiB at any length ≥ 4096
		expect(kvCacheBytes('mistral-7b-v0.1', { tokens: 32768, slidingWindow: true })).toBe(GiB / 2);
		expect(kvCacheBytes('mistral-7b-v0.1', { tokens: 32768 })).toBe(4 * GiB);
		expect(kvCacheBytes('mistral-7b-v0.1', { tokens: 100, slidingWindow: true })).toBe(
			2 * 32 * 8 * 128 * 100 * 2
		);
		// Gemma 2 9B: 21 of 42 layers slide over 4096: 2·8·256·2·(21·4096 + 21·8192) = 2,113,929,216
		expect(kvCacheBytes('gemma-2-9b', { tokens: 8192, slidingWindow: true })).toBe(2_113_929_216);
		// models without a window are unchanged
		expect(kvCacheBytes('llama-3-8b', { tokens: 8192, slidingWindow: true })).toBe(GiB);
	});
	it('absurd sizes stay finite and exact: 1e9 tokens of Llama 3 8B = 131,072e9 B', () => {
		expect(kvCacheBytes('llama-3-8b', { tokens: 1e9 })).toBe(1.31072e14);
		expect(kvCacheBytes('llama-3-8b', { tokens: 0 })).toBe(0);
	});
	it('rejects NaN, negative, fractional, too large, unknown dtype', () => {
		expect(codeOf(() => kvCacheBytes('llama-3-8b', { tokens: NaN }))).toBe('out-of-range');
		expect(codeOf(() => kvCacheBytes('llama-3-8b', { tokens: -1 }))).toBe('out-of-range');
		expect(codeOf(() => kvCacheBytes('llama-3-8b', { tokens: 1.5 }))).toBe('out-of-range');
		expect(codeOf(() => kvCacheBytes('llama-3-8b', { tokens: 1e300 }))).toBe('out-of-range');
		expect(codeOf(() => kvCacheBytes('llama-3-8b', { tokens: 1, batch: 0 }))).toBe('out-of-range');
		expect(codeOf(() => kvCacheBytes('llama-3-8b', { tokens: 1, dtype: 'int3' as never }))).toBe(
			'invalid-argument'
		);
		expect(codeOf(() => kvCacheBytes('llama-9', { tokens: 1 }))).toBe('unknown-model');
	});
});

describe('MHA vs GQA vs MQA', () => {
	it('Llama 3 8B at 8192: MHA 4 GiB, its GQA 1 GiB, MQA 128 MiB', () => {
		const rows = kvCacheComparison('llama-3-8b', { tokens: 8192 });
		expect(rows.map((r) => [r.kind, r.kvHeads, r.bytes, r.ratio, r.actual])).toEqual([
			['MHA', 32, 4 * GiB, 1, false],
			['GQA', 8, GiB, 0.25, true],
			['MQA', 1, GiB / 8, 1 / 32, false]
		]);
	});
	it('an MHA model has no separate GQA row', () => {
		const rows = kvCacheComparison('llama-2-7b', { tokens: 4096 });
		expect(rows.map((r) => r.kind)).toEqual(['MHA', 'MQA']);
		expect(rows[0].actual).toBe(true);
	});
});
