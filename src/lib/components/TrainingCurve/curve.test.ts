import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WeightFieldHistoryPoint } from '../../core/train/weightfield/run.js';
import { cleanHistory, nearestIndex, phasesOf, thin } from './curve.js';

const point = (step: number, stage: WeightFieldHistoryPoint['stage'], loss = 1): WeightFieldHistoryPoint => ({
	step,
	stage,
	loss,
	valLoss: loss,
	evaluated: step % 10 === 0,
	lr: 1e-3,
	gradNorm: 1,
	updateStrength: 0.01
});

describe('cleanHistory', () => {
	it('drops entries a chart cannot draw and counts them', () => {
		const raw = [
			point(1, 'pretrain'),
			{ ...point(2, 'pretrain'), loss: NaN },
			null,
			{ ...point(3, 'pretrain'), stage: 'inference' },
			point(4, 'pretrain'),
			point(4, 'pretrain'), // repeated step
			{ ...point(5, 'finetune-full'), valLoss: Infinity },
			'nonsense'
		];
		const { points, dropped } = cleanHistory(raw);
		expect(points.map((p) => p.step)).toEqual([1, 4, 5]);
		expect(dropped).toBe(5);
		expect(points[2].valLoss).toBeNaN();
	});
	it('accepts nothing gracefully', () => {
		expect(cleanHistory(undefined)).toEqual({ points: [], dropped: 0 });
		expect(cleanHistory([])).toEqual({ points: [], dropped: 0 });
		expect(cleanHistory('x' as never)).toEqual({ points: [], dropped: 0 });
	});
});

describe('phasesOf', () => {
	it('splits consecutive stages into phases with their step and index ranges', () => {
		const pts = [
			point(1, 'pretrain'),
			point(2, 'pretrain'),
			point(3, 'finetune-full'),
			point(4, 'finetune-lora'),
			point(5, 'finetune-lora')
		];
		expect(phasesOf(pts)).toEqual([
			{ stage: 'pretrain', startStep: 1, endStep: 2, startIndex: 0, endIndex: 1 },
			{ stage: 'finetune-full', startStep: 3, endStep: 3, startIndex: 2, endIndex: 2 },
			{ stage: 'finetune-lora', startStep: 4, endStep: 5, startIndex: 3, endIndex: 4 }
		]);
		expect(phasesOf([])).toEqual([]);
	});
});

describe('thin', () => {
	it('returns short series whole', () => {
		expect(thin([3, 1, 2], 10)).toEqual([0, 1, 2]);
	});
	it('keeps a lone spike and both ends of a long series', () => {
		const v = Array.from({ length: 10_000 }, () => 1);
		v[4321] = 50;
		v[7777] = -5;
		const kept = thin(v, 300);
		expect(kept.length).toBeLessThanOrEqual(301);
		expect(kept).toContain(4321);
		expect(kept).toContain(7777);
		expect(kept[0]).toBe(0);
		expect(kept[kept.length - 1]).toBe(9999);
	});
	it('returns strictly increasing indices that keep the max and min (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 3000 }),
				fc.integer({ min: 3, max: 500 }),
				(v, max) => {
					const kept = thin(v, max);
					for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
					const values = kept.map((i) => v[i]);
					expect(Math.max(...values)).toBe(Math.max(...v));
					expect(Math.min(...values)).toBe(Math.min(...v));
					expect(kept.length).toBeLessThanOrEqual(max + 1);
				}
			)
		);
	});
});

describe('nearestIndex', () => {
	const pts = [{ step: 1 }, { step: 5 }, { step: 10 }];
	it('finds the nearest step, ties to the earlier point', () => {
		expect(nearestIndex(pts, 0)).toBe(0);
		expect(nearestIndex(pts, 3)).toBe(0); // |3−1| = |3−5|: tie → earlier
		expect(nearestIndex(pts, 4)).toBe(1);
		expect(nearestIndex(pts, 8)).toBe(2);
		expect(nearestIndex(pts, 99)).toBe(2);
		expect(nearestIndex([], 3)).toBe(-1);
		expect(nearestIndex(pts, NaN)).toBe(0);
	});
	it('agrees with a linear scan (property)', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 200 }),
				fc.integer({ min: -100, max: 10_100 }),
				(steps, q) => {
					const sorted = [...steps].sort((a, b) => a - b).map((step) => ({ step }));
					let best = 0;
					for (let i = 1; i < sorted.length; i++) {
						if (Math.abs(sorted[i].step - q) < Math.abs(sorted[best].step - q)) best = i;
					}
					expect(nearestIndex(sorted, q)).toBe(best);
				}
			)
		);
	});
});
