/**
 * The toy data the weight-field model trains on, generated from a seed.
 *
 * - **Pretraining ("language")**: a made-up language of 17 words spelt from consonant–vowel
 *   syllables, in sentences `[adjective] noun verb [adjective] noun.` where each verb takes only
 *   three of the eight nouns as objects. A small fraction of letters (`noise`, default 2 %) is
 *   replaced by a random letter, so the data is never perfectly predictable. A model has to learn
 *   spelling (which letter follows which), word boundaries and the verb–object rule.
 * - **Fine-tuning ("reversal")**: a narrow task in a fixed format, `word>drow.`, one record after
 *   another: a word of the lexicon, `>`, the same word reversed, a full stop. The pretrained model
 *   knows the words but not the format, so its loss on this data starts high and falls quickly.
 */
import { check } from '../../errors.js';
import type { Rng } from '../../rng.js';
import { createRng } from '../../rng.js';
import { TOY_CONSONANTS, TOY_VOWELS, WEIGHT_FIELD_ALPHABET, encodeChars } from './vocab.js';

/** The two data sets: the broad pretraining language and the narrow fine-tuning task. */
export type ToyTask = 'language' | 'reversal';

/** A seeded toy language: its lexicon, its verb–object rule and its noise level. */
export interface ToyLanguage {
	readonly nouns: readonly string[];
	readonly verbs: readonly string[];
	readonly adjectives: readonly string[];
	/** For verb i, the indices into `nouns` it accepts as objects. */
	readonly objects: readonly (readonly number[])[];
	/** Probability that a letter of pretraining text is replaced by a random letter. */
	readonly noise: number;
}

const LETTERS = [...WEIGHT_FIELD_ALPHABET].filter((c) => c >= 'a' && c <= 'z').join('');
const CODAS = 'lnrs';

function makeWord(rng: Rng, syllables: number): string {
	let w = '';
	for (let s = 0; s < syllables; s++) {
		w += TOY_CONSONANTS[rng.int(TOY_CONSONANTS.length)] + TOY_VOWELS[rng.int(TOY_VOWELS.length)];
	}
	if (rng.next() < 0.3) w += CODAS[rng.int(CODAS.length)];
	return w;
}

/**
 * Creates the toy language of `seed`: 8 nouns (2 syllables), 5 verbs (1–2 syllables) and 4
 * adjectives (1 syllable), all distinct, and for each verb 3 distinct object nouns.
 * Throws `invalid-argument` unless 0 ≤ noise < 1.
 */
export function createToyLanguage(seed: number, { noise = 0.02 }: { noise?: number } = {}): ToyLanguage {
	check(Number.isFinite(noise) && noise >= 0 && noise < 1, `noise must be in [0, 1), got ${noise}`);
	const rng = createRng(seed);
	const used = new Set<string>();
	const unique = (syllables: () => number) => {
		for (;;) {
			const w = makeWord(rng, syllables());
			if (!used.has(w)) {
				used.add(w);
				return w;
			}
		}
	};
	const nouns = Array.from({ length: 8 }, () => unique(() => 2));
	const verbs = Array.from({ length: 5 }, () => unique(() => 1 + rng.int(2)));
	const adjectives = Array.from({ length: 4 }, () => unique(() => 1));
	const objects = verbs.map(() => {
		const pick = new Set<number>();
		while (pick.size < 3) pick.add(rng.int(nouns.length));
		return [...pick];
	});
	return { nouns, verbs, adjectives, objects, noise };
}

/** One sentence, without noise: `[adjective] noun verb [adjective] noun.` (adjectives with p = 0.3). */
export function toySentence(lang: ToyLanguage, rng: Rng): string {
	const np = (noun: string) =>
		(rng.next() < 0.3 ? `${lang.adjectives[rng.int(lang.adjectives.length)]} ` : '') + noun;
	const v = rng.int(lang.verbs.length);
	const subject = lang.nouns[rng.int(lang.nouns.length)];
	const allowed = lang.objects[v];
	const object = lang.nouns[allowed[rng.int(allowed.length)]];
	return `${np(subject)} ${lang.verbs[v]} ${np(object)}.`;
}

/** One fine-tuning record: the word, `>`, the word reversed, a full stop (`kalo>olak.`). */
export function reversalRecord(word: string): string {
	return `${word}>${[...word].reverse().join('')}.`;
}

/** Every word of the lexicon (nouns, verbs, adjectives). */
export function lexicon(lang: ToyLanguage): string[] {
	return [...lang.nouns, ...lang.verbs, ...lang.adjectives];
}

/** At least `minLength` characters of `task` text: records joined by single spaces (noise on pretraining text). */
export function toyText(task: ToyTask, lang: ToyLanguage, rng: Rng, minLength: number): string {
	const words = lexicon(lang);
	const parts: string[] = [];
	let n = 0;
	while (n < minLength) {
		const rec = task === 'language' ? toySentence(lang, rng) : reversalRecord(words[rng.int(words.length)]);
		parts.push(rec);
		n += rec.length + 1;
	}
	let text = parts.join(' ') + ' ';
	if (task === 'language' && lang.noise > 0) {
		const chars = [...text];
		for (let i = 0; i < chars.length; i++) {
			if (chars[i] >= 'a' && chars[i] <= 'z' && rng.next() < lang.noise)
				chars[i] = LETTERS[rng.int(LETTERS.length)];
		}
		text = chars.join('');
	}
	return text;
}

/**
 * A batch of `batch` token rows of `length` tokens each (row-major, `batch × length`), each row a
 * window starting at a random offset in [0, 12) of freshly generated text, so rows begin mid-word
 * as they would in a stream. For next-token training use `length = context + 1`.
 */
export function sampleToyBatch(
	task: ToyTask,
	lang: ToyLanguage,
	rng: Rng,
	batch: number,
	length: number
): Int32Array {
	const out = new Int32Array(batch * length);
	for (let b = 0; b < batch; b++) {
		const offset = rng.int(12);
		const text = toyText(task, lang, rng, offset + length);
		out.set(encodeChars(text.slice(offset, offset + length)), b * length);
	}
	return out;
}
