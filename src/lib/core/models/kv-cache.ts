/**
 * Size of the key/value cache: every layer keeps, for every cached token, one key and one value
 * vector per key/value head:
 *
 *   bytes = 2 · layers · kvHeads · headDim · tokens · batch · bytesPerElement
 *
 * It is the number of key/value heads (`num_key_value_heads`), not of query heads, that counts:
 * grouped-query attention (GQA, Llama 3: 8 KV heads for 32 query heads) stores 4× less than
 * multi-head attention (MHA), and multi-query attention (MQA, one KV head) 32× less.
 *
 * With `slidingWindow`, layers that attend only to the last W tokens (Mistral 7B, every other
 * layer of Gemma 2) keep a rolling buffer of min(tokens, W) entries.
 */
import { check, checkInt } from '../errors.js';
import { resolveModel, type ModelLike } from './catalogue.js';
import type { ModelConfig } from './config.js';

/** Element types a KV cache is stored in. */
export type KvDtype = 'fp32' | 'fp16' | 'bf16' | 'fp8' | 'int8' | 'int4';

/** Bytes per cached element (int4 packs two per byte; per-block scales are not counted). */
export const KV_BYTES: Readonly<Record<KvDtype, number>> = Object.freeze({
	fp32: 4,
	fp16: 2,
	bf16: 2,
	fp8: 1,
	int8: 1,
	int4: 0.5
});

/** Options for {@link kvCacheBytes}. */
export interface KvCacheOptions {
	/** Tokens cached per sequence (prompt + generated so far). */
	tokens: number;
	/** Sequences in the batch. @default 1 */
	batch?: number;
	/** @default 'bf16' */
	dtype?: KvDtype;
	/** Cap sliding-window layers at their window. @default false */
	slidingWindow?: boolean;
}

/** Resolves and checks a KV dtype (`invalid-argument` otherwise). */
export function kvBytesPerElement(dtype: KvDtype = 'bf16'): number {
	check(
		dtype in KV_BYTES,
		`unknown KV cache dtype '${String(dtype)}'; expected ${Object.keys(KV_BYTES).join(', ')}`
	);
	return KV_BYTES[dtype];
}

/** Bytes one token adds to the cache of one sequence: 2 · layers · kvHeads · headDim · bytesPerElement. */
export function kvBytesPerToken(model: ModelLike, dtype: KvDtype = 'bf16'): number {
	const c = resolveModel(model);
	return 2 * c.numLayers * c.numKvHeads * c.headDim * kvBytesPerElement(dtype);
}

function cachedTokensPerLayerSum(c: ModelConfig, tokens: number, slidingWindow: boolean): number {
	if (!slidingWindow || !c.slidingWindow) return c.numLayers * tokens;
	const { size, layers } = c.slidingWindow;
	return layers * Math.min(tokens, size) + (c.numLayers - layers) * tokens;
}

/**
 * KV cache size in bytes: 2 · layers · kvHeads · headDim · tokens · batch · bytesPerElement.
 * Exact while the result is below 2^53 (8 PiB); larger results are finite doubles.
 * Throws `out-of-range` for negative or fractional tokens and batch, `invalid-argument` for an
 * unknown dtype.
 */
export function kvCacheBytes(
	model: ModelLike,
	{ tokens, batch = 1, dtype = 'bf16', slidingWindow = false }: KvCacheOptions
): number {
	const c = resolveModel(model);
	checkInt(tokens, 'tokens', 0);
	checkInt(batch, 'batch', 1);
	const per = 2 * c.numKvHeads * c.headDim * kvBytesPerElement(dtype);
	return per * cachedTokensPerLayerSum(c, tokens, slidingWindow) * batch;
}

/** One row of {@link kvCacheComparison}. */
export interface KvAttentionVariant {
	kind: 'MHA' | 'GQA' | 'MQA';
	kvHeads: number;
	bytes: number;
	/** bytes / MHA bytes. */
	ratio: number;
	/** True for the variant the model actually uses. */
	actual: boolean;
}

/**
 * The cache the same model would need with multi-head (kvHeads = query heads), its own
 * grouped-query, and multi-query (kvHeads = 1) attention, at the same tokens, batch and dtype.
 * The GQA row is omitted when the model is MHA or MQA itself.
 */
export function kvCacheComparison(model: ModelLike, options: KvCacheOptions): KvAttentionVariant[] {
	const c = resolveModel(model);
	const at = (kvHeads: number) => kvCacheBytes({ ...c, numKvHeads: kvHeads }, options);
	const mha = at(c.numHeads);
	const rows: KvAttentionVariant[] = [
		{ kind: 'MHA', kvHeads: c.numHeads, bytes: mha, ratio: 1, actual: c.numKvHeads === c.numHeads }
	];
	if (c.numKvHeads !== c.numHeads && c.numKvHeads !== 1) {
		const b = at(c.numKvHeads);
		rows.push({ kind: 'GQA', kvHeads: c.numKvHeads, bytes: b, ratio: mha === 0 ? 0 : b / mha, actual: true });
	}
	const mqa = at(1);
	rows.push({
		kind: 'MQA',
		kvHeads: 1,
		bytes: mqa,
		ratio: mha === 0 ? 0 : mqa / mha,
		actual: c.numKvHeads === 1
	});
	return rows;
}
