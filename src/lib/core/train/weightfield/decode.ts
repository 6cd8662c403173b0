/**
 * Inference with a key–value cache: the model reads one token at a time, appends that token's
 * key and value vectors to the cache, and attends from the new position to every cached one.
 * Nothing is recomputed for earlier positions, which is why a serving model keeps the cache and
 * why the cache, not the weights, is what grows during generation:
 *
 *     cache bytes = 2 (K and V) × layers × d × tokens × bytes per value     (here 1 layer, 4-byte floats)
 *
 * The arithmetic is the forward pass of `model.ts` restricted to the newest position, so for the
 * same tokens it gives the same logits as the batch pass (tested).
 */
import { AnatomyError } from '../../errors.js';
import type { FloatBuf } from './kernels.js';
import { gelu, layerNorm, matmul } from './kernels.js';
import type { WeightFieldGroupName, WeightFieldLayout, WeightFieldModelConfig } from './layout.js';

/** Cached keys and values of the positions read so far (one layer, all heads side by side). */
export interface KvCache {
	/** Keys, `context × d`; rows `[0, length)` are filled. */
	readonly keys: FloatBuf;
	/** Values, `context × d`. */
	readonly values: FloatBuf;
	/** Positions cached. */
	length: number;
	/** Capacity: the model's context length. */
	readonly capacity: number;
	/** @internal scratch vectors of one position */
	readonly tmp: Record<string, Float64Array>;
}

/** An empty cache for a model of sizes `cfg` (float32 unless `f64`). */
export function createKvCache(cfg: WeightFieldModelConfig, { f64 = false }: { f64?: boolean } = {}): KvCache {
	const { dModel: d, ff: f, vocab: V, context: T } = cfg;
	const alloc = (n: number) => (f64 ? new Float64Array(n) : new Float32Array(n));
	const tmp: Record<string, Float64Array> = {};
	for (const [k, n] of Object.entries({
		x: d,
		xh: d,
		rs: 1,
		a: d,
		q: d,
		k: d,
		v: d,
		o: d,
		x1: d,
		u: f,
		h: f,
		x2: d,
		logits: V,
		s: T
	})) {
		tmp[k] = new Float64Array(n);
	}
	return { keys: alloc(T * d), values: alloc(T * d), length: 0, capacity: T, tmp };
}

/** Bytes the filled part of a cache occupies: 2 × d × length × 4 (float32). */
export function kvCacheBytes(cfg: WeightFieldModelConfig, length: number): number {
	return 2 * cfg.dModel * length * 4;
}

/** What one decoding step produced. */
export interface DecodeStep {
	/** Logits for the token after the one just read, length V. */
	logits: Float64Array;
	/** Attention of the new position, `H × length` (row h = head h over cached positions 0…length−1). */
	attention: Float64Array;
	/**
	 * Mean over heads of the attention row's entropy divided by ln(length) (uniform = 1);
	 * 0 when only one position is cached.
	 */
	attentionSpread: number;
}

/**
 * Reads `token` at position `cache.length`, appends its key and value to the cache and returns the
 * logits for the next token. Throws `out-of-range` when the cache is full or the token is not in
 * the vocabulary.
 */
export function decodeToken(
	cfg: WeightFieldModelConfig,
	layout: WeightFieldLayout,
	w: FloatBuf,
	cache: KvCache,
	token: number
): DecodeStep {
	const { dModel: d, ff: f, vocab: V, heads: H } = cfg;
	if (!Number.isInteger(token) || token < 0 || token >= V) {
		throw new AnatomyError('out-of-range', `token ${token} is outside [0, ${V})`);
	}
	if (cache.length >= cache.capacity) {
		throw new AnatomyError('out-of-range', `the KV cache is full (${cache.capacity} positions)`);
	}
	if (w.length !== layout.count) {
		throw new AnatomyError('shape-mismatch', `weights have length ${w.length}, layout needs ${layout.count}`);
	}
	const W = {} as Record<WeightFieldGroupName, FloatBuf>;
	for (const g of layout.groups) W[g.name] = w.subarray(g.offset, g.offset + g.length);
	const { x, xh, rs, a, q, k, v, o, x1, u, h, x2, logits, s } = cache.tmp;
	const pos = cache.length;
	const dh = d / H;
	const scale = 1 / Math.sqrt(dh);

	for (let j = 0; j < d; j++) x[j] = W.embedding[token * d + j] + W.position[pos * d + j];
	layerNorm(x, W['ln1.gain'], W['ln1.bias'], xh, rs, a, 1, d);
	matmul(a, W['attn.q'], q, 1, d, d);
	matmul(a, W['attn.k'], k, 1, d, d);
	matmul(a, W['attn.v'], v, 1, d, d);
	cache.keys.set(k, pos * d);
	cache.values.set(v, pos * d);
	cache.length = pos + 1;
	const len = cache.length;

	const attention = new Float64Array(H * len);
	let spread = 0;
	o.fill(0);
	for (let hd = 0; hd < H; hd++) {
		const c0 = hd * dh;
		let max = -Infinity;
		for (let t = 0; t < len; t++) {
			let dot = 0;
			for (let c = 0; c < dh; c++) dot += q[c0 + c] * cache.keys[t * d + c0 + c];
			s[t] = dot * scale;
			if (s[t] > max) max = s[t];
		}
		let sum = 0;
		for (let t = 0; t < len; t++) {
			s[t] = Math.exp(s[t] - max);
			sum += s[t];
		}
		let ent = 0;
		for (let t = 0; t < len; t++) {
			const p = s[t] / sum;
			attention[hd * len + t] = p;
			if (p > 0) ent -= p * Math.log(p);
			for (let c = 0; c < dh; c++) o[c0 + c] += p * cache.values[t * d + c0 + c];
		}
		if (len > 1) spread += ent / Math.log(len);
	}
	matmul(o, W['attn.o'], x1, 1, d, d);
	for (let j = 0; j < d; j++) x1[j] += x[j];
	layerNorm(x1, W['ln2.gain'], W['ln2.bias'], xh, rs, a, 1, d);
	matmul(a, W['mlp.up'], u, 1, d, f, W['mlp.up.bias']);
	for (let j = 0; j < f; j++) h[j] = gelu(u[j]);
	matmul(h, W['mlp.down'], x2, 1, f, d, W['mlp.down.bias']);
	for (let j = 0; j < d; j++) x2[j] += x1[j];
	layerNorm(x2, W['lnf.gain'], W['lnf.bias'], xh, rs, a, 1, d);
	matmul(a, W.unembedding, logits, 1, d, V);
	return { logits: Float64Array.from(logits), attention, attentionSpread: H > 0 ? spread / H : 0 };
}
