/**
 * Contour lines of a sampled loss surface, for drawing: the levels to draw (evenly or
 * logarithmically spaced above the minimum) and the SVG path of each level in plot pixels.
 * Pure functions over a grid of samples; the samples themselves come from the core.
 */
import { contours as d3Contours } from 'd3-contour';

/**
 * A grid of surface samples (the core's `sampleGrid` result fits): `values[j·nx + i]` is f at the
 * i-th of nx evenly spaced x and the j-th of ny evenly spaced y, corners included.
 */
export interface SampledGrid {
	readonly nx: number;
	readonly ny: number;
	readonly values: ArrayLike<number>;
}

/** How levels are spread between the lowest and highest sample; 'auto' follows the surface. */
export type ContourScale = 'linear' | 'log' | 'auto';

/** One contour level and its path. */
export interface ContourBand {
	/** The level: every point inside the band has f ≥ value. */
	value: number;
	/** Position of the level among all levels, 0 (lowest) … 1 (highest). */
	t: number;
	/** SVG path data in plot pixels (empty when the level encloses nothing). */
	d: string;
}

/** Lowest and highest finite sample. */
export function valueRange(values: ArrayLike<number>): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (!Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	return lo <= hi ? [lo, hi] : [0, 0];
}

/**
 * Whether the samples are so skewed that evenly spaced levels would all crowd the rim: true when
 * the median sits in the lowest 10 % of the range (Rosenbrock: the banana valley is flat while the
 * walls climb to thousands). Used for surfaces that do not say which scale suits them.
 */
export function isSkewed(values: ArrayLike<number>): boolean {
	const finite: number[] = [];
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
	if (finite.length < 3) return false;
	finite.sort((a, b) => a - b);
	const lo = finite[0];
	const hi = finite[finite.length - 1];
	if (hi === lo) return false;
	const median = finite[finite.length >> 1];
	return (median - lo) / (hi - lo) < 0.1;
}

/**
 * `count` contour levels strictly between the lowest and highest sample (fewer when the range is
 * too narrow, in floating point, to hold that many distinct values).
 * - linear: lo + (hi − lo)·k/(count + 1), k = 1 … count;
 * - log: lo + 10^e with e evenly spaced from log10((hi − lo)·1e-4) to log10(hi − lo), the top
 *   one just under the maximum, so levels are dense near the minimum and sparse up the walls.
 * - auto: log when {@link isSkewed}, else linear.
 */
export function contourLevels(values: ArrayLike<number>, count = 16, scale: ContourScale = 'auto'): number[] {
	const n = Number.isFinite(count) ? Math.max(1, Math.min(64, Math.round(count))) : 16;
	const [lo, hi] = valueRange(values);
	const span = hi - lo;
	if (!(span > 0)) return [];
	const useLog = scale === 'log' || (scale === 'auto' && isSkewed(values));
	const out: number[] = [];
	if (useLog) {
		const e0 = Math.log10(span * 1e-4);
		const e1 = Math.log10(span);
		for (let k = 0; k < n; k++) out.push(lo + 10 ** (e0 + ((e1 - e0) * k) / n));
	} else {
		for (let k = 1; k <= n; k++) out.push(lo + (span * k) / (n + 1));
	}
	// When the range is only a few floating-point steps wide, rounding can push a level onto an end
	// or onto its neighbour: keep only distinct levels strictly inside the range.
	return out.filter((v, k) => v > lo && v < hi && (k === 0 || v > out[k - 1]));
}

/** Pixel box the grid is drawn into. */
export interface PlotBox {
	width: number;
	height: number;
}

/**
 * SVG paths of the filled regions f ≥ level, one per level, in plot pixels (rounded to half a
 * pixel) with y pointing down (the largest y at the top). d3-contour places sample i at grid
 * coordinate i + 0.5, so grid coordinate g maps to pixel (g − 0.5)·width/(nx − 1).
 */
export function contourBands(grid: SampledGrid, levels: readonly number[], box: PlotBox): ContourBand[] {
	const { nx, ny } = grid;
	if (nx < 2 || ny < 2 || grid.values.length < nx * ny || !levels.length) return [];
	// d3-contour reads any array-like; copy only to turn ±Infinity into NaN (a hole in the map)
	let finite = true;
	for (let i = 0; i < nx * ny && finite; i++) finite = Number.isFinite(grid.values[i]);
	const values = (
		finite ? grid.values : Array.from(grid.values, (v) => (Number.isFinite(v) ? v : NaN))
	) as number[];
	const gen = d3Contours()
		.size([nx, ny])
		.thresholds(levels as number[]);
	const sx = box.width / (nx - 1);
	const sy = box.height / (ny - 1);
	const px = (g: number) => roundHalf((g - 0.5) * sx);
	const py = (g: number) => roundHalf(box.height - (g - 0.5) * sy);
	const last = Math.max(1, levels.length - 1);
	return levels.map((value, k) => {
		const geo = gen.contour(values, value);
		let d = '';
		for (const polygon of geo.coordinates)
			for (const ring of polygon) {
				if (ring.length < 3) continue;
				d += `M${px(ring[0][0])},${py(ring[0][1])}`;
				for (let i = 1; i < ring.length; i++) d += `L${px(ring[i][0])},${py(ring[i][1])}`;
				d += 'Z';
			}
		return { value, t: levels.length === 1 ? 0 : k / last, d };
	});
}

/** Rounds to half a pixel: finer than the eye sees, and short strings make the paths quick to build. */
function roundHalf(v: number): number {
	return Math.round(v * 2) / 2;
}
