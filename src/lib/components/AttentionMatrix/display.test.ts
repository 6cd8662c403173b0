import { describe, expect, it } from 'vitest';
import { cellText, inkOn, parseColour, rampPosition, shortLabel, splitWords, viridisLut } from './display.js';

describe('display helpers', () => {
	it('writes cell values in at most five characters, −∞ for masked scores', () => {
		expect(cellText(0.4321)).toBe('0.43');
		expect(cellText(0.0043)).toBe('0');
		expect(cellText(0.05)).toBe('0.05');
		expect(cellText(1)).toBe('1.0');
		expect(cellText(2.27, true)).toBe('+2.3');
		expect(cellText(-2.27, true)).toBe('−2.3');
		expect(cellText(-Infinity)).toBe('−∞');
	});
	it('picks the ink with the higher WCAG contrast', () => {
		expect(inkOn('#000000')).toBe('#fff');
		expect(inkOn('#ffffff')).toBe('#000');
		expect(inkOn('rgb(253, 231, 37)')).toBe('#000'); // viridis yellow
		expect(inkOn('#440154')).toBe('#fff'); // viridis purple
	});
	it('parses rgb() and hex colours', () => {
		expect(parseColour('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
		expect(parseColour('#0a0b0c')).toEqual([10, 11, 12]);
		expect(parseColour('red')).toEqual([0, 0, 0]);
	});
	it('places weights on the colour ramp linearly, by square root or over four decades', () => {
		expect(rampPosition(0.25, 1)).toBe(0.25);
		expect(rampPosition(0.25, 1, 'sqrt')).toBe(0.5);
		expect(rampPosition(0.01, 1, 'log')).toBe(0.5); // log10(0.01) = −2 → (−2 + 4) / 4
		expect(rampPosition(1e-9, 1, 'log')).toBe(0);
		expect(rampPosition(NaN, 1)).toBe(0);
		expect(rampPosition(0.5, 0)).toBe(0);
		expect(rampPosition(2, 1)).toBe(1);
	});
	it('splits words and punctuation, and shortens long labels', () => {
		expect(splitWords("It's 3 o'clock, isn't it?")).toEqual([
			"It's",
			'3',
			"o'clock",
			',',
			"isn't",
			'it',
			'?'
		]);
		expect(splitWords('猫が好き')).toEqual(['猫が好き']);
		expect(shortLabel('internationalization')).toBe('internati…');
		expect(shortLabel('cat')).toBe('cat');
	});
});

describe('viridisLut', () => {
	it('runs from viridis’s first colour (#440154) to its last (#fde725), opaque, built once', () => {
		const lut = viridisLut();
		expect(lut).toHaveLength(1024);
		expect([...lut.subarray(0, 4)]).toEqual([0x44, 0x01, 0x54, 255]);
		expect([...lut.subarray(1020, 1024)]).toEqual([0xfd, 0xe7, 0x25, 255]);
		expect(viridisLut()).toBe(lut);
	});
});
