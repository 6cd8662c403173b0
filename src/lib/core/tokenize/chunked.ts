/**
 * Tokenizing long text a slice at a time, so that a page stays responsive and can show progress.
 *
 * Slices end only where every supported pre-tokenizer starts a new piece anyway (see
 * `boundaries.ts`), so the concatenated result is exactly `tokenizer.tokens(text)`: same IDs, same
 * offsets, same indices.
 */
import { AnatomyError, checkInt } from '../errors.js';
import { macrotask } from '../schedule/macrotask.js';
import { nextCut } from './boundaries.js';
import type { TokenSpan } from './spans.js';
import type { Tokenizer } from './tokenizer.js';

/** One slice of a chunked tokenization. */
export interface TokenChunk {
	/** Tokens of this slice, with `index`, `start` and `end` relative to the whole text. */
	spans: TokenSpan[];
	/** UTF-16 offset where this slice starts in the text. */
	start: number;
	/** UTF-16 offset where this slice ends (exclusive). */
	end: number;
	/** Tokens produced so far, this slice included. */
	tokenCount: number;
	/** Fraction of the text done, end / text.length (1 for the last slice, and for empty text). */
	progress: number;
}

/** Options of {@link tokenizeInChunks}. */
export interface TokenizeInChunksOptions {
	/**
	 * Target slice length in UTF-16 units; a slice ends at the last safe cut (see `isSafeCut`) at or before it (or
	 * the first after it when there is none in its second half). @default 32768
	 */
	chunkChars?: number;
	/** Aborting stops the generator before its next slice; it then throws `signal.reason`. */
	signal?: AbortSignal;
	/**
	 * Awaited between slices to let the event loop run (render, input, abort). @default a
	 * macrotask (a `MessageChannel` message, which browsers do not clamp as they clamp nested timers)
	 */
	pause?: () => Promise<void>;
}

/**
 * Tokenizes `text` slice by slice, yielding each slice's spans and the progress so far, and awaiting
 * `pause` between slices. Any length is accepted (the limit of `tokens()` applies per slice, and a
 * slice only outgrows `chunkChars` when the text has no safe cut for that long).
 *
 * ```ts
 * for await (const chunk of tokenizeInChunks(tok, text, { signal })) progress = chunk.progress;
 * ```
 * @throws AnatomyError `out-of-range` for a `chunkChars` that is not an integer ≥ 16.
 */
export async function* tokenizeInChunks(
	tokenizer: Tokenizer,
	text: string,
	options: TokenizeInChunksOptions = {}
): AsyncGenerator<TokenChunk, void, undefined> {
	const { chunkChars = 32768, signal, pause = macrotask } = options;
	checkInt(chunkChars, 'chunkChars', 16);
	if (typeof text !== 'string') {
		throw new AnatomyError('invalid-argument', `Text to tokenize must be a string, got ${typeof text}`);
	}
	let start = 0;
	let tokenCount = 0;
	do {
		signal?.throwIfAborted();
		const end = nextCut(text, start, chunkChars);
		const slice = text.slice(start, end);
		const spans = tokenizer.tokens(slice);
		for (const span of spans) {
			span.index += tokenCount;
			span.start += start;
			span.end += start;
		}
		tokenCount += spans.length;
		yield { spans, start, end, tokenCount, progress: text.length === 0 ? 1 : end / text.length };
		start = end;
		if (start < text.length) await pause();
	} while (start < text.length);
}

/**
 * Convenience over {@link tokenizeInChunks}: all spans of `text`, with an optional progress callback.
 * Rejects with `signal.reason` when aborted.
 */
export async function tokenizeAllInChunks(
	tokenizer: Tokenizer,
	text: string,
	options: TokenizeInChunksOptions & { onProgress?: (progress: number, tokenCount: number) => void } = {}
): Promise<TokenSpan[]> {
	const all: TokenSpan[] = [];
	for await (const chunk of tokenizeInChunks(tokenizer, text, options)) {
		for (const span of chunk.spans) all.push(span);
		options.onProgress?.(chunk.progress, chunk.tokenCount);
	}
	return all;
}
