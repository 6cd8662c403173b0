import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { analogy } from './analogy.js';
import { pca2d } from './pca.js';
import { cosineSimilarity, nearestNeighbours } from './similarity.js';
import { lookup } from './table.js';
import { TOY_FEATURES, TOY_WORDS, createToyVocabulary, wordId } from './vocabulary.js';

const vocab = createToyVocabulary();
const vec = (word: string) => lookup(vocab, wordId(vocab, word));
const answer = (a: string, b: string, c: string, v = vocab) => analogy(v, a, b, c).neighbours[0].word;

describe('toy vocabulary', () => {
	it('has one named feature per dimension and 40–60 words', () => {
		expect(vocab.dim).toBe(TOY_FEATURES.length);
		expect(vocab.features).toEqual(TOY_FEATURES);
		expect(vocab.vocabSize).toBe(TOY_WORDS.length);
		expect(vocab.vocabSize).toBeGreaterThanOrEqual(40);
		expect(vocab.vocabSize).toBeLessThanOrEqual(60);
		expect(new Set(vocab.words).size).toBe(vocab.vocabSize);
		for (const { features } of TOY_WORDS) {
			for (const f of Object.keys(features)) expect(TOY_FEATURES).toContain(f);
		}
	});

	it('analogies: a is to b as c is to ?', () => {
		expect(answer('cat', 'kitten', 'dog')).toBe('puppy'); // kitten − cat + dog
		expect(answer('man', 'king', 'woman')).toBe('queen'); // king − man + woman
		expect(answer('france', 'paris', 'japan')).toBe('tokyo'); // paris − france + japan
		expect(answer('run', 'running', 'walk')).toBe('walking');
		expect(answer('good', 'happy', 'bad')).toBe('sad');
		expect(answer('japan', 'sushi', 'italy')).toBe('pizza');
		expect(answer('boy', 'prince', 'girl')).toBe('princess');
	});

	it('similar words are closer than unrelated ones', () => {
		expect(cosineSimilarity(vec('cat'), vec('dog'))).toBeGreaterThan(
			cosineSimilarity(vec('cat'), vec('banana'))
		);
		expect(cosineSimilarity(vec('king'), vec('queen'))).toBeGreaterThan(
			cosineSimilarity(vec('king'), vec('apple'))
		);
		expect(cosineSimilarity(vec('good'), vec('bad'))).toBeLessThan(
			cosineSimilarity(vec('good'), vec('great'))
		);
		const near = nearestNeighbours(vocab, vec('apple'), 3, { exclude: ['apple'] }).map((n) => n.word);
		for (const word of near) expect(['banana', 'orange', 'grape']).toContain(word);
	});

	it('without noise the offsets are exact: kitten − cat + dog = puppy', () => {
		const bare = createToyVocabulary({ noise: 0 });
		const r = analogy(bare, 'cat', 'kitten', 'dog');
		expect(Array.from(r.target)).toEqual(Array.from(lookup(bare, wordId(bare, 'puppy'))));
		expect(r.neighbours[0]).toMatchObject({ word: 'puppy' });
		expect(r.neighbours[0].similarity).toBeCloseTo(1, 15);
	});

	it('the analogies hold for every seed from 0 to 49, not just the default', () => {
		for (let seed = 0; seed < 50; seed++) {
			const v = createToyVocabulary({ seed });
			expect(
				[
					answer('cat', 'kitten', 'dog', v),
					answer('man', 'king', 'woman', v),
					answer('france', 'paris', 'japan', v)
				],
				`seed ${seed}`
			).toEqual(['puppy', 'queen', 'tokyo']);
		}
	});

	it('deterministic given the seed; a word’s vector does not depend on the others', () => {
		expect(createToyVocabulary({ seed: 3 }).rows).toEqual(createToyVocabulary({ seed: 3 }).rows);
		expect(createToyVocabulary({ seed: 3 }).rows[0]).not.toEqual(createToyVocabulary({ seed: 4 }).rows[0]);
		expect(lookup(vocab, wordId(vocab, 'Cat'))).toEqual(vec('cat'));
	});

	it('groups separate in the 2-D projection: animals apart from places', () => {
		const r = pca2d(vocab.rows);
		const at = (word: string) => r.points[wordId(vocab, word)];
		const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
		expect(dist(at('cat'), at('dog'))).toBeLessThan(dist(at('cat'), at('paris')));
		expect(r.explainedVariance[0]).toBeGreaterThanOrEqual(r.explainedVariance[1]);
	});

	it('rejects unknown words and bad options', () => {
		const code = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				return e instanceof AnatomyError ? e.code : String(e);
			}
			return 'no error';
		};
		expect(code(() => wordId(vocab, 'unicorn'))).toBe('out-of-range');
		expect(code(() => wordId(vocab, 3 as never))).toBe('invalid-argument');
		expect(code(() => analogy(vocab, 'cat', 'kitten', 'unicorn'))).toBe('out-of-range');
		expect(code(() => analogy(vocab, 'cat', 'kitten', 'dog', { k: -1 }))).toBe('out-of-range');
		expect(code(() => createToyVocabulary({ noise: -0.1 }))).toBe('out-of-range');
		expect(code(() => createToyVocabulary({ noise: NaN }))).toBe('out-of-range');
		expect(code(() => createToyVocabulary({ seed: 1.5 }))).toBe('out-of-range');
	});

	it('analogy accepts row IDs and can keep its inputs', () => {
		const [cat, kitten, dog] = ['cat', 'kitten', 'dog'].map((w) => wordId(vocab, w));
		expect(analogy(vocab, cat, kitten, dog).neighbours[0].word).toBe('puppy');
		const all = analogy(vocab, 'cat', 'kitten', 'dog', { k: 3, excludeInputs: false }).neighbours.map(
			(n) => n.word
		);
		expect(all[0]).toBe('puppy');
		expect(all.length).toBe(3);
	});
});
