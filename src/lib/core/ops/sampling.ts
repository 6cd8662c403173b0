/**
 * Choosing the next token: temperature, then the truncation filters top-k, top-p (nucleus) and
 * min-p, then one seeded draw from what is left.
 *
 *   p = softmax(z / T)
 *   top-k:  keep the k most probable tokens
 *   top-p:  keep the smallest set of most probable tokens whose mass is ≥ p (Holtzman et al. 2020)
 *   min-p:  keep tokens with pᵢ ≥ min_p · max p (Nguyen et al. 2024)
 *
 * Filters run in that order (the order of Hugging Face `generate`), each on the distribution the
 * previous one left, renormalised. Ties are broken by token index (lower first), so results are
 * stable. Every filter keeps at least one token.
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import { createRng, type Rng } from '../rng.js';
import { softmax } from './softmax.js';

/** Slack on the top-p comparison, so that a mass which equals p up to rounding counts as reaching it. */
const TOP_P_SLACK = 1e-12;

/**
 * Indices sorted by probability, highest first, ties by lower index (a stable order): the order
 * in which top-k and top-p keep tokens, and the order a chart lists them in.
 */
export function probabilityOrder(probs: ArrayLike<number>): number[] {
	return Array.from({ length: probs.length }, (_, i) => i).sort((a, b) => probs[b] - probs[a] || a - b);
}

function checkProbs(probs: ArrayLike<number>, what: string): void {
	check(probs.length > 0, `${what}: probabilities are empty`);
	for (let i = 0; i < probs.length; i++) {
		const p = probs[i];
		if (!Number.isFinite(p)) throw new AnatomyError('non-finite', `${what}: probability ${i} is ${p}`);
		if (p < 0) throw new AnatomyError('invalid-argument', `${what}: probability ${i} is negative (${p})`);
	}
}

/**
 * Top-k mask: `true` for the `k` most probable tokens (ties by lower index). `k ≥ n` keeps all.
 * @throws AnatomyError `out-of-range` unless k is an integer ≥ 1.
 */
export function topKMask(probs: ArrayLike<number>, k: number): boolean[] {
	checkProbs(probs, 'topK');
	checkInt(k, 'topK', 1);
	const keep = new Array<boolean>(probs.length).fill(false);
	const idx = probabilityOrder(probs);
	for (let r = 0; r < Math.min(k, idx.length); r++) keep[idx[r]] = true;
	return keep;
}

/**
 * Top-p (nucleus) mask: the smallest set of most probable tokens whose total probability is ≥ p
 * (ties by lower index). `probs` need not be normalised: p is a fraction of their sum.
 * @throws AnatomyError `out-of-range` unless 0 < p ≤ 1.
 */
export function topPMask(probs: ArrayLike<number>, p: number): boolean[] {
	checkProbs(probs, 'topP');
	if (!(p > 0 && p <= 1)) throw new AnatomyError('out-of-range', `topP must be in (0, 1], got ${p}`);
	let total = 0;
	for (let i = 0; i < probs.length; i++) total += probs[i];
	const keep = new Array<boolean>(probs.length).fill(false);
	const idx = probabilityOrder(probs);
	const target = p * total * (1 - TOP_P_SLACK);
	let mass = 0;
	for (const i of idx) {
		keep[i] = true;
		mass += probs[i];
		if (mass >= target) break;
	}
	return keep;
}

/**
 * Min-p mask: tokens with probability ≥ `minP` times the largest probability. `minP = 0` keeps all,
 * `minP = 1` keeps only the most probable (and any exact ties).
 * @throws AnatomyError `out-of-range` unless 0 ≤ minP ≤ 1.
 */
export function minPMask(probs: ArrayLike<number>, minP: number): boolean[] {
	checkProbs(probs, 'minP');
	if (!(minP >= 0 && minP <= 1))
		throw new AnatomyError('out-of-range', `minP must be in [0, 1], got ${minP}`);
	let max = 0;
	for (let i = 0; i < probs.length; i++) if (probs[i] > max) max = probs[i];
	const threshold = minP * max;
	return Array.from({ length: probs.length }, (_, i) => probs[i] >= threshold && (probs[i] > 0 || max === 0));
}

/** The index of the largest logit (the lowest index among ties): greedy decoding. */
export function greedy(logits: ArrayLike<number>): number {
	check(logits.length > 0, 'greedy: logits are empty');
	let best = 0;
	for (let i = 0; i < logits.length; i++) {
		if (Number.isNaN(logits[i])) throw new AnatomyError('non-finite', `greedy: logit ${i} is NaN`);
		if (logits[i] > logits[best]) best = i;
	}
	return best;
}

/** Options of {@link sample}. */
export interface SampleOptions {
	/** Temperature T ≥ 0; T ≤ 1e-6 is greedy (ties drawn evenly). @default 1 */
	readonly temperature?: number;
	/** Keep the k most probable tokens (integer ≥ 1); omitted = no top-k. */
	readonly topK?: number;
	/** Keep the smallest set with mass ≥ topP, in (0, 1]; omitted = no top-p. */
	readonly topP?: number;
	/** Keep tokens with p ≥ minP · max p, in [0, 1]; omitted = no min-p. */
	readonly minP?: number;
	/** Seed of a fresh generator, used when `rng` is not given. @default 42 */
	readonly seed?: number;
	/** A generator to draw from (advanced by one draw); takes precedence over `seed`. */
	readonly rng?: Rng;
}

/** One sampling step, with every distribution shown. */
export interface SampleResult {
	/** The drawn token index. */
	readonly index: number;
	/** softmax(logits / T), before any filter. */
	readonly probs: Float64Array;
	/** The distribution drawn from: `probs` with filtered tokens set to 0, renormalised to sum 1. */
	readonly filtered: Float64Array;
	/** `kept[i]`: token i survived every filter. */
	readonly kept: boolean[];
	/** ln filtered[index], the log-probability (nats) of the drawn token under the distribution drawn from. */
	readonly logProb: number;
	/** The uniform number u ∈ [0, 1) the draw used (the index is where the cumulative mass first exceeds u). */
	readonly u: number;
}

/** Applies temperature, top-k, top-p and min-p (in that order); returns probs, mask and renormalised filtered. */
export function filterDistribution(
	logits: ArrayLike<number>,
	options: Omit<SampleOptions, 'seed' | 'rng'> = {}
): Pick<SampleResult, 'probs' | 'filtered' | 'kept'> {
	const probs = softmax(logits, options.temperature ?? 1);
	const n = probs.length;
	const kept = Array.from(probs, (p) => p > 0);
	const current = () => Float64Array.from(probs, (p, i) => (kept[i] ? p : 0));
	const apply = (mask: boolean[]) => mask.forEach((m, i) => (kept[i] = kept[i] && m));
	if (options.topK !== undefined) apply(topKMask(current(), options.topK));
	if (options.topP !== undefined) apply(topPMask(current(), options.topP));
	if (options.minP !== undefined) apply(minPMask(current(), options.minP));
	const filtered = current();
	let sum = 0;
	for (let i = 0; i < n; i++) sum += filtered[i];
	for (let i = 0; i < n; i++) filtered[i] /= sum;
	return { probs, filtered, kept };
}

/**
 * Draws one token from logits after temperature and the truncation filters, returning every
 * intermediate distribution. Deterministic for a given `seed` (or state of `rng`).
 *
 * @throws AnatomyError `non-finite` for NaN logits, `invalid-argument` for empty or all-masked
 *   logits or a bad temperature, `out-of-range` for a bad topK/topP/minP.
 */
export function sample(logits: ArrayLike<number>, options: SampleOptions = {}): SampleResult {
	const { probs, filtered, kept } = filterDistribution(logits, options);
	const rng = options.rng ?? createRng(options.seed ?? 42);
	const u = rng.next();
	let index = -1;
	let cum = 0;
	let last = -1;
	for (let i = 0; i < filtered.length; i++) {
		if (filtered[i] <= 0) continue;
		last = i;
		cum += filtered[i];
		if (u < cum) {
			index = i;
			break;
		}
	}
	if (index < 0) index = last; // cumulative rounding left u just above the total
	return { index, probs, filtered, kept, logProb: Math.log(filtered[index]), u };
}

/** Next-token logits for a toy model: `table[token][next]` is the logit of `next` after `token`. */
export type NextTokenTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Options of {@link generate}. */
export interface GenerateOptions extends Omit<SampleOptions, 'seed' | 'rng'> {
	/** The first token (must be a key of the table). */
	readonly start: string;
	/** Most tokens to generate after `start` (integer, 0 … 10 000). */
	readonly maxTokens: number;
	/** Stop after emitting this token. */
	readonly stop?: string;
	/** The generator every draw advances. */
	readonly rng: Rng;
}

/** One step of {@link generate}: the context token, its candidates and the draw. */
export interface GenerateStep {
	readonly from: string;
	readonly candidates: readonly string[];
	readonly result: SampleResult;
	readonly token: string;
}

/**
 * Generates a sequence from a toy next-token table: starting from `start`, repeatedly samples the
 * next token from `table[current]` until `maxTokens` tokens, the `stop` token, or a token with no
 * row in the table.
 *
 * @throws AnatomyError `invalid-argument` when `start` has no row or a row is empty, `out-of-range`
 *   for `maxTokens` outside 0 … 10 000, and whatever {@link sample} throws.
 */
export function generate(
	table: NextTokenTable,
	options: GenerateOptions
): { tokens: string[]; steps: GenerateStep[] } {
	const { start, maxTokens, stop, rng, ...filters } = options;
	check(Object.hasOwn(table, start), `generate: the start token "${start}" has no row in the table`);
	checkInt(maxTokens, 'generate: maxTokens', 0, 10_000);
	const tokens = [start];
	const steps: GenerateStep[] = [];
	let current = start;
	for (let t = 0; t < maxTokens && Object.hasOwn(table, current); t++) {
		const row = table[current];
		const candidates = Object.keys(row);
		check(candidates.length > 0, `generate: the row of "${current}" is empty`);
		const result = sample(
			candidates.map((c) => row[c]),
			{ ...filters, rng }
		);
		const token = candidates[result.index];
		steps.push({ from: current, candidates, result, token });
		tokens.push(token);
		current = token;
		if (token === stop) break;
	}
	return { tokens, steps };
}
