import { describe, expect, it } from 'vitest';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { createTokenizer, createTokenizerAsync } from './tokenizer.js';

describe('building a tokenizer without blocking', () => {
	it('hands the event loop back while it reads the 200,000-token table', async () => {
		// Count how often a timer fires while construction is in progress: a blocking build
		// would let none through.
		let ticks = 0;
		let running = true;
		const tick = () => {
			ticks++;
			if (running) setTimeout(tick, 0);
		};
		setTimeout(tick, 0);
		const tok = await createTokenizerAsync('o200k_base', o200k);
		running = false;
		expect(ticks).toBeGreaterThan(3);
		// o200k_base: "hello world" → [24912, 2375] (OpenAI's published IDs)
		expect(tok.encode('hello world')).toEqual([24912, 2375]);
	}, 60_000);

	it('gives the same tokenizer as the synchronous build', async () => {
		const text = 'Tokenizers split text 👩🏽‍💻 大型语言模型 ' + 'x'.repeat(300);
		const a = createTokenizer('o200k_base', o200k);
		const b = await createTokenizerAsync('o200k_base', o200k);
		expect(b.encode(text)).toEqual(a.encode(text));
	}, 60_000);
});
