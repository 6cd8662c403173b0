/**
 * Token spans: where each token of an encoded text lies in that text, in bytes and in UTF-16 offsets.
 *
 * Byte-level BPE tokens cut the UTF-8 bytes of a text, not its characters: an emoji (4 bytes) or a
 * rare CJK character (3 bytes) may be split over two or three tokens. Spans are found by walking the
 * tokens' byte ranges alongside the byte ranges of the text's code points.
 */
import { AnatomyError } from '../errors.js';

/** One token of a text, located in that text. */
export interface TokenSpan {
	/** Position of the token in the sequence, from 0. */
	index: number;
	/** Token ID (rank) in its encoding. */
	id: number;
	/**
	 * The token decoded on its own: its bytes as UTF-8, with U+FFFD (�) standing for each incomplete
	 * character sequence, as `decode([id])` would give. A lone surrogate in the source also reads as
	 * U+FFFD (the encoder saw U+FFFD there).
	 */
	text: string;
	/** The token's UTF-8 bytes (a view into the bytes of the whole text; do not write to it). */
	bytes: Uint8Array;
	/**
	 * UTF-16 offset in the source string of the first code unit of the first character the token
	 * touches. Tokens holding parts of one character share that character's offsets.
	 */
	start: number;
	/** UTF-16 offset just past the last character the token touches (exclusive). */
	end: number;
	/** True when the token starts or ends inside a multi-byte character (holds only part of it). */
	partial: boolean;
}

/** Sizes of a text and its encoding. */
export interface TokenCounts {
	/** Unicode code points (a lone surrogate counts as one; it is encoded as U+FFFD). */
	characters: number;
	/** UTF-16 code units, JavaScript's `string.length`. */
	utf16Length: number;
	/** Tokens in the encoding. */
	tokens: number;
	/** characters / tokens; 0 for an empty text (no tokens), rather than NaN. */
	charsPerToken: number;
	/** UTF-8 bytes the encoder sees (a lone surrogate becomes the 3 bytes of U+FFFD). */
	bytes: number;
}

/** UTF-8 byte length of the code point starting at `i` and its UTF-16 length, packed as bytes*4+units. */
function codePointAt(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c < 0x80) return 1 * 4 + 1;
	if (c < 0x800) return 2 * 4 + 1;
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
		const d = text.charCodeAt(i + 1);
		if (d >= 0xdc00 && d <= 0xdfff) return 4 * 4 + 2;
	}
	return 3 * 4 + 1; // BMP character, or a lone surrogate encoded as U+FFFD
}

/** Code points, UTF-16 units and UTF-8 bytes of `text` (lone surrogates as U+FFFD), in one pass. */
export function measureText(text: string): { characters: number; utf16Length: number; bytes: number } {
	let characters = 0;
	let bytes = 0;
	for (let i = 0; i < text.length;) {
		const packed = codePointAt(text, i);
		bytes += packed >> 2;
		i += packed & 3;
		characters++;
	}
	return { characters, utf16Length: text.length, bytes };
}

/** Whether `text` holds a lone (unpaired) surrogate. */
export function hasLoneSurrogate(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdfff) {
			const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
			if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) i++;
			else return true;
		}
	}
	return false;
}

/**
 * `text` with every lone surrogate replaced by U+FFFD, as `String.prototype.toWellFormed` does
 * (written out because the ES2023 library types lack it).
 */
export function toWellFormed(text: string): string {
	if (!hasLoneSurrogate(text)) return text;
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const d = text.charCodeAt(i + 1);
			if (d >= 0xdc00 && d <= 0xdfff) {
				out += text[i] + text[i + 1];
				i++;
				continue;
			}
		}
		out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : text[i];
	}
	return out;
}

// ignoreBOM: keep a leading U+FEFF as text (the default decoder silently drops it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Locates each token of `ids` (the encoding of `text`) in `text`.
 * @param offsets token `id` has `offsets[id + 1] − offsets[id]` bytes (a `RankTable`'s offsets).
 * @param offset added to every `start` and `end` (for a slice of a longer text).
 * @param firstIndex added to every `index`.
 * @throws AnatomyError `invalid-argument` when the tokens' bytes do not add up to the text's bytes
 * (the IDs are not the encoding of this text).
 */
export function locateTokens(
	text: string,
	ids: readonly number[],
	offsets: Uint32Array,
	offset = 0,
	firstIndex = 0
): TokenSpan[] {
	const bytes = encoder.encode(text);
	const wellFormed = !hasLoneSurrogate(text);
	const spans: TokenSpan[] = new Array(ids.length);
	// The code point under the cursor: bytes [cpByte, cpByte + cpBytes), units [cpUnit, cpUnit + cpUnits).
	let cpByte = 0;
	let cpUnit = 0;
	let packed = text.length > 0 ? codePointAt(text, 0) : 0;
	let cpBytes = packed >> 2;
	let cpUnits = packed & 3;
	const advance = () => {
		cpByte += cpBytes;
		cpUnit += cpUnits;
		packed = cpUnit < text.length ? codePointAt(text, cpUnit) : 0;
		cpBytes = packed >> 2;
		cpUnits = packed & 3;
	};
	let b = 0;
	for (let t = 0; t < ids.length; t++) {
		const id = ids[t];
		const len = id >= 0 && id + 1 < offsets.length ? offsets[id + 1] - offsets[id] : 0;
		const b1 = b + len;
		if (len === 0 || b1 > bytes.length) {
			throw new AnatomyError(
				'invalid-argument',
				`Token ${id} at position ${t} does not fit the text's bytes`
			);
		}
		while (cpByte + cpBytes <= b) advance();
		const start = cpUnit;
		const partialStart = cpByte !== b;
		while (cpByte + cpBytes < b1) advance();
		const end = cpUnit + cpUnits;
		const partial = partialStart || cpByte + cpBytes !== b1;
		const view = bytes.subarray(b, b1);
		let piece: string;
		if (partial) piece = decoder.decode(view);
		else {
			piece = text.slice(start, end);
			if (!wellFormed) piece = toWellFormed(piece);
		}
		spans[t] = {
			index: firstIndex + t,
			id,
			text: piece,
			bytes: view,
			start: start + offset,
			end: end + offset,
			partial
		};
		b = b1;
	}
	if (b !== bytes.length) {
		throw new AnatomyError('invalid-argument', `Tokens cover ${b} of the text's ${bytes.length} bytes`);
	}
	return spans;
}
