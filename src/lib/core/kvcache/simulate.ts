/**
 * Step-by-step simulation of autoregressive decoding with and without a KV cache.
 *
 * A prompt of p tokens and n new tokens take n forward steps; step k (k = 0 … n−1) produces new
 * token k + 1 and leaves p + k tokens in context.
 *
 * With a cache, step 0 (prefill) computes keys and values for all p prompt positions; each later
 * step (decode) feeds only the token generated last and computes its one row, attending to the
 * p + k cached ones. The last generated token is never fed back, so the cache ends at p + n − 1
 * tokens and the total is p + (n − 1) rows, every position computed exactly once.
 *
 * Without a cache, step k re-runs the whole context of p + k tokens, computing p + k rows:
 * Σ_{t=p}^{p+n−1} t = n·p + n(n−1)/2 rows in all.
 *
 * Rows are token positions per sequence (each stands for a key and a value vector per KV head in
 * every layer). FLOPs come from {@link prefillFlops} and {@link forwardFlopsPerToken} (per token
 * 2N + c·L·context·d_attn) times the batch, so with a cache the total equals prefilling p + n − 1
 * tokens once, and without one it is Σ_{k=0}^{n−1} prefill(p + k). Cache memory and paged blocks
 * follow {@link kvCacheBytes} and {@link pagedBlocks}.
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import { resolveModel, type ModelLike } from '../models/catalogue.js';
import {
	flopsDims,
	forwardFlopsPerToken,
	prefillFlops,
	type FlopsDims,
	type FlopsOptions
} from '../models/flops.js';
import { kvBytesPerElement, type KvDtype } from '../models/kv-cache.js';
import { pagedBlocks } from './paging.js';

/** The model numbers the simulation needs, when no model config is at hand. */
export interface DecodeDims {
	numLayers: number;
	numHeads: number;
	numKvHeads: number;
	headDim: number;
	/** Weights a token is multiplied by (see {@link FlopsDims}); 0 to count attention only. */
	matmulParameters: number;
}

/** Options for {@link simulateDecode} and {@link decodeTotals}. Give `model` or `dims`. */
export interface SimulateDecodeOptions {
	model?: ModelLike;
	dims?: DecodeDims;
	/** Prompt length p ≥ 1. */
	promptTokens: number;
	/** Tokens to generate n ≥ 1. */
	newTokens: number;
	/** Sequences decoded together. @default 1 */
	batch?: number;
	/** @default 'bf16' */
	dtype?: KvDtype;
	/** @default true */
	useCache?: boolean;
	/** Token slots per paged block. @default 16 (vLLM's default) */
	blockSize?: number;
	/** Attention FLOPs convention. @default 'kaplan' */
	attention?: FlopsOptions['attention'];
}

/** One forward step. */
export interface DecodeSimulationStep {
	step: number;
	phase: 'prefill' | 'decode';
	/** Tokens fed this step, per sequence (p at prefill, then 1; without a cache the whole context). */
	inputTokens: number;
	/** Tokens in context after this step, per sequence (p + step). */
	contextTokens: number;
	/** Key/value rows (token positions) computed this step, per sequence. */
	kvRows: number;
	cumulativeKvRows: number;
	/** FLOPs of this step for the whole batch. */
	flops: number;
	cumulativeFlops: number;
	/** Tokens held in the cache per sequence after this step (0 without a cache). */
	cachedTokens: number;
	/** Cache bytes for the whole batch: 2·L·K·h·cachedTokens·batch·bytesPerElement. */
	cacheBytes: number;
	/** Paged blocks per sequence and in the batch. */
	blocksPerSequence: number;
	blocks: number;
	/** Empty slots in the last block, per sequence and in the batch. */
	wastedSlotsPerSequence: number;
	wastedSlots: number;
	/** New tokens produced so far (step + 1). */
	generatedTokens: number;
}

/** Totals of a run, from the closed forms (no stepping). */
export interface DecodeTotals {
	steps: number;
	/** p + n − 1 with a cache; n·p + n(n−1)/2 without. */
	kvRows: number;
	flops: number;
	/** Cache size at the end: p + n − 1 tokens per sequence (0 without a cache). */
	finalCachedTokens: number;
	peakCacheBytes: number;
	/** Paged blocks at the end (batch). */
	finalBlocks: number;
}

/** What {@link simulateDecode} returns. */
export interface DecodeSimulation {
	steps: DecodeSimulationStep[];
	totals: DecodeTotals;
}

/** The most steps {@link simulateDecode} lists; use {@link decodeTotals} for longer runs. */
export const MAX_SIMULATED_STEPS = 1_000_000;

interface Resolved {
	p: number;
	n: number;
	batch: number;
	useCache: boolean;
	blockSize: number;
	bytesPerToken: number;
	flops: FlopsDims;
	flopsOptions: FlopsOptions;
}

function resolve(o: SimulateDecodeOptions): Resolved {
	check(o && typeof o === 'object', 'simulateDecode needs options');
	const { promptTokens: p, newTokens: n, batch = 1, dtype = 'bf16', useCache = true, blockSize = 16 } = o;
	checkInt(p, 'promptTokens', 1);
	checkInt(n, 'newTokens', 1);
	checkInt(batch, 'batch', 1);
	checkInt(blockSize, 'blockSize', 1);
	const bytes = kvBytesPerElement(dtype);
	let L: number, K: number, h: number, flops: FlopsDims;
	if (o.model !== undefined) {
		const c = resolveModel(o.model);
		[L, K, h] = [c.numLayers, c.numKvHeads, c.headDim];
		flops = flopsDims(c);
	} else if (o.dims) {
		const d = o.dims;
		for (const k of ['numLayers', 'numHeads', 'numKvHeads', 'headDim'] as const)
			checkInt(d[k], `dims.${k}`, 1);
		check(
			Number.isFinite(d.matmulParameters) && d.matmulParameters >= 0,
			`dims.matmulParameters must be a non-negative number, got ${d.matmulParameters}`,
			'out-of-range'
		);
		[L, K, h] = [d.numLayers, d.numKvHeads, d.headDim];
		flops = {
			matmulParameters: d.matmulParameters,
			numLayers: d.numLayers,
			attentionDim: d.numHeads * d.headDim
		};
	} else {
		throw new AnatomyError('invalid-argument', 'simulateDecode needs `model` (id or config) or `dims`');
	}
	return {
		p,
		n,
		batch,
		useCache,
		blockSize,
		bytesPerToken: 2 * L * K * h * bytes,
		flops,
		flopsOptions: { attention: o.attention }
	};
}

/**
 * Totals of a decode run by closed form (see the module comment), valid for any size
 * (p, n up to 2^53; FLOPs and bytes as finite doubles). Throws like {@link simulateDecode}.
 */
export function decodeTotals(options: SimulateDecodeOptions): DecodeTotals {
	const r = resolve(options);
	const { p, n, batch } = r;
	if (r.useCache) {
		const last = p + n - 1;
		return {
			steps: n,
			kvRows: last,
			flops: prefillFlops(r.flops, last, r.flopsOptions) * batch,
			finalCachedTokens: last,
			peakCacheBytes: r.bytesPerToken * last * batch,
			finalBlocks: pagedBlocks(last, r.blockSize).blocks * batch
		};
	}
	// Σ_{k=0}^{n−1} prefill(p + k) with prefill(P) = 2N·P + c·L·d·P(P+1)/2:
	// Σ P = n·p + n(n−1)/2; Σ P(P+1)/2 = [T(p+n) − T(p)] with T(m) = Σ_{P<m} P(P+1)/2 = (m−1)m(m+1)/6
	const sumP = n * p + (n * (n - 1)) / 2;
	const tetra = (m: number) => ((m - 1) * m * (m + 1)) / 6;
	const c = (r.flopsOptions.attention ?? 'kaplan') === 'full' ? 4 : 2;
	const f = r.flops;
	const flops =
		(2 * f.matmulParameters * sumP + c * f.numLayers * f.attentionDim * (tetra(p + n) - tetra(p))) * batch;
	return { steps: n, kvRows: sumP, flops, finalCachedTokens: 0, peakCacheBytes: 0, finalBlocks: 0 };
}

/**
 * Simulates decoding step by step (see the module comment): per step the phase, tokens fed and in
 * context, K/V rows computed, FLOPs, cache bytes, paged blocks and wasted slots, with running
 * totals. Throws `out-of-range` for bad counts or more than {@link MAX_SIMULATED_STEPS} steps,
 * `invalid-argument` without a model or dims, `unknown-model`/`invalid-config` for a bad model.
 */
export function simulateDecode(options: SimulateDecodeOptions): DecodeSimulation {
	const r = resolve(options);
	checkInt(
		r.n,
		'newTokens (simulateDecode lists every step; use decodeTotals for longer runs)',
		1,
		MAX_SIMULATED_STEPS
	);
	const { p, n, batch, useCache, blockSize } = r;
	const steps: DecodeSimulationStep[] = [];
	let rows = 0;
	let flopsSum = 0;
	for (let k = 0; k < n; k++) {
		const context = p + k;
		const kvRows = useCache ? (k === 0 ? p : 1) : context;
		const stepFlops =
			(useCache && k > 0
				? forwardFlopsPerToken(r.flops, context, r.flopsOptions)
				: prefillFlops(r.flops, context, r.flopsOptions)) * batch;
		rows += kvRows;
		flopsSum += stepFlops;
		const cached = useCache ? context : 0;
		const paged = pagedBlocks(cached, blockSize);
		steps.push({
			step: k,
			phase: k === 0 ? 'prefill' : 'decode',
			inputTokens: useCache ? (k === 0 ? p : 1) : context,
			contextTokens: context,
			kvRows,
			cumulativeKvRows: rows,
			flops: stepFlops,
			cumulativeFlops: flopsSum,
			cachedTokens: cached,
			cacheBytes: r.bytesPerToken * cached * batch,
			blocksPerSequence: paged.blocks,
			blocks: paged.blocks * batch,
			wastedSlotsPerSequence: paged.wasted,
			wastedSlots: paged.wasted * batch,
			generatedTokens: k + 1
		});
	}
	return { steps, totals: decodeTotals(options) };
}
