import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnatomyError } from '../errors.js';
import { hasLoneSurrogate, locateTokens, measureText, toWellFormed } from './spans.js';

type Native = { toWellFormed(): string; isWellFormed(): boolean };
const native = (s: string) => s as unknown as Native;
const withLoneSurrogates = fc.string({
	unit: fc.oneof(
		fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
		fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
	),
	maxLength: 20
});

describe('measureText', () => {
	it('agrees with the platform: code points by iteration, bytes by TextEncoder', () => {
		fc.assert(
			fc.property(withLoneSurrogates, (s) => {
				expect(measureText(s)).toEqual({
					characters: [...s].length,
					utf16Length: s.length,
					bytes: new TextEncoder().encode(s).length
				});
			})
		);
	});
	it('by hand: "aé€😀" = 4 characters, 5 units, 1+2+3+4 = 10 bytes', () => {
		expect(measureText('aé€😀')).toEqual({ characters: 4, utf16Length: 5, bytes: 10 });
	});
});

describe('toWellFormed and hasLoneSurrogate', () => {
	it('match String.prototype.toWellFormed / isWellFormed', () => {
		fc.assert(
			fc.property(withLoneSurrogates, (s) => {
				expect(toWellFormed(s)).toBe(native(s).toWellFormed());
				expect(hasLoneSurrogate(s)).toBe(!native(s).isWellFormed());
			})
		);
	});
});

describe('locateTokens', () => {
	// A toy table: 0 = "a", 1 = byte C3, 2 = byte A9 (C3 A9 is "é"), 3 = "aé" (61 C3 A9).
	const offsets = new Uint32Array([0, 1, 2, 3, 6]);

	it('by hand: "aé" as [a, C3, A9] — the two halves of é share its offsets [1, 2)', () => {
		const spans = locateTokens('aé', [0, 1, 2], offsets);
		expect(
			spans.map(({ index, id, text, start, end, partial }) => ({ index, id, text, start, end, partial }))
		).toEqual([
			{ index: 0, id: 0, text: 'a', start: 0, end: 1, partial: false },
			{ index: 1, id: 1, text: '\ufffd', start: 1, end: 2, partial: true },
			{ index: 2, id: 2, text: '\ufffd', start: 1, end: 2, partial: true }
		]);
		expect(spans.map((s) => Array.from(s.bytes))).toEqual([[0x61], [0xc3], [0xa9]]);
	});
	it('whole tokens, offsets and first index', () => {
		const spans = locateTokens('aé', [3], offsets, 10, 5);
		expect(spans[0]).toMatchObject({ index: 5, id: 3, text: 'aé', start: 10, end: 12, partial: false });
	});
	it('rejects IDs that are not the encoding of the text', () => {
		const code = (fn: () => unknown) => {
			try {
				fn();
			} catch (e) {
				return (e as AnatomyError).code;
			}
		};
		expect(code(() => locateTokens('a', [3], offsets))).toBe('invalid-argument'); // 3 bytes > 1
		expect(code(() => locateTokens('aé', [0], offsets))).toBe('invalid-argument'); // 1 of 3 bytes
		expect(code(() => locateTokens('a', [9], offsets))).toBe('invalid-argument'); // no such ID
	});
});
