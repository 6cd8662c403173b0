/**
 * Turns AttentionMatrix's props into what it draws: either the seeded demo model run through the
 * core's attention op (every intermediate, per head), or weights passed in by the page, checked
 * and flattened. Bad input never throws: it comes back as notices (clamped) or an error.
 */
import { AnatomyError } from '../../core/errors.js';
import { attention, createAttentionDemo } from '../../core/ops/attention.js';
import { DEFAULT_TOKENS, fillerTokens, splitWords } from './display.js';
import type { AttentionMatrixKey } from './messages.js';

/** Most tokens shown; longer inputs are cut with a notice. */
export const MAX_TOKENS = 1024;
/** Most query heads of the demo model. */
export const MAX_HEADS = 16;
/** Widest head of the demo model. */
export const MAX_D_HEAD = 64;

/** A message for the view, translated there. */
export interface Notice {
	key: AttentionMatrixKey;
	params?: Record<string, string | number>;
}

/** One head, every array row-major. */
export interface HeadData {
	/** Index of the head (0-based). */
	index: number;
	/** K/V head this query head reads (0-based). */
	kvHead: number;
	/** seq × dHead; absent for weights passed in. */
	q?: Float64Array;
	k?: Float64Array;
	v?: Float64Array;
	/** seq × seq scaled scores, −Infinity where masked; absent for weights passed in. */
	scores?: Float64Array;
	/** seq × seq softmax weights. */
	weights: Float64Array;
	/** seq × dHead: weights · V; absent for weights passed in. */
	output?: Float64Array;
}

export interface AttentionData {
	source: 'demo' | 'weights';
	tokens: string[];
	seq: number;
	dHead: number;
	nHeads: number;
	nKvHeads: number;
	causal: boolean;
	heads: HeadData[];
}

export interface Resolved {
	data: AttentionData | null;
	notices: Notice[];
	error: Notice | null;
}

export interface AttentionInput {
	tokens?: string[];
	text?: string;
	size?: number;
	weights?: number[][] | Float32Array;
	seq?: number;
	causal: boolean;
	nHeads: number;
	nKvHeads: number;
	dHead: number;
	seed: number;
}

const intIn = (v: unknown, lo: number, hi: number, fallback: number) =>
	typeof v === 'number' && Number.isFinite(v) ? Math.max(lo, Math.min(hi, Math.round(v))) : fallback;

/** Row-major copy of a matrix given as rows, a flat array, or a { data } tensor. */
function flat(m: unknown): Float64Array {
	if (m instanceof Float64Array) return m;
	if (ArrayBuffer.isView(m) && !(m instanceof DataView))
		return new Float64Array(m as unknown as ArrayLike<number>);
	if (m && typeof m === 'object' && 'data' in m) return flat((m as { data: unknown }).data);
	if (Array.isArray(m)) {
		if (m.length && Array.isArray(m[0])) {
			const cols = (m[0] as number[]).length;
			const out = new Float64Array(m.length * cols);
			m.forEach((row: number[], i) => out.set(row, i * cols));
			return out;
		}
		return Float64Array.from(m as number[]);
	}
	return new Float64Array(0);
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** The tokens the demo runs on, with a notice when they had to be cut. */
function demoTokens(input: AttentionInput, notices: Notice[]): string[] {
	let toks: string[];
	if (Array.isArray(input.tokens)) toks = input.tokens.map((t) => String(t ?? ''));
	else if (typeof input.text === 'string') toks = splitWords(input.text);
	else if (input.size !== undefined) toks = fillerTokens(intIn(input.size, 0, MAX_TOKENS * 8, 0));
	else toks = DEFAULT_TOKENS;
	if (toks.length > MAX_TOKENS) {
		notices.push({ key: 'tooManyTokens', params: { count: toks.length, max: MAX_TOKENS } });
		toks = toks.slice(0, MAX_TOKENS);
	}
	return toks;
}

/** Weights passed in, checked: square, finite, at most MAX_TOKENS (cut with a notice). */
function fromWeights(input: AttentionInput, notices: Notice[]): Resolved {
	const w = input.weights!;
	let n: number;
	let data: Float64Array;
	if (Array.isArray(w)) {
		n = w.length;
		for (let i = 0; i < n; i++) {
			if (!Array.isArray(w[i]) || w[i].length !== n)
				return fail(
					`row ${i} has ${Array.isArray(w[i]) ? w[i].length : 0} values, expected ${n} (a square map)`
				);
		}
		data = flat(w);
	} else if (ArrayBuffer.isView(w)) {
		const s = input.seq;
		if (typeof s !== 'number' || !Number.isInteger(s) || s < 0)
			return fail(`a flat weights array needs seq, a whole number (got ${String(s)})`);
		if (s * s !== w.length) return fail(`${w.length} values do not make a ${s} × ${s} map`);
		n = s;
		data = flat(w);
	} else return fail('weights must be rows of numbers or a Float32Array');
	for (let i = 0; i < data.length; i++) {
		if (!Number.isFinite(data[i]))
			return fail(`value ${data[i]} at row ${Math.floor(i / n)}, column ${i % n}`);
	}
	if (n === 0) return { data: null, notices: [...notices, { key: 'empty' }], error: null };
	let m = n;
	if (n > MAX_TOKENS) {
		notices.push({ key: 'tooManyTokens', params: { count: n, max: MAX_TOKENS } });
		m = MAX_TOKENS;
		const cut = new Float64Array(m * m);
		for (let r = 0; r < m; r++) cut.set(data.subarray(r * n, r * n + m), r * m);
		data = cut;
	}
	const given = Array.isArray(input.tokens)
		? input.tokens
		: typeof input.text === 'string'
			? splitWords(input.text)
			: [];
	const tokens = Array.from({ length: m }, (_, i) =>
		given.length === n || given.length >= m ? String(given[i]) : `#${i}`
	);
	return {
		data: {
			source: 'weights',
			tokens,
			seq: m,
			dHead: 0,
			nHeads: 1,
			nKvHeads: 1,
			causal: false,
			heads: [{ index: 0, kvHead: 0, weights: data }]
		},
		notices,
		error: null
	};

	function fail(reason: string): Resolved {
		return { data: null, notices, error: { key: 'badWeights', params: { reason } } };
	}
}

/**
 * Resolves the props into the data to draw. Sizes are clamped (NaN falls back to the default),
 * a K/V head count that does not divide the query heads falls back to the nearest divisor below
 * it with a notice, and any error from the core comes back as an error notice.
 */
export function resolveAttention(input: AttentionInput): Resolved {
	const notices: Notice[] = [];
	if (input.weights !== undefined && input.weights !== null) return fromWeights(input, notices);

	const tokens = demoTokens(input, notices);
	if (!tokens.length) return { data: null, notices: [...notices, { key: 'empty' }], error: null };
	const nHeads = intIn(input.nHeads, 1, MAX_HEADS, 4);
	let nKvHeads = intIn(input.nKvHeads, 1, nHeads, nHeads);
	if (nHeads % nKvHeads !== 0) {
		let fallback = nKvHeads;
		while (nHeads % fallback !== 0) fallback--;
		notices.push({ key: 'gqaMismatch', params: { heads: nHeads, kv: nKvHeads, fallback } });
		nKvHeads = fallback;
	}
	const dHead = intIn(input.dHead, 1, MAX_D_HEAD, 4);
	const causal = input.causal !== false;
	try {
		const demo = createAttentionDemo({
			tokens,
			dModel: nHeads * dHead,
			nHeads,
			nKvHeads,
			seed: Number.isFinite(input.seed) ? input.seed : 42
		});
		const result = attention({ ...demo, causal });
		const heads: HeadData[] = result.heads.map((h) => ({
			index: h.head,
			kvHead: h.kvHead,
			q: flat(h.q),
			k: flat(h.k),
			v: flat(h.v),
			scores: flat(h.scores),
			weights: flat(h.weights),
			output: flat(h.output)
		}));
		return {
			data: { source: 'demo', tokens, seq: tokens.length, dHead, nHeads, nKvHeads, causal, heads },
			notices,
			error: null
		};
	} catch (e) {
		if (e instanceof AnatomyError || e instanceof Error)
			return { data: null, notices, error: { key: 'badWeights', params: { reason: message(e) } } };
		throw e;
	}
}

/** Divisors of n in increasing order (the K/V head counts that can share n query heads evenly). */
export function divisors(n: number): number[] {
	const out: number[] = [];
	for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
	return out;
}
