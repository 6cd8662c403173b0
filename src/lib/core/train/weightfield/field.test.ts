import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { fieldCellWeight, fieldFromWeights, locateWeight, WEIGHT_FIELD_MAX_CELLS } from './field.js';
import { weightFieldLayout } from './layout.js';

const src = { weights: Float32Array.of(1, -2, 3), updates: Float32Array.of(0.1, 0, -0.3) };

describe('fieldFromWeights', () => {
	it('sample: magnifies (each weight fills a run of cells) or strides, in storage order', () => {
		expect(Array.from(fieldFromWeights(src, 3).values)).toEqual([1, -2, 3]);
		expect(Array.from(fieldFromWeights(src, 6).values)).toEqual([1, 1, -2, -2, 3, 3]);
		// N = 7 over P = 3: ⌊i·3/7⌋ = 0,0,0,1,1,2,2
		expect(Array.from(fieldFromWeights(src, 7).values)).toEqual([1, 1, 1, -2, -2, 3, 3]);
		expect(Array.from(fieldFromWeights(src, 2).values)).toEqual([1, -2]); // ⌊0⌋, ⌊1.5⌋
		const m = fieldFromWeights(src, 6).motion;
		expect(Array.from(m)).toEqual([0.1, 0.1, 0, 0, -0.3, -0.3].map((x) => Math.fround(x)));
	});

	it('tile: repeats the whole vector and says how often', () => {
		const f = fieldFromWeights(src, 8, { mode: 'tile' });
		expect(Array.from(f.values)).toEqual([1, -2, 3, 1, -2, 3, 1, -2]);
		expect(f.repeats).toBeCloseTo(8 / 3, 12);
		expect(f.distinct).toBe(3);
		expect(f.weightCount).toBe(3);
		expect(f.valueScale).toBe(3);
		expect(f.motionScale).toBeCloseTo(0.3, 6);
		expect(Array.from(fieldFromWeights(src, 2, { mode: 'tile' }).values)).toEqual([1, -2]);
	});

	it('every cell shows a real weight: the one fieldCellWeight names (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 300 }),
				fc.integer({ min: 1, max: 6000 }),
				fc.constantFrom('tile' as const, 'sample' as const),
				(p, n, mode) => {
					const weights = Float32Array.from({ length: p }, (_, i) => i);
					const f = fieldFromWeights({ weights, updates: weights }, n, { mode });
					let prev = -1;
					const seen = new Set<number>();
					for (let i = 0; i < n; i++) {
						const w = fieldCellWeight(i, n, p, mode);
						expect(f.values[i]).toBe(w);
						if (mode === 'sample') expect(w).toBeGreaterThanOrEqual(prev);
						prev = w;
						seen.add(w);
					}
					expect(seen.size).toBe(Math.min(n, p)); // no weight is skipped when N ≥ P
				}
			),
			{ numRuns: 60 }
		);
	});

	it('shows gradients or optimizer moments on request and reuses output buffers', () => {
		const s = { ...src, gradients: Float32Array.of(5, 6, 7), adamV: Float32Array.of(0, 1, 2) };
		const out = { values: new Float32Array(3), motion: new Float32Array(3) };
		const f = fieldFromWeights(s, 3, { value: 'gradients', motion: 'adamV', out });
		expect(f.values).toBe(out.values);
		expect(Array.from(out.values)).toEqual([5, 6, 7]);
		expect(Array.from(out.motion)).toEqual([0, 1, 2]);
		expect(() => fieldFromWeights(src, 3, { value: 'adamM' })).toThrow(/no adamM/);
	});

	it('fills a million cells and refuses more', () => {
		const f = fieldFromWeights(src, WEIGHT_FIELD_MAX_CELLS, { mode: 'tile' });
		expect(f.values[999_999]).toBe(1); // 999 999 mod 3 = 0
		expect(() => fieldFromWeights(src, WEIGHT_FIELD_MAX_CELLS + 1)).toThrow(AnatomyError);
		// Sample mode over the default model's 8,712 weights: spot-check cells against ⌊i·P/N⌋.
		const weights = Float32Array.from({ length: 8712 }, (_, i) => i);
		const g = fieldFromWeights({ weights, updates: weights }, WEIGHT_FIELD_MAX_CELLS);
		for (const i of [0, 114, 115, 116, 500_000, 999_884, 999_885, 999_999]) {
			expect(g.values[i]).toBe(Math.floor((i * 8712) / 1e6));
		}
	});

	it('rejects bad sizes, NaN values and mismatched lengths', () => {
		for (const n of [0, -1, 1.5, NaN, Infinity]) expect(() => fieldFromWeights(src, n)).toThrow(AnatomyError);
		expect(() =>
			fieldFromWeights({ weights: Float32Array.of(1, NaN), updates: Float32Array.of(0, 0) }, 4)
		).toThrow(/non-finite/);
		expect(() =>
			fieldFromWeights({ weights: Float32Array.of(1, 2), updates: Float32Array.of(0) }, 4)
		).toThrow(AnatomyError);
		expect(() => fieldFromWeights({ weights: new Float32Array(0), updates: new Float32Array(0) }, 4)).toThrow(
			AnatomyError
		);
		expect(() =>
			fieldFromWeights(src, 4, { out: { values: new Float32Array(3), motion: new Float32Array(4) } })
		).toThrow(AnatomyError);
		expect(() => fieldFromWeights(src, 4, { mode: 'zoom' as never })).toThrow(AnatomyError);
	});
});

describe('locateWeight', () => {
	it('finds the group, row and column of a flat index', () => {
		const layout = weightFieldLayout({ vocab: 20, dModel: 24, heads: 2, context: 24, ff: 96 });
		// embedding is 20×24 = 480 weights, position 24×24 starts at 480.
		expect(locateWeight(layout.groups, 0)).toMatchObject({ group: { name: 'embedding' }, row: 0, col: 0 });
		expect(locateWeight(layout.groups, 479)).toMatchObject({
			group: { name: 'embedding' },
			row: 19,
			col: 23
		});
		expect(locateWeight(layout.groups, 480 + 25)).toMatchObject({
			group: { name: 'position' },
			row: 1,
			col: 1
		});
		expect(locateWeight(layout.groups, layout.count - 1)).toMatchObject({
			group: { name: 'unembedding' },
			row: 23,
			col: 19
		});
		expect(() => locateWeight(layout.groups, layout.count)).toThrow(AnatomyError);
		expect(() => locateWeight(layout.groups, -1)).toThrow(AnatomyError);
	});
});
