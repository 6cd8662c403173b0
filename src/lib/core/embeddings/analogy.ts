/**
 * Word analogies by vector arithmetic.
 */
import { nearestNeighbours, rowId, type Neighbour } from './similarity.js';
import { lookup, type EmbeddingTable } from './table.js';

/** Options of {@link analogy}. */
export interface AnalogyOptions {
	/** How many answers. @default 1 */
	k?: number;
	/** Leave a, b and c out of the answers (the usual practice; otherwise b or c often wins). @default true */
	excludeInputs?: boolean;
}

/** The answer to "a is to b as c is to ?". */
export interface AnalogyResult {
	/** The vector b − a + c. */
	target: Float64Array;
	/** Rows nearest to the target by cosine similarity, best first. */
	neighbours: Neighbour[];
}

/**
 * "a is to b as c is to ?" by vector offsets (Mikolov et al. 2013, "3CosAdd"): the rows nearest to
 * b − a + c by cosine similarity. `analogy(v, 'cat', 'kitten', 'dog')` computes kitten − cat + dog.
 * Words or row IDs are accepted.
 * @throws AnatomyError `out-of-range` for unknown words or IDs or a bad `k`.
 */
export function analogy(
	table: EmbeddingTable,
	a: number | string,
	b: number | string,
	c: number | string,
	{ k = 1, excludeInputs = true }: AnalogyOptions = {}
): AnalogyResult {
	const [ia, ib, ic] = [a, b, c].map((key) => rowId(table, key));
	const [va, vb, vc] = [ia, ib, ic].map((id) => lookup(table, id));
	const target = new Float64Array(table.dim);
	for (let j = 0; j < table.dim; j++) target[j] = vb[j] - va[j] + vc[j];
	const neighbours = nearestNeighbours(table, target, k, { exclude: excludeInputs ? [ia, ib, ic] : [] });
	return { target, neighbours };
}
