/**
 * Two-dimensional loss surfaces with analytic gradients, for watching optimizers move:
 *
 * - `bowl`: f = x² + y² (isotropic; every method converges);
 * - `valley`: f = 0.1·x² + 2·y² (ill-conditioned quadratic, curvatures 0.2 and 4, condition 20:
 *   plain SGD zig-zags across the valley while creeping along it);
 * - `rosenbrock`: f = (1 − x)² + 100·(y − x²)² (Rosenbrock 1960; a curved, flat-bottomed valley,
 *   minimum 0 at (1, 1));
 * - `himmelblau`: f = (x² + y − 11)² + (x + y² − 7)² (Himmelblau 1972; four minima of value 0);
 * - `saddle`: f = x² − y² + y⁴/4 (a saddle at the origin between minima of −1 at (0, ±√2));
 * - `beale`: f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)² (minimum 0 at (3, 0.5)).
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import {
	createOptimizer,
	OPTIMIZER_NAMES,
	type OptimizerName,
	type OptimizerOptions,
	type OptimizerState
} from './optimizers.js';

/** Identifiers of the built-in surfaces. */
export type SurfaceId = 'bowl' | 'valley' | 'rosenbrock' | 'himmelblau' | 'saddle' | 'beale';

/** A point on a surface. */
export interface SurfacePoint {
	readonly x: number;
	readonly y: number;
	/** f(x, y). */
	readonly f: number;
}

/** A loss surface f(x, y) with its gradient. */
export interface Surface {
	readonly id: SurfaceId | string;
	readonly label: string;
	/** The formula in plain Unicode maths. */
	readonly formula: string;
	readonly f: (x: number, y: number) => number;
	/** ∇f = [∂f/∂x, ∂f/∂y]. */
	readonly grad: (x: number, y: number) => [number, number];
	/** The plotted region. */
	readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
	/** Global (or all) minima, with their values. */
	readonly minima: readonly SurfacePoint[];
	/** Saddle points, where there are any of note. */
	readonly saddles: readonly SurfacePoint[];
	/** A start that shows the surface's character. */
	readonly start: readonly [number, number];
	/** A learning rate that works for plain SGD from `start`. */
	readonly suggestedLr: number;
	/** Contours read better on a log scale (values spanning many decades). */
	readonly logScale: boolean;
}

const pt = (x: number, y: number, f: number): SurfacePoint => ({ x, y, f });

/** The built-in surfaces, keyed by id. */
export const SURFACES: Readonly<Record<SurfaceId, Surface>> = {
	bowl: {
		id: 'bowl',
		label: 'Bowl',
		formula: 'x² + y²',
		f: (x, y) => x * x + y * y,
		grad: (x, y) => [2 * x, 2 * y],
		domain: { x: [-3, 3], y: [-3, 3] },
		minima: [pt(0, 0, 0)],
		saddles: [],
		start: [-2.5, 2],
		suggestedLr: 0.1,
		logScale: false
	},
	valley: {
		id: 'valley',
		label: 'Narrow valley',
		formula: '0.1·x² + 2·y²',
		f: (x, y) => 0.1 * x * x + 2 * y * y,
		grad: (x, y) => [0.2 * x, 4 * y],
		domain: { x: [-5, 5], y: [-2, 2] },
		minima: [pt(0, 0, 0)],
		saddles: [],
		start: [-4.5, 1.5],
		suggestedLr: 0.45,
		logScale: false
	},
	rosenbrock: {
		id: 'rosenbrock',
		label: 'Rosenbrock',
		formula: '(1 − x)² + 100·(y − x²)²',
		f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
		grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
		domain: { x: [-2, 2], y: [-1, 3] },
		minima: [pt(1, 1, 0)],
		saddles: [],
		start: [-1.2, 1],
		suggestedLr: 0.001,
		logScale: true
	},
	himmelblau: {
		id: 'himmelblau',
		label: 'Himmelblau',
		formula: '(x² + y − 11)² + (x + y² − 7)²',
		f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
		grad: (x, y) => {
			const a = x * x + y - 11;
			const b = x + y * y - 7;
			return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
		},
		domain: { x: [-5, 5], y: [-5, 5] },
		// (3, 2) exactly; the other three are roots of ∇f = 0 found by Newton's method in 40-digit
		// arithmetic, rounded to float64 (they agree with the published 6-digit values).
		minima: [
			pt(3, 2, 0),
			pt(-2.805118086952745, 3.131312518250573, 0),
			pt(-3.779310253377747, -3.2831859912861696, 0),
			pt(3.5844283403304917, -1.8481265269644036, 0)
		],
		saddles: [],
		start: [-0.3, -0.9],
		suggestedLr: 0.01,
		logScale: true
	},
	saddle: {
		id: 'saddle',
		label: 'Saddle',
		formula: 'x² − y² + y⁴/4',
		f: (x, y) => x * x - y * y + (y * y * y * y) / 4,
		grad: (x, y) => [2 * x, -2 * y + y * y * y],
		domain: { x: [-2, 2], y: [-2.5, 2.5] },
		minima: [pt(0, Math.SQRT2, -1), pt(0, -Math.SQRT2, -1)],
		saddles: [pt(0, 0, 0)],
		start: [-1.8, 0.001],
		suggestedLr: 0.05,
		logScale: false
	},
	beale: {
		id: 'beale',
		label: 'Beale',
		formula: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
		f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2,
		grad: (x, y) => {
			const a = 1.5 - x + x * y;
			const b = 2.25 - x + x * y * y;
			const c = 2.625 - x + x * y * y * y;
			return [
				2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
				2 * a * x + 4 * b * x * y + 6 * c * x * y * y
			];
		},
		domain: { x: [-4.5, 4.5], y: [-4.5, 4.5] },
		minima: [pt(3, 0.5, 0)],
		saddles: [],
		start: [1, 1.4],
		suggestedLr: 0.001,
		logScale: true
	}
};

/** Surface ids in display order. */
export const SURFACE_IDS: readonly SurfaceId[] = [
	'bowl',
	'valley',
	'rosenbrock',
	'himmelblau',
	'saddle',
	'beale'
];

/** Looks up a surface by id (a {@link Surface} passes through). */
export function getSurface(surface: SurfaceId | Surface): Surface {
	if (typeof surface !== 'string') return surface;
	if (!Object.hasOwn(SURFACES, surface)) {
		throw new AnatomyError(
			'invalid-argument',
			`unknown surface "${surface}" (known: ${SURFACE_IDS.join(', ')})`
		);
	}
	return SURFACES[surface];
}

/** A function value grid for contour plots. */
export interface SurfaceGrid {
	readonly nx: number;
	readonly ny: number;
	/** The nx sample abscissae, ascending. */
	readonly x: Float64Array;
	/** The ny sample ordinates, ascending. */
	readonly y: Float64Array;
	/** f at (x[i], y[j]) in `values[j·nx + i]` (rows of constant y, the layout d3-contour reads). */
	readonly values: Float64Array;
	/** Smallest and largest value on the grid. */
	readonly min: number;
	readonly max: number;
}

/**
 * Samples f on an nx × ny grid spanning the surface's domain (or `domain`), corners included.
 * @throws AnatomyError `out-of-range` unless 2 ≤ nx, ny ≤ 4096.
 */
export function sampleGrid(
	surface: SurfaceId | Surface,
	nx: number,
	ny: number,
	domain?: Surface['domain']
): SurfaceGrid {
	const s = getSurface(surface);
	checkInt(nx, 'sampleGrid: nx', 2, 4096);
	checkInt(ny, 'sampleGrid: ny', 2, 4096);
	const d = domain ?? s.domain;
	const [x0, x1] = d.x;
	const [y0, y1] = d.y;
	check(
		[x0, x1, y0, y1].every(Number.isFinite) && x1 > x0 && y1 > y0,
		'sampleGrid: the domain must be finite with x0 < x1 and y0 < y1'
	);
	const x = Float64Array.from({ length: nx }, (_, i) => x0 + ((x1 - x0) * i) / (nx - 1));
	const y = Float64Array.from({ length: ny }, (_, j) => y0 + ((y1 - y0) * j) / (ny - 1));
	const values = new Float64Array(nx * ny);
	let min = Infinity;
	let max = -Infinity;
	const f = s.f;
	for (let j = 0; j < ny; j++) {
		const yj = y[j];
		const row = j * nx;
		for (let i = 0; i < nx; i++) {
			const v = f(x[i], yj);
			values[row + i] = v;
			if (v < min) min = v;
			if (v > max) max = v;
		}
	}
	return { nx, ny, x, y, values, min, max };
}

/** One optimizer in {@link runOptimizers}: a name, or a name with its own options. */
export type OptimizerSpec =
	OptimizerName | { readonly name: OptimizerName; readonly options?: Partial<OptimizerOptions> };

/** Options of {@link runOptimizers}. */
export interface RunOptimizersOptions {
	readonly surface: SurfaceId | Surface;
	/** @default every optimizer */
	readonly optimizers?: readonly OptimizerSpec[];
	/** @default the surface's start */
	readonly start?: readonly [number, number];
	/** Steps per optimizer, 0 … 100 000. @default 200 */
	readonly steps?: number;
	/** Learning rate for all (an optimizer's own options override it). @default the surface's suggestedLr */
	readonly lr?: number;
	/** [β₁, β₂] for Adam and AdamW. @default [0.9, 0.999] */
	readonly betas?: readonly [number, number];
}

/** The path of one optimizer. */
export interface Trajectory {
	readonly name: OptimizerName;
	/** Points θ₀ … θ_k (k = steps, or the step at which it diverged). */
	readonly points: SurfacePoint[];
	/** Optimizer state after each step (states[i] led from points[i] to points[i + 1]). */
	readonly states: OptimizerState[];
	/** The gradient at each point before the last. */
	readonly grads: [number, number][];
	/** True if the run left the finite range or went 100× the domain's size away (it stops there). */
	readonly diverged: boolean;
	/** The step at which it diverged, or null. */
	readonly divergedAt: number | null;
	/** The last point. */
	readonly final: SurfacePoint;
	/** The nearest listed minimum to the last point and its distance. */
	readonly nearestMinimum: { readonly index: number; readonly distance: number } | null;
}

/**
 * Runs several optimizers from the same start on a surface and records every point and state.
 * A run stops early when it diverges (non-finite values, or |θ| beyond 100× the domain's extent).
 *
 * @throws AnatomyError for an unknown surface or optimizer, a bad learning rate or betas, a
 *   non-finite start, or `steps` outside 0 … 100 000.
 */
export function runOptimizers(options: RunOptimizersOptions): Trajectory[] {
	const s = getSurface(options.surface);
	const steps = options.steps ?? 200;
	checkInt(steps, 'runOptimizers: steps', 0, 100_000);
	const start = options.start ?? s.start;
	check(
		start.length === 2 && Number.isFinite(start[0]) && Number.isFinite(start[1]),
		'runOptimizers: start must be two finite numbers'
	);
	const [beta1, beta2] = options.betas ?? [0.9, 0.999];
	const extent = Math.max(...s.domain.x.map(Math.abs), ...s.domain.y.map(Math.abs), 1);
	const specs = options.optimizers ?? OPTIMIZER_NAMES;
	return specs.map((spec) => {
		const name = typeof spec === 'string' ? spec : spec.name;
		const own = typeof spec === 'string' ? {} : (spec.options ?? {});
		const opt = createOptimizer(name, {
			lr: options.lr ?? s.suggestedLr,
			beta1,
			beta2,
			divergenceLimit: 100 * extent,
			...own
		});
		let p: Float64Array = Float64Array.of(start[0], start[1]);
		const points: SurfacePoint[] = [pt(p[0], p[1], s.f(p[0], p[1]))];
		const states: OptimizerState[] = [];
		const grads: [number, number][] = [];
		let divergedAt: number | null = null;
		for (let t = 1; t <= steps; t++) {
			const g = s.grad(p[0], p[1]);
			grads.push(g);
			const r = opt.step(p, g);
			p = r.params;
			const f = s.f(p[0], p[1]);
			states.push(r.state);
			points.push(pt(p[0], p[1], f));
			if (r.state.diverged || !Number.isFinite(f)) {
				divergedAt = t;
				break;
			}
		}
		const final = points[points.length - 1];
		let nearestMinimum: Trajectory['nearestMinimum'] = null;
		s.minima.forEach((m, index) => {
			const distance = Math.hypot(final.x - m.x, final.y - m.y);
			if (Number.isFinite(distance) && (!nearestMinimum || distance < nearestMinimum.distance)) {
				nearestMinimum = { index, distance };
			}
		});
		return { name, points, states, grads, diverged: divergedAt !== null, divergedAt, final, nearestMinimum };
	});
}
