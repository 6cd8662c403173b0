/**
 * Embedding tables: the matrix a model's first layer looks token IDs up in. Row `id` is the vector
 * token `id` starts as. Real tables are learned; these are seeded toys for demonstrations.
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import { createRng } from '../rng.js';

/** Largest vocabulary a generated table accepts (rows are generated on demand, so size costs nothing). */
export const MAX_EMBEDDING_VOCAB = 2 ** 31 - 1;
/** Widest row accepted (GPT-3 175B uses 12 288; 65 536 leaves room). */
export const MAX_EMBEDDING_DIM = 65536;

/**
 * An embedding table of `vocabSize` rows of `dim` numbers. Either `rows` holds every row (a curated
 * vocabulary), or rows are generated from `(seed, id)` when looked up, so a table as large as a real
 * model's (200 019 × 4 096) costs no memory until rows are read.
 */
export interface EmbeddingTable {
	/** Number of rows (token IDs 0 … vocabSize − 1). */
	readonly vocabSize: number;
	/** Numbers per row, the model width d_model. */
	readonly dim: number;
	/** Seed the values derive from. */
	readonly seed: number;
	/** Every row, when the table is held in memory. */
	readonly rows?: readonly Float64Array[];
	/** A word per row, when the table is a vocabulary of words. */
	readonly words?: readonly string[];
}

/** Options of {@link createEmbeddingTable}. */
export interface EmbeddingTableOptions {
	/** Rows, an integer in [1, 2³¹ − 1]. */
	vocabSize: number;
	/** Row width, an integer in [1, 65 536]. */
	dim: number;
	/** Integer in [0, 2³² − 1]. @default 42 */
	seed?: number;
}

/**
 * A seeded table whose entries are independent draws from N(0, 1/dim), so a row's expected squared
 * length is 1 (the scale of common initialisations such as GPT-2's N(0, 0.02²) at d = 2 500). Row
 * `id` depends only on `(seed, id, dim)`: the same token always gets the same vector, whatever the
 * vocabulary size, and nothing is computed before a row is read.
 * @throws AnatomyError `out-of-range` for sizes or seeds outside the ranges above.
 */
export function createEmbeddingTable({ vocabSize, dim, seed = 42 }: EmbeddingTableOptions): EmbeddingTable {
	checkInt(vocabSize, 'vocabSize', 1, MAX_EMBEDDING_VOCAB);
	checkInt(dim, 'dim', 1, MAX_EMBEDDING_DIM);
	checkInt(seed, 'seed', 0, 2 ** 32 - 1);
	return Object.freeze({ vocabSize, dim, seed });
}

/** 32-bit mix of (seed, id) (murmur3's finaliser over a golden-ratio combination), a per-row seed. */
export function rowSeed(seed: number, id: number): number {
	let h = (seed ^ Math.imul(id + 1, 0x9e3779b1)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** Row `id` of a generated table: `dim` draws from N(0, 1/dim) seeded by {@link rowSeed}. */
function generateRow(seed: number, dim: number, id: number): Float64Array {
	const rng = createRng(rowSeed(seed, id));
	const scale = 1 / Math.sqrt(dim);
	const row = new Float64Array(dim);
	for (let j = 0; j < dim; j++) row[j] = rng.normal() * scale;
	return row;
}

/** Checks that `table` is an {@link EmbeddingTable}. */
export function checkTable(table: EmbeddingTable): void {
	check(
		table !== null &&
			typeof table === 'object' &&
			Number.isInteger(table.vocabSize) &&
			Number.isInteger(table.dim),
		'Not an embedding table'
	);
}

/**
 * Row `id` of `table` (a copy: writing to it leaves the table unchanged).
 * @throws AnatomyError `out-of-range` unless `id` is an integer in [0, vocabSize − 1].
 */
export function lookup(table: EmbeddingTable, id: number): Float64Array {
	checkTable(table);
	checkInt(id, 'token id', 0, table.vocabSize - 1);
	if (table.rows) {
		const row = table.rows[id];
		if (!row) throw new AnatomyError('out-of-range', `Row ${id} is missing from the table`);
		return Float64Array.from(row);
	}
	return generateRow(table.seed, table.dim, id);
}
