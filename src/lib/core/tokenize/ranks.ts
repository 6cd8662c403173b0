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

/** How many tokens are read between pauses when building a table step by step. */
const STEP_TOKENS = 8192;

/**
 * Calls `visit(rank, base64)` for every token of a rank table, in file order, pausing (a `yield`)
 * after about every {@link STEP_TOKENS} tokens so that a caller can spread the work over frames.
 * The table is scanned in place rather than split: its lines hold up to 200 000 tokens, and one
 * `split` of such a line is a single uninterruptible task of 20–40 ms.
 */
function* forEachToken(
	bpeRanks: string,
	visit: (rank: number, base64: string) => void
): Generator<void, void> {
	let sincePause = 0;
	const n = bpeRanks.length;
	for (let pos = 0; pos < n;) {
		let end = bpeRanks.indexOf('\n', pos);
		if (end < 0) end = n;
		if (end > pos) {
			// `<label> <first rank> <token> <token> …`
			const labelEnd = bpeRanks.indexOf(' ', pos);
			const rankStart = labelEnd < 0 || labelEnd > end ? end : labelEnd + 1;
			let rankEnd = bpeRanks.indexOf(' ', rankStart);
			if (rankEnd < 0 || rankEnd > end) rankEnd = end;
			const field = bpeRanks.slice(rankStart, rankEnd);
			const offset = /^\d+$/.test(field) ? Number(field) : NaN;
			if (!Number.isSafeInteger(offset)) {
				throw new AnatomyError(
					'invalid-config',
					`Malformed rank table line: ${bpeRanks.slice(pos, Math.min(end, pos + 40))}…`
				);
			}
			let rank = offset;
			// each token runs from just after a space to the next space or the end of the line
			for (let space = rankEnd; space < end;) {
				let next = bpeRanks.indexOf(' ', space + 1);
				if (next < 0 || next > end) next = end;
				visit(rank++, bpeRanks.slice(space + 1, next));
				space = next;
				if (++sincePause >= STEP_TOKENS) {
					sincePause = 0;
					yield;
				}
			}
		}
		pos = end + 1;
	}
}

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

/** Bytes encoded by a base64 string: 3 per 4 characters, less one per `=` of padding. */
function base64ByteLength(b64: string): number {
	let pad = 0;
	if (b64.endsWith('==')) pad = 2;
	else if (b64.endsWith('=')) pad = 1;
	return Math.floor(b64.length / 4) * 3 - pad;
}

/** Decodes base64 into `out` from `at`; returns the number of bytes written. */
function decodeBase64Into(b64: string, out: Uint8Array, at: number): number {
	let acc = 0;
	let bits = 0;
	let n = 0;
	for (let i = 0; i < b64.length; i++) {
		const c = b64.charCodeAt(i);
		if (c === 61) break; // '='
		const v = c < 128 ? B64_INDEX[c] : -1;
		if (v < 0) throw new AnatomyError('invalid-config', `Malformed base64 token in rank table: ${b64}`);
		acc = ((acc << 6) | v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[at + n++] = (acc >> bits) & 0xff;
		}
	}
	return n;
}

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

/** Reads every ordinary token's bytes (≈ 50 ms and 1.5 MB for o200k_base's 199 998 tokens). */
export function readRankTable(bpe: TiktokenBPE): RankTable {
	return runSteps(readRankTableSteps(bpe));
}

/** {@link readRankTable} as a stepwise reader (see {@link runStepsAsync}). */
export function* readRankTableSteps(bpe: TiktokenBPE): Generator<void, RankTable> {
	let maxRank = -1;
	let count = 0;
	yield* forEachToken(bpe.bpe_ranks, (rank) => {
		if (rank > maxRank) maxRank = rank;
		count++;
	});
	const size = maxRank + 1;
	const lengths = new Uint32Array(size);
	yield* forEachToken(bpe.bpe_ranks, (rank, b64) => {
		lengths[rank] = base64ByteLength(b64);
	});
	const offsets = new Uint32Array(size + 1);
	for (let i = 0; i < size; i++) offsets[i + 1] = offsets[i] + lengths[i];
	const bytes = new Uint8Array(offsets[size]);
	yield* forEachToken(bpe.bpe_ranks, (rank, b64) => {
		if (decodeBase64Into(b64, bytes, offsets[rank]) !== lengths[rank]) {
			throw new AnatomyError('invalid-config', `Malformed base64 token in rank table: ${b64}`);
		}
	});
	return { offsets, bytes, size, count };
}

/** Binary string (one code unit per byte) of `bytes[start, end)`: the key type of {@link readRankMap}. */
export function binaryKey(bytes: Uint8Array, start: number, end: number): string {
	let s = '';
	for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
	return s;
}

/** Map from a token's bytes (as a binary string, one code unit per byte) to its rank: the merge's lookup. */
export function readRankMap(table: RankTable): Map<string, number> {
	return runSteps(readRankMapSteps(table));
}

/** {@link readRankMap} as a stepwise reader. */
export function* readRankMapSteps(table: RankTable): Generator<void, Map<string, number>> {
	const map = new Map<string, number>();
	for (let id = 0; id < table.size; id++) {
		const a = table.offsets[id];
		const b = table.offsets[id + 1];
		if (b > a) map.set(binaryKey(table.bytes, a, b), id);
		if (id % STEP_TOKENS === STEP_TOKENS - 1) yield;
	}
	return map;
}
