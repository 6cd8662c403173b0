import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createRng } from '../../rng.js';
import {
	createToyLanguage,
	lexicon,
	reversalRecord,
	sampleToyBatch,
	toySentence,
	toyText
} from './corpus.js';
import { decodeChars } from './vocab.js';

describe('toy corpora', () => {
	it('a language has 17 distinct words and 3 distinct objects per verb, the same for the same seed', () => {
		const a = createToyLanguage(7);
		expect(createToyLanguage(7)).toEqual(a);
		expect(createToyLanguage(8)).not.toEqual(a);
		expect(new Set(lexicon(a)).size).toBe(17);
		for (const objs of a.objects) {
			expect(new Set(objs).size).toBe(3);
			for (const o of objs) expect(o).toBeLessThan(a.nouns.length);
		}
	});

	it('sentences follow the grammar and the verb–object rule', () => {
		const lang = createToyLanguage(3);
		const rng = createRng(1);
		const adj = `(?:(${lang.adjectives.join('|')}) )?`;
		const re = new RegExp(
			`^${adj}(${lang.nouns.join('|')}) (${lang.verbs.join('|')}) ${adj}(${lang.nouns.join('|')})\\.$`
		);
		for (let i = 0; i < 200; i++) {
			const s = toySentence(lang, rng);
			const m = re.exec(s);
			expect(m, s).not.toBeNull();
			const verb = lang.verbs.indexOf(m![3]);
			expect(lang.objects[verb]).toContain(lang.nouns.indexOf(m![5]));
		}
	});

	it('reversal records read word>drow.', () => {
		expect(reversalRecord('kalo')).toBe('kalo>olak.');
		expect(reversalRecord('a')).toBe('a>a.');
	});

	it('noise replaces about the requested share of letters', () => {
		// Same rng stream: the sentences are drawn first, the noise after, so the texts align.
		const clean = toyText('language', createToyLanguage(5, { noise: 0 }), createRng(9), 20000);
		const noisy = toyText('language', createToyLanguage(5, { noise: 0.3 }), createRng(9), 20000);
		expect(noisy.length).toBe(clean.length);
		let letters = 0;
		let changed = 0;
		for (let i = 0; i < clean.length; i++) {
			if (clean[i] >= 'a' && clean[i] <= 'z') {
				letters++;
				if (clean[i] !== noisy[i]) changed++;
			}
		}
		// A replacement picks one of 17 letters uniformly, so 1/17 keep their letter: 0.3·16/17 ≈ 0.282.
		expect(changed / letters).toBeGreaterThan(0.26);
		expect(changed / letters).toBeLessThan(0.3);
	});

	it('batches have the requested shape and only vocabulary tokens', () => {
		const lang = createToyLanguage(1);
		const b = sampleToyBatch('reversal', lang, createRng(2), 3, 25);
		expect(b.length).toBe(75);
		expect(decodeChars(b.subarray(0, 25))).toMatch(/^[a-z>. ]{25}$/);
		expect(decodeChars(b)).toContain('>');
	});

	it('rejects a bad noise level', () => {
		expect(() => createToyLanguage(1, { noise: NaN })).toThrow(AnatomyError);
		expect(() => createToyLanguage(1, { noise: 1 })).toThrow(AnatomyError);
	});
});
