/**
 * The internal run of TrainingCurve, used when no `history` is given: the core's weight-field run
 * trained through a schedule of phases a few steps per frame, its history published as it grows.
 */
import { AnatomyError } from '../../core/errors.js';
import {
	createWeightFieldRun,
	type WeightFieldHistoryPoint,
	type WeightFieldRun,
	type WeightFieldTrainStage
} from '../../core/train/weightfield/run.js';
import type { TrainingCurvePhase } from './types.js';

/** Most steps the internal run trains in all. */
export const MAX_SCHEDULE_STEPS = 5000;

export const DEFAULT_SCHEDULE: readonly TrainingCurvePhase[] = Object.freeze([
	{ stage: 'pretrain', steps: 300 },
	{ stage: 'finetune-full', steps: 100 },
	{ stage: 'finetune-lora', steps: 100 }
]);

const STAGES: readonly string[] = ['pretrain', 'finetune-full', 'finetune-lora'];

/**
 * Keeps the phases that name a training stage, with whole step counts ≥ 1, cut so the total is at
 * most {@link MAX_SCHEDULE_STEPS}. Returns the default schedule when nothing usable is left.
 */
export function safeSchedule(schedule: readonly TrainingCurvePhase[] | undefined): TrainingCurvePhase[] {
	const out: TrainingCurvePhase[] = [];
	let total = 0;
	for (const p of Array.isArray(schedule) ? schedule : []) {
		if (!p || !STAGES.includes(p.stage) || !Number.isFinite(p.steps)) continue;
		const steps = Math.min(Math.floor(p.steps), MAX_SCHEDULE_STEPS - total);
		if (steps < 1) continue;
		out.push({ stage: p.stage, steps });
		total += steps;
	}
	return out.length ? out : DEFAULT_SCHEDULE.map((p) => ({ ...p }));
}

export class CurveTrainer {
	/** The history so far (a copy, replaced as it grows). */
	points: readonly WeightFieldHistoryPoint[] = $state.raw([]);
	/** Steps trained so far. */
	trained = $state(0);
	/** The whole schedule has been trained. */
	done = $state(false);
	/** Why the run could not start. */
	error: string | null = $state(null);
	/** ln V of the run. */
	uniformLoss = $state(NaN);
	readonly schedule: TrainingCurvePhase[];
	readonly total: number;
	#run: WeightFieldRun | null = null;
	#phase = 0;
	#inPhase = 0;

	constructor(seed: number, schedule: readonly TrainingCurvePhase[] | undefined) {
		this.schedule = safeSchedule(schedule);
		this.total = this.schedule.reduce((a, p) => a + p.steps, 0);
		try {
			this.#run = createWeightFieldRun({ seed: Number.isFinite(seed) ? seed : 42 });
			this.#run.setStage(this.schedule[0].stage);
			this.uniformLoss = this.#run.metrics().uniformLoss;
		} catch (e) {
			this.error = e instanceof AnatomyError || e instanceof Error ? e.message : String(e);
			this.done = true;
		}
	}

	/** Trains up to `n` steps; returns whether more remain. `publish` copies the history out. */
	advance(n: number, publish = true): boolean {
		const run = this.#run;
		if (!run || this.done) return false;
		for (let i = 0; i < n && this.#phase < this.schedule.length; i++) {
			const phase = this.schedule[this.#phase];
			if (run.stage !== phase.stage) run.setStage(phase.stage as WeightFieldTrainStage);
			const before = run.history.length;
			run.step(1);
			// A diverged step adds nothing to the history: the schedule ends there.
			if (run.history.length === before) {
				this.#phase = this.schedule.length;
				break;
			}
			this.trained++;
			if (++this.#inPhase >= phase.steps) {
				this.#phase++;
				this.#inPhase = 0;
			}
		}
		this.done = this.#phase >= this.schedule.length;
		if (publish || this.done) this.points = run.history.slice();
		return !this.done;
	}

	dispose(): void {
		this.#run = null;
	}
}
