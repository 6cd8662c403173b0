/**
 * The byte-pair encodings the core can load, and where their rank files come from.
 *
 * Each rank file is large (o200k_base ≈ 2.3 MB of JavaScript, cl100k_base ≈ 1.1 MB, the 50k
 * encodings ≈ 0.5 MB each), so each is reached by exactly one dynamic `import()` written out
 * literally below: bundlers then split every rank file into its own chunk, and none of them lands in
 * a page's initial bundle.
 */
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { AnatomyError } from '../errors.js';

/** Canonical names of the encodings the core can load. */
export type TokenizerEncoding = 'o200k_base' | 'cl100k_base' | 'p50k_base' | 'r50k_base';

/** An encoding name as a user may write it: the canonical names plus `gpt2` (the same ranks as r50k_base). */
export type TokenizerEncodingName = TokenizerEncoding | 'gpt2';

/** Every canonical encoding, newest first. */
export const TOKENIZER_ENCODINGS: readonly TokenizerEncoding[] = Object.freeze([
	'o200k_base',
	'cl100k_base',
	'p50k_base',
	'r50k_base'
]);

/** Accepted aliases. GPT-2's tokenizer and r50k_base share one rank table and one pattern. */
export const ENCODING_ALIASES: Readonly<Record<string, TokenizerEncoding>> = Object.freeze({
	gpt2: 'r50k_base'
});

/** Loads the rank data of one encoding; the shape of a js-tiktoken rank module. */
export type RankLoader = () => Promise<{ default: TiktokenBPE }>;

/**
 * One loader per encoding, each a single literal dynamic import so that a bundler can split it.
 * r50k_base (GPT-2, GPT-3) and gpt2 are byte-identical files in js-tiktoken; we import r50k_base.
 */
export const RANK_LOADERS: Readonly<Record<TokenizerEncoding, RankLoader>> = Object.freeze({
	o200k_base: () => import('js-tiktoken/ranks/o200k_base'),
	cl100k_base: () => import('js-tiktoken/ranks/cl100k_base'),
	p50k_base: () => import('js-tiktoken/ranks/p50k_base'),
	r50k_base: () => import('js-tiktoken/ranks/r50k_base')
});

/**
 * Resolves a user-supplied encoding name (canonical or alias, case-sensitive as tiktoken is) to its
 * canonical name.
 * @throws AnatomyError `unknown-encoding`, listing the valid names, for anything else.
 */
export function resolveEncoding(name: string): TokenizerEncoding {
	if (typeof name === 'string') {
		if ((TOKENIZER_ENCODINGS as readonly string[]).includes(name)) return name as TokenizerEncoding;
		if (Object.hasOwn(ENCODING_ALIASES, name)) return ENCODING_ALIASES[name];
	}
	const valid = [...TOKENIZER_ENCODINGS, ...Object.keys(ENCODING_ALIASES)].join(', ');
	throw new AnatomyError(
		'unknown-encoding',
		`Unknown encoding ${JSON.stringify(name)}; valid names: ${valid}`
	);
}
