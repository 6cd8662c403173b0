import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	LR_EXP_MAX,
	LR_EXP_MIN,
	clampPoint,
	drawablePrefix,
	exponentToLr,
	mapGeometry,
	lrToExponent,
	moveCrosshair
} from './race-view.js';

const box = { x: [-2, 2] as const, y: [-1, 3] as const };

describe('learning-rate slider scale', () => {
	it('maps 1e-3 to −3 and back, and 10^−2 to 0.01', () => {
		expect(lrToExponent(1e-3)).toBeCloseTo(-3, 12);
		expect(exponentToLr(-2)).toBe(0.01);
	});
	it('puts 0, negatives and NaN at the left end and 1e6 and ∞ at the right end', () => {
		expect(lrToExponent(0)).toBe(LR_EXP_MIN);
		expect(lrToExponent(-1)).toBe(LR_EXP_MIN);
		expect(lrToExponent(NaN)).toBe(LR_EXP_MIN);
		expect(lrToExponent(1e6)).toBe(LR_EXP_MAX);
		expect(lrToExponent(Infinity)).toBe(LR_EXP_MAX);
	});
	it('round-trips every slider position to 3 significant digits', () => {
		fc.assert(
			fc.property(fc.double({ min: LR_EXP_MIN, max: LR_EXP_MAX, noNaN: true }), (e) => {
				const lr = exponentToLr(e);
				return Math.abs(lr - 10 ** e) <= 10 ** e * 5e-3 && Math.abs(lrToExponent(lr) - e) < 3e-3;
			})
		);
	});
});

describe('moveCrosshair', () => {
	it('moves 1/50 of the box per arrow and 1/10 with Shift; up is +y', () => {
		expect(moveCrosshair([0, 0], 'ArrowRight', box)).toEqual([0.08, 0]);
		expect(moveCrosshair([0, 0], 'ArrowUp', box)).toEqual([0, 0.08]);
		expect(moveCrosshair([0, 0], 'ArrowLeft', box, true)).toEqual([-0.4, 0]);
		expect(moveCrosshair([0, 0], 'ArrowDown', box, true)).toEqual([0, -0.4]);
	});
	it('stays inside the box and jumps to the edges with Home/End', () => {
		expect(moveCrosshair([1.99, 2.99], 'ArrowRight', box, true)).toEqual([2, 2.99]);
		expect(moveCrosshair([0, -1], 'ArrowDown', box)).toEqual([0, -1]);
		expect(moveCrosshair([0.5, 1], 'Home', box)).toEqual([-2, 1]);
		expect(moveCrosshair([0.5, 1], 'End', box)).toEqual([2, 1]);
	});
	it('ignores other keys', () => {
		expect(moveCrosshair([0, 0], 'a', box)).toBeNull();
	});
});

describe('clampPoint', () => {
	it('clamps into the box and sends non-finite coordinates to its centre', () => {
		expect(clampPoint([5, -5], box)).toEqual([2, -1]);
		expect(clampPoint([NaN, Infinity], box)).toEqual([0, 1]);
	});
});

describe('drawablePrefix', () => {
	const pts: [number, number][] = [
		[0, 0],
		[1, 1],
		[3, 2],
		[NaN, 0],
		[0, 0]
	];
	it('stops before the first non-finite point', () => {
		expect(drawablePrefix(pts, 10, box)).toBe(3);
	});
	it('draws only up to the step shown', () => {
		expect(drawablePrefix(pts, 1, box)).toBe(2);
		expect(drawablePrefix(pts, 0, box)).toBe(1);
		expect(drawablePrefix(pts, -3, box)).toBe(1);
	});
	it('stops where the trail leaves the box widened by one box size', () => {
		// box is 4 wide: points up to x = 6 are kept, x = 6.5 is not
		expect(
			drawablePrefix(
				[
					[0, 0],
					[6, 0],
					[6.5, 0]
				],
				2,
				box
			)
		).toBe(2);
		expect(drawablePrefix([], 3, box)).toBe(0);
	});
});

describe('mapGeometry', () => {
	it('keeps the domain’s aspect ratio: a 4 × 4 box is square, a 10 × 4 box is 0.4 as tall', () => {
		const sq = mapGeometry({ x: [-2, 2], y: [-1, 3] }, 400);
		expect([sq.plotWidth, sq.plotHeight]).toEqual([400, 400]);
		const wide = mapGeometry({ x: [-5, 5], y: [-2, 2] }, 400);
		expect(wide.plotHeight).toBe(160);
		expect(wide.width).toBe(wide.left + 400 + 10);
		expect(wide.height).toBe(wide.top + 160 + 24);
	});
	it('limits extreme or broken aspect ratios', () => {
		expect(mapGeometry({ x: [0, 100], y: [0, 1] }, 400).plotHeight).toBe(140);
		expect(mapGeometry({ x: [0, 1], y: [0, 100] }, 400).plotHeight).toBe(500);
		expect(mapGeometry({ x: [0, 0], y: [0, 1] }, 400).plotHeight).toBe(400);
	});
});
