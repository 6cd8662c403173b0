import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanNeuron, curveHalfRange, MAX_INPUTS, sampleCurve } from './neuron-plot.js';

describe('cleanNeuron', () => {
	it('passes a well-formed neuron through unchanged, with no notices', () => {
		const c = cleanNeuron([0.7, -0.25, 0.45], [1.1, -0.85, 0.55], 0.1);
		expect(c).toEqual({ inputs: [0.7, -0.25, 0.45], weights: [1.1, -0.85, 0.55], bias: 0.1, notices: [] });
	});

	it('replaces NaN and infinities by 0 and says so once', () => {
		const c = cleanNeuron([NaN, 1, Infinity], [1, -Infinity, 2], NaN);
		expect(c.inputs).toEqual([0, 1, 0]);
		expect(c.weights).toEqual([1, 0, 2]);
		expect(c.bias).toBe(0);
		expect(c.notices.map((n) => n.key)).toEqual(['notFinite']);
	});

	it('pads missing weights with 0 and drops extra ones', () => {
		expect(cleanNeuron([1, 2, 3], [4], 0).weights).toEqual([4, 0, 0]);
		const extra = cleanNeuron([1], [4, 5, 6], 0);
		expect(extra.weights).toEqual([4]);
		expect(extra.notices).toEqual([{ key: 'lengthMismatch', params: { inputs: 1, weights: 3 } }]);
	});

	it('keeps at least one input and at most MAX_INPUTS', () => {
		const none = cleanNeuron([], [], 0);
		expect(none.inputs).toEqual([0]);
		expect(none.notices.map((n) => n.key)).toEqual(['noInputs']);
		const many = cleanNeuron(new Array(20).fill(1), new Array(20).fill(1), 0);
		expect(many.inputs).toHaveLength(MAX_INPUTS);
		expect(many.notices.map((n) => n.key)).toEqual(['tooMany']);
	});

	it('treats a non-array as no inputs and a missing bias as 0', () => {
		const c = cleanNeuron('nope' as unknown, undefined, undefined);
		expect(c.inputs).toEqual([0]);
		expect(c.weights).toEqual([0]);
		expect(c.bias).toBe(0);
	});

	it('always returns finite values of matching lengths (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.double()), fc.array(fc.double()), fc.double(), (xs, ws, b) => {
				const c = cleanNeuron(xs, ws, b);
				expect(c.inputs.length).toBe(c.weights.length);
				expect(c.inputs.length).toBeGreaterThanOrEqual(1);
				expect(c.inputs.length).toBeLessThanOrEqual(MAX_INPUTS);
				for (const v of [...c.inputs, ...c.weights, c.bias]) expect(Number.isFinite(v)).toBe(true);
			})
		);
	});
});

describe('curveHalfRange', () => {
	it('is 4 for small z, grows with |z| (15% margin, rounded up) and stops at 50', () => {
		expect(curveHalfRange(0)).toBe(4);
		expect(curveHalfRange(-3.4)).toBe(4); // 3.4 × 1.15 = 3.91 → 4
		expect(curveHalfRange(6)).toBe(7); // 6 × 1.15 = 6.9 → 7
		expect(curveHalfRange(-1e6)).toBe(50);
		expect(curveHalfRange(NaN)).toBe(50);
	});
});

describe('sampleCurve', () => {
	it('samples evenly from lo to hi, both ends included', () => {
		const pts = sampleCurve((x) => 2 * x, -1, 1, 5);
		expect(pts.map((p) => p.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
		expect(pts.map((p) => p.y)).toEqual([-2, -1, 0, 1, 2]);
	});
	it('skips points where the function is not finite', () => {
		expect(sampleCurve((x) => 1 / x, -1, 1, 3).map((p) => p.x)).toEqual([-1, 1]);
	});
});
