/**
 * Input handling and the derived pictures of SamplingPanel, kept out of the view: candidates from
 * any of the props (with bad logits left out), settings clamped to what the core accepts, each
 * filter's own cut-off for drawing, and the generated sequence as a pure function of the seed and
 * the settings (so the same seed always writes the same text).
 */
import { AnatomyError } from '../../core/errors.js';
import {
	filterDistribution,
	generate,
	minPMask,
	probabilityOrder,
	sample,
	topKMask,
	topPMask,
	type NextTokenTable,
	type SampleResult
} from '../../core/ops/sampling.js';
import { createRng } from '../../core/rng.js';
import type { SamplingPanelKey } from './messages.js';
import type { SamplingCandidate, SamplingMode } from './types.js';

export const MAX_TEMPERATURE = 2;
export const MAX_LENGTH = 50;

export interface Notice {
	key: SamplingPanelKey;
	params?: Record<string, string | number>;
}

/** Candidates from `candidates`, or `tokens` with `logits`; `null` when neither is given. */
export function resolveCandidates(
	candidates: unknown,
	tokens: unknown,
	logits: unknown
): { list: SamplingCandidate[]; notices: Notice[] } | null {
	const notices: Notice[] = [];
	let pairs: [unknown, unknown][];
	if (Array.isArray(candidates)) {
		pairs = candidates.map((c) => [c?.token, c?.logit]);
	} else if (Array.isArray(tokens) || Array.isArray(logits)) {
		const ts = Array.isArray(tokens) ? tokens : [];
		const ls = Array.isArray(logits) ? logits : [];
		const used = Math.min(ts.length, ls.length);
		if (ts.length !== ls.length)
			notices.push({ key: 'lengthMismatch', params: { tokens: ts.length, logits: ls.length, used } });
		pairs = ts.slice(0, used).map((t, i) => [t, ls[i]]);
	} else {
		return null;
	}
	const list: SamplingCandidate[] = [];
	for (const [t, l] of pairs) {
		const token = typeof t === 'string' ? t : String(t ?? '');
		if (typeof l !== 'number' || Number.isNaN(l)) {
			notices.push({ key: 'badLogit', params: { token } });
			continue;
		}
		list.push({ token, logit: l });
	}
	return { list, notices };
}

/** Decoding settings as the core takes them (`undefined` = filter off). */
export interface Settings {
	temperature: number;
	topK: number | undefined;
	topP: number | undefined;
	minP: number | undefined;
}

/** Settings as the sliders show them (0 = top-k off, 1 = top-p off, 0 = min-p off). */
export interface SliderSettings {
	temperature: number;
	topK: number;
	topP: number;
	minP: number;
}

/** Clamps temperature to [0, 2], top-k to 0…n (0 = off), top-p to (0, 1], min-p to [0, 1], with notices. */
export function resolveSettings(
	raw: { temperature?: unknown; topK?: unknown; topP?: unknown; minP?: unknown },
	n: number
): { settings: Settings; sliders: SliderSettings; notices: Notice[] } {
	const notices: Notice[] = [];
	const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

	let temperature = 1;
	if (raw.temperature !== undefined) {
		const v = raw.temperature;
		temperature = isNum(v) ? Math.min(MAX_TEMPERATURE, Math.max(0, v)) : 1;
		if (temperature !== v)
			notices.push({
				key: 'temperatureClamped',
				params: { value: String(v), max: MAX_TEMPERATURE, used: temperature }
			});
	}

	let topK = 0;
	if (raw.topK !== undefined && raw.topK !== 0) {
		const v = raw.topK;
		if (!isNum(v) || v < 0 || !Number.isFinite(v)) {
			notices.push({ key: 'topKClamped', params: { value: String(v) } });
		} else {
			topK = Math.max(0, Math.round(v));
			if (topK > n) {
				notices.push({ key: 'topKTooLarge', params: { value: topK, n } });
				topK = 0;
			}
		}
	}

	let topP = 1;
	if (raw.topP !== undefined) {
		const v = raw.topP;
		topP = isNum(v) ? Math.min(1, Math.max(0.01, v)) : 1;
		if (topP !== v) notices.push({ key: 'topPClamped', params: { value: String(v), used: topP } });
	}

	let minP = 0;
	if (raw.minP !== undefined) {
		const v = raw.minP;
		minP = isNum(v) ? Math.min(1, Math.max(0, v)) : 0;
		if (minP !== v) notices.push({ key: 'minPClamped', params: { value: String(v), used: minP } });
	}

	return {
		settings: {
			temperature,
			topK: topK > 0 && topK < n ? topK : undefined,
			topP: topP < 1 ? topP : undefined,
			minP: minP > 0 ? minP : undefined
		},
		sliders: { temperature, topK, topP, minP },
		notices
	};
}

/** One distribution as drawn: every filter's own mask next to the combined result. */
export interface Distribution {
	probs: Float64Array;
	filtered: Float64Array;
	kept: boolean[];
	/** Tokens each filter keeps, applied in the core's order (top-k, then top-p, then min-p). */
	byTopK: boolean[] | null;
	byTopP: boolean[] | null;
	byMinP: boolean[] | null;
	/** Rows in display order: most probable first, ties by lower index (as the core breaks them). */
	order: number[];
}

/**
 * The distribution for some logits under the settings, with each filter's mask. Masks are applied
 * as `filterDistribution` applies them, each to what the previous one left, so their intersection
 * equals its `kept`.
 */
export function distribution(logits: number[], s: Settings): Distribution {
	const { probs, filtered, kept } = filterDistribution(logits, s);
	const zeroed = (p: ArrayLike<number>, mask: boolean[] | null) =>
		Float64Array.from(p, (v, i) => (mask && !mask[i] ? 0 : v));
	const byTopK = s.topK !== undefined ? topKMask(probs, s.topK) : null;
	const afterK = zeroed(probs, byTopK);
	const byTopP = s.topP !== undefined ? topPMask(afterK, s.topP) : null;
	const afterP = zeroed(afterK, byTopP);
	const byMinP = s.minP !== undefined ? minPMask(afterP, s.minP) : null;
	const order = probabilityOrder(probs);
	return { probs, filtered, kept, byTopK, byTopP, byMinP, order };
}

/** A row of the bar chart. */
export interface BarRow {
	/** Index in the candidate list. */
	index: number;
	token: string;
	logit: number;
	/** Probability at the temperature, before the filters. */
	p: number;
	/** Probability after the filters (renormalised). */
	q: number;
	kept: boolean;
}

/** One generated token with the distribution it came from. */
export interface SequenceStep {
	/** The token whose row was used (table mode), or null (fixed candidates). */
	from: string | null;
	tokens: string[];
	logits: number[];
	index: number;
	token: string;
	result: SampleResult;
}

export type Source =
	| { kind: 'table'; table: NextTokenTable; start: string; stop: string | undefined }
	| { kind: 'fixed'; candidates: SamplingCandidate[] };

/**
 * The whole sequence for a seed: `length` draws (fewer if the stop token comes first or the table
 * has no row for the last token), each advancing one seeded generator. A pure function of its
 * arguments, so step-by-step and all-at-once give the same tokens. Greedy uses T = 0.
 */
export function runSequence(
	source: Source,
	s: Settings,
	mode: SamplingMode,
	length: number,
	seed: number
): { steps: SequenceStep[] } | { error: string } {
	const options = { ...s, temperature: mode === 'greedy' ? 0 : s.temperature };
	const rng = createRng(seed);
	try {
		if (source.kind === 'table') {
			const run = generate(source.table, {
				...options,
				start: source.start,
				maxTokens: length,
				stop: source.stop,
				rng
			});
			return {
				steps: run.steps.map((st) => ({
					from: st.from,
					tokens: [...st.candidates],
					logits: st.candidates.map((c) => source.table[st.from][c]),
					index: st.result.index,
					token: st.token,
					result: st.result
				}))
			};
		}
		const tokens = source.candidates.map((c) => c.token);
		const logits = source.candidates.map((c) => c.logit);
		const steps: SequenceStep[] = [];
		for (let i = 0; i < length; i++) {
			const result = sample(logits, { ...options, rng });
			steps.push({ from: null, tokens, logits, index: result.index, token: tokens[result.index], result });
		}
		return { steps };
	} catch (e) {
		return { error: e instanceof AnatomyError ? e.message : String(e) };
	}
}

/** What goes between the text so far and `token`: a space, unless the token starts with whitespace or punctuation. */
export function separator(before: string, token: string): string {
	return before === '' || /^[\s.,;:!?)\]}'’]/.test(token) ? '' : ' ';
}

/** Prompt plus tokens, joined with {@link separator}. */
export function joinTokens(prompt: string, tokens: string[]): string {
	let out = prompt;
	for (const t of tokens) out += separator(out, t) + t;
	return out;
}

/** Running totals of `probs` taken in `order` (for the cumulative column of the data table). */
export function runningTotals(probs: ArrayLike<number>, order: number[]): number[] {
	const out: number[] = [];
	let sum = 0;
	for (const i of order) out.push((sum += probs[i]));
	return out;
}

/** Clamps a whole-number prop into [lo, hi]; non-numbers give `fallback`. */
export function clampInt(v: unknown, lo: number, hi: number, fallback: number): number {
	if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
	return Math.min(hi, Math.max(lo, Math.round(v)));
}
