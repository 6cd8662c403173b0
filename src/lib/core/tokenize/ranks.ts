/**
 * Reading a js-tiktoken rank table ourselves, for what its `Tiktoken` class does not expose: the
 * bytes of every token (to place token spans in the source text, and to decode without js-tiktoken's
 * `TextDecoder`, which drops a leading U+FEFF) and a lookup from a byte string to its rank (for the
 * merge of very long pre-tokenizer pieces, see `bpe.ts`).
 *
 * The table (`bpe_ranks`) is text: lines of `<label> <first rank> <token> <token> …`, where each
 * token is the base64 of its bytes and ranks count up from `<first rank>`.
 */
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { AnatomyError } from '../errors.js';
import { macrotask } from '../schedule/macrotask.js';

/** The highest rank a table may hold (16,777,215): real vocabularies hold a few hundred thousand. */
const MAX_RANK = 2 ** 24 - 1;

/** How many tokens are read between pauses when building a table step by step. */
const STEP_TOKENS = 8192;

/** Runs a stepwise reader to completion. */
export function runSteps<T>(steps: Generator<void, T>): T {
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
	}
}

/**
 * Runs a stepwise reader, handing the event loop back (a {@link macrotask}) whenever a slice has
 * taken more than `budgetMs`, so that building a table never blocks a page for long.
 */
export async function runStepsAsync<T>(steps: Generator<void, T>, budgetMs = 12): Promise<T> {
	let start = performance.now();
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
		if (performance.now() - start > budgetMs) {
			await macrotask();
			start = performance.now();
		}
	}
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Every ordinary (mergeable) token's bytes, packed: token `id` is `bytes[offsets[id], offsets[id + 1])`. */
export interface RankTable {
	/** `offsets.length` = size + 1; an ID the table does not define has an empty range. */
	readonly offsets: Uint32Array;
	/** All tokens' bytes, back to back in ID order. */
	readonly bytes: Uint8Array;
	/** Highest ordinary ID + 1. */
	readonly size: number;
	/** Number of ordinary tokens (less than `size` when IDs are skipped, as p50k_base skips 50256). */
	readonly count: number;
}

/** Reads every ordinary token's bytes (1.3 MB for o200k_base's 199,998 tokens). */
export function readRankTable(bpe: TiktokenBPE): RankTable {
	return runSteps(readRankTableSteps(bpe));
}

const malformedToken = (src: string, from: number) => {
	let to = src.indexOf(' ', from);
	if (to < 0 || to - from > 40) to = Math.min(src.length, from + 40);
	return new AnatomyError('invalid-config', `Malformed base64 token in rank table: ${src.slice(from, to)}`);
};

/**
 * {@link readRankTable} as a stepwise reader (see {@link runStepsAsync}), pausing after about every
 * {@link STEP_TOKENS} tokens. The table is read in one pass, in place: each token's base64 is
 * decoded straight from the rank text into one buffer, without cutting the text into a string per
 * token (its lines hold up to 200,000 tokens; all of o200k_base is a single line).
 */
export function* readRankTableSteps(bpe: TiktokenBPE): Generator<void, RankTable> {
	const src = bpe.bpe_ranks;
	const n = src.length;
	// base64 never decodes to more than 3 bytes per 4 characters
	const scratch = new Uint8Array(Math.ceil((n * 3) / 4) + 3);
	let fill = 0;
	// per token, in file order: its rank and where its bytes start in `scratch` (typed arrays, grown
	// by doubling: pushing 200,000 numbers onto plain arrays in this loop is several times slower)
	let ranks = new Int32Array((n >> 2) + 16);
	let starts = new Int32Array(ranks.length + 1);
	let count = 0;
	let ascending = true;
	let maxRank = -1;
	let sincePause = 0;
	for (let pos = 0; pos < n;) {
		let end = src.indexOf('\n', pos);
		if (end < 0) end = n;
		if (end > pos) {
			// `<label> <first rank> <token> <token> …`
			const labelEnd = src.indexOf(' ', pos);
			const rankStart = labelEnd < 0 || labelEnd > end ? end : labelEnd + 1;
			let rankEnd = src.indexOf(' ', rankStart);
			if (rankEnd < 0 || rankEnd > end) rankEnd = end;
			let rank = rankEnd > rankStart ? 0 : NaN;
			for (let i = rankStart; i < rankEnd; i++) {
				const digit = src.charCodeAt(i) - 48;
				rank = digit >= 0 && digit <= 9 ? rank * 10 + digit : NaN;
			}
			if (!Number.isSafeInteger(rank)) {
				throw new AnatomyError(
					'invalid-config',
					`Malformed rank table line: ${src.slice(pos, Math.min(end, pos + 40))}…`
				);
			}
			// each token runs from just after a space to the next space or the end of the line
			for (let i = rankEnd; i < end;) {
				const from = ++i;
				const tokenStart = fill;
				let acc = 0;
				let bits = 0;
				let pad = 0;
				for (; i < end; i++) {
					const c = src.charCodeAt(i);
					if (c === 32) break;
					if (c === 61) {
						pad++; // '='
						continue;
					}
					const v = c < 128 && pad === 0 ? B64_INDEX[c] : -1;
					if (v < 0) throw malformedToken(src, from);
					acc = ((acc << 6) | v) & 0xffffff;
					bits += 6;
					if (bits >= 8) {
						bits -= 8;
						scratch[fill++] = (acc >> bits) & 0xff;
					}
				}
				// whole groups of four characters, at most two of them padding
				const length = i - from;
				if (length % 4 !== 0 || pad > 2 || fill - tokenStart !== (length / 4) * 3 - pad) {
					throw malformedToken(src, from);
				}
				if (rank > MAX_RANK) {
					throw new AnatomyError(
						'invalid-config',
						`Rank ${rank} in the rank table: ranks above ${MAX_RANK} are not supported`
					);
				}
				if (rank <= maxRank) ascending = false;
				else maxRank = rank;
				if (count === ranks.length) {
					ranks = grow(ranks, count * 2);
					starts = grow(starts, count * 2 + 1);
				}
				ranks[count] = rank++;
				starts[count++] = tokenStart;
				if (++sincePause >= STEP_TOKENS) {
					sincePause = 0;
					yield;
				}
			}
		}
		pos = end + 1;
	}
	starts[count] = fill;
	const size = maxRank + 1;
	const offsets = new Uint32Array(size + 1);
	if (ascending) {
		// bytes are already in ID order; IDs the table skips get an empty range
		let id = 0;
		for (let k = 0; k < count; k++) {
			for (; id <= ranks[k]; id++) offsets[id] = starts[k];
		}
		offsets[size] = fill;
		return { offsets, bytes: scratch.slice(0, fill), size, count };
	}
	// out of order (no tiktoken file is): lay the tokens out by ID, the last of a repeated rank winning
	const lengths = new Uint32Array(size);
	const from = new Int32Array(size).fill(-1);
	for (let k = 0; k < count; k++) {
		lengths[ranks[k]] = starts[k + 1] - starts[k];
		from[ranks[k]] = starts[k];
	}
	for (let id = 0; id < size; id++) offsets[id + 1] = offsets[id] + lengths[id];
	const bytes = new Uint8Array(offsets[size]);
	for (let id = 0; id < size; id++) {
		if (from[id] >= 0) bytes.set(scratch.subarray(from[id], from[id] + lengths[id]), offsets[id]);
	}
	return { offsets, bytes, size, count };
}

function grow(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
	const b = new Int32Array(length);
	b.set(a);
	return b;
}

/** Finds the rank of a byte string: the merge's lookup. */
export interface RankIndex {
	/** Rank of the token whose bytes are `bytes[start, end)`, or -1 when no token has them. */
	rankOf(bytes: Uint8Array, start: number, end: number): number;
	/**
	 * Rank of the token whose bytes are the code units of `text`, or -1. Meant for ASCII text, whose
	 * UTF-8 bytes are its code units; other text is looked up as if each code unit were one byte.
	 */
	rankOfAscii(text: string): number;
}

/**
 * An index from each token's bytes to its rank (where two tokens have the same bytes, the higher
 * rank wins): an open-addressing hash table in two typed arrays, keyed by the FNV-1a hash of the
 * bytes and compared against the rank table itself, so that building it allocates no string per
 * token and a lookup allocates nothing.
 */
export function readRankIndex(table: RankTable): RankIndex {
	return runSteps(readRankIndexSteps(table));
}

/** {@link readRankIndex} as a stepwise reader. */
export function* readRankIndexSteps(table: RankTable): Generator<void, RankIndex> {
	const { offsets, bytes: tokenBytes } = table;
	let capacity = 16;
	while (capacity < table.count * 2) capacity *= 2;
	const mask = capacity - 1;
	const ids = new Int32Array(capacity).fill(-1);
	const hashes = new Int32Array(capacity);
	const slot = (h: number) => (h ^ (h >>> 15)) & mask;

	for (let id = 0; id < table.size; id++) {
		const a = offsets[id];
		const b = offsets[id + 1];
		if (b > a) {
			const h = hashBytes(tokenBytes, a, b);
			const i = slotOf(h, tokenBytes, a, b);
			ids[i] = id;
			hashes[i] = h;
		}
		if (id % STEP_TOKENS === STEP_TOKENS - 1) yield;
	}

	/** The slot that holds these bytes, or else the empty slot where they would go. */
	function slotOf(h: number, bytes: Uint8Array, start: number, end: number): number {
		let i = slot(h);
		while (ids[i] >= 0 && !(hashes[i] === h && sameBytes(ids[i], bytes, start, end))) i = (i + 1) & mask;
		return i;
	}
	function sameBytes(id: number, bytes: Uint8Array, start: number, end: number): boolean {
		const a = offsets[id];
		if (offsets[id + 1] - a !== end - start) return false;
		for (let i = 0; i < end - start; i++) if (tokenBytes[a + i] !== bytes[start + i]) return false;
		return true;
	}
	function sameText(id: number, text: string): boolean {
		const a = offsets[id];
		if (offsets[id + 1] - a !== text.length) return false;
		for (let i = 0; i < text.length; i++) if (tokenBytes[a + i] !== text.charCodeAt(i)) return false;
		return true;
	}
	return {
		// an empty slot holds -1
		rankOf: (bytes, start, end) => ids[slotOf(hashBytes(bytes, start, end), bytes, start, end)],
		rankOfAscii(text) {
			let h = FNV_OFFSET;
			for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
			for (let i = slot(h); ids[i] >= 0; i = (i + 1) & mask) {
				if (hashes[i] === h && sameText(ids[i], text)) return ids[i];
			}
			return -1;
		}
	};
}

/** FNV-1a hash of `bytes[start, end)`. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
	let h = FNV_OFFSET;
	for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
	return h;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
