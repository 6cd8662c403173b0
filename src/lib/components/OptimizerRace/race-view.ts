/**
 * View helpers of OptimizerRace that are not maths about optimizers: the learning-rate slider's
 * log scale, keyboard steps of the start crosshair, and the part of a trail worth drawing.
 */
import type { OptimizerStyle } from './markers.js';
import type { OptimizerId } from './types.js';

/** One optimizer's trail as the map draws it. */
export interface MapTrail {
	id: OptimizerId;
	label: string;
	style: OptimizerStyle;
	/** Points of the trail in surface coordinates, already cut to what is drawn. */
	points: readonly (readonly [number, number])[];
	diverged: boolean;
}

/** The learning-rate slider runs over log10(lr) in [LR_EXP_MIN, LR_EXP_MAX]. */
export const LR_EXP_MIN = -4;
export const LR_EXP_MAX = 1;

/** Slider position (an exponent) for a learning rate; 0 and negatives sit at the left end. */
export function lrToExponent(lr: number): number {
	if (!(lr > 0) || !Number.isFinite(lr)) return lr === Infinity ? LR_EXP_MAX : LR_EXP_MIN;
	return Math.min(LR_EXP_MAX, Math.max(LR_EXP_MIN, Math.log10(lr)));
}

/** Learning rate for a slider position, rounded to 3 significant digits so it reads cleanly. */
export function exponentToLr(e: number): number {
	return Number((10 ** e).toPrecision(3));
}

/** An axis-aligned box in surface coordinates. */
export interface Bounds {
	x: readonly [number, number];
	y: readonly [number, number];
}

/** Keys that move the crosshair, with their direction. */
const MOVES: Record<string, [number, number]> = {
	ArrowLeft: [-1, 0],
	ArrowRight: [1, 0],
	ArrowUp: [0, 1],
	ArrowDown: [0, -1]
};

/**
 * Where the crosshair goes for a key: arrows move it 1/50 of the box (1/10 with Shift), Home/End
 * jump to the left/right edge; the result stays inside the box. Null when the key does not move it.
 */
export function moveCrosshair(
	at: readonly [number, number],
	key: string,
	bounds: Bounds,
	big = false
): [number, number] | null {
	const [x0, x1] = bounds.x;
	const [y0, y1] = bounds.y;
	const clampX = (v: number) => Math.min(x1, Math.max(x0, v));
	const clampY = (v: number) => Math.min(y1, Math.max(y0, v));
	if (key === 'Home') return [x0, at[1]];
	if (key === 'End') return [x1, at[1]];
	const dir = MOVES[key];
	if (!dir) return null;
	const frac = big ? 0.1 : 0.02;
	return [clampX(at[0] + dir[0] * (x1 - x0) * frac), clampY(at[1] + dir[1] * (y1 - y0) * frac)];
}

/** A point clamped into the box; non-finite coordinates go to the box's centre. */
export function clampPoint(p: readonly [number, number], bounds: Bounds): [number, number] {
	const c = (v: number, [a, b]: readonly [number, number]) =>
		Number.isFinite(v) ? Math.min(b, Math.max(a, v)) : (a + b) / 2;
	return [c(p[0], bounds.x), c(p[1], bounds.y)];
}

/**
 * How many leading points of a trail to draw: the prefix up to `upto` (inclusive) whose points are
 * finite and lie within the box widened by one box size on every side. A diverging optimizer's
 * trail thus ends where it leaves the neighbourhood of the map, and the SVG clip does the rest.
 */
export function drawablePrefix(
	points: readonly (readonly [number, number])[],
	upto: number,
	bounds: Bounds
): number {
	const [x0, x1] = bounds.x;
	const [y0, y1] = bounds.y;
	const wx = x1 - x0;
	const wy = y1 - y0;
	const last = Math.min(points.length - 1, Math.max(0, Math.floor(upto)));
	let n = 0;
	for (let i = 0; i <= last; i++) {
		const [x, y] = points[i];
		if (!Number.isFinite(x) || !Number.isFinite(y)) break;
		if (x < x0 - wx || x > x1 + wx || y < y0 - wy || y > y1 + wy) break;
		n = i + 1;
	}
	return n;
}

/** Where the plot sits inside the map's SVG, in viewBox units. */
export interface MapGeometry {
	/** Width and height of the whole SVG viewBox. */
	width: number;
	height: number;
	/** The plot area: left, top, width, height. */
	left: number;
	top: number;
	plotWidth: number;
	plotHeight: number;
}

/**
 * The map's size for a domain: the plot is `plotWidth` wide and keeps the domain's aspect ratio
 * (so contours meet gradients at right angles on screen), within 0.35 … 1.25 of the width, with room
 * for tick labels on the left and bottom.
 */
export function mapGeometry(bounds: Bounds, plotWidth = 440): MapGeometry {
	const wx = bounds.x[1] - bounds.x[0];
	const wy = bounds.y[1] - bounds.y[0];
	const aspect = wx > 0 && wy > 0 ? Math.min(1.25, Math.max(0.35, wy / wx)) : 1;
	const plotHeight = Math.round(plotWidth * aspect);
	const left = 34;
	const top = 8;
	return { width: left + plotWidth + 10, height: top + plotHeight + 24, left, top, plotWidth, plotHeight };
}
