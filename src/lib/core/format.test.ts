import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatInteger, formatNumber, formatPercent } from './format.js';

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
	it('groups digits and places the decimal mark as the locale does', () => {
		expect(formatCount(999, { locale: 'de' })).toBe('999');
		expect(formatBytes(1000)).toBe('1,000 B');
		expect(formatBytes(1000, { locale: 'de' })).toBe('1.000 B');
		expect(formatNumber(2.5, { locale: 'de' })).toBe('2,50');
		expect(formatPercent(0.4213, { locale: 'fr' })).toBe('42,1%');
		expect(formatNumber(123456, { locale: 'en' })).toBe('123,456');
	});
	it('formats to the significant digits asked for, in any locale (against Number.prototype.toPrecision)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 1e-3, max: 999_999, noNaN: true }),
				fc.integer({ min: 1, max: 6 }),
				fc.constantFrom('en', 'de', 'zh-CN'),
				(x, digits, locale) => {
					const shown = formatNumber(x, { digits, locale });
					// undo the locale's grouping and decimal marks, then compare with toPrecision
					const plain =
						locale === 'de' ? shown.replace(/\./g, '').replace(',', '.') : shown.replace(/,/g, '');
					const want = Number(x.toPrecision(digits));
					expect(Math.abs(Number(plain) - want)).toBeLessThanOrEqual(
						Math.abs(want) * 1e-12 + 10 ** (Math.floor(Math.log10(x)) - digits + 1) / 2 + 1e-12
					);
				}
			)
		);
	});
	it('rounds decimal ties exactly as Intl.NumberFormat does', () => {
		const intl = (n: number, decimals: number) =>
			new Intl.NumberFormat('en', {
				minimumFractionDigits: decimals,
				maximumFractionDigits: decimals
			}).format(n);
		fc.assert(
			fc.property(
				fc.integer({ min: -9_999_999, max: 9_999_999 }),
				fc.integer({ min: 1, max: 7 }),
				(k, places) => {
					// k.5 shifted by `places`: a decimal tie at the last shown place, stored as a nearby double
					const x = Number(`${k}5e-${places}`);
					const a = Math.abs(x);
					if (a < 1e-3 || a >= 1e6 || x === 0) return;
					const mag = Math.floor(Math.log10(a));
					const digits = Math.max(1, Math.min(8, mag + places));
					const decimals = Math.max(0, digits - 1 - mag);
					expect(formatNumber(x, { digits })).toBe(intl(x, decimals).replace(/^-/, '−'));
				}
			)
		);
	});
	it('writes English exactly as Intl.NumberFormat does, for any value and number of digits', () => {
		const intl = (n: number, decimals: number) =>
			new Intl.NumberFormat('en', {
				minimumFractionDigits: decimals,
				maximumFractionDigits: decimals
			}).format(n);
		fc.assert(
			fc.property(
				fc.oneof(
					fc.double({ noNaN: true, noDefaultInfinity: true }),
					fc.integer().map((i) => i / 1000)
				),
				fc.integer({ min: 1, max: 8 }),
				(x, digits) => {
					const a = Math.abs(x);
					if (a >= 1e-3 && a < 1e6 && x !== 0) {
						const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
						expect(formatNumber(x, { digits })).toBe(intl(x, decimals).replace(/^-/, '−'));
					}
					if (a >= 1000) {
						const v = [1e12, 1e9, 1e6, 1e3].find((s) => a >= s)!;
						const m = Math.abs(x / v);
						const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(m)));
						expect(formatCount(x, { digits }).split(' ')[0]).toBe(intl(x / v, decimals));
					} else expect(formatCount(x, { digits })).toBe(intl(Math.round(x), 0));
				}
			)
		);
		// Intl rounds the shortest decimal of the number, half away from zero: 0.85 × 0.25 is stored
		// as 0.21249999…, whose shortest decimal is 0.2125, so it shows as 0.213 (toFixed says 0.212);
		// 1.005 and 2.675 likewise
		expect(formatNumber(0.85 * 0.25)).toBe('0.213');
		expect(formatNumber(1.005)).toBe('1.01');
		expect(formatNumber(2.675)).toBe('2.68');
		expect(formatNumber(9.995)).toBe('10.00'); // two decimals, as for any value from 1 to 10
		expect(formatNumber(0.125, { digits: 2 })).toBe('0.13');
		expect(formatNumber(-2.5, { digits: 1 })).toBe('−3');
		expect(formatCount(1_234_567_890_123_456)).toBe('1,235 T');
		expect(formatCount(-0.4)).toBe('-0');
	});
});

describe('formatInteger', () => {
	it('groups thousands as toLocaleString does', () => {
		expect(formatInteger(0)).toBe('0');
		expect(formatInteger(999)).toBe('999');
		expect(formatInteger(1000)).toBe('1,000');
		expect(formatInteger(131_072)).toBe('131,072');
		expect(formatInteger(-1_234_567)).toBe('-1,234,567');
		expect(formatInteger(2.5)).toBe('3');
		expect(formatInteger(-2.5)).toBe('-3');
		expect(formatInteger(NaN)).toBe('NaN');
		expect(formatInteger(Infinity)).toBe('Infinity');
	});

	it('matches Intl for any safe integer, in English, Chinese and German', () => {
		fc.assert(
			fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
				for (const locale of ['en', 'zh-CN', 'de'])
					expect(formatInteger(n, { locale })).toBe(n.toLocaleString(locale));
			}),
			{ numRuns: 300 }
		);
	});
});
