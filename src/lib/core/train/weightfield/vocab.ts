/**
 * The character vocabulary of the weight-field model: space, full stop, the `>` separator of the
 * fine-tuning task and the 17 letters the toy language is spelt with. Token id = index in
 * {@link WEIGHT_FIELD_ALPHABET}, so V = 20 and a model that knows nothing scores ln 20 ≈ 3.00 nats.
 */
import { AnatomyError } from '../../errors.js';

/** The characters of the vocabulary in token-id order (id 0 is the space). */
export const WEIGHT_FIELD_ALPHABET = ' .>abdefgiklmnoprstu';

/** Vowels and consonants the toy language builds its syllables from (all in the alphabet). */
export const TOY_VOWELS = 'aeiou';
export const TOY_CONSONANTS = 'bdfgklmnprst';

const INDEX = new Map<string, number>([...WEIGHT_FIELD_ALPHABET].map((c, i) => [c, i]));

/** Token ids of `text`, one per character; throws `invalid-argument` on a character outside the alphabet. */
export function encodeChars(text: string): Int32Array {
	const out = new Int32Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const id = INDEX.get(text[i]);
		if (id === undefined) {
			throw new AnatomyError(
				'invalid-argument',
				`character ${JSON.stringify(text[i])} at ${i} is not in the vocabulary ${JSON.stringify(WEIGHT_FIELD_ALPHABET)}`
			);
		}
		out[i] = id;
	}
	return out;
}

/** Text of token ids; throws `out-of-range` on an id outside [0, V). */
export function decodeChars(ids: ArrayLike<number>): string {
	let s = '';
	for (let i = 0; i < ids.length; i++) {
		const c = WEIGHT_FIELD_ALPHABET[ids[i]];
		if (!Number.isInteger(ids[i]) || c === undefined) {
			throw new AnatomyError(
				'out-of-range',
				`token id ${ids[i]} at ${i} is outside [0, ${WEIGHT_FIELD_ALPHABET.length})`
			);
		}
		s += c;
	}
	return s;
}
