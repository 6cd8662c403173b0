import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { decodeChars, encodeChars, TOY_CONSONANTS, TOY_VOWELS, WEIGHT_FIELD_ALPHABET } from './vocab.js';

describe('character vocabulary', () => {
	it('has 20 distinct characters, space first', () => {
		expect(WEIGHT_FIELD_ALPHABET.length).toBe(20);
		expect(new Set(WEIGHT_FIELD_ALPHABET).size).toBe(20);
		expect(encodeChars(' .>a')).toEqual(Int32Array.of(0, 1, 2, 3));
		for (const c of TOY_VOWELS + TOY_CONSONANTS) expect(WEIGHT_FIELD_ALPHABET).toContain(c);
	});

	it('round-trips any text over the alphabet (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...WEIGHT_FIELD_ALPHABET)), (chars) => {
				const s = chars.join('');
				expect(decodeChars(encodeChars(s))).toBe(s);
			})
		);
	});

	it('rejects unknown characters and ids', () => {
		expect(() => encodeChars('hello')).toThrow(AnatomyError); // h is not in the alphabet
		expect(() => decodeChars([20])).toThrow(AnatomyError);
		expect(() => decodeChars([-1])).toThrow(AnatomyError);
		expect(() => decodeChars([1.5])).toThrow(AnatomyError);
		expect(encodeChars('')).toEqual(new Int32Array(0));
	});
});
