import { describe, expect, it } from 'vitest';
import { NF4_LEVELS, nf4Index } from './nf4.js';

// Standard normal CDF by composite Simpson integration of the density (independent of any
// library), and its inverse by bisection: accurate to ~1e-12, far below the table's float32 digits.
function phi(x: number): number {
	const steps = 4000;
	const h = x / steps;
	const pdf = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
	let s = pdf(0) + pdf(x);
	for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * pdf(i * h);
	return 0.5 + (s * h) / 3;
}
function ppf(p: number): number {
	let lo = -10;
	let hi = 10;
	for (let i = 0; i < 80; i++) {
		const mid = (lo + hi) / 2;
		if (phi(mid) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
const linspace = (a: number, b: number, n: number) =>
	Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

describe('NF4 levels', () => {
	it('match the QLoRA construction from normal quantiles', () => {
		// QLoRA / bitsandbytes create_normal_map(offset = 0.9677083, use_extra_value = True)
		const offset = 1 - 0.5 * (1 / 32 + 1 / 30);
		const pos = linspace(offset, 0.5, 9).slice(0, -1).map(ppf);
		const neg = linspace(offset, 0.5, 8)
			.slice(0, -1)
			.map((p) => -ppf(p));
		const all = [...pos, 0, ...neg].sort((a, b) => a - b);
		const top = Math.max(...all);
		expect(all).toHaveLength(16);
		all.forEach((v, i) => expect(Math.abs(v / top - NF4_LEVELS[i])).toBeLessThan(5e-6));
	});
	it('are 16 sorted values from −1 to 1 with an exact zero at code 7', () => {
		expect(NF4_LEVELS).toHaveLength(16);
		expect(NF4_LEVELS[0]).toBe(-1);
		expect(NF4_LEVELS[15]).toBe(1);
		expect(NF4_LEVELS[7]).toBe(0);
		for (let i = 1; i < 16; i++) expect(NF4_LEVELS[i]).toBeGreaterThan(NF4_LEVELS[i - 1]);
		// asymmetric: 8 positive levels, 7 negative
		expect(NF4_LEVELS.filter((v) => v > 0)).toHaveLength(8);
	});
	it('nf4Index picks the nearest level', () => {
		expect(nf4Index(0.08)).toBe(8);
		expect(nf4Index(-0.05)).toBe(6); // |−0.05 + 0.091| = 0.041 < 0.05
		expect(nf4Index(-0.04)).toBe(7);
		expect(nf4Index(0.99)).toBe(15);
		expect(nf4Index(-7)).toBe(0);
		for (let i = 0; i < 16; i++) expect(nf4Index(NF4_LEVELS[i])).toBe(i);
	});
});
