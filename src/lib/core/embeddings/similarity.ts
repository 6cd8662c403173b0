/**
 * Comparing embedding vectors: cosine similarity and nearest neighbours.
 */
import { AnatomyError, check, checkFinite, checkInt } from '../errors.js';
import { checkTable, lookup, type EmbeddingTable } from './table.js';

/** Most rows × width a nearest-neighbour scan will read (2²⁶ ≈ 67 M numbers, a few seconds). */
export const MAX_NEIGHBOUR_SCAN = 2 ** 26;

function maxAbs(v: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
	return m;
}

/**
 * cos θ = a·b / (‖a‖ ‖b‖), in [−1, 1]: 1 for the same direction, 0 for perpendicular, −1 for
 * opposite. Computed on each vector divided by its largest |entry|, which leaves the angle unchanged
 * and keeps squares from overflowing (1e200) or underflowing (1e-200).
 *
 * A zero vector has no direction, so the angle is undefined; we return 0 ("no evidence of
 * similarity") rather than NaN, so that rankings and heat maps stay finite.
 * @throws AnatomyError `shape-mismatch` for different lengths, `invalid-argument` for empty
 * vectors, `non-finite` for NaN or ±Infinity entries.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
	check(
		a != null && b != null && typeof a.length === 'number' && typeof b.length === 'number',
		'Vectors required'
	);
	if (a.length !== b.length) {
		throw new AnatomyError('shape-mismatch', `Vectors differ in length: ${a.length} and ${b.length}`);
	}
	check(a.length > 0, 'Cosine similarity of empty vectors is undefined');
	checkFinite(a, 'first vector');
	checkFinite(b, 'second vector');
	const ma = maxAbs(a);
	const mb = maxAbs(b);
	if (ma === 0 || mb === 0) return 0;
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i] / ma;
		const y = b[i] / mb;
		dot += x * y;
		na += x * x;
		nb += y * y;
	}
	return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
}

/** One result of {@link nearestNeighbours}. */
export interface Neighbour {
	/** Row (token ID). */
	id: number;
	/** Cosine similarity to the query, in [−1, 1]. */
	similarity: number;
	/** The row's word, when the table has words. */
	word?: string;
}

/** Resolves a word or row ID of `table` to its row ID. */
export function rowId(table: EmbeddingTable, key: number | string): number {
	if (typeof key === 'number') {
		checkInt(key, 'token id', 0, table.vocabSize - 1);
		return key;
	}
	const words = table.words;
	const id = words ? words.indexOf(String(key).toLowerCase()) : -1;
	if (id < 0) {
		const known = words ? `; known words: ${words.join(', ')}` : ' (the table has no words)';
		throw new AnatomyError('out-of-range', `Unknown word ${JSON.stringify(key)}${known}`);
	}
	return id;
}

/** Options of {@link nearestNeighbours}. */
export interface NearestOptions {
	/** Rows to leave out, by ID or word (e.g. the query's own words). */
	exclude?: Iterable<number | string>;
}

/**
 * The `k` rows of `table` most similar to `vector` by cosine similarity, best first; ties go to the
 * lower ID. Fewer than `k` come back when fewer rows remain. A zero query is similar to nothing
 * (every similarity 0), so the lowest IDs come back.
 * @throws AnatomyError `shape-mismatch` when `vector.length ≠ table.dim`, `non-finite` for NaN,
 * `out-of-range` for a bad `k` or exclusion, or a table over {@link MAX_NEIGHBOUR_SCAN} numbers.
 */
export function nearestNeighbours(
	table: EmbeddingTable,
	vector: ArrayLike<number>,
	k: number,
	options: NearestOptions = {}
): Neighbour[] {
	checkTable(table);
	check(vector != null && typeof vector.length === 'number', 'Query vector required');
	if (vector.length !== table.dim) {
		throw new AnatomyError('shape-mismatch', `Query has ${vector.length} numbers, rows have ${table.dim}`);
	}
	checkFinite(vector, 'query vector');
	checkInt(k, 'k', 0);
	if (table.vocabSize * table.dim > MAX_NEIGHBOUR_SCAN) {
		throw new AnatomyError(
			'out-of-range',
			`Scanning ${table.vocabSize} × ${table.dim} numbers exceeds MAX_NEIGHBOUR_SCAN (${MAX_NEIGHBOUR_SCAN})`
		);
	}
	const excluded = new Set<number>();
	for (const key of options.exclude ?? []) excluded.add(rowId(table, key));
	const best: Neighbour[] = [];
	if (k === 0) return best;
	for (let id = 0; id < table.vocabSize; id++) {
		if (excluded.has(id)) continue;
		const similarity = cosineSimilarity(vector, table.rows ? table.rows[id] : lookup(table, id));
		if (best.length === k && similarity <= best[k - 1].similarity) continue;
		// insert keeping best sorted by similarity (desc), then id (asc, since ids arrive in order)
		let at = best.length;
		while (at > 0 && best[at - 1].similarity < similarity) at--;
		const entry: Neighbour = { id, similarity };
		if (table.words) entry.word = table.words[id];
		best.splice(at, 0, entry);
		if (best.length > k) best.pop();
	}
	return best;
}
