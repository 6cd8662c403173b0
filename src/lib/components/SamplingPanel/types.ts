import type { HTMLAttributes } from 'svelte/elements';
import type { NextTokenTable } from '../../core/ops/sampling.js';
import type { SamplingPanelKey } from './messages.js';

/** A candidate next token and its logit (raw score). */
export interface SamplingCandidate {
	token: string;
	logit: number;
}

/** How the next token is chosen. */
export type SamplingMode = 'sample' | 'greedy';

/** One generated token, as passed to `onStep`. */
export interface SamplingStep {
	/** 1-based step number. */
	step: number;
	token: string;
	/** Probability of the token under the distribution it was drawn from (after the filters). */
	probability: number;
}

/**
 * Logits to a choice: candidate next tokens with their logits as bars, softmax at a temperature,
 * the top-k, top-p and min-p cut-offs marked on the distribution, greedy or sampled decoding, and a
 * seeded generator that writes a continuation one token at a time.
 */
export interface SamplingPanelProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * Candidate next tokens with their logits. When given (or `tokens` with `logits`), every step
	 * draws from this same distribution; otherwise the toy `table` is used.
	 * @default undefined
	 */
	candidates?: SamplingCandidate[];
	/** Candidate tokens, paired with `logits` (used when `candidates` is not given). @default undefined */
	tokens?: string[];
	/** Logits of `tokens`, in the same order. @default undefined */
	logits?: number[];
	/**
	 * A toy next-token model: `table[token][next]` is the logit of `next` after `token`. Used when no
	 * candidates are given.
	 * @default a small table continuing "The cat sat on the"
	 */
	table?: NextTokenTable;
	/** The table row the first step draws from. @default 'the' */
	start?: string;
	/** Generation ends after this token. @default '.' */
	stop?: string;
	/** The text before the candidates. @default 'The cat sat on the' */
	prompt?: string;
	/** Softmax temperature, 0–2; 0 puts all probability on the highest logit. Bindable. @default 1 */
	temperature?: number;
	/** Keep only the k most probable tokens; 0 = off. Bindable. @default 0 */
	topK?: number;
	/** Keep the smallest set of most probable tokens whose total is ≥ p; 1 = off. Bindable. @default 1 */
	topP?: number;
	/** Keep tokens with probability ≥ minP × the top probability; 0 = off. Bindable. @default 0 */
	minP?: number;
	/** Sampled or greedy decoding. Bindable. @default 'sample' */
	mode?: SamplingMode;
	/** Seed of the generator: the same seed and settings give the same sequence. Bindable. @default 42 */
	seed?: number;
	/** Tokens to generate at most (1–50). @default 10 */
	length?: number;
	/** Milliseconds between tokens while generating (0–5000); instant under reduced motion. @default 350 */
	interval?: number;
	/** Whether the sliders and buttons are shown. @default true */
	showControls?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<SamplingPanelKey, string>>;
	/** Called when the temperature slider moves. @default undefined */
	onTemperatureChange?: (temperature: number) => void;
	/** Called when the top-k slider moves. @default undefined */
	onTopKChange?: (topK: number) => void;
	/** Called when the top-p slider moves. @default undefined */
	onTopPChange?: (topP: number) => void;
	/** Called when the min-p slider moves. @default undefined */
	onMinPChange?: (minP: number) => void;
	/** Called when the decoding mode changes. @default undefined */
	onModeChange?: (mode: SamplingMode) => void;
	/** Called when the seed changes. @default undefined */
	onSeedChange?: (seed: number) => void;
	/** Called each time a token is added to the generated text. @default undefined */
	onStep?: (step: SamplingStep) => void;
}
