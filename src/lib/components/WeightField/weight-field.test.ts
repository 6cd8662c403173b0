import { describe, expect, it, vi } from 'vitest';
import { createWeightFieldRun } from '../../core/train/weightfield/run.js';
import {
	createWeightFieldWorkerHandler,
	type WeightFieldWorkerRequest
} from '../../core/train/weightfield/worker-protocol.js';
import {
	READOUT_INTERVAL_MS,
	safeStage,
	SPEAK_INTERVAL_MS,
	STAGE_STEPS,
	toyWeightCount,
	WeightFieldLab,
	type AdvanceResult,
	type FrameClock,
	type TrainerWorker
} from './weight-field.svelte.js';

const LN_20 = Math.log(20); // loss of a uniform guess over the 20-character vocabulary

describe('WeightFieldLab', () => {
	it('creates a run of the toy size: 8,712 weights', () => {
		// V·d + T·d + 4d² + 2·d·4d + 4d + 7d + d·V with V = 20, d = 24, T = 24
		expect(toyWeightCount()).toBe(480 + 576 + 2304 + 4608 + 96 + 168 + 480);
		const lab = new WeightFieldLab();
		expect(lab.create(1, undefined, 'pretrain')).toBe(true);
		expect(lab.run!.weightCount).toBe(toyWeightCount());
		expect(Math.abs(lab.metrics!.loss - LN_20)).toBeLessThan(0.1);
		expect(lab.error).toBeNull();
	});

	it('advances one step at a time and reports the end of a stage schedule', () => {
		const lab = new WeightFieldLab({ pretrain: 3, 'finetune-full': 2, 'finetune-lora': 2 });
		lab.create(1, undefined, 'pretrain');
		const v0 = lab.version;
		expect(lab.advance(0).finished).toBe(false);
		expect(lab.version).toBe(v0 + 1);
		lab.advance(1);
		const third = lab.advance(2);
		expect(third).toMatchObject({ stepped: true, finished: true, diverged: false });
		expect(lab.metrics!.step).toBe(3);
		// Past the schedule it keeps training but does not report "finished" again.
		expect(lab.advance(3).finished).toBe(false);
		expect(lab.history().length).toBe(4);
	});

	it('copies the snapshot only when the weights changed', () => {
		const lab = new WeightFieldLab();
		lab.create(1, undefined, 'pretrain');
		const a = lab.snapshot();
		expect(lab.snapshot()).toBe(a);
		lab.advance(0);
		expect(lab.snapshot()).not.toBe(a);
	});

	it('throttles what is spoken but not what is shown', () => {
		const lab = new WeightFieldLab();
		lab.create(1, undefined, 'pretrain');
		const spoken = lab.spoken;
		lab.advance(READOUT_INTERVAL_MS * 2);
		expect(lab.metrics!.step).toBe(1);
		expect(lab.spoken).toBe(spoken);
		lab.advance(SPEAK_INTERVAL_MS + 1);
		expect(lab.spoken!.step).toBe(2);
		lab.advance(SPEAK_INTERVAL_MS + 2, true);
		expect(lab.spoken!.step).toBe(3);
	});

	it('a learning rate of 1e6 diverges and stops stepping; a NaN rate is refused with a message', () => {
		const lab = new WeightFieldLab();
		lab.create(1, 1e6, 'pretrain');
		const r = lab.advance(0);
		expect(r.diverged).toBe(true);
		expect(lab.metrics!.diverged).toBe(true);
		expect(lab.advance(1)).toMatchObject({ stepped: false, diverged: true });
		lab.setLearningRate(1e-2);
		expect(lab.advance(2).diverged).toBe(false);

		const bad = new WeightFieldLab();
		expect(bad.create(1, NaN, 'pretrain')).toBe(true);
		expect(bad.error).toMatch(/finite/);
		expect(bad.advance(0).stepped).toBe(true);
		bad.setLearningRate(-1);
		expect(bad.error).toMatch(/≥ 0/);
	});

	it('switches stage, resets to pretraining, and never throws on a bad stage', () => {
		const lab = new WeightFieldLab();
		lab.create(1, undefined, 'inference');
		expect(lab.run!.stage).toBe('inference');
		lab.advance(0);
		expect(lab.metrics!.kvCacheTokens).toBeGreaterThan(0);
		lab.setStage('finetune-lora');
		expect(lab.snapshot()!.adapters).not.toBeNull();
		lab.reset();
		expect(lab.run!.stage).toBe('pretrain');
		expect(safeStage('nonsense')).toBe('pretrain');
		expect(safeStage('inference')).toBe('inference');
	});
});

/**
 * An in-memory worker running the core's handler: messages cross as `postMessage` would carry
 * them (structured clone, buffers transferred), each in a later task. `broken` fails to start.
 */
class FakeWorker extends EventTarget {
	readonly sent: WeightFieldWorkerRequest[] = [];
	terminated = false;
	readonly handler = createWeightFieldWorkerHandler((response, transfer) => {
		const data = structuredClone(response, { transfer });
		setTimeout(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data })));
	});
	constructor(readonly broken = false) {
		super();
		if (broken) setTimeout(() => this.dispatchEvent(new Event('error')));
	}
	postMessage(message: WeightFieldWorkerRequest, transfer: ArrayBuffer[]) {
		this.sent.push(message);
		const data = structuredClone(message, { transfer });
		if (!this.broken) setTimeout(() => !this.terminated && this.handler.handle(data));
	}
	terminate() {
		this.terminated = true;
		this.handler.dispose();
	}
}

/** Animation frames on demand. */
function frames(): FrameClock & { tick(time: number): void; pending(): number } {
	const queue = new Map<number, (t: number) => void>();
	let id = 1;
	return {
		raf: (cb) => (queue.set(id, cb), id++),
		caf: (h) => void queue.delete(h),
		tick(time) {
			const due = [...queue.values()];
			queue.clear();
			for (const cb of due) cb(time);
		},
		pending: () => queue.size
	};
}

const asTrainer = (w: FakeWorker) => w as unknown as TrainerWorker;
const settle = () => new Promise((r) => setTimeout(r, 5));

describe('WeightFieldLab in a worker', () => {
	it('creates the run in the worker and shows its frames; steps come back through onAdvance', async () => {
		const worker = new FakeWorker();
		const lab = new WeightFieldLab(STAGE_STEPS, { worker: () => asTrainer(worker) });
		const results: AdvanceResult[] = [];
		lab.onAdvance = (r) => results.push(r);
		expect(lab.create(1, undefined, 'pretrain')).toBe(true);
		expect(lab.trainer).toBeNull();
		await vi.waitFor(() => expect(lab.trainer).toBe('worker'));
		expect(lab.run!.weightCount).toBe(toyWeightCount());
		expect(Math.abs(lab.metrics!.loss - LN_20)).toBeLessThan(0.1);
		expect(lab.snapshot()!.weights.length).toBe(toyWeightCount());
		const v = lab.version;
		expect(lab.advance(0, true)).toMatchObject({ stepped: false, pending: true });
		await vi.waitFor(() => expect(lab.metrics!.step).toBe(1));
		expect(lab.version).toBeGreaterThan(v);
		expect(results.at(-1)).toMatchObject({ stepped: true, finished: false, diverged: false, progress: true });
		expect(lab.history().map((p) => p.step)).toEqual([1]);
		// The frames shown were acknowledged, and older buffers handed back.
		await settle();
		const acks = worker.sent.filter((m) => m.type === 'ack');
		expect(acks.at(-1)).toMatchObject({ seq: 2 });
		expect(acks.at(-1)!.recycle!.length).toBe(2);
		lab.dispose();
		expect(worker.terminated).toBe(true);
	});

	it('gives the same weights, metrics and history as the run stepped directly', async () => {
		const lab = new WeightFieldLab(STAGE_STEPS, { worker: () => asTrainer(new FakeWorker()) });
		lab.create(5, undefined, 'pretrain');
		await vi.waitFor(() => expect(lab.trainer).toBe('worker'));
		for (let i = 1; i <= 6; i++) {
			lab.advance(0, true);
			await vi.waitFor(() => expect(lab.current()!.step).toBe(i));
		}
		const direct = createWeightFieldRun({ seed: 5, dModel: 24, heads: 2, context: 24 });
		direct.step(6);
		expect(Array.from(lab.snapshot()!.weights)).toEqual(Array.from(direct.snapshot().weights));
		expect(lab.current()).toEqual(direct.metrics());
		expect(lab.history()).toEqual(direct.history);
		lab.dispose();
	});

	it('plays: the worker steps, each animation frame shows the latest frame, and the loss goes down', async () => {
		const clock = frames();
		const worker = new FakeWorker();
		const lab = new WeightFieldLab(STAGE_STEPS, { worker: () => asTrainer(worker) });
		lab.create(1, undefined, 'pretrain');
		await vi.waitFor(() => expect(lab.run).not.toBeNull());
		const stop = lab.play(1000, clock);
		let t = 0;
		while (lab.current()!.totalStep < 120) {
			clock.tick((t += 16));
			await settle();
		}
		// ahead: 1 — the worker never runs more than one step past what was shown.
		expect(lab.history().length - lab.current()!.totalStep).toBeLessThanOrEqual(1);
		const h = lab.history();
		const mean = (xs: readonly { loss: number }[]) => xs.reduce((a, p) => a + p.loss, 0) / xs.length;
		expect(mean(h.slice(0, 10))).toBeGreaterThan(LN_20 - 0.3);
		expect(mean(h.slice(-10))).toBeLessThan(mean(h.slice(0, 10)) - 0.5);
		stop();
		expect(clock.pending()).toBe(0);
		await settle();
		const paused = lab.current()!.totalStep;
		await settle();
		expect(lab.current()!.totalStep).toBe(paused);
		expect(worker.sent.filter((m) => m.type === 'pause').length).toBe(1);
		lab.dispose();
	});

	it('stops playing at the end of a stage schedule and reports it once', async () => {
		const clock = frames();
		const lab = new WeightFieldLab(
			{ pretrain: 4, 'finetune-full': 2, 'finetune-lora': 2 },
			{ worker: () => asTrainer(new FakeWorker()) }
		);
		const finished = vi.fn();
		lab.onAdvance = (r) => r.finished && finished();
		lab.create(1, undefined, 'pretrain');
		await vi.waitFor(() => expect(lab.run).not.toBeNull());
		lab.play(1000, clock);
		for (let t = 0; t < 400 && finished.mock.calls.length === 0; t += 16) {
			clock.tick(t);
			await settle();
		}
		expect(finished).toHaveBeenCalledTimes(1);
		expect(lab.current()!.step).toBe(4);
		lab.dispose();
	});

	it('changes stage, learning rate and resets through the worker; a bad rate is refused with a message', async () => {
		const lab = new WeightFieldLab(STAGE_STEPS, { worker: () => asTrainer(new FakeWorker()) });
		lab.create(1, 1e6, 'pretrain');
		await vi.waitFor(() => expect(lab.run).not.toBeNull());
		lab.advance(0, true);
		await vi.waitFor(() => expect(lab.metrics!.diverged).toBe(true));
		lab.setLearningRate(NaN);
		await vi.waitFor(() => expect(lab.error).toMatch(/finite/));
		lab.setLearningRate(1e-2);
		await vi.waitFor(() => expect(lab.error).toBeNull());
		expect(lab.metrics!.diverged).toBe(false);
		lab.setStage('finetune-lora');
		await vi.waitFor(() => expect(lab.run!.stage).toBe('finetune-lora'));
		// rank 4, α = 8 (the run's defaults): scale α / r = 2
		expect(lab.snapshot()!.adapters).toEqual({ rank: 4, scale: 2 });
		lab.setStage('inference');
		await vi.waitFor(() => expect(lab.run!.stage).toBe('inference'));
		expect(lab.metrics!.kvCacheTokens).toBeGreaterThan(0);
		lab.reset();
		await vi.waitFor(() => expect(lab.run!.stage).toBe('pretrain'));
		expect(lab.history()).toEqual([]);
		lab.dispose();
	});

	it('says why when the learning rate is refused at creation, and still starts', async () => {
		const lab = new WeightFieldLab(STAGE_STEPS, { worker: () => asTrainer(new FakeWorker()) });
		lab.create(1, NaN, 'pretrain');
		await vi.waitFor(() => expect(lab.trainer).toBe('worker'));
		expect(lab.error).toMatch(/finite/);
		lab.dispose();
	});
});

describe('WeightFieldLab falls back to the main thread', () => {
	it('when there is no Worker, or starting one throws', () => {
		const factories = [
			undefined,
			() => null,
			() => {
				throw new DOMException('refused by the content security policy', 'SecurityError');
			}
		];
		for (const worker of factories) {
			const lab = new WeightFieldLab(STAGE_STEPS, { worker });
			expect(lab.create(1, undefined, 'pretrain')).toBe(true);
			expect(lab.trainer).toBe('main');
			expect(lab.error).toBeNull();
			expect(lab.advance(0).stepped).toBe(true);
		}
	});

	it('when the worker fails to start (error event), keeping the stage and the playing loop', async () => {
		const clock = frames();
		const broken = new FakeWorker(true);
		const lab = new WeightFieldLab(STAGE_STEPS, { worker: () => asTrainer(broken) });
		lab.create(3, undefined, 'finetune-full');
		lab.play(60, clock);
		await vi.waitFor(() => expect(lab.trainer).toBe('main'));
		expect(broken.terminated).toBe(true);
		expect(lab.error).toBeNull();
		expect(lab.run!.stage).toBe('finetune-full');
		// The loop now steps on the main thread, once per animation frame.
		clock.tick(100);
		clock.tick(200);
		expect(lab.current()!.step).toBe(2);
		lab.dispose();
		expect(clock.pending()).toBe(0);
	});
});
