/**
 * What EmbeddingLookup shows, computed from the core: which row a typed word selects, the row's
 * vector, its nearest words, the 2-D map and the analogy answer. Bad input never throws out of
 * here; it comes back as a status the view turns into a message.
 */
import { analogy as solveAnalogy } from '../../core/embeddings/analogy.js';
import { pca2d, type Pca2d } from '../../core/embeddings/pca.js';
import { nearestNeighbours, type Neighbour } from '../../core/embeddings/similarity.js';
import { lookup } from '../../core/embeddings/table.js';
import { createToyVocabulary, type ToyVocabulary } from '../../core/embeddings/vocabulary.js';
import { AnatomyError } from '../../core/errors.js';
import type { EmbeddingAnalogy } from './types.js';

/** Default seed of the toy vocabulary's noise (the core's default). */
export const DEFAULT_SEED = 7;
/** Longest typed text handled; longer text is cut (a word is never this long). */
export const MAX_WORD_LENGTH = 200;

/** An integer clamped to [min, max]; NaN, ±Infinity and non-numbers give `fallback`. */
export function clampInt(value: unknown, min: number, max: number, fallback: number): number {
	if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
	if (value === Infinity) return max;
	if (value === -Infinity) return min;
	return Math.min(max, Math.max(min, Math.round(value)));
}

/** The toy vocabulary for a seed; an invalid seed falls back to {@link DEFAULT_SEED}. */
export function vocabularyFor(seed: unknown): ToyVocabulary {
	const s = clampInt(seed, 0, 2 ** 32 - 1, DEFAULT_SEED);
	return createToyVocabulary({ seed: s });
}

/** The outcome of looking a typed word up. */
export type Resolution =
	| { status: 'ok'; row: number; word: string; text: string }
	| { status: 'empty'; text: '' }
	| { status: 'unknown'; text: string };

/** Trims and cuts typed text to what is looked up and tokenized. */
export function cleanText(text: unknown): string {
	const s = typeof text === 'string' ? text : text == null ? '' : String(text);
	return s.trim().slice(0, MAX_WORD_LENGTH);
}

/** Which row `text` selects (case-insensitive); the same word always gives the same row. */
export function resolveWord(vocab: ToyVocabulary, text: unknown): Resolution {
	const clean = cleanText(text);
	if (!clean) return { status: 'empty', text: '' };
	const row = vocab.words.indexOf(clean.toLowerCase());
	return row < 0
		? { status: 'unknown', text: clean }
		: { status: 'ok', row, word: vocab.words[row], text: clean };
}

/** The row's vector (from the core's `lookup`), cut to the first `dims` numbers. */
export function rowVector(vocab: ToyVocabulary, row: number, dims: number): number[] {
	return Array.from(lookup(vocab, row)).slice(0, dims);
}

/** The `k` words nearest to row `row` by cosine similarity, the word itself left out. */
export function neighboursOf(vocab: ToyVocabulary, row: number, k: number): Neighbour[] {
	return nearestNeighbours(vocab, lookup(vocab, row), k, { exclude: [row] });
}

/** The 2-D PCA map of every row. */
export function vocabularyMap(vocab: ToyVocabulary): Pca2d {
	return pca2d(vocab.rows);
}

/** The answer to an analogy, or the reason there is none. */
export type AnalogyOutcome =
	| { status: 'ok'; rows: [number, number, number]; answer: Neighbour & { word: string } }
	| { status: 'unknown'; word: string }
	| { status: 'error'; message: string };

/** b − a + c's nearest word (a, b and c left out), via the core's `analogy`. */
export function solve(vocab: ToyVocabulary, { a, b, c }: EmbeddingAnalogy): AnalogyOutcome {
	const keys = [a, b, c].map(cleanText);
	const rows = keys.map((k) => vocab.words.indexOf(k.toLowerCase())) as [number, number, number];
	const missing = rows.indexOf(-1);
	if (missing >= 0) return { status: 'unknown', word: keys[missing] };
	try {
		const best = solveAnalogy(vocab, rows[0], rows[1], rows[2]).neighbours[0];
		if (!best?.word) return { status: 'error', message: 'No word is left to answer with' };
		return { status: 'ok', rows, answer: { ...best, word: best.word } };
	} catch (e) {
		return { status: 'error', message: e instanceof AnatomyError ? e.message : String(e) };
	}
}
