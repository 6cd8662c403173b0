/**
 * Behaviour of TokenStrip, kept out of the view: loading encoders (lazily, once per encoding),
 * tokenizing synchronously for ordinary text and in yielding chunks for very long text so the tab
 * never freezes, and paging what is rendered.
 */
import type { TokenSpan } from '../../core/tokenize/spans.js';
import { nextCut } from '../../core/tokenize/boundaries.js';
import { loadTokenizer, type Tokenizer } from '../../core/tokenize/tokenizer.js';
import type { TokenStripEncoding } from './types.js';

/** Text up to this many characters is tokenized synchronously on each keystroke. */
export const SYNC_LIMIT = 50_000;
/** Characters per slice when tokenizing long text between frames. */
const SLICE = 20_000;

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

/** Splits long text at pre-tokenizer piece boundaries (see core/tokenize/boundaries). */
export function sliceAtBoundaries(text: string, size = SLICE): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length;) {
		const end = nextCut(text, i, size);
		out.push(text.slice(i, end));
		i = end;
	}
	return out;
}

/**
 * Tokenizes `text`, yielding to the event loop between slices. Offsets are shifted so spans
 * refer to the whole text. Stops early (returning null) when `signal` aborts.
 */
export async function tokenizeLong(
	tokenizer: Tokenizer,
	text: string,
	onProgress: (fraction: number) => void,
	signal: AbortSignal
): Promise<TokenSpan[] | null> {
	const slices = sliceAtBoundaries(text);
	const out: TokenSpan[] = [];
	let offset = 0;
	for (let s = 0; s < slices.length; s++) {
		if (signal.aborted) return null;
		const part = tokenizer.tokens(slices[s]);
		for (const t of part) out.push({ ...t, index: out.length, start: t.start + offset, end: t.end + offset });
		offset += slices[s].length;
		onProgress((s + 1) / slices.length);
		await new Promise((r) => setTimeout(r, 0));
	}
	return out;
}
