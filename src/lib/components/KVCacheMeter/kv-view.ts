/**
 * What KVCacheMeter shows, kept out of the view: clamping what a reader typed, the state of the
 * decode loop at a given step (from the core's closed-form `decodeTotals`, so a step costs the
 * same at token 10 as at token 1,000,000), the paged-block grid folded to a drawable number of
 * cells, and the attention variants to compare. Every byte, row and FLOP count is the core's.
 */
import { decodeTotals, type DecodeTotals, type SimulateDecodeOptions } from '../../core/kvcache/simulate.js';
import { pagedBlocks } from '../../core/kvcache/paging.js';
import type { ModelConfig } from '../../core/models/config.js';
import { kvBytesPerToken, kvCacheBytes, type KvDtype } from '../../core/models/kv-cache.js';

/** Why a number was clamped, if it was. */
export type ClampIssue = null | 'nan' | 'low' | 'high';

/** Rounds and clamps a count to [min, max]; NaN and non-numbers take `fallback` (itself clamped). */
export function clampCount(
	value: unknown,
	min: number,
	max: number,
	fallback: number
): { value: number; issue: ClampIssue } {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return { value: Math.min(max, Math.max(min, fallback)), issue: 'nan' };
	}
	const v = Math.round(value);
	if (v < min) return { value: min, issue: 'low' };
	if (v > max) return { value: max, issue: 'high' };
	return { value: v, issue: null };
}

/** The decode loop at one step: cumulative work with and without a cache, and the cache itself. */
export interface DecodeState {
	/** −1 before the prefill, then 0 … steps − 1. */
	step: number;
	phase: 'idle' | 'prefill' | 'decode';
	/** Tokens in context after this step, per sequence. */
	context: number;
	/** K/V rows computed in this step, per sequence. */
	rowsNow: { cache: number; noCache: number };
	/** Totals after this step (zero before the prefill). */
	cache: DecodeTotals;
	noCache: DecodeTotals;
	/** Paged allocation of one sequence's cache. */
	blocks: number;
	wasted: number;
}

const ZERO: DecodeTotals = {
	steps: 0,
	kvRows: 0,
	flops: 0,
	finalCachedTokens: 0,
	peakCacheBytes: 0,
	finalBlocks: 0
};

/** Options of one decode run. */
export interface DecodeRun {
	config: ModelConfig;
	promptTokens: number;
	/** Steps in the run: the cache ends at promptTokens + steps − 1 tokens. */
	steps: number;
	batch: number;
	dtype: KvDtype;
	blockSize: number;
}

function totals(run: DecodeRun, newTokens: number, useCache: boolean): DecodeTotals {
	if (newTokens < 1) return ZERO;
	const o: SimulateDecodeOptions = {
		model: run.config,
		promptTokens: run.promptTokens,
		newTokens,
		batch: run.batch,
		dtype: run.dtype,
		useCache,
		blockSize: run.blockSize
	};
	return decodeTotals(o);
}

/** The loop after step `step` (−1: nothing computed yet). */
export function decodeState(run: DecodeRun, step: number): DecodeState {
	const k = Math.min(Math.max(-1, Math.floor(step)), run.steps - 1);
	const cache = totals(run, k + 1, true);
	const noCache = totals(run, k + 1, false);
	const beforeCache = totals(run, k, true);
	const beforeNoCache = totals(run, k, false);
	const paged = pagedBlocks(cache.finalCachedTokens, run.blockSize);
	return {
		step: k,
		phase: k < 0 ? 'idle' : k === 0 ? 'prefill' : 'decode',
		context: k < 0 ? 0 : run.promptTokens + k,
		rowsNow: { cache: cache.kvRows - beforeCache.kvRows, noCache: noCache.kvRows - beforeNoCache.kvRows },
		cache,
		noCache,
		blocks: paged.blocks,
		wasted: paged.wasted
	};
}

/** One square of the paged-block grid, standing for `blocksPerCell` blocks. */
export interface BlockCell {
	/** Share of the cell's slots holding tokens, 0…1. */
	fill: number;
	/** Whether any of its blocks is allocated. */
	allocated: boolean;
}

/**
 * The paged-block grid of one sequence folded to at most `maxCells` squares: `blocksAtEnd`
 * blocks (the cache at full context) shown `blocksPerCell` to a square, filled by `cached` tokens.
 */
export function blockGrid(
	cached: number,
	blocksAtEnd: number,
	blockSize: number,
	maxCells = 256
): { cells: BlockCell[]; blocksPerCell: number } {
	const blocksPerCell = Math.max(1, Math.ceil(blocksAtEnd / maxCells));
	const count = Math.max(1, Math.ceil(blocksAtEnd / blocksPerCell));
	const slotsPerCell = blocksPerCell * blockSize;
	const allocatedBlocks = pagedBlocks(cached, blockSize).blocks;
	const cells: BlockCell[] = [];
	for (let j = 0; j < count; j++) {
		const filled = Math.min(slotsPerCell, Math.max(0, cached - j * slotsPerCell));
		cells.push({ fill: filled / slotsPerCell, allocated: allocatedBlocks > j * blocksPerCell });
	}
	return { cells, blocksPerCell };
}

/** One attention variant of the comparison. */
export interface AttentionVariant {
	kind: 'MHA' | 'GQA' | 'MQA';
	kvHeads: number;
	/** Cache bytes per token of one sequence (all layers, keys and values). */
	bytesPerToken: number;
	/** Cache bytes at the full context for the whole batch. */
	bytes: number;
	/** The variant the model itself uses. */
	actual: boolean;
	/** A GQA grouping the model does not use, shown for comparison. */
	hypothetical: boolean;
}

/** Key/value head counts that divide the query heads strictly between 1 and the query heads. */
export function gqaChoices(numHeads: number): number[] {
	const out: number[] = [];
	for (let d = 2; d < numHeads; d++) if (numHeads % d === 0) out.push(d);
	return out;
}

/** The GQA grouping to show: the model's own, else the largest divisor ≤ 8 (Llama 2 70B's 8), else none. */
export function defaultGqaHeads(config: Pick<ModelConfig, 'numHeads' | 'numKvHeads'>): number | null {
	if (config.numKvHeads > 1 && config.numKvHeads < config.numHeads) return config.numKvHeads;
	const choices = gqaChoices(config.numHeads).filter((d) => d <= 8);
	return choices.length ? choices[choices.length - 1] : null;
}

/**
 * MHA (K = query heads), GQA (the model's K, or `gqaHeads` when the model is MHA or MQA) and MQA
 * (K = 1) for the same model, context, batch and precision: bytes from the core's KV-cache
 * formula 2 · layers · K · headDim · tokens · batch · bytes per element.
 */
export function attentionVariants(
	config: ModelConfig,
	tokens: number,
	batch: number,
	dtype: KvDtype,
	gqaHeads: number | null
): AttentionVariant[] {
	const at = (kind: AttentionVariant['kind'], kvHeads: number): AttentionVariant => {
		const c = { ...config, numKvHeads: kvHeads };
		return {
			kind,
			kvHeads,
			bytesPerToken: kvBytesPerToken(c, dtype),
			bytes: kvCacheBytes(c, { tokens, batch, dtype }),
			actual: kvHeads === config.numKvHeads,
			hypothetical: kind === 'GQA' && kvHeads !== config.numKvHeads
		};
	};
	const out = [at('MHA', config.numHeads)];
	const g = gqaHeads ?? defaultGqaHeads(config);
	if (g !== null && g > 1 && g < config.numHeads && config.numHeads % g === 0) out.push(at('GQA', g));
	if (config.numHeads > 1) out.push(at('MQA', 1));
	return out;
}

/** Steps at which the data table samples the run: powers of two and the last step. */
export function milestoneSteps(steps: number, max = 24): number[] {
	const out = new Set<number>([0]);
	for (let s = 1; s < steps && out.size < max - 1; s *= 2) out.add(s);
	out.add(steps - 1);
	return [...out].sort((a, b) => a - b);
}
