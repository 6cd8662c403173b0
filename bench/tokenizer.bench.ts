// Tokenizer construction time and encode throughput, o200k_base: our tokenizer (js-tiktoken plus
// rank-table reading, spans and the long-piece merge) against js-tiktoken alone, gpt-tokenizer and
// the WASM build of OpenAI's Rust tiktoken. Run with
//   npx vitest bench --run --config vitest.bench.config.ts bench/tokenizer.bench.ts
import { bench, describe } from 'vitest';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import gptTokenizerRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import { get_encoding } from 'tiktoken';
import { createTokenizer } from '../src/lib/core/tokenize/tokenizer.js';
import { createRng } from '../src/lib/core/rng.js';

/** ~100 KB of mixed text: prose, code, numbers, CJK, accents and emoji, varied by a seeded generator. */
function mixedText(bytes = 100_000): string {
	const rng = createRng(2024);
	const words =
		'the model reads tokens not words every token is an integer and the vocabulary decides how text splits into pieces'.split(
			' '
		);
	const extras = [
		'東京は日本の首都です。',
		'naïve café façade',
		'👩‍👩‍👧‍👦 🏳️‍🌈 👋🏽',
		'function add(a, b) {\n\treturn a + b;\n}',
		'x = [1, 2, 3].map((v) => v ** 2);',
		'Привет, мир!',
		'مرحبا بالعالم'
	];
	let out = '';
	while (new TextEncoder().encode(out).length < bytes) {
		const n = 8 + rng.int(12);
		const sentence = Array.from({ length: n }, () => words[rng.int(words.length)]).join(' ');
		out += `${sentence[0].toUpperCase()}${sentence.slice(1)} ${rng.int(100000)}. `;
		if (rng.next() < 0.3) out += extras[rng.int(extras.length)] + ' ';
		if (rng.next() < 0.15) out += '\n\n';
	}
	return out;
}

const text = mixedText();
const ours = createTokenizer('o200k_base', o200k);
const bare = new Tiktoken(o200k);
const gpt = GptEncoding.getEncodingApi('o200k_base', () => gptTokenizerRanks);
const wasm = get_encoding('o200k_base');

// All four must agree before their speed means anything.
const expected = ours.encode(text);
for (const [name, ids] of [
	['js-tiktoken', bare.encode(text, [], [])],
	['gpt-tokenizer', gpt.encode(text)],
	['tiktoken (WASM)', Array.from(wasm.encode_ordinary(text))]
] as const) {
	if (ids.length !== expected.length || ids.some((id, i) => id !== expected[i])) {
		throw new Error(`${name} disagrees with our tokenizer on the benchmark text`);
	}
}

describe('construction, o200k_base (ranks already imported)', () => {
	const options = { time: 4000, iterations: 5, warmupIterations: 1 };
	bench(
		'ours: createTokenizer',
		() => {
			createTokenizer('o200k_base', o200k).encode('x');
		},
		options
	);
	bench(
		'js-tiktoken: new Tiktoken',
		() => {
			new Tiktoken(o200k).encode('x');
		},
		options
	);
	bench(
		'gpt-tokenizer: GptEncoding.getEncodingApi',
		() => {
			GptEncoding.getEncodingApi('o200k_base', () => gptTokenizerRanks).encode('x');
		},
		options
	);
	bench(
		'tiktoken (WASM): get_encoding',
		() => {
			const enc = get_encoding('o200k_base');
			enc.encode_ordinary('x');
			enc.free();
		},
		options
	);
});

describe(`encode ${(new TextEncoder().encode(text).length / 1000).toFixed(0)} KB of mixed text, o200k_base`, () => {
	const options = { time: 3000 };
	bench('ours: encode', () => void ours.encode(text), options);
	bench('ours: tokens (with spans)', () => void ours.tokens(text), options);
	bench('js-tiktoken: encode', () => void bare.encode(text, [], []), options);
	bench(
		'gpt-tokenizer: encode (merge cache cleared)',
		() => {
			gpt.clearMergeCache();
			gpt.encode(text);
		},
		options
	);
	bench('gpt-tokenizer: encode (warm merge cache)', () => void gpt.encode(text), options);
	bench('tiktoken (WASM): encode_ordinary', () => void wasm.encode_ordinary(text), options);
});
