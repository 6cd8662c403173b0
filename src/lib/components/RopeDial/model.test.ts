import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPairs, resolveRope, spreadPairs, type RopeInput } from './model.js';

const base: RopeInput = { dHead: 8, base: 10000, m: 5, n: 2, s: 3, seed: 7, maxPosition: 32, maxDials: 8 };

describe('resolveRope', () => {
	it('rotates (1, 0) by θ₀ = base⁰ = 1 radian per position: the score is cos(m − n)', () => {
		// one pair, q = k = (1, 0): rope(q, m)·rope(k, n) = cos(m)cos(n) + sin(m)sin(n) = cos(m − n)
		const r = resolveRope({ ...base, q: [1, 0], k: [1, 0], m: 1, n: 0, s: 3 });
		expect(r.dHead).toBe(2);
		expect(r.before).toBe(1);
		expect(r.after).toBeCloseTo(Math.cos(1), 14);
		expect(r.shifted).toBeCloseTo(Math.cos(1), 14);
		expect(r.equal).toBe(true);
		expect(r.table[0]).toMatchObject({ theta: 1, angleQ: 1, angleK: 0 });
		for (const p of r.chart) expect(p.score).toBeCloseTo(Math.cos(p.offset), 12);
	});

	it('has θᵢ = 10000^(−2i/8) = 10^(−i) for an 8-wide head', () => {
		const r = resolveRope(base);
		expect(Array.from(r.freqs)).toEqual([1, 0.1, 0.01, 0.001].map((x, i) => expect.closeTo(x, 15 - i)));
		expect(r.pairs).toBe(4);
		expect(r.shown).toEqual([0, 1, 2, 3]);
	});

	it('keeps the score when both positions shift together, for any q, k, m, n, s (property)', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 1, max: 8 })
					.chain((h) =>
						fc.tuple(
							fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2 * h, maxLength: 2 * h }),
							fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2 * h, maxLength: 2 * h })
						)
					),
				fc.nat(2000),
				fc.nat(2000),
				fc.nat(2000),
				([q, k], m, n, s) => {
					const r = resolveRope({ ...base, q, k, m, n, s });
					return r.equal && Math.abs(r.after - r.shifted) < 1e-9;
				}
			)
		);
	});

	it('splits the score into pair contributions that add up to it, and meets q·k at offset 0', () => {
		const r = resolveRope({ ...base, dHead: 16, m: 9, n: 4 });
		const sum = r.table.reduce((a, p) => a + p.contribution, 0);
		expect(sum).toBeCloseTo(r.after, 4); // contributions are rounded to 6 significant digits
		// q·k by hand from the vectors themselves
		let dot = 0;
		for (let i = 0; i < 16; i++) dot += r.q[i] * r.k[i];
		expect(r.before).toBeCloseTo(dot, 12);
		expect(r.chart.find((p) => p.offset === 0)!.score).toBeCloseTo(dot, 12);
		expect(r.chart.find((p) => p.offset === 5)!.score).toBeCloseTo(r.after, 12);
	});

	it('clamps sizes and positions and explains what it changed', () => {
		expect(resolveRope({ ...base, dHead: 7 }).notices).toEqual([{ key: 'oddWidth', params: { used: 8 } }]);
		expect(resolveRope({ ...base, dHead: NaN }).dHead).toBe(8);
		expect(resolveRope({ ...base, dHead: 0 }).dHead).toBe(2);
		expect(resolveRope({ ...base, dHead: 1e6 }).dHead).toBe(256);
		const b = resolveRope({ ...base, base: 1 });
		expect(b.notices[0].key).toBe('badBase');
		expect(b.base).toBe(10000);
		expect(resolveRope({ ...base, base: NaN }).base).toBe(10000);
		const p = resolveRope({ ...base, m: NaN, n: -4, s: 1e12 });
		expect([p.m, p.n, p.s]).toEqual([0, 0, 100000]);
		expect(p.equal).toBe(true);
		expect(resolveRope({ ...base, m: 2.6 }).m).toBe(3);
		expect(resolveRope({ ...base, maxPosition: -1 }).maxPosition).toBe(1);
		expect(resolveRope({ ...base, maxDials: 0 }).shown).toEqual([0]);
	});

	it('falls back to seeded vectors when q or k is unusable', () => {
		const cases: [number[], number[] | undefined, RegExp][] = [
			[[1, 0, 0], [1, 0, 0], /q has 3 numbers/],
			[[1, NaN], [1, 0], /q\[1\] is NaN/],
			[[1, 0], [1, 0, 0, 0], /q has 2 numbers and k 4/],
			[[1, 0], undefined, /k is missing/]
		];
		for (const [q, k, reason] of cases) {
			const r = resolveRope({ ...base, q, k });
			expect(r.notices[0].key).toBe('badVector');
			expect(String(r.notices[0].params!.reason)).toMatch(reason);
			expect(r.dHead).toBe(8);
			expect(r.error).toBeNull();
		}
	});

	it('reports a scaling the core rejects instead of throwing', () => {
		const r = resolveRope({ ...base, scaling: { type: 'linear', factor: 0.5 } });
		expect(r.error?.key).toBe('coreError');
		expect(String(r.error?.params?.reason)).toMatch(/factor/);
		expect(displayPairs(r, 1, 0, null, null)).toEqual([]);
	});

	it('divides every frequency by the factor under linear scaling', () => {
		const r = resolveRope({ ...base, scaling: { type: 'linear', factor: 4 } });
		expect(r.freqs[0]).toBe(0.25);
		expect(r.freqs[1]).toBeCloseTo(0.025, 15);
	});
});

describe('displayPairs', () => {
	it('turns (1, 0) to (0, 1) at a quarter turn and back at 0', () => {
		const r = resolveRope({ ...base, q: [1, 0], k: [0, 1] });
		const [d] = displayPairs(r, Math.PI / 2, 0, Math.PI, null);
		expect(d.q[0]).toBeCloseTo(0, 15);
		expect(d.q[1]).toBeCloseTo(1, 15);
		expect(d.k).toEqual([0, 1]);
		expect(d.qs![0]).toBeCloseTo(-1, 15);
		expect(d.ks).toBeUndefined();
	});
});

describe('spreadPairs', () => {
	it('spreads the dials from the fastest to the slowest pair', () => {
		expect(spreadPairs(4, 8)).toEqual([0, 1, 2, 3]);
		expect(spreadPairs(64, 5)).toEqual([0, 16, 32, 47, 63]);
		expect(spreadPairs(64, 1)).toEqual([0]);
	});
});
