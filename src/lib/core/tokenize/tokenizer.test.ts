import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
// The WASM build of OpenAI's Rust tiktoken: an implementation independent of js-tiktoken.
import { get_encoding, type Tiktoken as WasmTiktoken } from 'tiktoken';
import { AnatomyError } from '../errors.js';
import { TOKENIZER_ENCODINGS, type TokenizerEncoding } from './encodings.js';
import { MAX_TOKENIZE_CHARS, createTokenizerCache, loadTokenizer, type Tokenizer } from './tokenizer.js';

const codeOf = async (p: Promise<unknown> | (() => unknown)) => {
	try {
		await (typeof p === 'function' ? p() : p);
	} catch (e) {
		return e instanceof AnatomyError ? e.code : `not an AnatomyError: ${String(e)}`;
	}
	return 'no error';
};

const ours = {} as Record<TokenizerEncoding, Tokenizer>;
const wasm = {} as Record<TokenizerEncoding, WasmTiktoken>;
beforeAll(async () => {
	for (const name of TOKENIZER_ENCODINGS) {
		ours[name] = await loadTokenizer(name);
		wasm[name] = get_encoding(name);
	}
}, 60_000);
afterAll(() => {
	for (const name of TOKENIZER_ENCODINGS) wasm[name].free();
});

const reference = (name: TokenizerEncoding, text: string) => Array.from(wasm[name].encode_ordinary(text));
const wellFormed = (s: string): string =>
	(String.prototype as unknown as { toWellFormed(): string }).toWellFormed.call(s);

/** Strings that stress the pre-tokenizer and byte-level merges. */
const TRICKY = [
	'',
	' ',
	'hello world',
	'Hello, my dog is cute',
	"I'm sure they'll say it's fine, WE'VE done it, HE'D know.",
	'function add(a: number, b: number): number {\n\treturn a + b; // sum\n}\n',
	'const x = arr.map((v) => v ** 2).filter(Boolean);',
	'👩‍👩‍👧‍👦 family, 🏳️‍🌈 flag, 👋🏽 wave, 🇯🇵 Japan',
	'東京は日本の首都です。北京是中国的首都。서울은 한국의 수도입니다.',
	'مرحبا بالعالم — שלום עולם',
	'e\u0301 vs é, a\u0308\u0304, Zalgo: Z\u0351\u0344\u036b a\u0362\u0349 l\u0337\u0320',
	'1234567890 3.14159 1,000,000 -42 1e-9 ２０２４',
	'   leading spaces and trailing   ',
	'tabs\t\tand\nnew\n\n\nlines\r\nwindows\r\n',
	'a' + ' '.repeat(300) + 'b',
	'<|endoftext|> is a special token, and <|fim_prefix|> too',
	"\ufeffA leading byte-order mark (js-tiktoken's decode drops it)",
	'\u00a0non-breaking\u2003em space\u3000ideographic space\ufeffBOM',
	'https://example.com/path?query=1&b=2#frag',
	'I \u2764\ufe0f Unicode \u2603 \u{1F600} \u{10FFFF} \u{1D11E}',
	'ALLCAPS camelCase snake_case kebab-case SCREAMING_SNAKE',
	'!!!???...,,,;;;::: ---___ *** ### @@@',
	'Ελληνικά, русский текст, हिन्दी, ไทย'
];

describe('token IDs printed by independent sources', () => {
	it('o200k_base: the sentence and IDs printed in the "Anatomy of an LLM" explainer (tiktoken)', () => {
		// seeds/001: "102 characters, 22 tokens", then each token with its #ID.
		const text =
			"If the human brain were so simple that we could understand it, we would be so simple that we couldn't.";
		const printed = [
			3335, 290, 5396, 12891, 1504, 813, 4705, 484, 581, 2023, 4218, 480, 11, 581, 1481, 413, 813, 4705, 484,
			581, 21149, 13
		];
		const tok = ours.o200k_base;
		expect(tok.encode(text)).toEqual(printed);
		expect(tok.count(text)).toEqual({
			characters: 102,
			utf16Length: 102,
			bytes: 102,
			tokens: 22,
			charsPerToken: 102 / 22 // the explainer rounds this to "5 chars/token"
		});
		const pieces = tok.tokens(text).map((s) => s.text);
		expect(pieces.slice(0, 4)).toEqual(['If', ' the', ' human', ' brain']);
		expect(pieces.at(-2)).toBe(" couldn't");
	});

	it('well-known published IDs', () => {
		// GPT-2 (r50k_base): "Hello" = 15496, " world" = 995, the Hugging Face docs' "Hello, my dog is cute".
		expect(ours.r50k_base.encode('Hello')).toEqual([15496]);
		expect(ours.r50k_base.encode(' world')).toEqual([995]);
		expect(ours.r50k_base.encode('Hello, my dog is cute')).toEqual([15496, 11, 616, 3290, 318, 13779]);
		// The tiktoken README: cl100k_base "hello world" = [15339, 1917]; o200k_base = [24912, 2375].
		expect(ours.cl100k_base.encode('hello world')).toEqual([15339, 1917]);
		expect(ours.o200k_base.encode('hello world')).toEqual([24912, 2375]);
		for (const [name, text, ids] of [
			['r50k_base', 'Hello', [15496]],
			['r50k_base', ' world', [995]],
			['cl100k_base', 'hello world', [15339, 1917]],
			['o200k_base', 'hello world', [24912, 2375]]
		] as const) {
			expect(reference(name, text), `${name} ${text} per WASM tiktoken`).toEqual(ids);
		}
	});

	it('vocabulary sizes match the published ones', () => {
		// GPT-2 paper (Radford et al. 2019): "The vocabulary is expanded to 50,257"; tiktoken's n_vocab
		// for the others (cl100k_base 100 277, o200k_base 200 019, p50k_base 50 281).
		expect(ours.r50k_base.vocabSize).toBe(50257);
		expect(ours.r50k_base.specialTokens['<|endoftext|>']).toBe(50256);
		expect(ours.p50k_base.vocabSize).toBe(50281);
		expect(ours.cl100k_base.vocabSize).toBe(100277);
		expect(ours.o200k_base.vocabSize).toBe(200019);
		// Ordinary tokens: p50k_base is r50k_base's 50 256 plus 24 runs of spaces for code.
		expect(ours.r50k_base.ordinaryTokenCount).toBe(50256);
		expect(ours.p50k_base.ordinaryTokenCount).toBe(50256 + 24);
		expect(ours.cl100k_base.ordinaryTokenCount).toBe(100256);
		expect(ours.o200k_base.ordinaryTokenCount).toBe(199998);
	});
});

describe('agreement with the Rust tiktoken (WASM build)', () => {
	for (const name of TOKENIZER_ENCODINGS) {
		it(`${name}: tricky strings give identical IDs and round-trip`, () => {
			for (const text of TRICKY) {
				const ids = ours[name].encode(text);
				expect(ids, JSON.stringify(text)).toEqual(reference(name, text));
				expect(ours[name].decode(ids)).toBe(text);
			}
		});
		it(`${name}: token bytes equal WASM decode_single_token_bytes`, () => {
			for (const text of TRICKY) {
				for (const span of ours[name].tokens(text)) {
					expect(Array.from(span.bytes)).toEqual(Array.from(wasm[name].decode_single_token_bytes(span.id)));
				}
			}
			// Every 97th ordinary ID of the whole table, and the special tokens. (Asking the WASM build
			// for an unused ID throws inside Rust and poisons the object, so unused IDs are not asked.)
			const tok = ours[name];
			for (let id = 0; id < tok.vocabSize; id += 97) {
				if (Object.values(tok.specialTokens).includes(id)) continue;
				let bytes: Uint8Array | null = null;
				try {
					bytes = tok.tokenBytes(id);
				} catch (e) {
					expect((e as AnatomyError).code).toBe('out-of-range');
				}
				if (bytes)
					expect(Array.from(bytes), `id ${id}`).toEqual(Array.from(wasm[name].decode_single_token_bytes(id)));
			}
			for (const [text, id] of Object.entries(tok.specialTokens)) {
				expect(new TextDecoder().decode(tok.tokenBytes(id))).toBe(text);
			}
		});
	}

	it('random well-formed strings (graphemes, full Unicode) encode identically in every encoding', () => {
		const text = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 40 }),
			fc.string({ unit: 'binary', maxLength: 40 }),
			fc.string({
				unit: fc.constantFrom(' ', '\n', 'a', 'A', '1', '.', "'", 's', 'é', '\t', '東', '😀', '\u0301'),
				maxLength: 60
			})
		);
		fc.assert(
			fc.property(text, (s) => {
				for (const name of TOKENIZER_ENCODINGS) expect(ours[name].encode(s)).toEqual(reference(name, s));
			}),
			{ numRuns: 300 }
		);
	});

	it('random ASCII (words, identifiers, control characters, DEL) encodes identically', () => {
		// ASCII pieces are looked up without encoding them to bytes: whole tokens, pieces that need
		// merging (long or rare words) and pieces of control characters must all agree.
		const word = fc.stringMatching(/^[A-Za-z]{1,24}$/);
		const unit = fc.oneof(
			word,
			word.map((w) => ' ' + w),
			fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', "'ll", "'S", '0', '42', '12345', '_', '.', '{'),
			fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c))
		);
		fc.assert(
			fc.property(fc.array(unit, { maxLength: 30 }), (parts) => {
				const s = parts.join('');
				for (const name of TOKENIZER_ENCODINGS) expect(ours[name].encode(s)).toEqual(reference(name, s));
			}),
			{ numRuns: 300 }
		);
		expect(ours.o200k_base.encode(' antidisestablishmentarianism\x00\x7f')).toEqual(
			reference('o200k_base', ' antidisestablishmentarianism\x00\x7f')
		);
	});

	it('random text with long pieces (merged by our own merge) gives identical IDs', () => {
		const unit = fc.oneof(
			{
				weight: 8,
				arbitrary: fc.constantFrom(' ', '\n', '\n\n', '  ', '\t', 'a', '.', 'é', '1', "'s", '😀')
			},
			{
				weight: 1,
				arbitrary: fc
					.tuple(fc.constantFrom('a', '=', ' ', '\n', 'x ', '東', '😀'), fc.integer({ min: 130, max: 300 }))
					.map(([c, n]) => c.repeat(n))
			}
		);
		fc.assert(
			fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
				for (const name of TOKENIZER_ENCODINGS) expect(ours[name].encode(s)).toEqual(reference(name, s));
			}),
			{ numRuns: 150 }
		);
	});

	it('very long single pieces (quadratic in js-tiktoken) give identical IDs', () => {
		for (const text of [
			'a'.repeat(20000),
			'='.repeat(3000) + '\n',
			'x' + ' '.repeat(5000) + 'y',
			'ab'.repeat(4000),
			'🙂'.repeat(1500),
			'東'.repeat(3000),
			'lead ' + 'Zz'.repeat(2000) + ' trail ' + '-'.repeat(1000) + ' end',
			// whitespace before a long piece: its pieces depend on the character after it
			'x\n\n' + '='.repeat(300),
			'a \n' + 'b'.repeat(300) + '  \n\n ' + ' '.repeat(200) + 'c',
			'.\n.\n  ' + '!'.repeat(200) + '\t\t' + '7'.repeat(400)
		]) {
			for (const name of ['o200k_base', 'r50k_base'] as const) {
				expect(ours[name].encode(text), `${name} ${text.slice(0, 12)}…`).toEqual(reference(name, text));
			}
		}
	});
});

describe('round trips', () => {
	it('decode(encode(s)) === s for well-formed strings', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
				for (const name of TOKENIZER_ENCODINGS) expect(ours[name].decode(ours[name].encode(s))).toBe(s);
			}),
			{ numRuns: 200 }
		);
	});

	it('lone surrogates are encoded as U+FFFD: decode(encode(s)) === s.toWellFormed()', () => {
		const units = fc.oneof(
			fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
			fc.constantFrom('a', ' ', '😀', '\ufffd', 'é')
		);
		fc.assert(
			fc.property(fc.string({ unit: units, maxLength: 20 }), (s) => {
				for (const name of TOKENIZER_ENCODINGS) {
					const ids = ours[name].encode(s);
					expect(ids).toEqual(ours[name].encode(wellFormed(s)));
					expect(ours[name].decode(ids)).toBe(wellFormed(s));
				}
			}),
			{ numRuns: 200 }
		);
		// By hand: 'a', U+D800, 'b' → 'a' U+FFFD 'b': 1 + 3 + 1 = 5 UTF-8 bytes, 3 characters.
		expect(ours.o200k_base.count('a\ud800b')).toMatchObject({ characters: 3, utf16Length: 3, bytes: 5 });
		expect(ours.o200k_base.encode('a\ud800b')).toEqual(reference('o200k_base', 'a\ufffdb'));
	});
});

describe('tokens()', () => {
	/** Independent reference: byte → UTF-16 unit range of its code point, by encoding each code point alone. */
	function unitRangeOfEachByte(text: string): [number, number][] {
		const out: [number, number][] = [];
		let unit = 0;
		for (const cp of text) {
			const n = new TextEncoder().encode(cp).length;
			for (let k = 0; k < n; k++) out.push([unit, unit + cp.length]);
			unit += cp.length;
		}
		return out;
	}

	it('spans cover the text exactly and agree with a per-byte reference', () => {
		const check = (name: TokenizerEncoding, text: string) => {
			const spans = ours[name].tokens(text);
			const ranges = unitRangeOfEachByte(text);
			const all = new TextEncoder().encode(text);
			let b = 0;
			spans.forEach((s, i) => {
				expect(s.index).toBe(i);
				const n = s.bytes.length;
				expect(Array.from(s.bytes)).toEqual(Array.from(all.subarray(b, b + n)));
				expect(s.start).toBe(ranges[b][0]);
				expect(s.end).toBe(ranges[b + n - 1][1]);
				const cutsStart = b > 0 && ranges[b - 1][0] === ranges[b][0];
				const cutsEnd = b + n < ranges.length && ranges[b + n][0] === ranges[b + n - 1][0];
				expect(s.partial).toBe(cutsStart || cutsEnd);
				if (!s.partial) expect(s.text).toBe(text.slice(s.start, s.end));
				else expect(s.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(s.bytes));
				expect(s.text).toBe(ours[name].decode([s.id]));
				b += n;
			});
			expect(b).toBe(all.length);
			if (spans.length) {
				expect(spans[0].start).toBe(0);
				expect(spans.at(-1)!.end).toBe(text.length);
			}
		};
		for (const name of TOKENIZER_ENCODINGS) for (const text of TRICKY) check(name, text);
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => check('cl100k_base', s)),
			{ numRuns: 200 }
		);
	});

	it('a 4-byte emoji split over tokens: partial tokens share the emoji’s offsets', () => {
		// r50k_base has no token for 😀 (F0 9F 98 80); by hand its offsets are [1, 3) in 'a😀'.
		const spans = ours.r50k_base.tokens('a😀');
		expect(spans[0]).toMatchObject({ text: 'a', start: 0, end: 1, partial: false });
		const rest = spans.slice(1);
		expect(rest.length).toBeGreaterThan(1);
		for (const s of rest) expect(s).toMatchObject({ start: 1, end: 3, partial: true, text: '\ufffd' });
		expect(rest.reduce((n, s) => n + s.bytes.length, 0)).toBe(4);
	});

	it('lone surrogates: a 3-byte U+FFFD per surrogate, one UTF-16 unit wide', () => {
		const spans = ours.o200k_base.tokens('x\udc00');
		expect(spans.at(-1)!.end).toBe(2);
		expect(spans.map((s) => s.text).join('')).toBe('x\ufffd');
	});

	it('special-token text is ordinary text', () => {
		for (const name of TOKENIZER_ENCODINGS) {
			const text = 'a <|endoftext|> b';
			const ids = ours[name].encode(text);
			expect(ids).toEqual(reference(name, text));
			expect(ids).not.toContain(ours[name].specialTokens['<|endoftext|>']);
		}
		expect(ours.o200k_base.decode([199999])).toBe('<|endoftext|>');
	});

	it('counts: by hand', () => {
		// h é l l o ␠ 👋 🏽: 8 code points, 10 UTF-16 units, 1+2+1+1+1+1+4+4 = 15 bytes
		const c = ours.o200k_base.count('héllo 👋🏽');
		expect(c).toMatchObject({ characters: 8, utf16Length: 10, bytes: 15 });
		expect(c.tokens).toBe(reference('o200k_base', 'héllo 👋🏽').length);
		expect(c.charsPerToken).toBe(8 / c.tokens);
		expect(ours.o200k_base.count('')).toEqual({
			characters: 0,
			utf16Length: 0,
			bytes: 0,
			tokens: 0,
			charsPerToken: 0
		});
		expect(ours.o200k_base.tokens('')).toEqual([]);
		expect(ours.o200k_base.encode('')).toEqual([]);
	});
});

describe('huge input', () => {
	it('tokens() of 5 MB of prose completes and covers the text', () => {
		const words = 'the model reads tokens not words and every token is an integer id'.split(' ');
		const parts: string[] = [];
		let length = 0;
		for (let i = 0; length < 5_000_000; i++) {
			const sentence = `${words[i % words.length]} ${words[(i * 7) % words.length]} ${i}, ${words[(i * 3) % words.length]}.${i % 5 === 0 ? '\n\n' : ' '}`;
			parts.push(sentence);
			length += sentence.length;
		}
		const text = parts.join('');
		const spans = ours.o200k_base.tokens(text);
		expect(spans.at(-1)!.end).toBe(text.length);
		expect(spans.reduce((n, s) => n + s.bytes.length, 0)).toBe(text.length); // ASCII: 1 byte per unit
		const sample = text.slice(0, 20_000);
		expect(spans.filter((s) => s.end <= sample.length).map((s) => s.id)).toEqual(
			reference('o200k_base', sample).slice(
				0,
				spans.findIndex((s) => s.end > sample.length)
			)
		);
	}, 120_000);
});

describe('bad input', () => {
	it('non-strings, unknown IDs, absurd lengths', async () => {
		const tok = ours.o200k_base;
		expect(await codeOf(() => tok.encode(42 as unknown as string))).toBe('invalid-argument');
		expect(await codeOf(() => tok.tokens(null as unknown as string))).toBe('invalid-argument');
		expect(await codeOf(() => tok.decode('abc' as unknown as number[]))).toBe('invalid-argument');
		for (const id of [-1, 1.5, NaN, Infinity, 199998, 1e12]) {
			expect(await codeOf(() => tok.decode([id])), String(id)).toBe('out-of-range');
		}
		const huge = 'a '.repeat(MAX_TOKENIZE_CHARS / 2) + 'a';
		expect(await codeOf(() => tok.encode(huge))).toBe('out-of-range');
		expect(await codeOf(() => tok.count(huge))).toBe('out-of-range');
	});

	it('unknown encodings reject with the valid names', async () => {
		expect(await codeOf(loadTokenizer('p50k_edit'))).toBe('unknown-encoding');
		expect(await codeOf(loadTokenizer(undefined as unknown as string))).toBe('unknown-encoding');
		await expect(loadTokenizer('gpt-4')).rejects.toThrow(
			/o200k_base, cl100k_base, p50k_base, r50k_base, gpt2/
		);
	});
});

describe('loading', () => {
	it('gpt2 is r50k_base, and each encoding loads once', async () => {
		const a = await loadTokenizer('gpt2');
		expect(a).toBe(ours.r50k_base);
		expect(a.encoding).toBe('r50k_base');
		expect(await loadTokenizer('o200k_base')).toBe(ours.o200k_base);
	});

	it('concurrent loads share one import; a failed import is evicted and retried', async () => {
		const real = await import('js-tiktoken/ranks/r50k_base');
		let calls = 0;
		let fail = true;
		const loader = async () => {
			calls++;
			if (fail) throw new Error('network down');
			return real;
		};
		const never = () => Promise.reject(new Error('not used'));
		const cache = createTokenizerCache({
			r50k_base: loader,
			o200k_base: never,
			cl100k_base: never,
			p50k_base: never
		});
		const [e1, e2] = await Promise.all([codeOf(cache.load('gpt2')), codeOf(cache.load('r50k_base'))]);
		expect([e1, e2, calls]).toEqual(['backend-unavailable', 'backend-unavailable', 1]);
		expect(cache.isLoaded('r50k_base')).toBe(false);
		fail = false;
		const [t1, t2] = await Promise.all([cache.load('r50k_base'), cache.load('gpt2')]);
		expect(t1).toBe(t2);
		expect(calls).toBe(2);
		expect(cache.isLoaded('gpt2')).toBe(true);
		expect(cache.isLoaded('klingon' as 'gpt2')).toBe(false);
		expect(t1.encode('Hello')).toEqual([15496]);
	});

	it('rank files are reached only through one literal dynamic import each', () => {
		// Bundlers split a literal `import('…')` into its own chunk; a static import would put megabytes
		// of ranks into whichever page imports the core.
		const root = fileURLToPath(new URL('../../', import.meta.url));
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const e of readdirSync(dir, { withFileTypes: true })) {
				if (e.isDirectory()) walk(join(dir, e.name));
				else if (/\.(ts|js|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
					files.push(join(dir, e.name));
			}
		};
		walk(root);
		const dynamic: string[] = [];
		for (const f of files) {
			const src = readFileSync(f, 'utf8');
			expect(src, f).not.toMatch(/(from|import)\s+['"]js-tiktoken\/ranks\//);
			expect(src, f).not.toMatch(/['"]js-tiktoken['"]/); // the full build bundles every rank table
			if (!f.includes(join('core', 'tokenize'))) continue;
			for (const m of src.matchAll(/import\(\s*['"]js-tiktoken\/ranks\/([a-z0-9_]+)['"]\s*\)/g))
				dynamic.push(m[1]);
		}
		expect(dynamic.sort()).toEqual(['cl100k_base', 'o200k_base', 'p50k_base', 'r50k_base']);
	});
});
