/**
 * What PostTrainingPipeline shows, apart from the maths (which comes from the core): the stages in
 * order, picking an example prompt, localising example text, clamping the worked example's inputs,
 * moving between tabs with the keyboard, and the small token sequences the losses are worked on.
 */
import type { LocalizedText, PostTrainingExample, PostTrainingStage } from './types.js';

/** The stages in training order. */
export const STAGES: readonly PostTrainingStage[] = Object.freeze(['base', 'sft', 'preference']);

/** The stage, or 'base' for anything that is not one. */
export function safeStage(stage: unknown): PostTrainingStage {
	return STAGES.includes(stage as PostTrainingStage) ? (stage as PostTrainingStage) : 'base';
}

/** Text for `locale`: the string itself, the locale's entry, or English. */
export function localize(text: LocalizedText | undefined, locale: string): string {
	if (text == null) return '';
	if (typeof text === 'string') return text;
	return text[locale] ?? text[locale.split('-')[0]] ?? text.en ?? '';
}

/** `value` clamped to [min, max]; NaN and non-numbers give `fallback`. */
export function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
	if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
	return Math.min(max, Math.max(min, value));
}

/** The example with `id`; the first one (with a flag) when no example has that id. */
export type ExampleChoice =
	| { status: 'ok'; example: PostTrainingExample }
	| { status: 'unknown'; example: PostTrainingExample; id: string }
	| { status: 'none' };

export function chooseExample(
	examples: readonly PostTrainingExample[] | undefined,
	id: unknown
): ExampleChoice {
	const list = Array.isArray(examples) ? examples.filter((e) => e && typeof e.id === 'string') : [];
	if (list.length === 0) return { status: 'none' };
	const hit = list.find((e) => e.id === id);
	return hit ? { status: 'ok', example: hit } : { status: 'unknown', example: list[0], id: String(id ?? '') };
}

/**
 * The tab a key moves to in the ARIA tabs pattern (horizontal, wrapping): ←/→ (and ↑/↓) to the
 * previous/next tab, Home/End to the first/last. `null` for other keys.
 */
export function tabFromKey(current: number, key: string, count: number): number | null {
	if (count <= 0) return null;
	if (key === 'ArrowRight' || key === 'ArrowDown') return (current + 1) % count;
	if (key === 'ArrowLeft' || key === 'ArrowUp') return (current - 1 + count) % count;
	if (key === 'Home') return 0;
	if (key === 'End') return count - 1;
	return null;
}

/** One token of a worked loss example. */
export interface WorkedToken {
	/** The token's text as shown. */
	text: string;
	/** pθ(token | everything before it): an illustrative probability. */
	p: number;
	/** Part of the chat template the token belongs to. */
	role?: 'template' | 'user' | 'assistant';
}

/**
 * Pre-training: a sentence from raw text, scored token by token. Probabilities are illustrative,
 * chosen as a partly trained model might give them (a guessable word high, a surprising one low).
 */
export const PRETRAIN_TOKENS: readonly WorkedToken[] = Object.freeze([
	{ text: ' sky', p: 0.012 },
	{ text: ' is', p: 0.41 },
	{ text: ' blue', p: 0.58 },
	{ text: ' because', p: 0.36 },
	{ text: ' air', p: 0.07 },
	{ text: ' scatters', p: 0.19 },
	{ text: ' light', p: 0.44 },
	{ text: '.', p: 0.52 }
]);
/** The context before {@link PRETRAIN_TOKENS} (its first token is not scored: nothing predicts it). */
export const PRETRAIN_CONTEXT = 'The';

/**
 * SFT: one conversation in a ChatML-style template (`<|im_start|>` … `<|im_end|>`, as Qwen and
 * others use; each model family has its own). The loss counts only the assistant's tokens and the
 * closing `<|im_end|>` that teaches the model to stop.
 */
export const SFT_TOKENS: readonly WorkedToken[] = Object.freeze([
	{ text: '<|im_start|>', p: 0.98, role: 'template' },
	{ text: 'user', p: 0.9, role: 'template' },
	{ text: '\n', p: 0.99, role: 'template' },
	{ text: 'Why', p: 0.03, role: 'user' },
	{ text: ' is', p: 0.22, role: 'user' },
	{ text: ' the', p: 0.31, role: 'user' },
	{ text: ' sky', p: 0.02, role: 'user' },
	{ text: ' blue', p: 0.15, role: 'user' },
	{ text: '?', p: 0.6, role: 'user' },
	{ text: '<|im_end|>', p: 0.85, role: 'template' },
	{ text: '\n', p: 0.99, role: 'template' },
	{ text: '<|im_start|>', p: 0.99, role: 'template' },
	{ text: 'assistant', p: 0.97, role: 'template' },
	{ text: '\n', p: 0.99, role: 'template' },
	{ text: 'Air', p: 0.09, role: 'assistant' },
	{ text: ' scatters', p: 0.23, role: 'assistant' },
	{ text: ' blue', p: 0.47, role: 'assistant' },
	{ text: ' light', p: 0.71, role: 'assistant' },
	{ text: ' most', p: 0.18, role: 'assistant' },
	{ text: '.', p: 0.64, role: 'assistant' },
	{ text: '<|im_end|>', p: 0.55, role: 'assistant' }
]);

/** Whitespace made visible in a token chip: space → ·, newline → ↵. */
export function showToken(text: string): string {
	return text.replace(/ /g, '·').replace(/\n/g, '↵');
}

/** Each stage's loss as plain text (for the data table and exports). */
export const LOSS_TEXT: Readonly<Record<PostTrainingStage, string>> = Object.freeze({
	base: 'L = −(1/T) Σₜ log pθ(xₜ | x<ₜ)',
	sft: 'L = −(1/|A|) Σ_{t∈A} log pθ(xₜ | x<ₜ)',
	preference: 'L = −log σ(β[(log πθ(y_w|x) − log π_ref(y_w|x)) − (log πθ(y_l|x) − log π_ref(y_l|x))])'
});
