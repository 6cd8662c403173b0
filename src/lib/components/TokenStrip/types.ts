import type { Snippet } from 'svelte';
import type { HTMLAttributes } from 'svelte/elements';
import type { TokenSpan } from '../../core/tokenize/spans.js';
import type { TokenStripKey } from './messages.js';

/** Encodings TokenStrip offers. `gpt2` is r50k_base. */
export type TokenStripEncoding = 'o200k_base' | 'cl100k_base' | 'p50k_base' | 'r50k_base';

export interface TokenStripExample {
	label: string;
	text: string;
}

/** Text in, tokens out: a real tokenizer's pieces and IDs, with counts and a side-by-side compare. */
export interface TokenStripProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * The text to tokenize. Bindable.
	 * @default 'Tokenization turns text into integers, one piece at a time.'
	 */
	text?: string;
	/** Encoding used for the main strip. Bindable. @default 'o200k_base' */
	encoding?: TokenStripEncoding;
	/** A second encoding shown side by side, or `null` for none. Bindable. @default null */
	compareWith?: TokenStripEncoding | null;
	/** Whether the text box is shown; without it the strip only displays `text`. @default true */
	editable?: boolean;
	/** Example sentences offered as buttons; `[]` hides them. @default code, emoji, CJK, a name and numbers */
	examples?: TokenStripExample[];
	/**
	 * Deprecated and ignored: the strip no longer pages. Every token is reachable by scrolling the
	 * strip (its height is `--la-token-strip-max-height`, 24rem by default) or with the keyboard, and
	 * only the chips near the view are rendered. Still accepted, so existing code keeps working.
	 * @deprecated Remove it; it has no effect.
	 * @default undefined
	 */
	pageSize?: number;
	/** Characters tokenized at most; longer text is cut with a message. @default 2_000_000 */
	maxCharacters?: number;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/**
	 * Index of the focused token, or -1. Setting it brings that token into view in the strip,
	 * however long the text. Bindable.
	 * @default -1
	 */
	selected?: number;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. */
	locale?: string;
	/** Overrides for any of this component's strings. */
	messages?: Partial<Record<TokenStripKey, string>>;
	/** Called when the text changes. */
	onTextChange?: (text: string) => void;
	/** Called when the encoding changes. */
	onEncodingChange?: (encoding: TokenStripEncoding) => void;
	/** Called with the tokens every time they are recomputed. */
	onTokens?: (tokens: TokenSpan[], encoding: TokenStripEncoding) => void;
	/** Called when a token is selected (focus or click). */
	onSelect?: (token: TokenSpan | null) => void;
	/** Renders a token chip's label; receives the token and its display text. */
	tokenLabel?: Snippet<[TokenSpan, string]>;
}
