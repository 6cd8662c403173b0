/**
 * OptimizerRace: the work done once per surface (sampling a 200 × 200 grid and tracing its
 * contours with d3-contour) must stay under 50 ms; the race itself (six optimizers, 300 steps) is
 * redone on every slider move, and a replay frame only reads positions.
 */
import { bench, describe } from 'vitest';
import { contourBands, contourLevels } from '../src/lib/components/OptimizerRace/contours.js';
import { readingsAt } from '../src/lib/core/train/race.js';
import { runOptimizers, sampleGrid, SURFACES } from '../src/lib/core/train/surfaces.js';

const box = { width: 440, height: 440 };

describe('contours of a 200 × 200 grid (budget 50 ms)', () => {
	for (const id of ['himmelblau', 'rosenbrock', 'beale'] as const) {
		const s = SURFACES[id];
		bench(`${id}: sample + 18 levels (${s.logScale ? 'log' : 'linear'})`, () => {
			const grid = sampleGrid(s, 200, 200);
			contourBands(grid, contourLevels(grid.values, 18, s.logScale ? 'log' : 'linear'), box);
		});
	}
	const grid = sampleGrid('himmelblau', 200, 200);
	const levels = contourLevels(grid.values, 18, 'log');
	bench('himmelblau: 18 levels from a ready grid', () => {
		contourBands(grid, levels, box);
	});
});

describe('the race', () => {
	bench('six optimizers × 300 steps on Himmelblau', () => {
		runOptimizers({ surface: 'himmelblau', steps: 300 });
	});
	const race = runOptimizers({ surface: 'himmelblau', steps: 300 });
	bench('readings at one step (a replay frame)', () => {
		readingsAt(SURFACES.himmelblau, race, 150);
	});
});
