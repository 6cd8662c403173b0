/**
 * Byte-pair merging of one pre-tokenizer piece in O(n log n).
 *
 * tiktoken's reference merge rescans every adjacent pair after each merge, which is O(n²) in the
 * piece's length n: fine for words, but a piece of 20 000 identical characters (a row of `=`, a long
 * run of spaces, `aaaa…`) takes tens of seconds in js-tiktoken. This version keeps the candidate
 * pairs in a binary heap ordered by (rank, byte offset) and so performs exactly the same merges in the
 * same order — the lowest rank first, the leftmost on ties — and returns the same token IDs.
 */
import type { RankIndex } from './ranks.js';

/**
 * Splits `bytes` into tokens by byte-pair merging with the ranks of `ranks`.
 * Every single byte must have a rank, as in every tiktoken encoding.
 * @returns the token IDs (ranks) of the piece, in order.
 */
export function bytePairEncodeLong(bytes: Uint8Array, ranks: Pick<RankIndex, 'rankOf'>): number[] {
	const n = bytes.length;
	if (n === 0) return [];
	// Parts form a linked list of byte offsets: part i covers [i, next[i]).
	const next = new Int32Array(n);
	const prev = new Int32Array(n);
	const version = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		next[i] = i + 1;
		prev[i] = i - 1;
	}
	// Heap entries (rank, start, version of `start` when pushed), stored flat.
	let heapRank: number[] = [];
	let heapStart: number[] = [];
	let heapVersion: number[] = [];
	const less = (a: number, b: number) =>
		heapRank[a] < heapRank[b] || (heapRank[a] === heapRank[b] && heapStart[a] < heapStart[b]);
	const swap = (a: number, b: number) => {
		[heapRank[a], heapRank[b]] = [heapRank[b], heapRank[a]];
		[heapStart[a], heapStart[b]] = [heapStart[b], heapStart[a]];
		[heapVersion[a], heapVersion[b]] = [heapVersion[b], heapVersion[a]];
	};
	const push = (rank: number, start: number) => {
		let i = heapRank.length;
		heapRank.push(rank);
		heapStart.push(start);
		heapVersion.push(version[start]);
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!less(i, p)) break;
			swap(i, p);
			i = p;
		}
	};
	const pop = () => {
		const last = heapRank.length - 1;
		swap(0, last);
		const top = { rank: heapRank.pop()!, start: heapStart.pop()!, version: heapVersion.pop()! };
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < heapRank.length && less(l, m)) m = l;
			if (r < heapRank.length && less(r, m)) m = r;
			if (m === i) break;
			swap(i, m);
			i = m;
		}
		return top;
	};
	// Candidate merge of part `start` with the part after it.
	const consider = (start: number) => {
		if (start < 0 || start >= n) return;
		const mid = next[start];
		if (mid >= n) return;
		const rank = ranks.rankOf(bytes, start, next[mid]);
		if (rank >= 0) push(rank, start);
	};
	for (let i = 0; i + 1 < n; i++) consider(i);
	while (heapRank.length > 0) {
		const top = pop();
		// Stale: the part was merged away or changed since this pair was pushed.
		if (top.version !== version[top.start] || prev[top.start] === -2) continue;
		const s = top.start;
		const mid = next[s];
		const end = next[mid];
		next[s] = end;
		if (end < n) prev[end] = s;
		prev[mid] = -2; // dead
		version[s]++;
		version[mid]++;
		if (prev[s] >= 0) {
			version[prev[s]]++;
			consider(prev[s]);
		}
		consider(s);
		// Keep the heap from growing without bound on long pieces full of stale entries.
		if (heapRank.length > 4 * n + 64) {
			const keep = heapRank.map((_, i) => i).filter((i) => heapVersion[i] === version[heapStart[i]]);
			const entries = keep.map((i) => [heapRank[i], heapStart[i]] as const);
			heapRank = [];
			heapStart = [];
			heapVersion = [];
			for (const [r, st] of entries) push(r, st);
		}
	}
	const out: number[] = [];
	for (let i = 0; i < n; i = next[i]) {
		const rank = ranks.rankOf(bytes, i, next[i]);
		if (rank >= 0) out.push(rank);
	}
	return out;
}
