/**
 * Scaled dot-product attention (Vaswani et al. 2017), one head and multi-head with grouped-query
 * attention (GQA, Ainslie et al. 2023):
 *
 *   S = Q·Kᵀ / √d_head,   W = softmax_rows(S),   O = W·V
 *
 * With a causal mask, position i may only attend to positions j ≤ i: Sᵢⱼ = −∞ for j > i, so
 * Wᵢⱼ = 0 there. With GQA, `nHeads` query heads share `nKvHeads` key/value heads in groups of
 * `nHeads / nKvHeads`: query head h reads kv head ⌊h / (nHeads / nKvHeads)⌋. `nKvHeads = nHeads`
 * is ordinary multi-head attention (MHA), `nKvHeads = 1` is multi-query attention (MQA).
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import { createRng } from '../rng.js';
import type { Matrix } from '../tensor.js';
import { matmulF64 } from './matmul.js';
import { softmaxRowInto } from './softmax.js';

/** Options of {@link attentionHead}. */
export interface AttentionHeadOptions {
	/** Mask future positions (j > i). @default false */
	readonly causal?: boolean;
}

/** Every intermediate of one attention head, row-major float32. */
export interface AttentionHeadResult {
	/** `S = Q·Kᵀ/√d_head`, `seq × seq`; masked entries are `-Infinity`. */
	readonly scores: Float32Array;
	/** `softmax(S)` per row, `seq × seq`; rows sum to 1, masked entries are 0. */
	readonly weights: Float32Array;
	/** `W·V`, `seq × dHead`. */
	readonly output: Float32Array;
}

/**
 * One attention head on flat row-major float32 `q`, `k`, `v` (each `seq × dHead`): the CPU twin of
 * the GPU attention kernel. Scores are float64 dot products rounded to float32; each weight row is
 * the float64 softmax of the float32 scores; each output row is a float64 sum rounded once. With
 * `causal`, masked work is skipped, not computed and discarded.
 *
 * A row whose scores are all masked cannot occur (the diagonal is always visible); NaN inputs give
 * NaN rows, as in `softmaxRows`.
 *
 * @throws AnatomyError `shape-mismatch` for a size that is not a non-negative integer or a buffer
 *   whose length is not `seq·dHead`.
 */
export function attentionHead(
	q: Float32Array,
	k: Float32Array,
	v: Float32Array,
	seq: number,
	dHead: number,
	options: AttentionHeadOptions = {}
): AttentionHeadResult {
	if (!Number.isInteger(seq) || seq < 0 || !Number.isInteger(dHead) || dHead < 0) {
		throw new AnatomyError(
			'shape-mismatch',
			`attentionHead: seq and dHead must be non-negative integers, got ${seq} and ${dHead}`
		);
	}
	const len = seq * dHead;
	for (const [name, x] of [
		['q', q],
		['k', k],
		['v', v]
	] as const) {
		if (x.length !== len) {
			throw new AnatomyError(
				'shape-mismatch',
				`attentionHead: ${name} has ${x.length} values, expected ${seq} × ${dHead} = ${len}`
			);
		}
	}
	const causal = options.causal ?? false;
	const scores = new Float32Array(seq * seq);
	const weights = new Float32Array(seq * seq);
	const output = new Float32Array(len);
	if (seq === 0) return { scores, weights, output };
	const scale = dHead > 0 ? 1 / Math.sqrt(dHead) : 1;
	const e = new Float64Array(seq);
	const acc = new Float64Array(dHead);
	for (let i = 0; i < seq; i++) {
		const qi = i * dHead;
		const row = i * seq;
		const width = causal ? i + 1 : seq;
		// Scores: dot products of row i of Q with rows j of K, both contiguous.
		let j = 0;
		for (; j + 3 < width; j += 4) {
			const k0 = j * dHead;
			const k1 = k0 + dHead;
			const k2 = k1 + dHead;
			const k3 = k2 + dHead;
			let s0 = 0;
			let s1 = 0;
			let s2 = 0;
			let s3 = 0;
			for (let d = 0; d < dHead; d++) {
				const x = q[qi + d];
				s0 += x * k[k0 + d];
				s1 += x * k[k1 + d];
				s2 += x * k[k2 + d];
				s3 += x * k[k3 + d];
			}
			scores[row + j] = s0 * scale;
			scores[row + j + 1] = s1 * scale;
			scores[row + j + 2] = s2 * scale;
			scores[row + j + 3] = s3 * scale;
		}
		for (; j < width; j++) {
			const kj = j * dHead;
			let s = 0;
			for (let d = 0; d < dHead; d++) s += q[qi + d] * k[kj + d];
			scores[row + j] = s * scale;
		}
		if (width < seq) scores.fill(-Infinity, row + width, row + seq);
		// Weights: softmax of the visible prefix; masked entries stay 0.
		softmaxRowInto(scores, row, width, weights, e);
		// Output: Σⱼ Wᵢⱼ · V[j], rows of V contiguous.
		acc.fill(0);
		for (let p = 0; p < width; p++) {
			const w = weights[row + p];
			if (w === 0) continue;
			const vp = p * dHead;
			for (let d = 0; d < dHead; d++) acc[d] += w * v[vp + d];
		}
		for (let d = 0; d < dHead; d++) output[qi + d] = acc[d];
	}
	return { scores, weights, output };
}

/** The kv head that query head `h` reads under GQA: ⌊h / (nHeads / nKvHeads)⌋. */
export function kvHeadFor(h: number, nHeads: number, nKvHeads: number): number {
	checkHeads(nHeads, nKvHeads);
	checkInt(h, 'query head', 0, nHeads - 1);
	return Math.floor(h / (nHeads / nKvHeads));
}

/**
 * The query heads sharing each kv head: `groups[g]` lists the query heads that read kv head g.
 * E.g. 8 query heads over 2 kv heads: `[[0,1,2,3],[4,5,6,7]]`.
 */
export function headGroups(nHeads: number, nKvHeads: number): number[][] {
	checkHeads(nHeads, nKvHeads);
	const size = nHeads / nKvHeads;
	return Array.from({ length: nKvHeads }, (_, g) => Array.from({ length: size }, (_, i) => g * size + i));
}

function checkHeads(nHeads: number, nKvHeads: number): void {
	checkInt(nHeads, 'nHeads', 1, 1 << 20);
	checkInt(nKvHeads, 'nKvHeads', 1, nHeads);
	if (nHeads % nKvHeads !== 0) {
		throw new AnatomyError(
			'invalid-config',
			`nHeads (${nHeads}) must be a multiple of nKvHeads (${nKvHeads})`
		);
	}
}

/** Inputs of {@link attention}: one sequence and the four projection matrices (rows × columns). */
export interface AttentionInput {
	/** Token vectors, `seq × dModel`. */
	readonly x: Matrix;
	/** Query projection, `dModel × (nHeads·dHead)`. */
	readonly wq: Matrix;
	/** Key projection, `dModel × (nKvHeads·dHead)`. */
	readonly wk: Matrix;
	/** Value projection, `dModel × (nKvHeads·dHead)`. */
	readonly wv: Matrix;
	/** Output projection, `(nHeads·dHead) × dModel`. */
	readonly wo: Matrix;
	/** Query heads. */
	readonly nHeads: number;
	/** Key/value heads; divides `nHeads`. @default nHeads */
	readonly nKvHeads?: number;
	/** Causal mask. @default true */
	readonly causal?: boolean;
}

/** One query head of {@link attention}, as matrices (rows are sequence positions). */
export interface AttentionHeadView {
	/** Query head index. */
	readonly head: number;
	/** The kv head it reads. */
	readonly kvHead: number;
	/** `Q_h`, `seq × dHead`. */
	readonly q: Matrix;
	/** `K_g` of its kv head, `seq × dHead`. */
	readonly k: Matrix;
	/** `V_g` of its kv head, `seq × dHead`. */
	readonly v: Matrix;
	/** `Q_h·K_gᵀ/√dHead`, `seq × seq`, masked entries `-Infinity`. */
	readonly scores: Matrix;
	/** Row softmax of the scores, `seq × seq`. */
	readonly weights: Matrix;
	/** `weights·V_g`, `seq × dHead`. */
	readonly output: Matrix;
}

/** Every intermediate of multi-head attention, in float64. */
export interface AttentionResult {
	readonly seq: number;
	readonly dModel: number;
	readonly dHead: number;
	readonly nHeads: number;
	readonly nKvHeads: number;
	readonly causal: boolean;
	/** `X·W_Q`, `seq × (nHeads·dHead)`. */
	readonly q: Matrix;
	/** `X·W_K`, `seq × (nKvHeads·dHead)`. */
	readonly k: Matrix;
	/** `X·W_V`, `seq × (nKvHeads·dHead)`. */
	readonly v: Matrix;
	/** One entry per query head. */
	readonly heads: AttentionHeadView[];
	/** The head outputs side by side, `seq × (nHeads·dHead)`. */
	readonly concat: Matrix;
	/** `concat·W_O`, `seq × dModel`. */
	readonly output: Matrix;
}

function flatten(m: Matrix, rows: number, cols: number, what: string): Float64Array {
	if (m.length !== rows) {
		throw new AnatomyError('shape-mismatch', `attention: ${what} has ${m.length} rows, expected ${rows}`);
	}
	const out = new Float64Array(rows * cols);
	for (let i = 0; i < rows; i++) {
		const r = m[i];
		if (r.length !== cols) {
			throw new AnatomyError(
				'shape-mismatch',
				`attention: ${what} row ${i} has ${r.length} values, expected ${cols}`
			);
		}
		for (let j = 0; j < cols; j++) {
			const x = r[j];
			if (!Number.isFinite(x)) {
				throw new AnatomyError('non-finite', `attention: ${what}[${i}][${j}] is ${x}`);
			}
			out[i * cols + j] = x;
		}
	}
	return out;
}

function rowsOf(data: ArrayLike<number>, rows: number, cols: number, col0 = 0, stride = cols): Matrix {
	const out: Matrix = [];
	for (let i = 0; i < rows; i++) {
		const r = new Array<number>(cols);
		for (let j = 0; j < cols; j++) r[j] = data[i * stride + col0 + j];
		out.push(r);
	}
	return out;
}

/**
 * Multi-head (GQA/MQA) attention on one sequence, returning every intermediate for the inspectors:
 * `Q = X·W_Q`, `K = X·W_K`, `V = X·W_V`; for each query head h with kv head g = ⌊h·nKvHeads/nHeads⌋,
 * `S_h = Q_h·K_gᵀ/√dHead` (causal mask → −∞), `W_h = softmax(S_h)`, `O_h = W_h·V_g`; then
 * `concat = [O_0 … O_{H−1}]` and `output = concat·W_O`. Float64 throughout; `dHead` is the width
 * of `W_Q` divided by `nHeads`.
 *
 * @throws AnatomyError `shape-mismatch` for inconsistent matrix sizes, `non-finite` for NaN/∞
 *   entries, `invalid-config` when `nKvHeads` does not divide `nHeads` or `W_Q` is not divisible
 *   into heads, `invalid-argument` for an empty sequence.
 */
export function attention(input: AttentionInput): AttentionResult {
	const { x, wq, wk, wv, wo, nHeads } = input;
	const nKvHeads = input.nKvHeads ?? nHeads;
	const causal = input.causal ?? true;
	checkHeads(nHeads, nKvHeads);
	check(Array.isArray(x) && x.length > 0, 'attention: x must have at least one row');
	const seq = x.length;
	const dModel = x[0].length;
	check(dModel > 0, 'attention: x rows must not be empty');
	const qCols = wq[0]?.length ?? 0;
	if (qCols === 0 || qCols % nHeads !== 0) {
		throw new AnatomyError(
			'invalid-config',
			`attention: W_Q has ${qCols} columns, not a positive multiple of nHeads = ${nHeads}`
		);
	}
	const dHead = qCols / nHeads;
	const kvCols = nKvHeads * dHead;
	const X = flatten(x, seq, dModel, 'x');
	const WQ = flatten(wq, dModel, qCols, 'wq');
	const WK = flatten(wk, dModel, kvCols, 'wk');
	const WV = flatten(wv, dModel, kvCols, 'wv');
	const WO = flatten(wo, qCols, dModel, 'wo');
	const Q = matmulF64(X, WQ, seq, dModel, qCols);
	const K = matmulF64(X, WK, seq, dModel, kvCols);
	const V = matmulF64(X, WV, seq, dModel, kvCols);
	const concat = new Float64Array(seq * qCols);
	const scale = 1 / Math.sqrt(dHead);
	const heads: AttentionHeadView[] = [];
	for (let h = 0; h < nHeads; h++) {
		const g = Math.floor(h / (nHeads / nKvHeads));
		const scores: Matrix = [];
		const weights: Matrix = [];
		for (let i = 0; i < seq; i++) {
			const s = new Array<number>(seq);
			let max = -Infinity;
			for (let j = 0; j < seq; j++) {
				if (causal && j > i) {
					s[j] = -Infinity;
					continue;
				}
				let dot = 0;
				for (let d = 0; d < dHead; d++) dot += Q[i * qCols + h * dHead + d] * K[j * kvCols + g * dHead + d];
				s[j] = dot * scale;
				if (s[j] > max) max = s[j];
			}
			const w = new Array<number>(seq);
			let sum = 0;
			for (let j = 0; j < seq; j++) {
				w[j] = s[j] === -Infinity ? 0 : Math.exp(s[j] - max);
				sum += w[j];
			}
			for (let j = 0; j < seq; j++) w[j] /= sum;
			for (let d = 0; d < dHead; d++) {
				let o = 0;
				for (let j = 0; j < seq; j++) o += w[j] * V[j * kvCols + g * dHead + d];
				concat[i * qCols + h * dHead + d] = o;
			}
			scores.push(s);
			weights.push(w);
		}
		heads.push({
			head: h,
			kvHead: g,
			q: rowsOf(Q, seq, dHead, h * dHead, qCols),
			k: rowsOf(K, seq, dHead, g * dHead, kvCols),
			v: rowsOf(V, seq, dHead, g * dHead, kvCols),
			scores,
			weights,
			output: rowsOf(concat, seq, dHead, h * dHead, qCols)
		});
	}
	const out = matmulF64(concat, WO, seq, qCols, dModel);
	return {
		seq,
		dModel,
		dHead,
		nHeads,
		nKvHeads,
		causal,
		q: rowsOf(Q, seq, qCols),
		k: rowsOf(K, seq, kvCols),
		v: rowsOf(V, seq, kvCols),
		heads,
		concat: rowsOf(concat, seq, qCols),
		output: rowsOf(out, seq, dModel)
	};
}

/** Options of {@link createAttentionDemo}. */
export interface AttentionDemoOptions {
	/** The sentence, one token per entry. */
	readonly tokens: readonly string[];
	/** Model width. @default 8 */
	readonly dModel?: number;
	/** Query heads (divides dModel). @default 2 */
	readonly nHeads?: number;
	/** Key/value heads (divides nHeads). @default nHeads */
	readonly nKvHeads?: number;
	/** Seed of every random weight. @default 42 */
	readonly seed?: number;
	/** Causal mask. @default true */
	readonly causal?: boolean;
}

/** A ready-to-run attention example: {@link AttentionInput} plus the tokens it was built from. */
export interface AttentionDemo extends Required<AttentionInput> {
	readonly tokens: readonly string[];
	readonly dHead: number;
	readonly seed: number;
}

/** FNV-1a hash of a string, so that the same token gets the same embedding in every sentence. */
function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * A seeded attention example for a demo sentence. Each token's embedding is a N(0, 1) vector drawn
 * from a generator seeded by (seed, token text), so repeated tokens share it, plus the sinusoidal
 * position encoding of Vaswani et al. (PE(pos, 2i) = sin(pos/10000^(2i/d)), PE(pos, 2i+1) = cos(…)),
 * so that repeated tokens still differ by position. Projection weights are N(0, 1/dModel)
 * (variance-preserving), drawn from `createRng(seed)`.
 *
 * @throws AnatomyError `invalid-argument` for no tokens, `out-of-range`/`invalid-config` for head
 *   counts that do not divide the widths.
 */
export function createAttentionDemo(options: AttentionDemoOptions): AttentionDemo {
	const { tokens } = options;
	const dModel = options.dModel ?? 8;
	const nHeads = options.nHeads ?? 2;
	const nKvHeads = options.nKvHeads ?? nHeads;
	const seed = options.seed ?? 42;
	const causal = options.causal ?? true;
	check(Array.isArray(tokens) && tokens.length > 0, 'createAttentionDemo: tokens must not be empty');
	checkInt(tokens.length, 'createAttentionDemo: token count', 1, 4096);
	checkInt(dModel, 'createAttentionDemo: dModel', 1, 4096);
	checkHeads(nHeads, nKvHeads);
	if (dModel % nHeads !== 0) {
		throw new AnatomyError('invalid-config', `dModel (${dModel}) must be a multiple of nHeads (${nHeads})`);
	}
	const dHead = dModel / nHeads;
	const x: Matrix = tokens.map((t, pos) => {
		const r = createRng((hashString(t) ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0);
		return Array.from({ length: dModel }, (_, c) => {
			const i = Math.floor(c / 2);
			const angle = pos / Math.pow(10000, (2 * i) / dModel);
			return r.normal() + (c % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
		});
	});
	const rng = createRng(seed);
	const std = 1 / Math.sqrt(dModel);
	const mat = (rows: number, cols: number): Matrix =>
		Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * std));
	const wq = mat(dModel, nHeads * dHead);
	const wk = mat(dModel, nKvHeads * dHead);
	const wv = mat(dModel, nKvHeads * dHead);
	const wo = mat(nHeads * dHead, dModel);
	return { tokens: [...tokens], x, wq, wk, wv, wo, nHeads, nKvHeads, causal, dHead, seed };
}
