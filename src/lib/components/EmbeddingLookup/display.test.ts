import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, heatColour, relativeLuminance } from './display.js';

describe('relativeLuminance and contrastRatio', () => {
	it('match the WCAG 2 definitions', () => {
		expect(relativeLuminance(255, 255, 255)).toBe(1);
		expect(relativeLuminance(0, 0, 0)).toBe(0);
		// black on white is 21:1, the largest contrast there is
		expect(contrastRatio(0, 1)).toBe(21);
		// #777777: channel 119/255 = 0.4667 → ((0.4667 + 0.055)/1.055)^2.4 = 0.1845; on white 1.05/0.2345 = 4.48
		expect(relativeLuminance(119, 119, 119)).toBeCloseTo(0.1845, 4);
		expect(contrastRatio(relativeLuminance(119, 119, 119), 1)).toBeCloseTo(4.48, 2);
	});
});

describe('heatColour', () => {
	it('is neutral at 0 and for bad input, blue for positive, red for negative', () => {
		expect(heatColour(0, 1).bg).toBe(heatColour(NaN, 1).bg);
		expect(heatColour(5, 0).bg).toBe(heatColour(0, 1).bg);
		const [r1, , b1] = heatColour(1, 1).bg.match(/\d+/g)!.map(Number);
		expect(b1).toBeGreaterThan(r1);
		const [r2, , b2] = heatColour(-1, 1).bg.match(/\d+/g)!.map(Number);
		expect(r2).toBeGreaterThan(b2);
	});

	it('always picks text with at least 4.5:1 contrast (WCAG AA for small text)', () => {
		fc.assert(
			fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (v) => {
				const { bg, ink } = heatColour(v, 1);
				const [r, g, b] = bg.match(/\d+/g)!.map(Number);
				const inkL = ink === '#ffffff' ? 1 : relativeLuminance(0x1b, 0x1f, 0x24);
				expect(contrastRatio(relativeLuminance(r, g, b), inkL)).toBeGreaterThanOrEqual(4.5);
			})
		);
	});
});
