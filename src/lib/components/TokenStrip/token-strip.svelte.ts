/**
 * Behaviour of TokenStrip, kept out of the view: loading encoders lazily, once per encoding, and
 * remembering failures so the view can offer a retry. Long text is tokenized with the core's
 * `tokenizeAllInChunks`, which yields between slices so the tab never freezes.
 */
import { loadTokenizer, type Tokenizer } from '../../core/tokenize/tokenizer.js';
import type { TokenStripEncoding } from './types.js';

/** Text up to this many characters is tokenized synchronously on each keystroke. */
export const SYNC_LIMIT = 50_000;

export type LoadState = { status: 'idle' | 'loading' | 'ready' } | { status: 'error'; reason: string };

/** One encoder slot: loads on demand and remembers failures so the view can offer a retry. */
export class EncoderSlot {
	state: LoadState = $state({ status: 'idle' });
	tokenizer: Tokenizer | null = $state.raw(null);
	#encoding: TokenStripEncoding | null = null;

	load(encoding: TokenStripEncoding) {
		if (this.#encoding === encoding && this.state.status !== 'error') return;
		this.#encoding = encoding;
		this.tokenizer = null;
		this.state = { status: 'loading' };
		loadTokenizer(encoding).then(
			(t) => {
				if (this.#encoding !== encoding) return;
				this.tokenizer = t;
				this.state = { status: 'ready' };
			},
			(e: unknown) => {
				if (this.#encoding !== encoding) return;
				this.state = { status: 'error', reason: e instanceof Error ? e.message : String(e) };
			}
		);
	}

	retry() {
		const enc = this.#encoding;
		this.#encoding = null;
		if (enc) this.load(enc);
	}
}
