/**
 * Places where a text can be cut and each part tokenized on its own with exactly the tokens of the
 * whole. Byte-pair merging never crosses a pre-tokenizer piece (the pieces the encoding's `pat_str`
 * regular expression splits text into), so a cut must fall where a piece starts; and the part before
 * the cut must split into the same pieces without the text after it, which fails when it ends in
 * whitespace: `\s+(?!\S)` looks one character ahead, so "x\n\n" + "B" gives the pieces "\n", "\n"
 * in r50k_base but "x\n\n" alone gives "\n\n".
 *
 * Two kinds of place qualify, for o200k_base, cl100k_base, p50k_base and r50k_base alike:
 * 1. before an ASCII space whose previous character is not whitespace (`\s`): in every pattern a
 *    space can only be the first character of a piece or part of an all-whitespace piece, and an
 *    all-whitespace piece cannot start before a non-whitespace character;
 * 2. between a single line feed (after a non-whitespace character) and a letter (`\p{L}`): no
 *    pattern lets a letter piece begin with a line feed, and every piece that holds the line feed ends
 *    at the letter after it, with or without that letter.
 */

/** Whether a UTF-16 code unit is JavaScript `\s` (White_Space plus U+FEFF), the class the patterns use. */
export function isWhitespace(c: number): boolean {
	if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
	if (c < 0xa0) return false;
	return (
		c === 0xa0 ||
		c === 0x1680 ||
		(c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 ||
		c === 0x2029 ||
		c === 0x202f ||
		c === 0x205f ||
		c === 0x3000 ||
		c === 0xfeff
	);
}

const LETTER = /^\p{L}/u;

/**
 * Whether `text` can be cut at UTF-16 offset `i` (0 < i < length) so that tokenizing both parts
 * separately gives the tokens of the whole, in every supported encoding.
 */
export function isSafeCut(text: string, i: number): boolean {
	if (i <= 0 || i >= text.length) return false;
	const c = text.charCodeAt(i);
	const before = text.charCodeAt(i - 1);
	if (c === 0x20) return !isWhitespace(before);
	if (before === 0x0a && i >= 2 && !isWhitespace(text.charCodeAt(i - 2)))
		return LETTER.test(text.slice(i, i + 2));
	return false;
}

/**
 * The longest stretch of `text` (in UTF-16 units) between consecutive rule-1 boundaries, a bound on
 * the length of any pre-tokenizer piece. One linear pass over the code units; no allocation.
 */
export function longestUnbrokenRun(text: string): number {
	let longest = 0;
	let runStart = 0;
	let before = -1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 0x20 && i > 0 && !isWhitespace(before)) {
			if (i - runStart > longest) longest = i - runStart;
			runStart = i;
		}
		before = c;
	}
	return Math.max(longest, text.length - runStart);
}

/**
 * Where to end a slice of `text` that starts at `from` and should hold about `size` UTF-16 units:
 * the last safe cut in (from + size/2, from + size], else the first after from + size, else
 * the end of the text. Never splits a surrogate pair or a token.
 */
export function nextCut(text: string, from: number, size: number): number {
	const target = from + size;
	if (target >= text.length) return text.length;
	const floor = from + Math.max(1, Math.floor(size / 2));
	for (let i = target; i > floor; i--) if (isSafeCut(text, i)) return i;
	for (let i = target + 1; i < text.length; i++) if (isSafeCut(text, i)) return i;
	return text.length;
}
