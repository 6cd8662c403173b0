/**
 * Readings of an optimizer race at a given step: where each optimizer is, its loss there, and how
 * far it is from the nearest known minimum of the surface, so that a UI can replay trajectories
 * from {@link runOptimizers} one step at a time.
 */
import type { OptimizerName } from './optimizers.js';
import type { Surface, SurfacePoint, Trajectory } from './surfaces.js';

/** The nearest listed minimum of a surface to a point. */
export interface NearestMinimum {
	/** Index into `surface.minima`. */
	readonly index: number;
	readonly minimum: SurfacePoint;
	/** Euclidean distance √((x − x*)² + (y − y*)²), in the surface's units. */
	readonly distance: number;
}

/**
 * The minimum of `surface.minima` nearest to (x, y) by Euclidean distance; ties go to the first
 * listed. Null when the surface lists no minima or the point is not finite.
 */
export function nearestMinimum(
	surface: Pick<Surface, 'minima'>,
	x: number,
	y: number
): NearestMinimum | null {
	if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
	let best: NearestMinimum | null = null;
	surface.minima.forEach((minimum, index) => {
		const distance = Math.hypot(x - minimum.x, y - minimum.y);
		if (!best || distance < best.distance) best = { index, minimum, distance };
	});
	return best;
}

/** One optimizer at one step of a race. */
export interface RaceReading {
	readonly name: OptimizerName;
	/** The step shown: min(step asked for, the last step this optimizer took). */
	readonly step: number;
	readonly x: number;
	readonly y: number;
	/** f(x, y). */
	readonly loss: number;
	/** Distance to the nearest minimum, or null (no minima, or a non-finite point). */
	readonly distance: number | null;
	/** True once the replay has reached the step at which this optimizer diverged. */
	readonly diverged: boolean;
}

/** The number of steps in a race: the longest trajectory's steps (a diverged run stops early). */
export function raceLength(trajectories: readonly Trajectory[]): number {
	let n = 0;
	for (const t of trajectories) n = Math.max(n, t.points.length - 1);
	return n;
}

/**
 * Every optimizer's reading after `step` steps. A step beyond a trajectory's end shows its last
 * point; a negative, fractional or NaN step is read as ⌊step⌋ clamped to 0.
 */
export function readingsAt(
	surface: Pick<Surface, 'minima'>,
	trajectories: readonly Trajectory[],
	step: number
): RaceReading[] {
	const k = Number.isFinite(step) ? Math.max(0, Math.floor(step)) : 0;
	return trajectories.map((t) => {
		const i = Math.min(k, t.points.length - 1);
		const p = t.points[i];
		return {
			name: t.name,
			step: i,
			x: p.x,
			y: p.y,
			loss: p.f,
			distance: nearestMinimum(surface, p.x, p.y)?.distance ?? null,
			diverged: t.divergedAt !== null && i >= t.divergedAt
		};
	});
}
