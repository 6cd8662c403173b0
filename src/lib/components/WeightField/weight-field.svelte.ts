/**
 * Behaviour of WeightField, kept out of the view: the core's training run and two speeds of
 * reactive metrics: `metrics` for the visible readouts (about 10 updates a second) and `spoken`
 * for everything a screen reader hears or a table holds (the figure caption, the data table), at
 * most every {@link SPEAK_INTERVAL_MS} while playing.
 *
 * The run lives in a Web Worker when one starts (`core/train/weightfield/worker.ts`): the worker
 * steps at the target rate and posts frames (metrics, new history points, the weights and their
 * last updates in transferred buffers); the main thread shows the latest frame once per animation
 * frame, acknowledges it and hands the buffers of older frames back. It never waits for the
 * worker. Where there is no `Worker`, or the worker fails to start (an `error` event), the run
 * steps on the main thread instead, at most once per animation frame, and `trainer` says which.
 */
import { AnatomyError } from '../../core/errors.js';
import {
	weightFieldLayout,
	type WeightFieldGroup,
	type WeightFieldModelConfig
} from '../../core/train/weightfield/layout.js';
import { WEIGHT_FIELD_ALPHABET } from '../../core/train/weightfield/vocab.js';
import {
	createWeightFieldRun,
	type WeightFieldHistoryPoint,
	type WeightFieldMetrics,
	type WeightFieldRun,
	type WeightFieldRunOptions,
	type WeightFieldSnapshot,
	type WeightFieldStage,
	type WeightFieldTrainStage
} from '../../core/train/weightfield/run.js';
import {
	createWeightFieldWorkerClient,
	type WeightFieldFrame,
	type WeightFieldWorkerClient,
	type WeightFieldWorkerLike
} from '../../core/train/weightfield/worker-protocol.js';
import { FrameLoop } from '../shared/loop.js';

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

/** History points kept (the run's own default). */
export const HISTORY_LIMIT = 5000;

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

/** Where the run steps: in a Web Worker, or on the main thread. */
export type WeightFieldTrainer = 'worker' | 'main';

/** A worker the lab can own: the protocol's Worker-like part and `terminate`. */
export type TrainerWorker = WeightFieldWorkerLike & { terminate(): void };

/** Options of {@link WeightFieldLab}. */
export interface WeightFieldLabOptions {
	/**
	 * Starts a worker running `core/train/weightfield/worker.ts`, or returns null where there are
	 * none. Without it (or when it throws or the worker fails) the run steps on the main thread.
	 */
	worker?: () => TrainerWorker | null;
}

/** The run's shape and stage: the run itself on the main thread, what the worker reported otherwise. */
export interface WeightFieldRunInfo {
	readonly config: WeightFieldModelConfig;
	readonly groups: readonly WeightFieldGroup[];
	readonly weightCount: number;
	readonly stage: WeightFieldStage;
}

/** What the field draws: the weights, their last updates, the groups and the stage (a run snapshot fits). */
export interface WeightFieldPicture extends Pick<
	WeightFieldSnapshot,
	'stage' | 'weights' | 'updates' | 'groups'
> {
	/** The LoRA adapters' rank and scale in `finetune-lora`; null otherwise. */
	adapters: { rank: number; scale: number } | null;
}

/** `requestAnimationFrame` and `cancelAnimationFrame` of the window the view lives in. */
export interface FrameClock {
	raf: (callback: (time: number) => void) => number;
	caf: (id: number) => void;
}

const TRAIN_STAGES: WeightFieldTrainStage[] = ['pretrain', 'finetune-full', 'finetune-lora'];

/** What happened in one {@link WeightFieldLab.advance}, or in the frames one publish shows. */
export interface AdvanceResult {
	/** A step was taken (the weights may have changed). */
	stepped: boolean;
	/** This step finished a training stage's schedule. */
	finished: boolean;
	/** The run is (now) diverged. */
	diverged: boolean;
	/** Progress listeners are due (see {@link PROGRESS_INTERVAL_MS}). */
	progress: boolean;
	/** The step was sent to the worker: its outcome comes through `onAdvance`. */
	pending?: boolean;
}

const IDLE: AdvanceResult = { stepped: false, finished: false, diverged: false, progress: false };

interface PlaySession {
	rate: number;
	clock: FrameClock;
	loop: FrameLoop | null;
}

export class WeightFieldLab {
	/** The run's shape and stage, once it exists (created in the browser). */
	run: WeightFieldRunInfo | null = $state.raw(null);
	/** Where the run steps, once it exists. */
	trainer: WeightFieldTrainer | null = $state(null);
	/** Metrics for the visible readouts. */
	metrics: WeightFieldMetrics | null = $state.raw(null);
	/** Metrics for the caption and data table (throttled). */
	spoken: WeightFieldMetrics | null = $state.raw(null);
	/** Why the run could not start or step. */
	error: string | null = $state(null);
	/** Bumped whenever the weights change, so the view knows to redraw. */
	version = $state(0);
	/**
	 * Called with what happened: after each step on the main thread, and each time a worker frame
	 * is shown (steps, or a reply to a stage change, reset or pause).
	 */
	onAdvance: ((result: AdvanceResult) => void) | null = null;
	#lastReadout = -Infinity;
	#lastSpoken = -Infinity;
	#lastProgress = -Infinity;
	#snapshot: WeightFieldSnapshot | null = null;
	#snapshotVersion = -1;
	#stageSteps: Readonly<Record<WeightFieldTrainStage, number>>;
	#startWorker: (() => TrainerWorker | null) | null;
	#args: { seed: number; learningRate: number | undefined } = { seed: 42, learningRate: undefined };
	/** The learning rate last applied (for a fallback to the main thread). */
	#lr: number | undefined;
	#play: PlaySession | null = null;
	// On the main thread.
	#local: WeightFieldRun | null = null;
	// In a worker.
	#worker: TrainerWorker | null = null;
	#client: WeightFieldWorkerClient | null = null;
	/** The stage last asked for (the worker's answer may still be on its way). */
	#stage: WeightFieldStage = 'pretrain';
	#received: WeightFieldFrame | null = null;
	#shown: WeightFieldFrame | null = null;
	#picture: WeightFieldPicture | null = null;
	#history: WeightFieldHistoryPoint[] = [];
	/** Arrays of frames no longer needed, to hand back to the worker. */
	#spare: Float32Array[] = [];
	#steps = 0;
	#finished = false;

	/** `stageSteps`: the length of each training stage's schedule; `options.worker`: see {@link WeightFieldLabOptions}. */
	constructor(
		stageSteps: Readonly<Record<WeightFieldTrainStage, number>> = STAGE_STEPS,
		options: WeightFieldLabOptions = {}
	) {
		this.#stageSteps = stageSteps;
		this.#startWorker = options.worker ?? null;
	}

	/** Training steps of a stage's schedule (Infinity for inference). */
	stageLength(stage: WeightFieldStage): number {
		return stage === 'inference' ? Infinity : this.#stageSteps[stage];
	}

	/**
	 * Creates a fresh run, in a worker if one starts. With a bad learning rate the run starts with
	 * its defaults and `error` says why. Returns whether a run exists or is on its way.
	 */
	create(seed: number, learningRate: number | undefined, stage: WeightFieldStage): boolean {
		this.#teardown();
		this.error = null;
		this.#args = { seed, learningRate };
		this.#lr = learningRate;
		let worker: TrainerWorker | null;
		try {
			worker = this.#startWorker?.() ?? null;
		} catch {
			worker = null; // workers forbidden here (e.g. by a content security policy)
		}
		if (worker) {
			this.#createInWorker(worker, stage);
			return true;
		}
		return this.#createLocal(stage);
	}

	/** Forgets the run and terminates the worker (unmount). */
	dispose(): void {
		this.#teardown();
		this.run = null;
		this.trainer = null;
	}

	/** Switches the stage (a no-op if already there). */
	setStage(stage: WeightFieldStage): void {
		const client = this.#client;
		if (client) {
			if (this.#stage === stage) return;
			this.#stage = stage;
			client.setStage(stage).catch((e) => this.#failed(client, e));
			return;
		}
		const run = this.#local;
		if (!run || run.stage === stage) return;
		this.#guard(() => run.setStage(stage));
		this.#changed();
		this.sync(0, true);
	}

	/** Sets the peak learning rate of every training stage; a bad value leaves the run as it was and says why. */
	setLearningRate(lr: number): void {
		const client = this.#client;
		if (client) {
			client.setLearningRate(lr, TRAIN_STAGES).then(
				() => {
					if (this.#client !== client) return;
					this.#lr = lr;
					this.error = null;
				},
				(e) => this.#failed(client, e)
			);
			return;
		}
		const run = this.#local;
		if (!run) return;
		const ok = this.#guard(() => {
			for (const s of TRAIN_STAGES) run.setLearningRate(lr, s);
		});
		if (ok) {
			this.#lr = lr;
			this.error = null;
		}
		this.sync(0, true);
	}

	/** Back to the start (same seed); the stage goes back to pretraining. */
	reset(): void {
		const client = this.#client;
		if (client) {
			this.#stage = 'pretrain';
			client.reset().catch((e) => this.#failed(client, e));
			return;
		}
		const run = this.#local;
		if (!run) return;
		this.#guard(() => run.reset());
		this.#changed();
		this.sync(0, true);
	}

	/**
	 * Takes one step (a training step, or one generated token). On the main thread the result is
	 * returned (and passed to `onAdvance`); a worker's comes later, through `onAdvance`.
	 */
	advance(now: number, force = false): AdvanceResult {
		const client = this.#client;
		if (client) {
			if (!this.run) return IDLE;
			client.step(1, { ...this.#stageSteps }).catch((e) => this.#failed(client, e));
			return { ...IDLE, pending: true };
		}
		const run = this.#local;
		if (!run) return IDLE;
		const before = run.metrics();
		if (before.diverged && before.stage !== 'inference') {
			this.sync(now, true);
			return this.#report({ stepped: false, finished: false, diverged: true, progress: true });
		}
		let after: WeightFieldMetrics = before;
		const ok = this.#guard(() => {
			after = run.step(1);
		});
		if (!ok) return IDLE;
		if (after.stage !== 'inference') this.#changed();
		const total = this.stageLength(after.stage);
		const finished = before.step < total && after.step >= total;
		const progress = this.sync(now, force || finished || after.diverged);
		return this.#report({ stepped: true, finished, diverged: after.diverged, progress });
	}

	/**
	 * Plays at `rate` steps per second until the returned function is called (or the schedule
	 * ends, or the run diverges: `onAdvance` says so). In a worker the worker keeps time and this
	 * shows its latest frame once per animation frame; on the main thread it steps at most once per
	 * animation frame.
	 */
	play(rate: number, clock: FrameClock): () => void {
		this.#stopPlaying();
		const session: PlaySession = { rate, clock, loop: null };
		this.#play = session;
		this.#startPlaying();
		return () => {
			if (this.#play === session) this.#stopPlaying();
		};
	}

	/** What the field draws: the run's snapshot (copied at most once per weight change) or the worker's latest frame shown. */
	snapshot(): WeightFieldPicture | null {
		// Read `version` in both cases, so that a view reading the snapshot redraws when it changes.
		const version = this.version;
		if (this.#client) return this.#picture;
		const run = this.#local;
		if (!run) return null;
		if (this.#snapshotVersion !== version || !this.#snapshot) {
			this.#snapshot = run.snapshot();
			this.#snapshotVersion = version;
		}
		return this.#snapshot;
	}

	/** The metrics of the state on show (not throttled). */
	current(): WeightFieldMetrics | null {
		if (this.#local) return this.#local.metrics();
		return this.#shown?.metrics ?? null;
	}

	/** The history of training steps (oldest first). */
	history(): readonly WeightFieldHistoryPoint[] {
		return this.#local ? this.#local.history : this.#history;
	}

	/**
	 * Publishes metrics: the readouts at most every {@link READOUT_INTERVAL_MS}, the spoken ones
	 * at most every {@link SPEAK_INTERVAL_MS}; `force` publishes both now (pause, step, stage).
	 * Returns whether progress listeners are due.
	 */
	sync(now: number, force = false): boolean {
		const m = this.current();
		if (!m) return false;
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

	#runOptions(): { options: WeightFieldRunOptions; base: WeightFieldRunOptions } {
		const { seed, learningRate } = this.#args;
		const base: WeightFieldRunOptions = {
			...TOY_MODEL,
			seed: Number.isFinite(seed) ? seed : 42,
			stageSteps: { ...this.#stageSteps },
			historyLimit: HISTORY_LIMIT
		};
		const lr =
			learningRate === undefined
				? undefined
				: { pretrain: learningRate, 'finetune-full': learningRate, 'finetune-lora': learningRate };
		return { options: { ...base, lr }, base };
	}

	#createLocal(stage: WeightFieldStage): boolean {
		const { options, base } = this.#runOptions();
		let run: WeightFieldRun | null = null;
		try {
			run = createWeightFieldRun(options);
		} catch (e) {
			this.error = reasonOf(e);
			try {
				run = createWeightFieldRun(base);
			} catch (e2) {
				this.error = reasonOf(e2);
			}
		}
		this.#local = run;
		this.run = run;
		this.trainer = run ? 'main' : null;
		if (run && stage !== 'pretrain') this.#guard(() => run.setStage(stage));
		this.#changed();
		this.sync(0, true);
		return run !== null;
	}

	#createInWorker(worker: TrainerWorker, stage: WeightFieldStage) {
		const client: WeightFieldWorkerClient = createWeightFieldWorkerClient(worker, {
			onFrame: (frame) => this.#receive(client, frame),
			onFailure: () => this.#fallBack(client)
		});
		this.#worker = worker;
		this.#client = client;
		this.#stage = stage;
		const { options, base } = this.#runOptions();
		client.create(options, { retryWith: base, stage }).then(
			({ info, frame, warning }) => {
				if (this.#client !== client) return;
				if (warning) this.error = warning.message;
				this.trainer = 'worker';
				this.run = {
					config: info.config,
					groups: info.groups,
					weightCount: info.weightCount,
					stage: (this.#shown ?? frame).metrics.stage
				};
			},
			(e) => this.#failed(client, e)
		);
	}

	/** A frame from the worker: kept, and shown now unless playing (then at the next animation frame). */
	#receive(client: WeightFieldWorkerClient, frame: WeightFieldFrame) {
		if (this.#client !== client) return;
		if (frame.historyReset) this.#history = [];
		for (const p of frame.history) this.#history.push(p);
		if (this.#history.length > HISTORY_LIMIT) this.#history.splice(0, this.#history.length - HISTORY_LIMIT);
		this.#steps += frame.steps;
		this.#finished ||= frame.finished;
		const previous = this.#received;
		if (previous && previous !== this.#shown) this.#spare.push(previous.weights, previous.updates);
		this.#received = frame;
		if (!this.#play) this.#publish(performance.now(), true);
	}

	/** Shows the latest frame received (if not shown yet) and acknowledges it. */
	#publish(now: number, force: boolean) {
		const frame = this.#received;
		const client = this.#client;
		if (!frame || !client || frame === this.#shown) return;
		const previous = this.#shown;
		if (previous) this.#spare.push(previous.weights, previous.updates);
		const stage = frame.metrics.stage;
		// The groups change only with the stage: keep one array so the renderer's frozen mask stays cached.
		const groups = this.#picture && previous?.metrics.stage === stage ? this.#picture.groups : frame.groups;
		this.#shown = frame;
		this.#picture = {
			stage,
			weights: frame.weights,
			updates: frame.updates,
			groups,
			adapters: frame.adapters
		};
		if (this.run && this.run.stage !== stage) this.run = { ...this.run, stage };
		this.#changed();
		const steps = this.#steps;
		const finished = this.#finished;
		this.#steps = 0;
		this.#finished = false;
		const diverged = frame.metrics.diverged && stage !== 'inference';
		const progress = this.sync(now, force || finished || diverged);
		client.ack(frame.seq, this.#spare);
		this.#spare = [];
		this.#report({ stepped: steps > 0, finished, diverged, progress });
	}

	#startPlaying() {
		const session = this.#play;
		if (!session) return;
		session.loop?.stop();
		const { raf, caf } = session.clock;
		const client = this.#client;
		if (client) {
			// The worker keeps time and waits for each frame to be shown (ahead: 1), so it makes at
			// most one step per animation frame and stops when the page stops drawing.
			client
				.play(session.rate, { stageLengths: { ...this.#stageSteps }, ahead: 1 })
				.catch((e) => this.#failed(client, e));
			session.loop = new FrameLoop({ raf, caf, frame: (now) => this.#publish(now, false) });
		} else {
			const interval = 1000 / session.rate;
			let last = -Infinity;
			session.loop = new FrameLoop({
				raf,
				caf,
				frame: (now) => {
					// At most one core step per frame, so a frame stays short.
					if (now - last < interval - 1) return;
					last = now;
					const r = this.advance(now);
					if (r.finished || r.diverged) return false;
				}
			});
		}
		session.loop.start();
	}

	#stopPlaying() {
		const session = this.#play;
		if (!session) return;
		this.#play = null;
		session.loop?.stop();
		const client = this.#client;
		if (client) client.pause().catch((e) => this.#failed(client, e));
	}

	/** The worker failed to start or crashed: the same run (seed, stage, rate) on the main thread. */
	#fallBack(client: WeightFieldWorkerClient) {
		if (this.#client !== client) return;
		const session = this.#play;
		const stage = this.#stage;
		const lr = this.#lr;
		session?.loop?.stop();
		this.#play = null;
		this.#teardown();
		this.#createLocal(stage);
		if (lr !== this.#args.learningRate && lr !== undefined) this.setLearningRate(lr);
		if (session && this.#local) {
			this.#play = session;
			this.#startPlaying();
		}
	}

	/** A request failed: say why, unless the worker is gone (then the fallback takes over). */
	#failed(client: WeightFieldWorkerClient, e: unknown) {
		if (this.#client !== client || client.failed) return;
		this.error = reasonOf(e);
	}

	#teardown() {
		const session = this.#play;
		this.#play = null;
		session?.loop?.stop();
		this.#client?.dispose();
		this.#worker?.terminate();
		this.#client = null;
		this.#worker = null;
		this.#local = null;
		this.#snapshot = null;
		this.#received = null;
		this.#shown = null;
		this.#picture = null;
		this.#history = [];
		this.#spare = [];
		this.#steps = 0;
		this.#finished = false;
	}

	#report(result: AdvanceResult): AdvanceResult {
		this.onAdvance?.(result);
		return result;
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
