/**
 * The internal run of TrainingCurve, used when no `history` is given: the core's weight-field run
 * trained through a schedule of phases a few steps per frame, its history published as it grows.
 *
 * Where a Web Worker starts, the run lives there (the same deterministic run, so the same curve):
 * each frame asks it for the next few steps while none are on their way, and the page only draws.
 * Without one, or when it fails, the run steps on the main thread.
 */
import { AnatomyError } from '../../core/errors.js';
import {
	createWeightFieldWorkerClient,
	type WeightFieldFrame,
	type WeightFieldWorkerClient
} from '../../core/train/weightfield/worker-protocol.js';
import type { TrainerWorker } from '../WeightField/weight-field.svelte.js';
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

/** Where the internal run steps. */
export type CurveTrainerMode = 'worker' | 'main';

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
	/** Where the run steps: in a worker, on the main thread, or null while the worker is starting. */
	mode: CurveTrainerMode | null = $state(null);
	readonly schedule: TrainingCurvePhase[];
	readonly total: number;
	readonly #seed: number;
	#run: WeightFieldRun | null = null;
	#phase = 0;
	#inPhase = 0;
	// In a worker.
	#worker: TrainerWorker | null = null;
	#client: WeightFieldWorkerClient | null = null;
	#history: WeightFieldHistoryPoint[] = [];
	#stage: WeightFieldTrainStage | null = null;
	#busy = false;
	#disposed = false;

	/**
	 * `worker` starts a worker running `core/train/weightfield/worker.ts` (or returns null where
	 * there are none); without it, or when it throws or fails, the run steps on the main thread.
	 */
	constructor(
		seed: number,
		schedule: readonly TrainingCurvePhase[] | undefined,
		worker?: () => TrainerWorker | null
	) {
		this.schedule = safeSchedule(schedule);
		this.total = this.schedule.reduce((a, p) => a + p.steps, 0);
		this.#seed = Number.isFinite(seed) ? seed : 42;
		let w: TrainerWorker | null;
		try {
			w = worker?.() ?? null;
		} catch {
			w = null; // workers forbidden here (e.g. by a content security policy)
		}
		if (w) this.#startInWorker(w);
		else this.#startHere();
	}

	#startHere() {
		this.mode = 'main';
		try {
			this.#run = createWeightFieldRun({ seed: this.#seed });
			this.#run.setStage(this.schedule[this.#phase]?.stage ?? 'pretrain');
			this.uniformLoss = this.#run.metrics().uniformLoss;
			// Steps the worker had already taken are taken again: the run is deterministic, so the
			// curve goes on exactly as it would have.
			const trained = this.trained;
			this.#phase = 0;
			this.#inPhase = 0;
			this.trained = 0;
			while (this.trained < trained && this.#advanceHere(1, false)) {
				/* replay */
			}
			this.points = this.#run.history.slice();
		} catch (e) {
			this.error = e instanceof AnatomyError || e instanceof Error ? e.message : String(e);
			this.done = true;
		}
	}

	#startInWorker(worker: TrainerWorker) {
		this.#worker = worker;
		const client = createWeightFieldWorkerClient(worker, { onFailure: () => this.#fallBack() });
		this.#client = client;
		this.#busy = true;
		const stage = this.schedule[0].stage;
		client.create({ seed: this.#seed }, { stage }).then(
			({ frame }) => {
				if (this.#disposed || this.#client !== client) return;
				this.#stage = stage;
				this.uniformLoss = frame.metrics.uniformLoss;
				this.mode = 'worker';
				this.#busy = false;
				client.ack(frame.seq, [frame.weights, frame.updates]);
			},
			(e: unknown) => {
				if (this.#disposed || this.#client !== client) return;
				if (client.failed) return; // onFailure falls back
				this.error = e instanceof Error ? e.message : String(e);
				this.done = true;
				this.#stopWorker();
			}
		);
	}

	/** The worker failed to start or crashed: carry on on the main thread from where it was. */
	#fallBack() {
		if (this.#disposed) return;
		this.#stopWorker();
		this.#busy = false;
		this.#startHere();
	}

	#stopWorker() {
		this.#client?.dispose();
		this.#client = null;
		this.#worker?.terminate();
		this.#worker = null;
	}

	/**
	 * Trains up to `n` steps; returns whether more remain. `publish` copies the history out (the
	 * whole history is published at the end in any case). In a worker the steps are asked for here
	 * and arrive later; nothing is asked while an answer is on its way.
	 */
	advance(n: number, publish = true): boolean {
		if (this.done || this.#disposed) return false;
		if (this.#run) return this.#advanceHere(n, publish);
		if (this.#client && !this.#busy && this.mode === 'worker') this.#askWorker(this.#client, n, publish);
		return !this.done;
	}

	#advanceHere(n: number, publish = true): boolean {
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

	async #askWorker(client: WeightFieldWorkerClient, n: number, publish: boolean) {
		this.#busy = true;
		try {
			const phase = this.schedule[this.#phase];
			const stage = phase.stage as WeightFieldTrainStage;
			if (this.#stage !== stage) {
				const f = await client.setStage(stage);
				if (this.#client !== client) return;
				this.#stage = stage;
				this.#take(client, f);
			}
			const k = Math.max(1, Math.min(n, phase.steps - this.#inPhase));
			const frame = await client.step(k);
			if (this.#client !== client) return;
			const added = this.#take(client, frame);
			this.trained += added;
			this.#inPhase += added;
			// A diverged step adds nothing to the history: the schedule ends there.
			if (added < k) this.#phase = this.schedule.length;
			else if (this.#inPhase >= phase.steps) {
				this.#phase++;
				this.#inPhase = 0;
			}
			this.done = this.#phase >= this.schedule.length;
			if (publish || this.done) this.points = this.#history.slice();
			if (this.done) this.#stopWorker();
		} catch {
			// a failed worker falls back through onFailure; a disposed one has nothing left to do
		} finally {
			if (this.#client === client) this.#busy = false;
		}
	}

	/** Keeps a frame's history points and hands its buffers back; returns how many points it added. */
	#take(client: WeightFieldWorkerClient, frame: WeightFieldFrame): number {
		if (frame.historyReset) this.#history = [];
		this.#history.push(...frame.history);
		client.ack(frame.seq, [frame.weights, frame.updates]);
		return frame.history.length;
	}

	dispose(): void {
		this.#disposed = true;
		this.#run = null;
		this.#stopWorker();
	}
}
