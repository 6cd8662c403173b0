import type { HTMLAttributes } from 'svelte/elements';
import type { AttentionMatrixKey } from './messages.js';

/** Parts of the figure that can be shown. */
export type AttentionMatrixPart = 'qkv' | 'scores' | 'weights' | 'mix' | 'heads';

/** How the weights map is drawn. `auto` uses SVG up to 32 tokens and a canvas above. */
export type AttentionMatrixRenderer = 'auto' | 'svg' | 'canvas';

/**
 * Self-attention step by step: each token's query, key and value, the raw score table, the softmax
 * weights as a heat map, the value mix for one query token, the heads side by side and how query
 * heads share K/V heads (grouped-query attention). Shows seeded demo weights, or real attention
 * weights passed in.
 */
export interface AttentionMatrixProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * Tokens of the sentence. Each is a row (query) and a column (key) of the map.
	 * @default ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'warm']
	 */
	tokens?: string[];
	/**
	 * A sentence, split into words and punctuation. When set it takes precedence over `tokens`;
	 * typing in the sentence box sets it. Bindable.
	 * @default undefined
	 */
	text?: string;
	/**
	 * Number of filler tokens for a large demo map (up to 1024); used when neither `tokens` nor
	 * `text` is given.
	 * @default undefined
	 */
	size?: number;
	/**
	 * Precomputed attention weights, one row per query (rows should sum to 1): nested rows, or a
	 * row-major `Float32Array` with `seq`. When given, the demo model is not used.
	 * @default undefined
	 */
	weights?: number[][] | Float32Array;
	/** Sequence length of a flat `weights` array. @default undefined */
	seq?: number;
	/** Whether a token may only attend to itself and earlier tokens. Bindable. @default true */
	causal?: boolean;
	/** Number of query heads of the demo model (1–16). Bindable. @default 4 */
	nHeads?: number;
	/** Number of key/value heads; must divide `nHeads` (grouped-query attention). Bindable. @default 2 */
	nKvHeads?: number;
	/** Width of each head (numbers in each Q, K and V vector), 1–64. @default 4 */
	dHead?: number;
	/** Seed of the demo weights. @default 42 */
	seed?: number;
	/** Index of the head shown in detail (0-based). Bindable. @default 0 */
	head?: number;
	/** Index of the selected query token (0-based). Bindable. @default 2 */
	query?: number;
	/** Parts of the figure to show. @default ['qkv', 'scores', 'weights', 'mix', 'heads'] */
	parts?: AttentionMatrixPart[];
	/** How the weights map is drawn. @default 'auto' */
	renderer?: AttentionMatrixRenderer;
	/**
	 * How weights map to colour: `linear`, `sqrt`, or `log` (four decades below the largest weight),
	 * which shows structure in long maps where most weights are tiny.
	 * @default 'linear'
	 */
	colourScale?: 'linear' | 'sqrt' | 'log';
	/** Whether the sentence and model controls are shown. @default true */
	showControls?: boolean;
	/**
	 * Badge on the figure. Defaults to 'illustrative' for the seeded demo and 'real' for weights
	 * passed in.
	 * @default undefined
	 */
	badge?: 'real' | 'illustrative';
	/** Where the numbers come from, shown with the badge. @default from the message catalogue */
	badgeNote?: string;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<AttentionMatrixKey, string>>;
	/** Called when the selected query token changes. @default undefined */
	onQueryChange?: (query: number) => void;
	/** Called when the head shown changes. @default undefined */
	onHeadChange?: (head: number) => void;
	/** Called when the causal mask is switched. @default undefined */
	onCausalChange?: (causal: boolean) => void;
}
