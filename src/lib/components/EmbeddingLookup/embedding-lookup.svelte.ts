/**
 * Behaviour of EmbeddingLookup kept out of the view: the o200k_base tokenizer, loaded once, lazily
 * (only when the figure is on screen, only in the browser), with its failure remembered so the view
 * can offer a retry.
 */
import { loadTokenizer, type Tokenizer } from '../../core/tokenize/tokenizer.js';

export type LoadState = { status: 'idle' | 'loading' | 'ready' } | { status: 'error'; reason: string };

/** The real tokenizer whose IDs the figure shows. */
export const ENCODING = 'o200k_base';

/** Loads the o200k_base tokenizer on the first `load()` and keeps it. */
export class TokenizerSlot {
	state: LoadState = $state({ status: 'idle' });
	tokenizer: Tokenizer | null = $state.raw(null);

	load() {
		if (this.state.status === 'loading' || this.state.status === 'ready') return;
		this.state = { status: 'loading' };
		loadTokenizer(ENCODING).then(
			(t) => {
				this.tokenizer = t;
				this.state = { status: 'ready' };
			},
			(e: unknown) => {
				this.state = { status: 'error', reason: e instanceof Error ? e.message : String(e) };
			}
		);
	}

	retry() {
		if (this.state.status === 'error') {
			this.state = { status: 'idle' };
			this.load();
		}
	}
}

/** IDs of `text`, or [] for empty text; the tokenizer never sees special tokens as control tokens. */
export function idsOf(tokenizer: Tokenizer | null, text: string): number[] | null {
	if (!tokenizer) return null;
	return text ? tokenizer.encode(text) : [];
}
