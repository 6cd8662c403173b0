import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import {
	cellActive,
	cellTarget,
	clampSize,
	exampleWeights,
	MAX_UNITS,
	parseTarget,
	resolveLayer,
	unitTarget
} from './dense-layer.js';
import { handLayer } from './fixtures.js';

describe('resolveLayer', () => {
	it('uses explicit matrices as they are and takes the sizes from them', () => {
		const r = resolveLayer(handLayer);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.sizes).toEqual({ inputs: 2, hidden: 3, outputs: 2 });
		expect(r.w1).toEqual(handLayer.w1);
		expect(r.b2).toEqual(handLayer.b2);
		expect(r.notices).toEqual([]);
	});

	it('seeds weights of the requested sizes, the same for the same seed', () => {
		const a = resolveLayer({ inputs: 3, hidden: 4, outputs: 1, seed: 7 });
		const b = resolveLayer({ inputs: 3, hidden: 4, outputs: 1, seed: 7 });
		const c = resolveLayer({ inputs: 3, hidden: 4, outputs: 1, seed: 8 });
		if (!a.ok || !b.ok || !c.ok) throw new Error('expected ok');
		expect(a.w1).toHaveLength(3);
		expect(a.w1[0]).toHaveLength(4);
		expect(a.w2).toHaveLength(4);
		expect(a.w2[0]).toHaveLength(1);
		expect(a.b1).toEqual([0, 0, 0, 0]);
		expect(a.w1).toEqual(b.w1);
		expect(a.w1).not.toEqual(c.w1);
		expect(a.x).toEqual([0, 0, 0]);
	});

	it('clamps negative, huge, fractional and NaN sizes with a notice', () => {
		const r = resolveLayer({ inputs: -3, hidden: 1e9, outputs: 2.6 });
		if (!r.ok) throw new Error('expected ok');
		expect(r.sizes).toEqual({ inputs: 1, hidden: MAX_UNITS, outputs: 3 });
		expect(r.notices.filter((n) => n.key === 'sizeClamped')).toHaveLength(3);
		const nan = resolveLayer({ inputs: NaN });
		if (!nan.ok) throw new Error('expected ok');
		expect(nan.sizes.inputs).toBe(2);
	});

	it('reports W1 and W2 whose inner sizes do not chain', () => {
		const r = resolveLayer({ w1: [[1, 2, 3]], w2: [[1], [2]] });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error).toEqual({
			key: 'shapeMismatch',
			params: { left: 'A1', lr: 1, lc: 3, right: 'W2', rr: 2, rc: 1 }
		});
	});

	it('reports ragged, empty and oversized matrices and biases of the wrong length', () => {
		expect(resolveLayer({ w1: [[1, 2], [3]] })).toMatchObject({
			ok: false,
			error: { key: 'ragged', params: { name: 'W1', row: 2, got: 1, expected: 2 } }
		});
		expect(resolveLayer({ w2: [] })).toMatchObject({ ok: false, error: { key: 'emptyMatrix' } });
		expect(resolveLayer({ w1: new Array(9).fill([1]) })).toMatchObject({
			ok: false,
			error: { key: 'tooLarge' }
		});
		expect(resolveLayer({ hidden: 3, b1: [1, 2] })).toMatchObject({
			ok: false,
			error: { key: 'biasLength', params: { name: 'b1', got: 2, expected: 3 } }
		});
	});

	it('pads or cuts X to the number of inputs and zeroes non-finite values', () => {
		const short = resolveLayer({ inputs: 3, x: [1] });
		if (!short.ok) throw new Error('expected ok');
		expect(short.x).toEqual([1, 0, 0]);
		expect(short.notices.map((n) => n.key)).toEqual(['xLength']);
		const bad = resolveLayer({ x: [NaN, Infinity], w1: [[NaN], [1]] });
		if (!bad.ok) throw new Error('expected ok');
		expect(bad.x).toEqual([0, 0]);
		expect(bad.w1).toEqual([[0], [1]]);
		expect(bad.notices.map((n) => n.key)).toEqual(['notFinite']);
	});
});

describe('exampleWeights', () => {
	it('draws values in [−1, 1] with at most two decimals', () => {
		const m = exampleWeights(8, 8, createRng(1));
		for (const v of m.flat()) {
			expect(Math.abs(v)).toBeLessThanOrEqual(1);
			expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-9);
		}
	});
});

describe('clampSize', () => {
	it('rounds and clamps to 1…MAX_UNITS', () => {
		expect(clampSize(0, 2)).toBe(1);
		expect(clampSize(4.4, 2)).toBe(4);
		expect(clampSize(99, 2)).toBe(MAX_UNITS);
		expect(clampSize(Infinity, 2)).toBe(2);
		expect(clampSize('3', 2)).toBe(2);
	});
});

describe('targets', () => {
	const sizes = { inputs: 2, hidden: 3, outputs: 2 };
	it('parses matrices and 1-based units, falling back to h1', () => {
		expect(parseTarget('W1', sizes)).toEqual({ matrix: 'W1', unit: -1, layer: null });
		expect(parseTarget('h3', sizes)).toEqual({ matrix: null, unit: 2, layer: 'hidden' });
		expect(parseTarget('o2', sizes)).toEqual({ matrix: null, unit: 1, layer: 'output' });
		expect(parseTarget('h4', sizes)).toEqual({ matrix: null, unit: 0, layer: 'hidden' });
		expect(parseTarget('x0', sizes)).toEqual({ matrix: null, unit: 0, layer: 'hidden' });
		expect(parseTarget(42, sizes)).toEqual({ matrix: null, unit: 0, layer: 'hidden' });
	});
	it('names units and cells the same way', () => {
		expect(unitTarget('input', 0)).toBe('x1');
		expect(unitTarget('output', 1)).toBe('o2');
		expect(cellTarget('W1', 2)).toBe('h3');
		expect(cellTarget('Z2', 0)).toBe('o1');
		expect(cellTarget('X', 1)).toBe('x2');
	});
	it('highlights the column of W1 that feeds a hidden unit, and the row an input feeds', () => {
		const h2 = parseTarget('h2', sizes);
		expect(cellActive(h2, 'W1', 0, 1)).toBe(true);
		expect(cellActive(h2, 'W1', 0, 0)).toBe(false);
		expect(cellActive(h2, 'X', 0, 0)).toBe(true);
		expect(cellActive(h2, 'Z2', 0, 1)).toBe(false);
		const x2 = parseTarget('x2', sizes);
		expect(cellActive(x2, 'W1', 1, 0)).toBe(true);
		expect(cellActive(x2, 'W1', 0, 0)).toBe(false);
		const w2 = parseTarget('W2', sizes);
		expect(cellActive(w2, 'W2', 2, 1)).toBe(true);
		expect(cellActive(w2, 'W1', 0, 0)).toBe(false);
	});
});
