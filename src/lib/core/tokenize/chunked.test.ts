import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnatomyError } from '../errors.js';
import { tokenizeAllInChunks, tokenizeInChunks } from './chunked.js';
import { TOKENIZER_ENCODINGS, type TokenizerEncoding } from './encodings.js';
import { loadTokenizer, type Tokenizer } from './tokenizer.js';
import type { TokenSpan } from './spans.js';

const toks = {} as Record<TokenizerEncoding, Tokenizer>;
beforeAll(async () => {
	for (const name of TOKENIZER_ENCODINGS) toks[name] = await loadTokenizer(name);
}, 60_000);

const noPause = () => Promise.resolve();
const plain = (spans: TokenSpan[]) => spans.map((s) => ({ ...s, bytes: Array.from(s.bytes) }));

const ESSAY = [
	'# Tokenization\n\nBefore a model can think about text, the text has to become numbers.  Two spaces here.',
	'A token can be a whole word, part of a word, punctuation, whitespace, or a piece of something strange.',
	'```ts\nfunction add(a: number, b: number): number {\n    return a + b; // sum\n}\n```',
	'東京は日本の首都です。 Emoji: 👩‍👩‍👧‍👦 🏳️‍🌈 👋🏽 — and numbers 1234567, 3.14159!',
	"They'll say it's fine. WE'VE done it.\n\n\n\tIndented line\r\nWindows line\n" + '='.repeat(300),
	'Ελληνικά, русский, हिन्दी, עברית, العربية.\u00a0\u3000End.'
].join('\n\n');

describe('tokenizeInChunks', () => {
	it('gives exactly the unchunked tokens for a multi-paragraph text, at any slice size', async () => {
		for (const name of TOKENIZER_ENCODINGS) {
			const whole = plain(toks[name].tokens(ESSAY));
			for (const chunkChars of [16, 37, 100, 1000, 1 << 20]) {
				const spans = await tokenizeAllInChunks(toks[name], ESSAY, { chunkChars, pause: noPause });
				expect(plain(spans), `${name} / ${chunkChars}`).toEqual(whole);
			}
		}
	});

	it('gives the unchunked tokens for random text', async () => {
		const text = fc.string({
			unit: fc.constantFrom(' ', '  ', '\n', 'a', 'Bc', 'é', '東', '1', '.', "'s", '😀', '\t', '\ud800'),
			maxLength: 120
		});
		await fc.assert(
			fc.asyncProperty(text, fc.integer({ min: 16, max: 40 }), async (s, chunkChars) => {
				for (const name of ['o200k_base', 'r50k_base'] as const) {
					const spans = await tokenizeAllInChunks(toks[name], s, { chunkChars, pause: noPause });
					expect(plain(spans)).toEqual(plain(toks[name].tokens(s)));
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('reports increasing progress ending at 1 and pauses between slices', async () => {
		let pauses = 0;
		const chunks = [];
		for await (const c of tokenizeInChunks(toks.o200k_base, ESSAY, {
			chunkChars: 64,
			pause: async () => void pauses++
		})) {
			chunks.push(c);
		}
		expect(chunks.length).toBeGreaterThan(5);
		expect(pauses).toBe(chunks.length - 1);
		for (let i = 1; i < chunks.length; i++) {
			expect(chunks[i].progress).toBeGreaterThan(chunks[i - 1].progress);
			expect(chunks[i].start).toBe(chunks[i - 1].end);
		}
		expect(chunks.at(-1)!.progress).toBe(1);
		expect(chunks.at(-1)!.tokenCount).toBe(toks.o200k_base.encode(ESSAY).length);
	});

	it('yields one empty chunk for empty text', async () => {
		const chunks = [];
		for await (const c of tokenizeInChunks(toks.o200k_base, '')) chunks.push(c);
		expect(chunks).toEqual([{ spans: [], start: 0, end: 0, tokenCount: 0, progress: 1 }]);
	});

	it('stops when aborted, with the signal’s reason', async () => {
		const controller = new AbortController();
		let seen = 0;
		const run = async () => {
			for await (const _ of tokenizeInChunks(toks.o200k_base, ESSAY, {
				chunkChars: 32,
				pause: noPause,
				signal: controller.signal
			})) {
				if (++seen === 2) controller.abort(new Error('user left'));
			}
		};
		await expect(run()).rejects.toThrow('user left');
		expect(seen).toBe(2);
	});

	it('uses a real macrotask pause by default', async () => {
		const spans = await tokenizeAllInChunks(toks.cl100k_base, 'hello world '.repeat(20), { chunkChars: 50 });
		expect(spans.map((s) => s.id)).toEqual(toks.cl100k_base.encode('hello world '.repeat(20)));
	});

	it('rejects bad options and input', async () => {
		const code = async (p: Promise<unknown>) =>
			p.then(
				() => 'no error',
				(e) => (e as AnatomyError).code
			);
		expect(await code(tokenizeAllInChunks(toks.o200k_base, 'x', { chunkChars: 0 }))).toBe('out-of-range');
		expect(await code(tokenizeAllInChunks(toks.o200k_base, 'x', { chunkChars: 1.5 }))).toBe('out-of-range');
		expect(await code(tokenizeAllInChunks(toks.o200k_base, 'x', { chunkChars: NaN }))).toBe('out-of-range');
		expect(await code(tokenizeAllInChunks(toks.o200k_base, 7 as unknown as string))).toBe('invalid-argument');
	});
});
