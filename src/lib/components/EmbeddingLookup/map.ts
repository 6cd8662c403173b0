/**
 * Layout of EmbeddingLookup's 2-D map: fitting projected points into the drawing with equal units
 * on both axes (so the picture does not stretch distances), placing word labels without overlap,
 * and moving between points with the arrow keys. Pure functions of pixels; the projection itself
 * comes from the core (`pca2d`).
 */

/** A point in drawing coordinates (pixels, y down). */
export interface Pixel {
	x: number;
	y: number;
}

/** Where a word's label goes. */
export interface LabelPlacement {
	/** Text anchor position. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	/** False when no free spot was found; the point stays, its name is in its accessible label. */
	visible: boolean;
	/** True when the label sits away from its point and needs a leader line. */
	leader: boolean;
}

export interface Box {
	width: number;
	height: number;
	/** Margin kept free on every side. */
	padding: number;
}

/**
 * Fits 2-D coordinates into `box` with one scale for both axes, centred; the second coordinate
 * points up (SVG y grows downwards). Non-finite coordinates are placed at the centre.
 */
export function fitPoints(
	points: readonly (readonly [number, number])[],
	{ width, height, padding }: Box
): Pixel[] {
	const finite = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
	if (finite.length === 0) return points.map(() => ({ x: width / 2, y: height / 2 }));
	const xs = finite.map((p) => p[0]);
	const ys = finite.map((p) => p[1]);
	const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
	const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
	const innerW = Math.max(1, width - 2 * padding);
	const innerH = Math.max(1, height - 2 * padding);
	const spanX = x1 - x0;
	const spanY = y1 - y0;
	const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
	const k = Number.isFinite(scale) ? scale : 1;
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	return points.map(([x, y]) =>
		Number.isFinite(x) && Number.isFinite(y)
			? { x: width / 2 + (x - cx) * k, y: height / 2 - (y - cy) * k }
			: { x: width / 2, y: height / 2 }
	);
}

interface Rect {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Options of {@link placeLabels}. */
export interface LabelOptions {
	width: number;
	height: number;
	/** Font size in pixels. @default 12 */
	fontSize?: number;
	/** Average character width as a fraction of the font size. @default 0.6 */
	charWidth?: number;
	/** Radius of the point markers. @default 5 */
	radius?: number;
	/** Indices placed first and shown even where they overlap (the selected word, the analogy). */
	forced?: readonly number[];
	/** Indices placed next, in order, before the rest (e.g. the nearest neighbours). */
	preferred?: readonly number[];
}

/**
 * Greedy label placement: labels are placed in priority order (forced, preferred, then the rest in
 * index order), each at the first of a fixed list of spots around its point (right, left, above,
 * below, the four diagonals, then the same farther out with a leader line) that stays inside the
 * drawing and clears every label placed so far and every other point. Deterministic.
 */
export function placeLabels(
	pixels: readonly Pixel[],
	texts: readonly string[],
	{ width, height, fontSize = 12, charWidth = 0.6, radius = 5, forced = [], preferred = [] }: LabelOptions
): LabelPlacement[] {
	const n = pixels.length;
	const out: LabelPlacement[] = pixels.map((p) => ({
		x: p.x,
		y: p.y,
		anchor: 'start',
		visible: false,
		leader: false
	}));
	const placed: Rect[] = [];
	const dots: Rect[] = pixels.map((p) => ({
		x0: p.x - radius,
		y0: p.y - radius,
		x1: p.x + radius,
		y1: p.y + radius
	}));
	const order: number[] = [];
	const seen = new Set<number>();
	for (const i of [...forced, ...preferred, ...Array.from({ length: n }, (_, i) => i)]) {
		if (Number.isInteger(i) && i >= 0 && i < n && !seen.has(i)) {
			seen.add(i);
			order.push(i);
		}
	}
	const forcedSet = new Set(forced);
	const gap = radius + 3;
	const ascent = fontSize * 0.75;
	for (const i of order) {
		const p = pixels[i];
		const w = Math.max(1, texts[i]?.length ?? 0) * fontSize * charWidth;
		const candidates: [number, number, LabelPlacement['anchor'], boolean][] = [];
		for (const [far, leader] of [
			[1, false],
			[2.6, true]
		] as const) {
			const d = gap * far;
			candidates.push(
				[p.x + d, p.y + ascent / 2, 'start', leader],
				[p.x - d, p.y + ascent / 2, 'end', leader],
				[p.x, p.y - d, 'middle', leader],
				[p.x, p.y + d + ascent, 'middle', leader],
				[p.x + d * 0.8, p.y - d * 0.8, 'start', leader],
				[p.x - d * 0.8, p.y - d * 0.8, 'end', leader],
				[p.x + d * 0.8, p.y + d * 0.8 + ascent, 'start', leader],
				[p.x - d * 0.8, p.y + d * 0.8 + ascent, 'end', leader]
			);
		}
		const rectOf = ([x, y, anchor]: (typeof candidates)[number]): Rect => {
			const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
			return { x0, y0: y - ascent, x1: x0 + w, y1: y + fontSize * 0.25 };
		};
		const fits = (c: (typeof candidates)[number]) => {
			const r = rectOf(c);
			if (r.x0 < 0 || r.y0 < 0 || r.x1 > width || r.y1 > height) return false;
			if (placed.some((q) => overlaps(q, r))) return false;
			return dots.every((q, j) => j === i || !overlaps(q, r));
		};
		let choice = candidates.find(fits);
		if (!choice && forcedSet.has(i)) {
			// inside the drawing at least, even if it overlaps something
			choice =
				candidates.find((c) => {
					const r = rectOf(c);
					return r.x0 >= 0 && r.y0 >= 0 && r.x1 <= width && r.y1 <= height;
				}) ?? candidates[0];
		}
		if (choice) {
			placed.push(rectOf(choice));
			out[i] = { x: choice[0], y: choice[1], anchor: choice[2], visible: true, leader: choice[3] };
		}
	}
	return out;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The point an arrow key moves to from `from`: among points strictly on that side, the one with
 * the smallest distance along the direction plus twice the sideways offset (so the move feels
 * straight). Returns `from` when nothing lies that way.
 */
export function pointInDirection(pixels: readonly Pixel[], from: number, direction: Direction): number {
	const o = pixels[from];
	if (!o) return from;
	let best = from;
	let bestScore = Infinity;
	pixels.forEach((p, i) => {
		if (i === from) return;
		const dx = p.x - o.x;
		const dy = p.y - o.y;
		const [along, across] =
			direction === 'right'
				? [dx, dy]
				: direction === 'left'
					? [-dx, dy]
					: direction === 'down'
						? [dy, dx]
						: [-dy, dx];
		if (along <= 0) return;
		const score = along + 2 * Math.abs(across);
		if (score < bestScore) {
			bestScore = score;
			best = i;
		}
	});
	return best;
}

/** Shortens the segment a → b by `inset` pixels at both ends (so an arrow stops at the markers). */
export function insetSegment(a: Pixel, b: Pixel, inset: number): [Pixel, Pixel] {
	const len = Math.hypot(b.x - a.x, b.y - a.y);
	if (!(len > 2 * inset)) return [a, b];
	const ux = (b.x - a.x) / len;
	const uy = (b.y - a.y) / len;
	return [
		{ x: a.x + ux * inset, y: a.y + uy * inset },
		{ x: b.x - ux * inset, y: b.y - uy * inset }
	];
}
