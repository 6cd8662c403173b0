import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatNumber, formatPercent } from './format.js';

describe('format', () => {
	it('counts with SI suffixes (Llama 3 8B has 8,030,261,248 parameters)', () => {
		expect(formatCount(8_030_261_248)).toBe('8.03 B');
		expect(formatCount(124_439_808)).toBe('124 M');
		expect(formatCount(405_000_000_000)).toBe('405 B');
		expect(formatCount(999)).toBe('999');
	});
	it('bytes in binary units by default and decimal on request', () => {
		expect(formatBytes(1024)).toBe('1.00 KiB');
		expect(formatBytes(16 * 2 ** 30)).toBe('16.0 GiB');
		expect(formatBytes(16e9, { decimal: true })).toBe('16.0 GB');
		expect(formatBytes(512)).toBe('512 B');
	});
	it('numbers and percentages', () => {
		expect(formatNumber(0.123456)).toBe('0.123');
		expect(formatNumber(-2.5)).toBe('−2.50');
		expect(formatNumber(NaN)).toBe('NaN');
		expect(formatNumber(1e-5)).toBe('1.00e−5');
		expect(formatPercent(0.4213)).toBe('42.1%');
	});
});
