import type { HTMLAttributes } from 'svelte/elements';
import type { EmbeddingLookupKey } from './messages.js';

/** How the looked-up vector is drawn. */
export type EmbeddingDisplay = 'bars' | 'heat';

/** "a is to b as c is to ?", answered by the word nearest to b − a + c. */
export interface EmbeddingAnalogy {
	a: string;
	b: string;
	c: string;
}

/** Token → ID → row of an embedding table → vector, with neighbours, a 2-D map and analogies. */
export interface EmbeddingLookupProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * The word looked up, typed or picked from the toy vocabulary (case-insensitive). Bindable.
	 * @default 'cat'
	 */
	word?: string;
	/** Draw the vector as bars or as a heat strip; every value is printed either way. Bindable. @default 'bars' */
	display?: EmbeddingDisplay;
	/**
	 * The analogy "a is to b as c is to ?", answered by the word nearest to b − a + c. Bindable.
	 * @default { a: 'man', b: 'king', c: 'woman' }
	 */
	analogy?: EmbeddingAnalogy;
	/** Whether the analogy picker (and its arrows on the map) is shown. @default true */
	showAnalogy?: boolean;
	/** Whether the 2-D map of the vocabulary is shown. @default true */
	showMap?: boolean;
	/** How many nearest words are listed with their cosine similarity, 1–20. @default 5 */
	neighbours?: number;
	/** Rows shown either side of the selected one in the table slice, 0–10. @default 2 */
	sliceRows?: number;
	/** Dimensions of the vector drawn, 1 to the table's width (28); others are clamped. @default 28 */
	dims?: number;
	/** Seed of the toy table's noise, an integer in [0, 2³² − 1]. @default 7 */
	seed?: number;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<EmbeddingLookupKey, string>>;
	/** Called when the word changes. @default undefined */
	onWordChange?: (word: string) => void;
	/** Called when the display changes. @default undefined */
	onDisplayChange?: (display: EmbeddingDisplay) => void;
	/** Called when the analogy changes. @default undefined */
	onAnalogyChange?: (analogy: EmbeddingAnalogy) => void;
}
