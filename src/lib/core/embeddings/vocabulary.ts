/**
 * A small hand-made vocabulary whose vectors have meaningful geometry, for showing what embedding
 * spaces look like: similar words close together, and analogies as parallel offsets
 * (kitten − cat + dog ≈ puppy).
 *
 * How it was made (illustrative, not taken from any real model): each of the vector's dimensions is
 * a named feature (animal, young, royal, gender, capital, …). A word's vector is the sum of its
 * features with the weights listed in {@link TOY_WORDS} (mostly 1; gender is +1 for male and −1 for
 * female; sentiment runs from −1.6 to +1.6), plus seeded Gaussian noise of standard deviation
 * `noise` on every dimension, drawn from a generator seeded by the word and the vocabulary's seed (so
 * a word's vector does not change when words are added). Forms of one verb share a feature of their
 * own (`walk` for walk and walking), as a real model's vectors share whatever makes them one word.
 * Real embeddings are learned from text and their dimensions have no such clean names.
 */
import { AnatomyError, check } from '../errors.js';
import { createRng } from '../rng.js';
import { rowId } from './similarity.js';
import { rowSeed, type EmbeddingTable } from './table.js';

/** The named features, one per dimension, in order. */
export const TOY_FEATURES = Object.freeze([
	'animal',
	'feline',
	'canine',
	'equine',
	'wild',
	'young',
	'person',
	'royal',
	'gender',
	'place',
	'capital',
	'country',
	'france',
	'japan',
	'italy',
	'germany',
	'food',
	'fruit',
	'verb',
	'motion',
	'progressive',
	'run',
	'walk',
	'swim',
	'eat',
	'adjective',
	'sentiment',
	'emotion'
] as const);

/** One of {@link TOY_FEATURES}. */
export type ToyFeature = (typeof TOY_FEATURES)[number];

/** A word of the toy vocabulary and the feature weights its vector is built from. */
export interface ToyWord {
	word: string;
	features: Readonly<Partial<Record<ToyFeature, number>>>;
}

const w = (word: string, features: Partial<Record<ToyFeature, number>>): ToyWord =>
	Object.freeze({ word, features: Object.freeze(features) });

/** The recipe of every word: 46 words in six groups. */
export const TOY_WORDS: readonly ToyWord[] = Object.freeze([
	// animals: species, age, wildness
	w('cat', { animal: 1, feline: 1 }),
	w('kitten', { animal: 1, feline: 1, young: 1 }),
	w('lion', { animal: 1, feline: 1, wild: 1 }),
	w('dog', { animal: 1, canine: 1 }),
	w('puppy', { animal: 1, canine: 1, young: 1 }),
	w('wolf', { animal: 1, canine: 1, wild: 1 }),
	w('horse', { animal: 1, equine: 1 }),
	w('foal', { animal: 1, equine: 1, young: 1 }),
	// people: gender (+1 male, −1 female), royalty, age
	w('man', { person: 1, gender: 1 }),
	w('woman', { person: 1, gender: -1 }),
	w('boy', { person: 1, gender: 1, young: 1 }),
	w('girl', { person: 1, gender: -1, young: 1 }),
	w('king', { person: 1, royal: 1, gender: 1 }),
	w('queen', { person: 1, royal: 1, gender: -1 }),
	w('prince', { person: 1, royal: 1, gender: 1, young: 1 }),
	w('princess', { person: 1, royal: 1, gender: -1, young: 1 }),
	// places: capital or country, and which country
	w('paris', { place: 1, capital: 1, france: 1 }),
	w('france', { place: 1, country: 1, france: 1 }),
	w('tokyo', { place: 1, capital: 1, japan: 1 }),
	w('japan', { place: 1, country: 1, japan: 1 }),
	w('rome', { place: 1, capital: 1, italy: 1 }),
	w('italy', { place: 1, country: 1, italy: 1 }),
	w('berlin', { place: 1, capital: 1, germany: 1 }),
	w('germany', { place: 1, country: 1, germany: 1 }),
	// food: fruit, and dishes tied to a country
	w('apple', { food: 1, fruit: 1 }),
	w('banana', { food: 1, fruit: 1 }),
	w('orange', { food: 1, fruit: 1 }),
	w('grape', { food: 1, fruit: 1 }),
	w('croissant', { food: 1, france: 0.6 }),
	w('sushi', { food: 1, japan: 0.6 }),
	w('pizza', { food: 1, italy: 0.6 }),
	w('pretzel', { food: 1, germany: 0.6 }),
	// verbs: the lemma's own feature, motion, and the -ing form
	w('run', { verb: 1, motion: 1, run: 1 }),
	w('running', { verb: 1, motion: 1, run: 1, progressive: 1 }),
	w('walk', { verb: 1, motion: 1, walk: 1 }),
	w('walking', { verb: 1, motion: 1, walk: 1, progressive: 1 }),
	w('swim', { verb: 1, motion: 1, swim: 1 }),
	w('swimming', { verb: 1, motion: 1, swim: 1, progressive: 1 }),
	w('eat', { verb: 1, eat: 1, food: 0.3 }),
	w('eating', { verb: 1, eat: 1, food: 0.3, progressive: 1 }),
	// adjectives: sentiment (−1.6 … +1.6), and whether it is a feeling
	w('good', { adjective: 1, sentiment: 1 }),
	w('great', { adjective: 1, sentiment: 1.6 }),
	w('bad', { adjective: 1, sentiment: -1 }),
	w('awful', { adjective: 1, sentiment: -1.6 }),
	w('happy', { adjective: 1, sentiment: 1, emotion: 1 }),
	w('sad', { adjective: 1, sentiment: -1, emotion: 1 })
]);

/** The toy vocabulary as an embedding table: one row per word of {@link TOY_WORDS}. */
export interface ToyVocabulary extends EmbeddingTable {
	readonly rows: readonly Float64Array[];
	readonly words: readonly string[];
	/** Name of each dimension. */
	readonly features: readonly ToyFeature[];
	/** Standard deviation of the noise added to every entry. */
	readonly noise: number;
}

/** Options of {@link createToyVocabulary}. */
export interface ToyVocabularyOptions {
	/** Integer in [0, 2³² − 1]. @default 7 */
	seed?: number;
	/** Standard deviation of the per-entry noise, in [0, 1]; 0 gives the bare feature sums. @default 0.08 */
	noise?: number;
}

/** FNV-1a hash of a word, to seed its noise independently of the other words. */
function hashWord(word: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/**
 * Builds the toy vocabulary (46 words × 28 named dimensions); see the module documentation for the
 * recipe.
 * @throws AnatomyError `out-of-range` for a seed or noise outside the ranges above.
 */
export function createToyVocabulary({ seed = 7, noise = 0.08 }: ToyVocabularyOptions = {}): ToyVocabulary {
	if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) {
		throw new AnatomyError('out-of-range', `seed must be an integer in [0, 2^32 − 1], got ${seed}`);
	}
	if (!(noise >= 0 && noise <= 1)) {
		throw new AnatomyError('out-of-range', `noise must be in [0, 1], got ${noise}`);
	}
	const dim = TOY_FEATURES.length;
	const rows = TOY_WORDS.map(({ word, features }) => {
		const row = new Float64Array(dim);
		TOY_FEATURES.forEach((name, j) => (row[j] = features[name] ?? 0));
		if (noise > 0) {
			const rng = createRng(rowSeed(seed, hashWord(word)));
			for (let j = 0; j < dim; j++) row[j] += noise * rng.normal();
		}
		return row;
	});
	return Object.freeze({
		vocabSize: rows.length,
		dim,
		seed,
		noise,
		rows: Object.freeze(rows),
		words: Object.freeze(TOY_WORDS.map((t) => t.word)),
		features: TOY_FEATURES
	});
}

/** Row ID of `word` in a table with words (case-insensitive). @throws AnatomyError `out-of-range` for an unknown word. */
export function wordId(table: EmbeddingTable, word: string): number {
	check(typeof word === 'string', 'word must be a string');
	return rowId(table, word);
}
