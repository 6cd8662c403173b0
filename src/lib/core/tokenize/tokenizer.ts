/**
 * A real byte-pair tokenizer (OpenAI's tiktoken encodings, through js-tiktoken) with the extras a
 * visualisation needs: token spans in the source text, counts, and a cache that loads each
 * encoding's ranks once, lazily.
 */
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { AnatomyError, check } from '../errors.js';
import {
	RANK_LOADERS,
	resolveEncoding,
	type RankLoader,
	type TokenizerEncoding,
	type TokenizerEncodingName
} from './encodings.js';
import { readRankIndexSteps, readRankTableSteps, runSteps, runStepsAsync, type RankTable } from './ranks.js';
import { bytePairEncodeLong } from './bpe.js';
import { locateTokens, measureText, type TokenCounts, type TokenSpan } from './spans.js';

/**
 * Longest text, in UTF-16 code units, that one synchronous call accepts (8 Mi ≈ 8 MB of ASCII).
 * Measured in Node 20 on a shared 2-core machine with o200k_base: `tokens()` of 5 MB of English
 * prose takes ~2.5 s; of 5 MB mixing English, French, Japanese and emoji ~8 s and ~0.5 GB for its
 * 1.6 M spans. Longer text must go through `tokenizeInChunks`, which has no limit and yields to the
 * event loop between slices.
 */
export const MAX_TOKENIZE_CHARS = 8 * 1024 * 1024;

/** A loaded encoding. Every method is synchronous and deterministic. */
export interface Tokenizer {
	/** Canonical name of the encoding (`gpt2` resolves to `r50k_base`). */
	readonly encoding: TokenizerEncoding;
	/**
	 * Size of the ID space, highest token ID + 1, special tokens included (tiktoken's `n_vocab`, the
	 * number of rows of a model's embedding table): o200k_base 200 019, cl100k_base 100 277,
	 * p50k_base 50 281, r50k_base 50 257. Some IDs in it may be unused.
	 */
	readonly vocabSize: number;
	/**
	 * Number of ordinary (mergeable) tokens: o200k_base 199 998, cl100k_base 100 256, p50k_base
	 * 50 280, r50k_base 50 256.
	 */
	readonly ordinaryTokenCount: number;
	/** Special tokens and their IDs (never produced by `encode`, accepted by `decode`). */
	readonly specialTokens: Readonly<Record<string, number>>;
	/**
	 * Token IDs of `text`. Special-token text such as `<|endoftext|>` is encoded as ordinary text
	 * (tiktoken's `encode_ordinary`), so user input can never inject a control token. A lone
	 * surrogate is encoded as U+FFFD (the encoder converts text to UTF-8 with `TextEncoder`), so
	 * `decode(encode(s)) === s` for every well-formed string and equals `s` with each lone surrogate
	 * replaced by U+FFFD (`s.toWellFormed()`) otherwise.
	 * @throws AnatomyError `invalid-argument` for a non-string, `out-of-range` beyond {@link MAX_TOKENIZE_CHARS}.
	 */
	encode(text: string): number[];
	/**
	 * Text of a token sequence: the tokens' bytes, joined, read as UTF-8. Incomplete UTF-8 sequences
	 * (a cut multi-byte character) decode to U+FFFD; a leading U+FEFF is kept (js-tiktoken's own
	 * `decode` drops it).
	 * @throws AnatomyError `out-of-range` for an ID that is not an ordinary or special token.
	 */
	decode(ids: ArrayLike<number>): string;
	/**
	 * The UTF-8 bytes of one token (a copy), ordinary or special.
	 * @throws AnatomyError `out-of-range` for an ID that is not a token.
	 */
	tokenBytes(id: number): Uint8Array;
	/** Tokens of `text` with their bytes and UTF-16 offsets; see {@link TokenSpan}. Same limits as `encode`. */
	tokens(text: string): TokenSpan[];
	/** Characters, UTF-16 units, UTF-8 bytes and tokens of `text`. Same limits as `encode`. */
	count(text: string): TokenCounts;
}

const utf8 = new TextEncoder();
// ignoreBOM: keep a leading U+FEFF as text (the default decoder silently drops it).
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function checkText(text: unknown): asserts text is string {
	check(typeof text === 'string', `Text to tokenize must be a string, got ${typeof text}`);
	if (text.length > MAX_TOKENIZE_CHARS) {
		throw new AnatomyError(
			'out-of-range',
			`Text of ${text.length} UTF-16 units exceeds MAX_TOKENIZE_CHARS (${MAX_TOKENIZE_CHARS}); use tokenizeInChunks`
		);
	}
}

/** True when every code unit of `s` is below 0x80, so that its UTF-8 bytes are its code units. */
function isAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
	return true;
}

function pushAll(out: number[], ids: readonly number[]): void {
	for (let i = 0; i < ids.length; i++) out.push(ids[i]);
}

/**
 * Builds a tokenizer from rank data that is already loaded (a js-tiktoken rank module's default
 * export). Reads the rank table directly (tens of milliseconds for o200k_base) instead of through
 * js-tiktoken's constructor, which takes about half a second and would block a page.
 * @throws AnatomyError `unknown-encoding` for a bad name, `invalid-config` for malformed rank data.
 */
export function createTokenizer(encodingName: TokenizerEncodingName, bpe: TiktokenBPE): Tokenizer {
	return runSteps(createTokenizerSteps(encodingName, bpe));
}

/**
 * {@link createTokenizer} without blocking: the rank table is read in slices of a few
 * milliseconds with the event loop handed back in between, so a page stays responsive (no task
 * over 50 ms) while a vocabulary of 200,000 tokens is built. `loadTokenizer` uses this.
 */
export function createTokenizerAsync(
	encodingName: TokenizerEncodingName,
	bpe: TiktokenBPE
): Promise<Tokenizer> {
	return runStepsAsync(createTokenizerSteps(encodingName, bpe));
}

function* createTokenizerSteps(
	encodingName: TokenizerEncodingName,
	bpe: TiktokenBPE
): Generator<void, Tokenizer> {
	const encoding = resolveEncoding(encodingName);
	check(
		bpe !== null &&
			typeof bpe === 'object' &&
			typeof bpe.pat_str === 'string' &&
			typeof bpe.bpe_ranks === 'string' &&
			bpe.special_tokens !== null &&
			typeof bpe.special_tokens === 'object',
		`Rank data for ${encoding} is not a js-tiktoken rank table`,
		'invalid-config'
	);
	const table: RankTable = yield* readRankTableSteps(bpe);
	const index = yield* readRankIndexSteps(table);
	const specialTokens = Object.freeze({ ...bpe.special_tokens });
	const specialBytes = new Map<number, Uint8Array>();
	for (const [text, id] of Object.entries(specialTokens)) specialBytes.set(id, utf8.encode(text));
	const vocabSize = Math.max(table.size, ...[...specialBytes.keys()].map((id) => id + 1));
	const pattern = new RegExp(bpe.pat_str, 'gu');

	/** Bytes of token `id` (a view into the table; callers must not write to it). */
	function bytesOf(id: number, position: number): Uint8Array {
		if (Number.isInteger(id) && id >= 0 && id < table.size && table.offsets[id + 1] > table.offsets[id]) {
			return table.bytes.subarray(table.offsets[id], table.offsets[id + 1]);
		}
		const special = specialBytes.get(id);
		if (special) return special;
		throw new AnatomyError('out-of-range', `Token ID ${id} at position ${position} is not in ${encoding}`);
	}

	/**
	 * Ordinary encoding (special-token text is plain text): split with the encoding's own pattern,
	 * then merge each piece by rank. A piece that is itself a token needs no merge; the rest go
	 * through the heap merge, which makes exactly tiktoken's merges in tiktoken's order.
	 */
	function encodeChecked(text: string): number[] {
		const out: number[] = [];
		pattern.lastIndex = 0;
		for (const m of text.matchAll(pattern)) {
			const piece = m[0];
			// An ASCII piece's bytes are its code units: most pieces of most text are whole tokens
			// found without encoding them to bytes first.
			if (isAscii(piece)) {
				const whole = index.rankOfAscii(piece);
				if (whole >= 0) {
					out.push(whole);
					continue;
				}
			}
			const bytes = utf8.encode(piece);
			const whole = index.rankOf(bytes, 0, bytes.length);
			if (whole >= 0) out.push(whole);
			else pushAll(out, bytePairEncodeLong(bytes, index));
		}
		return out;
	}

	return Object.freeze({
		encoding,
		vocabSize,
		ordinaryTokenCount: table.count,
		specialTokens,
		encode(text: string) {
			checkText(text);
			return encodeChecked(text);
		},
		decode(ids: ArrayLike<number>) {
			check(
				ids !== null && typeof ids === 'object' && typeof ids.length === 'number',
				'IDs must be an array'
			);
			const parts: Uint8Array[] = new Array(ids.length);
			let total = 0;
			for (let i = 0; i < ids.length; i++) {
				parts[i] = bytesOf(ids[i], i);
				total += parts[i].length;
			}
			const out = new Uint8Array(total);
			let at = 0;
			for (const part of parts) {
				out.set(part, at);
				at += part.length;
			}
			return utf8Decoder.decode(out);
		},
		tokenBytes: (id: number) => bytesOf(id, 0).slice(),
		tokens(text: string) {
			checkText(text);
			return locateTokens(text, encodeChecked(text), table.offsets);
		},
		count(text: string): TokenCounts {
			checkText(text);
			const size = measureText(text);
			const tokens = size.bytes === 0 ? 0 : encodeChecked(text).length;
			return { ...size, tokens, charsPerToken: tokens === 0 ? 0 : size.characters / tokens };
		}
	});
}

/** Loads tokenizers, each encoding once; see {@link createTokenizerCache}. */
export interface TokenizerCache {
	/** The tokenizer of `encoding`, loading its ranks on first use. Rejects with `unknown-encoding` for a bad name. */
	load(encoding: TokenizerEncodingName | (string & {})): Promise<Tokenizer>;
	/** Whether `encoding` has finished loading successfully (false for an unknown name). */
	isLoaded(encoding: TokenizerEncodingName): boolean;
	/** Forgets every cached tokenizer. */
	clear(): void;
}

/**
 * A cache of tokenizer promises keyed by canonical encoding: concurrent `load` calls share one
 * import and one construction; a failed load is evicted so that a later call retries.
 * @param loaders rank loaders per encoding (tests pass fakes; the default imports js-tiktoken's files).
 */
export function createTokenizerCache(
	loaders: Readonly<Record<TokenizerEncoding, RankLoader>> = RANK_LOADERS
): TokenizerCache {
	const pending = new Map<TokenizerEncoding, Promise<Tokenizer>>();
	const loaded = new Set<TokenizerEncoding>();
	return {
		load(name) {
			let encoding: TokenizerEncoding;
			try {
				encoding = resolveEncoding(name);
			} catch (e) {
				return Promise.reject(e);
			}
			const cached = pending.get(encoding);
			if (cached) return cached;
			const promise = (async () => {
				let module: { default: TiktokenBPE };
				try {
					module = await loaders[encoding]();
				} catch (e) {
					throw new AnatomyError('backend-unavailable', `Could not load the ranks of ${encoding}`, {
						cause: e
					});
				}
				const tokenizer = await createTokenizerAsync(encoding, module.default);
				loaded.add(encoding);
				return tokenizer;
			})();
			pending.set(encoding, promise);
			promise.catch(() => {
				if (pending.get(encoding) === promise) pending.delete(encoding);
			});
			return promise;
		},
		isLoaded(name) {
			try {
				return loaded.has(resolveEncoding(name));
			} catch {
				return false; // an unknown name is never loaded
			}
		},
		clear() {
			pending.clear();
			loaded.clear();
		}
	};
}

const shared = createTokenizerCache();

/**
 * The tokenizer of an encoding (`'o200k_base' | 'cl100k_base' | 'p50k_base' | 'r50k_base'`, or the
 * alias `'gpt2'`). The first call for an encoding imports its rank file (its own chunk in a bundle)
 * and builds the encoder; later calls return the same tokenizer. A failed import is not cached.
 * @throws (rejects) AnatomyError `unknown-encoding` listing valid names; `backend-unavailable` when
 * the rank file cannot be loaded.
 */
export function loadTokenizer(encoding: TokenizerEncodingName | (string & {})): Promise<Tokenizer> {
	return shared.load(encoding);
}
