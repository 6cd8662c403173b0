/**
 * Behaviour of WeightField, kept out of the view: the core's training run, stepping it at most
 * once per frame, and two speeds of reactive metrics: `metrics` for the visible readouts (about
 * 10 updates a second) and `spoken` for everything a screen reader hears or a table holds (the
 * figure caption, the data table), at most every {@link SPEAK_INTERVAL_MS} while playing.
 */
import { AnatomyError } from '../../core/errors.js';
import { weightFieldLayout } from '../../core/train/weightfield/layout.js';
import { WEIGHT_FIELD_ALPHABET } from '../../core/train/weightfield/vocab.js';
import {
	createWeightFieldRun,
	type WeightFieldHistoryPoint,
	type WeightFieldMetrics,
	type WeightFieldRun,
	type WeightFieldSnapshot,
	type WeightFieldStage,
	type WeightFieldTrainStage
} from '../../core/train/weightfield/run.js';

/** Training steps of each stage's learning-rate schedule (warm-up, then cosine to 10 %). */
export const STAGE_STEPS: Readonly<Record<WeightFieldTrainStage, number>> = Object.freeze({
	pretrain: 800,
	'finetune-full': 300,
	'finetune-lora': 300
});

/** Size of the toy model the field shows (the run's feed-forward width is 4 × dModel). */
export const TOY_MODEL = Object.freeze({ dModel: 24, heads: 2, context: 24 });

/** Weights of the toy model, from the core's layout (before any run exists, e.g. on the server). */
export function toyWeightCount(): number {
	const { dModel, heads, context } = TOY_MODEL;
	return weightFieldLayout({ vocab: WEIGHT_FIELD_ALPHABET.length, dModel, heads, context, ff: 4 * dModel })
		.count;
}

/** Visible readouts refresh at most this often (ms). */
export const READOUT_INTERVAL_MS = 100;
/** The caption and the data table (what assistive technology reads) refresh at most this often while playing (ms). */
export const SPEAK_INTERVAL_MS = 8000;
/** `onProgress` is called at most this often while playing (ms). */
export const PROGRESS_INTERVAL_MS = 250;

const STAGES: readonly WeightFieldStage[] = ['pretrain', 'finetune-full', 'finetune-lora', 'inference'];

/** A stage name, or 'pretrain' for anything else. */
export function safeStage(stage: unknown): WeightFieldStage {
	return STAGES.includes(stage as WeightFieldStage) ? (stage as WeightFieldStage) : 'pretrain';
}

/** Message of an error for display: an AnatomyError's own message, or its string. */
export function reasonOf(e: unknown): string {
	return e instanceof AnatomyError || e instanceof Error ? e.message : String(e);
}

/** What happened in one {@link WeightFieldLab.advance}. */
export interface AdvanceResult {
	/** A step was taken (the weights may have changed). */
	stepped: boolean;
	/** This step finished a training stage's schedule. */
	finished: boolean;
	/** The run is (now) diverged. */
	diverged: boolean;
	/** Progress listeners are due (see {@link PROGRESS_INTERVAL_MS}). */
	progress: boolean;
}

export class WeightFieldLab {
	/** The run, once created in the browser. */
	run: WeightFieldRun | null = $state.raw(null);
	/** Metrics for the visible readouts. */
	metrics: WeightFieldMetrics | null = $state.raw(null);
	/** Metrics for the caption and data table (throttled). */
	spoken: WeightFieldMetrics | null = $state.raw(null);
	/** Why the run could not start or step. */
	error: string | null = $state(null);
	/** Bumped whenever the weights change, so the view knows to redraw. */
	version = $state(0);
	#lastReadout = -Infinity;
	#lastSpoken = -Infinity;
	#lastProgress = -Infinity;
	#snapshot: WeightFieldSnapshot | null = null;
	#snapshotVersion = -1;
	#stageSteps: Readonly<Record<WeightFieldTrainStage, number>>;

	/** `stageSteps`: the length of each training stage's schedule. */
	constructor(stageSteps: Readonly<Record<WeightFieldTrainStage, number>> = STAGE_STEPS) {
		this.#stageSteps = stageSteps;
	}

	/** Training steps of a stage's schedule (Infinity for inference). */
	stageLength(stage: WeightFieldStage): number {
		return stage === 'inference' ? Infinity : this.#stageSteps[stage];
	}

	/**
	 * Creates a fresh run. With a bad learning rate the run starts with its defaults and `error`
	 * says why. Returns whether a run exists.
	 */
	create(seed: number, learningRate: number | undefined, stage: WeightFieldStage): boolean {
		this.error = null;
		const lr =
			learningRate === undefined
				? undefined
				: { pretrain: learningRate, 'finetune-full': learningRate, 'finetune-lora': learningRate };
		const base = {
			...TOY_MODEL,
			seed: Number.isFinite(seed) ? seed : 42,
			stageSteps: { ...this.#stageSteps }
		};
		let run: WeightFieldRun | null = null;
		try {
			run = createWeightFieldRun({ ...base, lr });
		} catch (e) {
			this.error = reasonOf(e);
			try {
				run = createWeightFieldRun(base);
			} catch (e2) {
				this.error = reasonOf(e2);
			}
		}
		this.run = run;
		if (run && stage !== 'pretrain') this.#guard(() => run.setStage(stage));
		this.#changed();
		this.sync(0, true);
		return run !== null;
	}

	/** Forgets the run (unmount). */
	dispose(): void {
		this.run = null;
		this.#snapshot = null;
	}

	/** Switches the stage (a no-op if already there). */
	setStage(stage: WeightFieldStage): void {
		const run = this.run;
		if (!run || run.stage === stage) return;
		this.#guard(() => run.setStage(stage));
		this.#changed();
		this.sync(0, true);
	}

	/** Sets the peak learning rate of every training stage; a bad value leaves the run as it was and says why. */
	setLearningRate(lr: number): void {
		const run = this.run;
		if (!run) return;
		const ok = this.#guard(() => {
			for (const s of ['pretrain', 'finetune-full', 'finetune-lora'] as const) run.setLearningRate(lr, s);
		});
		if (ok) this.error = null;
		this.sync(0, true);
	}

	/** Back to the start (same seed); the stage goes back to pretraining. */
	reset(): void {
		const run = this.run;
		if (!run) return;
		this.#guard(() => run.reset());
		this.#changed();
		this.sync(0, true);
	}

	/** Takes one step (a training step, or one generated token). */
	advance(now: number, force = false): AdvanceResult {
		const run = this.run;
		if (!run) return { stepped: false, finished: false, diverged: false, progress: false };
		const before = run.metrics();
		if (before.diverged && before.stage !== 'inference') {
			this.sync(now, true);
			return { stepped: false, finished: false, diverged: true, progress: true };
		}
		let after: WeightFieldMetrics = before;
		const ok = this.#guard(() => {
			after = run.step(1);
		});
		if (!ok) return { stepped: false, finished: false, diverged: false, progress: false };
		if (after.stage !== 'inference') this.#changed();
		const total = this.stageLength(after.stage);
		const finished = before.step < total && after.step >= total;
		const progress = this.sync(now, force || finished || after.diverged);
		return { stepped: true, finished, diverged: after.diverged, progress };
	}

	/** The run's full state, copied at most once per weight change. */
	snapshot(): WeightFieldSnapshot | null {
		const run = this.run;
		if (!run) return null;
		if (this.#snapshotVersion !== this.version || !this.#snapshot) {
			this.#snapshot = run.snapshot();
			this.#snapshotVersion = this.version;
		}
		return this.#snapshot;
	}

	/** The history of training steps (oldest first). */
	history(): readonly WeightFieldHistoryPoint[] {
		return this.run?.history ?? [];
	}

	/**
	 * Publishes metrics: the readouts at most every {@link READOUT_INTERVAL_MS}, the spoken ones
	 * at most every {@link SPEAK_INTERVAL_MS}; `force` publishes both now (pause, step, stage).
	 * Returns whether progress listeners are due.
	 */
	sync(now: number, force = false): boolean {
		const run = this.run;
		if (!run) return false;
		const m = run.metrics();
		if (force || now - this.#lastReadout >= READOUT_INTERVAL_MS) {
			this.metrics = m;
			this.#lastReadout = now;
		}
		if (force || now - this.#lastSpoken >= SPEAK_INTERVAL_MS) {
			this.spoken = m;
			this.#lastSpoken = now;
		}
		if (force || now - this.#lastProgress >= PROGRESS_INTERVAL_MS) {
			this.#lastProgress = now;
			return true;
		}
		return false;
	}

	#changed() {
		this.version++;
	}

	#guard(f: () => void): boolean {
		try {
			f();
			return true;
		} catch (e) {
			this.error = reasonOf(e);
			return false;
		}
	}
}
