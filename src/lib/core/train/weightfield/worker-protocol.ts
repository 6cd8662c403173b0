/**
 * Training the weight-field run off the main thread: the typed messages between a page and
 * `worker.ts`, the handler the worker runs (a plain object fed one message at a time, with its
 * timers injected, so it is tested in Node), and a client for any Worker-like object.
 *
 * The worker owns one run. The page creates it, steps it, changes its stage, or lets it play at a
 * target rate; the worker answers every request and, while playing, posts a frame after each step.
 * A frame holds the run's metrics, the history points added since the previous frame, and the
 * weights and last updates a weight field draws, as `Float32Array`s whose buffers are transferred
 * (moved, not copied). The page acknowledges the frames it shows and may hand their buffers back
 * for reuse; while playing, the worker stays at most `ahead` frames in front of the last
 * acknowledged one, so a page that stops drawing (a hidden tab) stops the training too.
 *
 * ```ts
 * // from a module of the page (bundlers such as Vite recognise this pattern and emit the worker)
 * const worker = new Worker(new URL('./core/train/weightfield/worker.js', import.meta.url), { type: 'module' });
 * const client = createWeightFieldWorkerClient(worker, { onFrame: (f) => draw(f.weights, f.updates) });
 * await client.create({ seed: 42 });
 * await client.play(60, { ahead: 1 });
 * ```
 * Deterministic like the run itself: the same requests give bit-identical frames.
 */
import { AnatomyError, checkInt, type AnatomyErrorCode } from '../../errors.js';
import type { WeightFieldGroup, WeightFieldModelConfig } from './layout.js';
import {
	createWeightFieldRun,
	WEIGHT_FIELD_STAGES,
	type WeightFieldGroupState,
	type WeightFieldHistoryPoint,
	type WeightFieldMetrics,
	type WeightFieldRun,
	type WeightFieldRunOptions,
	type WeightFieldStage,
	type WeightFieldTrainStage
} from './run.js';

/** Steps in each training stage's schedule; a step that reaches it marks its frame `finished`. */
export type WeightFieldStageLengths = Partial<Record<WeightFieldTrainStage, number>>;

/** The run's state after a request or a step of the playing loop. */
export interface WeightFieldFrame {
	/** Frame number, counting from 1 for each handler; the page acknowledges frames by it. */
	seq: number;
	/** The run's metrics (stage, step, loss, update strength, attention spread, …). */
	metrics: WeightFieldMetrics;
	/** The weights the model computes with (the run snapshot's `weights`); its buffer is transferred. */
	weights: Float32Array;
	/** Change of each weight made by the last step (the snapshot's `updates`); transferred. */
	updates: Float32Array;
	/** The weight groups, with whether each trains in the current stage. */
	groups: WeightFieldGroupState[];
	/** The LoRA adapters' rank r and scale α / r in `finetune-lora`; null otherwise. */
	adapters: { rank: number; scale: number } | null;
	/** History points added since the previous frame, oldest first. */
	history: WeightFieldHistoryPoint[];
	/** The history restarted before `history` (create, reset): drop the points kept so far. */
	historyReset: boolean;
	/** Steps taken since the previous frame (training steps, or generated tokens in inference). */
	steps: number;
	/** One of those steps reached the end of its stage's schedule (see {@link WeightFieldStageLengths}). */
	finished: boolean;
	/** Whether the worker keeps stepping on its own after this frame. */
	playing: boolean;
}

/** The run's fixed shape, sent once when it is created. */
export interface WeightFieldWorkerInfo {
	config: WeightFieldModelConfig;
	groups: WeightFieldGroup[];
	weightCount: number;
	/** The characters of the vocabulary in token order. */
	vocabulary: string;
}

/** A failure, as plain data (an Error does not survive `postMessage` with its code). */
export interface WeightFieldWorkerErrorData {
	code: AnatomyErrorCode | 'internal';
	message: string;
}

/** A message from the page to the worker. `id` (≥ 1) pairs a request with its response. */
export type WeightFieldWorkerRequest =
	| {
			id: number;
			type: 'create';
			/** Options of the run. */
			options?: WeightFieldRunOptions;
			/** Options to create it with instead if `options` are refused; the refusal comes back as `warning`. */
			retryWith?: WeightFieldRunOptions;
			/** Stage to enter right after creation. @default 'pretrain' */
			stage?: WeightFieldStage;
	  }
	| { id: number; type: 'step'; n?: number; stageLengths?: WeightFieldStageLengths }
	| {
			id: number;
			type: 'play';
			/** Steps per second (0 < rate ≤ 1000). */
			rate: number;
			stageLengths?: WeightFieldStageLengths;
			/** Most frames posted but not yet acknowledged before the loop waits. @default unlimited */
			ahead?: number;
	  }
	| { id: number; type: 'pause' }
	| { id: number; type: 'setStage'; stage: WeightFieldStage }
	| {
			id: number;
			type: 'setLearningRate';
			lr: number;
			/** @default the current stage */
			stages?: WeightFieldTrainStage[];
	  }
	| { id: number; type: 'reset' }
	| {
			type: 'ack';
			/** Every frame up to this one has been received. */
			seq: number;
			/** Buffers of frames no longer needed, for the worker to fill again (transferred back). */
			recycle?: ArrayBuffer[];
	  };

/** A message from the worker to the page. Frames of the playing loop have `id: null`. */
export type WeightFieldWorkerResponse =
	| {
			id: number;
			type: 'created';
			ok: true;
			info: WeightFieldWorkerInfo;
			frame: WeightFieldFrame;
			/** Why `options` were refused when the run was created with `retryWith`; null otherwise. */
			warning: WeightFieldWorkerErrorData | null;
	  }
	| { id: number | null; type: 'frame'; ok: true; frame: WeightFieldFrame }
	| { id: number; type: 'error'; ok: false; error: WeightFieldWorkerErrorData };

/** Timers of the playing loop; injected in tests. */
export interface WeightFieldWorkerClock {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	/** Milliseconds, monotonic. */
	now(): number;
}

/** The worker's side: feed it every message; it posts responses through the `post` it was made with. */
export interface WeightFieldWorkerHandler {
	/** Answers one message. Never throws: bad messages and failures are posted as `error` responses. */
	handle(message: unknown): void;
	/** Whether the playing loop is on. */
	readonly playing: boolean;
	/** Stops the playing loop and forgets the run. */
	dispose(): void;
}

const REQUEST_TYPES = new Set(['create', 'step', 'play', 'pause', 'setStage', 'setLearningRate', 'reset']);
const TRAIN_STAGES: readonly WeightFieldTrainStage[] = ['pretrain', 'finetune-full', 'finetune-lora'];
/** Spare buffers kept for reuse (two frames' worth). */
const POOL_LIMIT = 4;

function toErrorData(e: unknown): WeightFieldWorkerErrorData {
	if (e instanceof AnatomyError) return { code: e.code, message: e.message };
	return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

function checkStage(stage: unknown): WeightFieldStage {
	if (!(WEIGHT_FIELD_STAGES as readonly unknown[]).includes(stage)) {
		throw new AnatomyError(
			'invalid-argument',
			`stage must be one of ${WEIGHT_FIELD_STAGES.join(', ')}, got ${String(stage)}`
		);
	}
	return stage as WeightFieldStage;
}

function checkLengths(lengths: unknown): WeightFieldStageLengths {
	if (lengths === undefined) return {};
	if (typeof lengths !== 'object' || lengths === null) {
		throw new AnatomyError('invalid-argument', 'stageLengths must be an object');
	}
	const out: WeightFieldStageLengths = {};
	for (const s of TRAIN_STAGES) {
		const v = (lengths as Record<string, unknown>)[s];
		if (v === undefined) continue;
		checkInt(v as number, `stageLengths.${s}`, 1, 1e9);
		out[s] = v as number;
	}
	return out;
}

const defaultClock = (): WeightFieldWorkerClock => ({
	setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
	clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
	now: () => globalThis.performance.now()
});

/**
 * Creates the worker's side of the protocol. `post(response, transfer)` sends one response and
 * moves the buffers in `transfer` with it (`self.postMessage` in a worker).
 *
 * The playing loop takes one step when 1000 / `rate` ms (less 1 ms of timer jitter) have passed
 * since the previous one (it does not catch up after a stall) and while fewer than `ahead` frames
 * wait for an acknowledgement. It stops by itself when a step finishes its stage's schedule, when the run
 * diverges, and on `pause`, `create` or `dispose`.
 */
export function createWeightFieldWorkerHandler(
	post: (response: WeightFieldWorkerResponse, transfer: ArrayBuffer[]) => void,
	clock: WeightFieldWorkerClock = defaultClock()
): WeightFieldWorkerHandler {
	let run: WeightFieldRun | null = null;
	let seq = 0;
	let acked = 0;
	let sentStep = 0;
	let historyReset = true;
	let pool: ArrayBuffer[] = [];
	// The playing loop.
	let playing = false;
	let interval = 1000 / 60;
	let ahead = Infinity;
	let lengths: WeightFieldStageLengths = {};
	/** When the last step of the loop was taken. */
	let last = -Infinity;
	let timer: unknown = null;
	let waiting = false;

	const needRun = (): WeightFieldRun => {
		if (!run) throw new AnatomyError('invalid-argument', "there is no run yet: send 'create' first");
		return run;
	};
	const stuck = (r: WeightFieldRun) => r.stage !== 'inference' && r.metrics().diverged;

	function buffer(source: Float32Array): Float32Array {
		const bytes = source.length * 4;
		const i = pool.findIndex((b) => b.byteLength === bytes);
		if (i < 0) return source;
		const out = new Float32Array(pool.splice(i, 1)[0]);
		out.set(source);
		return out;
	}

	/** Takes up to n steps; `finished` when one reaches the end of its stage's schedule. */
	function advance(r: WeightFieldRun, n: number, stageLengths: WeightFieldStageLengths) {
		checkInt(n, 'step count', 0, 10_000);
		let steps = 0;
		let finished = false;
		let before = r.metrics();
		for (let i = 0; i < n; i++) {
			if (before.diverged && before.stage !== 'inference') break;
			const after = r.step(1);
			steps++;
			const total = after.stage === 'inference' ? undefined : stageLengths[after.stage];
			if (total !== undefined && before.stage === after.stage && before.step < total && after.step >= total) {
				finished = true;
			}
			before = after;
		}
		return { steps, finished };
	}

	function frame(r: WeightFieldRun, steps: number, finished: boolean): [WeightFieldFrame, ArrayBuffer[]] {
		const snap = r.snapshot();
		const h = r.history;
		let i = h.length;
		while (i > 0 && h[i - 1].step > sentStep) i--;
		const history = h.slice(i);
		if (history.length) sentStep = history[history.length - 1].step;
		const weights = buffer(snap.weights);
		const updates = buffer(snap.updates);
		const f: WeightFieldFrame = {
			seq: ++seq,
			metrics: r.metrics(),
			weights,
			updates,
			groups: [...snap.groups],
			adapters: snap.adapters ? { rank: snap.adapters.rank, scale: snap.adapters.scale } : null,
			history,
			historyReset,
			steps,
			finished,
			playing
		};
		historyReset = false;
		return [f, [weights.buffer as ArrayBuffer, updates.buffer as ArrayBuffer]];
	}

	function postFrame(id: number | null, r: WeightFieldRun, steps = 0, finished = false) {
		const [f, transfer] = frame(r, steps, finished);
		post({ id, type: 'frame', ok: true, frame: f }, transfer);
	}

	function stopLoop() {
		playing = false;
		waiting = false;
		if (timer !== null) clock.clearTimeout(timer);
		timer = null;
	}

	function schedule(ms: number) {
		timer = clock.setTimeout(tick, Math.max(0, ms));
	}

	function tick() {
		timer = null;
		const r = run;
		if (!playing || !r) return;
		if (seq - acked >= ahead) {
			waiting = true; // resumed by an acknowledgement
			return;
		}
		const t = clock.now();
		// Like a frame loop: a step is due once 1000 / rate ms, less 1 ms of timer jitter, have
		// passed since the last one. Counting from the last step (not from a fixed cadence) lets the
		// loop settle into the rhythm of the acknowledgements, one step per frame the page shows.
		const due = last + interval - 1;
		if (t < due) {
			schedule(due - t);
			return;
		}
		let result: { steps: number; finished: boolean };
		try {
			result = advance(r, 1, lengths);
		} catch (e) {
			stopLoop();
			post({ id: -1, type: 'error', ok: false, error: toErrorData(e) }, []);
			return;
		}
		if (result.finished || result.steps === 0 || stuck(r)) playing = false;
		last = t;
		postFrame(null, r, result.steps, result.finished);
		if (playing) schedule(last + interval - 1 - clock.now());
	}

	function answer(id: number, m: Record<string, unknown>) {
		switch (m.type) {
			case 'create': {
				stopLoop();
				const stage = m.stage === undefined ? 'pretrain' : checkStage(m.stage);
				let warning: WeightFieldWorkerErrorData | null = null;
				let created: WeightFieldRun;
				try {
					created = createWeightFieldRun(m.options as WeightFieldRunOptions);
				} catch (e) {
					if (m.retryWith === undefined) throw e;
					warning = toErrorData(e);
					created = createWeightFieldRun(m.retryWith as WeightFieldRunOptions);
				}
				created.setStage(stage);
				run = created;
				sentStep = 0;
				historyReset = true;
				const info: WeightFieldWorkerInfo = {
					config: { ...created.config },
					groups: created.groups.map((g) => ({ ...g })),
					weightCount: created.weightCount,
					vocabulary: created.vocabulary
				};
				const [f, transfer] = frame(created, 0, false);
				post({ id, type: 'created', ok: true, info, frame: f, warning }, transfer);
				return;
			}
			case 'step': {
				const r = needRun();
				const stageLengths = checkLengths(m.stageLengths);
				const { steps, finished } = advance(r, m.n === undefined ? 1 : (m.n as number), stageLengths);
				if (playing && stuck(r)) stopLoop();
				postFrame(id, r, steps, finished);
				return;
			}
			case 'play': {
				const r = needRun();
				const rate = m.rate as number;
				if (typeof rate !== 'number' || !(rate > 0 && rate <= 1000)) {
					throw new AnatomyError('out-of-range', `rate must be in (0, 1000] steps per second, got ${rate}`);
				}
				const a = m.ahead === undefined ? Infinity : (m.ahead as number);
				if (a !== Infinity) checkInt(a, 'ahead', 1, 1e6);
				lengths = checkLengths(m.stageLengths);
				interval = 1000 / rate;
				ahead = a;
				if (stuck(r)) stopLoop();
				else if (!playing) {
					playing = true;
					last = -Infinity;
					schedule(0);
				}
				postFrame(id, r);
				return;
			}
			case 'pause': {
				const r = needRun();
				stopLoop();
				postFrame(id, r);
				return;
			}
			case 'setStage': {
				const r = needRun();
				r.setStage(checkStage(m.stage));
				postFrame(id, r);
				return;
			}
			case 'setLearningRate': {
				const r = needRun();
				const stages = m.stages === undefined ? [undefined] : (m.stages as unknown[]);
				if (!Array.isArray(stages)) throw new AnatomyError('invalid-argument', 'stages must be an array');
				for (const s of stages) {
					if (s !== undefined && !(TRAIN_STAGES as readonly unknown[]).includes(s)) {
						throw new AnatomyError('invalid-argument', `no learning rate for stage ${String(s)}`);
					}
				}
				// Checked on the first stage: a bad rate throws before any stage changes.
				for (const s of stages) r.setLearningRate(m.lr as number, s as WeightFieldTrainStage | undefined);
				postFrame(id, r);
				return;
			}
			case 'reset': {
				const r = needRun();
				r.reset();
				sentStep = 0;
				historyReset = true;
				if (playing && stuck(r)) stopLoop();
				postFrame(id, r);
				return;
			}
		}
	}

	return {
		get playing() {
			return playing;
		},
		handle(message) {
			const m = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
			if (m.type === 'ack') {
				if (typeof m.seq === 'number' && m.seq > acked) acked = Math.min(m.seq, seq);
				if (Array.isArray(m.recycle)) {
					for (const b of m.recycle) {
						if (b instanceof ArrayBuffer && b.byteLength > 0 && pool.length < POOL_LIMIT) pool.push(b);
					}
				}
				if (waiting && playing) {
					waiting = false;
					tick();
				}
				return;
			}
			const id = typeof m.id === 'number' && Number.isInteger(m.id) && m.id >= 1 ? m.id : -1;
			try {
				if (id === -1 || !REQUEST_TYPES.has(m.type as string)) {
					throw new AnatomyError('invalid-argument', 'Not a weight-field worker request');
				}
				answer(id, m);
			} catch (e) {
				post({ id, type: 'error', ok: false, error: toErrorData(e) }, []);
			}
		},
		dispose() {
			stopLoop();
			run = null;
			pool = [];
		}
	};
}

/** The part of a `Worker` (or a `MessagePort`) the client uses. */
export interface WeightFieldWorkerLike {
	postMessage(message: WeightFieldWorkerRequest, transfer: ArrayBuffer[]): void;
	addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent) => void): void;
	removeEventListener(
		type: 'message' | 'error' | 'messageerror',
		listener: (event: MessageEvent) => void
	): void;
}

/** What {@link WeightFieldWorkerClient.create} resolves with. */
export interface WeightFieldWorkerCreated {
	info: WeightFieldWorkerInfo;
	frame: WeightFieldFrame;
	warning: WeightFieldWorkerErrorData | null;
}

/** Listeners of {@link createWeightFieldWorkerClient}. */
export interface WeightFieldWorkerClientOptions {
	/** Every frame, in the order it arrives: replies to requests and the frames of the playing loop. */
	onFrame?: (frame: WeightFieldFrame) => void;
	/** The worker failed to start or crashed (an `error` or `messageerror` event); called once. */
	onFailure?: (error: AnatomyError) => void;
}

/** Promise-based access to a weight-field worker; each request resolves with the frame it produced. */
export interface WeightFieldWorkerClient {
	create(
		options?: WeightFieldRunOptions,
		extra?: { retryWith?: WeightFieldRunOptions; stage?: WeightFieldStage }
	): Promise<WeightFieldWorkerCreated>;
	step(n?: number, stageLengths?: WeightFieldStageLengths): Promise<WeightFieldFrame>;
	play(
		rate: number,
		extra?: { stageLengths?: WeightFieldStageLengths; ahead?: number }
	): Promise<WeightFieldFrame>;
	pause(): Promise<WeightFieldFrame>;
	setStage(stage: WeightFieldStage): Promise<WeightFieldFrame>;
	setLearningRate(lr: number, stages?: WeightFieldTrainStage[]): Promise<WeightFieldFrame>;
	reset(): Promise<WeightFieldFrame>;
	/**
	 * Acknowledges every frame up to `seq`, and gives the buffers of `recycle` (frames no longer
	 * needed) back to the worker: they are transferred, so those arrays become empty here.
	 */
	ack(seq: number, recycle?: readonly Float32Array[]): void;
	/** Whether the worker failed (every request then rejects with `backend-unavailable`). */
	readonly failed: boolean;
	/** Stops listening and rejects every pending request (does not terminate the worker). */
	dispose(): void;
}

type Pending = { resolve: (v: never) => void; reject: (e: unknown) => void };

/**
 * Wraps a worker running `worker.ts`. Failures of a request reject with an {@link AnatomyError}
 * carrying the worker's code (`internal` becomes `backend-unavailable`). An `error` event (the
 * worker failed to start or crashed) or a `messageerror` event rejects every pending request with
 * `backend-unavailable` and calls `onFailure`, so nothing waits forever.
 */
export function createWeightFieldWorkerClient(
	worker: WeightFieldWorkerLike,
	{ onFrame, onFailure }: WeightFieldWorkerClientOptions = {}
): WeightFieldWorkerClient {
	let nextId = 1;
	let disposed = false;
	let failure: AnatomyError | null = null;
	const pending = new Map<number, Pending>();

	const failAll = (error: AnatomyError) => {
		for (const entry of pending.values()) entry.reject(error);
		pending.clear();
	};
	const onMessage = (event: MessageEvent) => {
		const r = event.data as WeightFieldWorkerResponse;
		if (!r || typeof r !== 'object') return;
		if (r.ok && (r.type === 'frame' || r.type === 'created')) onFrame?.(r.frame);
		const entry = typeof r.id === 'number' ? pending.get(r.id) : undefined;
		if (!entry) return;
		pending.delete(r.id as number);
		if (r.ok)
			entry.resolve(
				(r.type === 'created' ? { info: r.info, frame: r.frame, warning: r.warning } : r.frame) as never
			);
		else {
			const code = r.error.code === 'internal' ? 'backend-unavailable' : r.error.code;
			entry.reject(new AnatomyError(code, r.error.message));
		}
	};
	const onError = (event: Event) => {
		if (failure || disposed) return;
		const detail = (event as Event & { message?: unknown }).message;
		failure = new AnatomyError(
			'backend-unavailable',
			`The weight-field worker failed${typeof detail === 'string' && detail ? `: ${detail}` : ''}`
		);
		failAll(failure);
		onFailure?.(failure);
	};
	worker.addEventListener('message', onMessage);
	worker.addEventListener('error', onError);
	worker.addEventListener('messageerror', onError);

	const send = <T>(request: WeightFieldWorkerRequest & { id: number }) =>
		new Promise<T>((resolve, reject) => {
			if (disposed || failure) {
				reject(
					failure ?? new AnatomyError('backend-unavailable', 'The weight-field worker client was disposed')
				);
				return;
			}
			pending.set(request.id, { resolve: resolve as (v: never) => void, reject });
			worker.postMessage(request, []);
		});

	return {
		get failed() {
			return failure !== null;
		},
		create: (options, extra = {}) =>
			send({ id: nextId++, type: 'create', options, retryWith: extra.retryWith, stage: extra.stage }),
		step: (n = 1, stageLengths) => send({ id: nextId++, type: 'step', n, stageLengths }),
		play: (rate, extra = {}) =>
			send({ id: nextId++, type: 'play', rate, stageLengths: extra.stageLengths, ahead: extra.ahead }),
		pause: () => send({ id: nextId++, type: 'pause' }),
		setStage: (stage) => send({ id: nextId++, type: 'setStage', stage }),
		setLearningRate: (lr, stages) => send({ id: nextId++, type: 'setLearningRate', lr, stages }),
		reset: () => send({ id: nextId++, type: 'reset' }),
		ack(seq, recycle = []) {
			if (disposed || failure) return;
			const buffers = [
				...new Set(
					recycle
						.map((a) => a.buffer)
						.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0)
				)
			];
			worker.postMessage({ type: 'ack', seq, recycle: buffers }, buffers);
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			worker.removeEventListener('message', onMessage);
			worker.removeEventListener('error', onError);
			worker.removeEventListener('messageerror', onError);
			failAll(new AnatomyError('backend-unavailable', 'The weight-field worker client was disposed'));
		}
	};
}
