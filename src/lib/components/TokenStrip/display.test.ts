import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { colourSlot, hexBytes, visibleText } from './display.js';

describe('visibleText', () => {
	it('makes whitespace and control characters visible', () => {
		expect(visibleText(' the')).toBe('·the');
		expect(visibleText('\n\t')).toBe('↵→');
		expect(visibleText('\u0000')).toBe('\\x00');
		expect(visibleText('猫')).toBe('猫');
	});
});

describe('hexBytes', () => {
	it('writes the UTF-8 bytes of a left double quote', () => {
		expect(hexBytes(new TextEncoder().encode('“'))).toBe('e2 80 9c');
	});
});

describe('colourSlot', () => {
	it('never gives two neighbours the same colour', () => {
		fc.assert(
			fc.property(
				fc.nat(1e6),
				fc.integer({ min: 2, max: 12 }),
				(i, n) => colourSlot(i, n) !== colourSlot(i + 1, n)
			)
		);
	});
});
