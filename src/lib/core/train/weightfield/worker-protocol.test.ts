import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { AnatomyError } from '../../errors.js';
import { createWeightFieldRun, type WeightFieldRunOptions } from './run.js';
import {
	createWeightFieldWorkerClient,
	createWeightFieldWorkerHandler,
	type WeightFieldFrame,
	type WeightFieldWorkerClock,
	type WeightFieldWorkerLike,
	type WeightFieldWorkerRequest,
	type WeightFieldWorkerResponse
} from './worker-protocol.js';

const LN_20 = Math.log(20); // loss of a uniform guess over the 20-character vocabulary
// V·d + T·d + 4d² + 2·d·4d + 4d + 7d + d·V with V = 20, d = T = 24:
// 480 + 576 + 2304 + 4608 + 96 + 168 + 480 = 8712
const P = 8712;

/** The bits of a float array, so that equality means bit-identical (−0 ≠ 0, NaN payloads kept). */
const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** A clock whose time moves only when the test says so. */
function fakeClock() {
	let t = 0;
	let nextId = 1;
	const timers = new Map<number, { at: number; fn: () => void }>();
	const clock: WeightFieldWorkerClock = {
		setTimeout(fn, ms) {
			timers.set(nextId, { at: t + ms, fn });
			return nextId++;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
		now: () => t
	};
	return {
		clock,
		/** Runs every timer due within `ms`, in time order. */
		advance(ms: number) {
			const end = t + ms;
			for (;;) {
				let first: [number, { at: number; fn: () => void }] | null = null;
				for (const e of timers) if (e[1].at <= end && (!first || e[1].at < first[1].at)) first = e;
				if (!first) break;
				timers.delete(first[0]);
				t = Math.max(t, first[1].at);
				first[1].fn();
			}
			t = end;
		},
		get timers() {
			return timers.size;
		}
	};
}

/** The handler with its responses collected (and the transfer lists they came with). */
function harness(clock: WeightFieldWorkerClock = fakeClock().clock) {
	const out: { response: WeightFieldWorkerResponse; transfer: ArrayBuffer[] }[] = [];
	const handler = createWeightFieldWorkerHandler(
		(response, transfer) => out.push({ response, transfer }),
		clock
	);
	let id = 1;
	const send = (request: Record<string, unknown>) => {
		handler.handle({ id: id++, ...request });
		return out[out.length - 1].response;
	};
	const frameOf = (r: WeightFieldWorkerResponse) => {
		if (!r.ok) throw new Error(`expected a frame, got ${JSON.stringify(r)}`);
		return r.frame;
	};
	return { handler, out, send, frameOf };
}

const SMALL: WeightFieldRunOptions = { seed: 7 };

describe('createWeightFieldWorkerHandler', () => {
	it('creates a run and answers with its shape and a first frame', () => {
		const { send, out } = harness();
		const r = send({ type: 'create', options: SMALL });
		expect(r).toMatchObject({ id: 1, type: 'created', ok: true, warning: null });
		if (r.type !== 'created') throw new Error('not created');
		expect(r.info.weightCount).toBe(P);
		expect(r.info.config).toEqual({ vocab: 20, dModel: 24, heads: 2, context: 24, ff: 96 });
		expect(r.info.groups.map((g) => g.name).slice(0, 3)).toEqual(['embedding', 'position', 'ln1.gain']);
		const f = r.frame;
		expect(f).toMatchObject({
			seq: 1,
			steps: 0,
			finished: false,
			playing: false,
			historyReset: true,
			history: []
		});
		expect(f.metrics).toMatchObject({ stage: 'pretrain', step: 0, totalStep: 0 });
		// A fresh model predicts about uniformly: loss near ln 20.
		expect(Math.abs(f.metrics.loss - LN_20)).toBeLessThan(0.1);
		expect(f.weights).toBeInstanceOf(Float32Array);
		expect(f.weights.length).toBe(P);
		expect(f.updates.every((u) => u === 0)).toBe(true);
		expect(f.adapters).toBeNull();
		// The two arrays' buffers travel in the transfer list.
		expect(out[0].transfer).toEqual([f.weights.buffer, f.updates.buffer]);
	});

	it('steps, sending each history point once, and marks the step that ends a schedule', () => {
		const { send, frameOf } = harness();
		send({ type: 'create', options: SMALL });
		const a = frameOf(send({ type: 'step', n: 2, stageLengths: { pretrain: 3 } }));
		expect(a).toMatchObject({ seq: 2, steps: 2, finished: false, historyReset: false });
		expect(a.history.map((p) => p.step)).toEqual([1, 2]);
		const b = frameOf(send({ type: 'step', stageLengths: { pretrain: 3 } }));
		expect(b).toMatchObject({ steps: 1, finished: true });
		expect(b.history.map((p) => p.step)).toEqual([3]);
		expect(b.metrics.step).toBe(3);
		// Past the schedule it keeps training but is not "finished" again.
		const c = frameOf(send({ type: 'step', stageLengths: { pretrain: 3 } }));
		expect(c).toMatchObject({ steps: 1, finished: false });
		expect(c.updates.some((u) => u !== 0)).toBe(true);
		// A frame with no new step carries no history.
		expect(frameOf(send({ type: 'pause' })).history).toEqual([]);
	});

	it('gives bit-identical weights, metrics and history to the same steps taken directly', () => {
		const direct = createWeightFieldRun(SMALL);
		const { send, frameOf } = harness();
		send({ type: 'create', options: SMALL });
		const history: WeightFieldFrame['history'] = [];
		const check = (f: WeightFieldFrame) => {
			history.push(...f.history);
			const s = direct.snapshot();
			expect(bits(f.weights)).toEqual(bits(s.weights));
			expect(bits(f.updates)).toEqual(bits(s.updates));
			expect(f.metrics).toEqual(direct.metrics());
			expect(history).toEqual(direct.history);
		};
		direct.step(7);
		check(frameOf(send({ type: 'step', n: 7 })));
		check(frameOf(send({ type: 'pause' })));
		for (let i = 0; i < 5; i++) {
			const f = frameOf(send({ type: 'step' }));
			direct.step(1);
			check(f);
		}
		direct.setStage('finetune-lora');
		const lora = frameOf(send({ type: 'setStage', stage: 'finetune-lora' }));
		check(lora);
		// The default adapters: rank 4, α = 8, so the scale α / r = 2.
		expect(lora.adapters).toEqual({ rank: 4, scale: 2 });
		direct.step(6);
		check(frameOf(send({ type: 'step', n: 6 })));
		direct.setStage('inference');
		direct.step(4);
		send({ type: 'setStage', stage: 'inference' });
		check(frameOf(send({ type: 'step', n: 4 })));
		expect(direct.metrics().generated.length).toBeGreaterThan(4);
	});

	it('plays at the target rate on its own clock, and stops at the end of the schedule', () => {
		const time = fakeClock();
		const { send, out, handler, frameOf } = harness(time.clock);
		send({ type: 'create', options: SMALL });
		const reply = frameOf(send({ type: 'play', rate: 100, stageLengths: { pretrain: 5 } }));
		expect(reply).toMatchObject({ steps: 0, playing: true });
		expect(handler.playing).toBe(true);
		// 100 steps per second: a step once 10 ms less 1 ms of jitter tolerance have passed, so at
		// t = 0, 9, 18, 27; the fifth (t = 36) is not due at 35 ms.
		time.advance(35);
		const loop = () =>
			out.filter((o) => o.response.ok && o.response.id === null).map((o) => frameOf(o.response));
		expect(loop().map((f) => f.metrics.step)).toEqual([1, 2, 3, 4]);
		time.advance(100);
		const frames = loop();
		expect(frames.map((f) => f.metrics.step)).toEqual([1, 2, 3, 4, 5]);
		expect(frames.at(-1)).toMatchObject({ finished: true, playing: false });
		expect(frames.slice(0, 4).every((f) => f.playing && !f.finished)).toBe(true);
		expect(handler.playing).toBe(false);
		expect(time.timers).toBe(0);
	});

	it('stays at most `ahead` frames in front of the acknowledgements', () => {
		const time = fakeClock();
		const { send, out, handler, frameOf } = harness(time.clock);
		send({ type: 'create', options: SMALL });
		const reply = frameOf(send({ type: 'play', rate: 1000, ahead: 1 }));
		time.advance(50);
		// The reply itself is unacknowledged: no step yet.
		expect(out.length).toBe(2);
		handler.handle({ type: 'ack', seq: reply.seq });
		expect(out.length).toBe(3);
		const first = frameOf(out[2].response);
		expect(first.metrics.step).toBe(1);
		time.advance(50);
		expect(out.length).toBe(3);
		handler.handle({ type: 'ack', seq: first.seq });
		time.advance(1);
		expect(frameOf(out[3].response).metrics.step).toBe(2);
		frameOf(send({ type: 'pause' }));
		expect(handler.playing).toBe(false);
		handler.handle({ type: 'ack', seq: 99 });
		time.advance(50);
		expect(out.length).toBe(5);
	});

	it('fills buffers handed back with the next frame', () => {
		const { send, handler, frameOf } = harness();
		send({ type: 'create', options: SMALL });
		const a = frameOf(send({ type: 'step' }));
		const spare = [a.weights.buffer as ArrayBuffer, a.updates.buffer as ArrayBuffer];
		handler.handle({ type: 'ack', seq: a.seq, recycle: spare });
		const b = frameOf(send({ type: 'step' }));
		expect([b.weights.buffer, b.updates.buffer]).toEqual(spare);
		expect(b.weights.buffer).toBe(spare[0]);
		// Buffers of the wrong size are not used for the weights.
		handler.handle({ type: 'ack', seq: b.seq, recycle: [new ArrayBuffer(12)] });
		expect(frameOf(send({ type: 'step' })).weights.length).toBe(P);
	});

	it('a learning rate of 1e6 diverges: the loop stops and steps do nothing until the rate is fixed', () => {
		const time = fakeClock();
		const { send, out, handler, frameOf } = harness(time.clock);
		send({ type: 'create', options: { ...SMALL, lr: { pretrain: 1e6 } } });
		send({ type: 'play', rate: 60 });
		time.advance(100);
		const last = frameOf(out[out.length - 1].response);
		expect(last.metrics.diverged).toBe(true);
		expect(last.playing).toBe(false);
		expect(handler.playing).toBe(false);
		expect(frameOf(send({ type: 'step', n: 3 })).steps).toBe(0);
		expect(frameOf(send({ type: 'play', rate: 60 })).playing).toBe(false);
		const fixed = frameOf(send({ type: 'setLearningRate', lr: 1e-2 }));
		expect(fixed.metrics.diverged).toBe(false);
		expect(frameOf(send({ type: 'step' })).metrics.diverged).toBe(false);
	});

	it('reset goes back to the first frame, bit for bit, and restarts the history', () => {
		const { send, frameOf } = harness();
		const r = send({ type: 'create', options: SMALL });
		if (r.type !== 'created') throw new Error('not created');
		const first = bits(r.frame.weights);
		send({ type: 'step', n: 4 });
		send({ type: 'setStage', stage: 'finetune-full' });
		const f = frameOf(send({ type: 'reset' }));
		expect(f).toMatchObject({ historyReset: true, history: [] });
		expect(f.metrics).toMatchObject({ stage: 'pretrain', step: 0, totalStep: 0 });
		expect(bits(f.weights)).toEqual(first);
		const g = frameOf(send({ type: 'step' }));
		expect(g.historyReset).toBe(false);
		expect(g.history.map((p) => p.step)).toEqual([1]);
	});

	it('creates with the fallback options when the first are refused, and says why', () => {
		const { send } = harness();
		const r = send({
			type: 'create',
			options: { lr: { pretrain: NaN } },
			retryWith: SMALL,
			stage: 'inference'
		});
		expect(r).toMatchObject({ type: 'created', ok: true, warning: { code: 'non-finite' } });
		if (r.type !== 'created') throw new Error('not created');
		expect(r.frame.metrics.stage).toBe('inference');
		expect(r.frame.metrics.kvCacheTokens).toBeGreaterThan(0);
	});

	it('turns bad messages and failures into error responses and never throws', () => {
		const { handler, out, send } = harness();
		const cases: [unknown, number, string][] = [
			[null, -1, 'invalid-argument'],
			['step', -1, 'invalid-argument'],
			[{ type: 'step' }, -1, 'invalid-argument'],
			[{ id: 0, type: 'step' }, -1, 'invalid-argument'],
			[{ id: 2.5, type: 'step' }, -1, 'invalid-argument'],
			[{ id: 3, type: 'explode' }, 3, 'invalid-argument'],
			[{ id: 4, type: 'step' }, 4, 'invalid-argument'], // no run yet
			[{ id: 5, type: 'create', options: { dModel: 25, heads: 2 } }, 5, 'invalid-config'],
			[{ id: 6, type: 'create', options: { lr: { pretrain: NaN } } }, 6, 'non-finite'],
			[{ id: 7, type: 'create', stage: 'sleep' }, 7, 'invalid-argument']
		];
		for (const [message, id, code] of cases) {
			expect(() => handler.handle(message)).not.toThrow();
			expect(out.at(-1)!.response, JSON.stringify(message)).toMatchObject({ id, ok: false, error: { code } });
		}
		send({ type: 'create', options: SMALL });
		const after: [Record<string, unknown>, string][] = [
			[{ type: 'step', n: -1 }, 'out-of-range'],
			[{ type: 'step', n: 1e9 }, 'out-of-range'],
			[{ type: 'step', n: 1, stageLengths: { pretrain: 0 } }, 'out-of-range'],
			[{ type: 'step', stageLengths: 'long' }, 'invalid-argument'],
			[{ type: 'play', rate: 0 }, 'out-of-range'],
			[{ type: 'play', rate: NaN }, 'out-of-range'],
			[{ type: 'play', rate: 60, ahead: 0 }, 'out-of-range'],
			[{ type: 'setStage', stage: 'nap' }, 'invalid-argument'],
			[{ type: 'setLearningRate', lr: NaN }, 'non-finite'],
			[{ type: 'setLearningRate', lr: -1 }, 'out-of-range'],
			[{ type: 'setLearningRate', lr: 1e-3, stages: ['inference'] }, 'invalid-argument']
		];
		for (const [message, code] of after) {
			expect(send(message), JSON.stringify(message)).toMatchObject({ ok: false, error: { code } });
		}
		// None of them changed the run or started the loop.
		expect(handler.playing).toBe(false);
		const f = send({ type: 'pause' });
		expect(f).toMatchObject({ ok: true, frame: { metrics: { step: 0, diverged: false } } });
	});

	it('dispose stops the loop and forgets the run', () => {
		const time = fakeClock();
		const { send, handler } = harness(time.clock);
		send({ type: 'create', options: SMALL });
		send({ type: 'play', rate: 60 });
		handler.dispose();
		expect(handler.playing).toBe(false);
		expect(time.timers).toBe(0);
		expect(send({ type: 'step' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
	});
});

/**
 * An in-memory worker: requests reach the handler and responses come back as `message` events,
 * each through `structuredClone` with its transfer list (as `postMessage` does).
 */
class FakeWorker extends EventTarget {
	readonly handler;
	readonly sent: WeightFieldWorkerRequest[] = [];
	constructor(clock?: WeightFieldWorkerClock) {
		super();
		this.handler = createWeightFieldWorkerHandler((response, transfer) => {
			const data = structuredClone(response, { transfer });
			queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data })));
		}, clock);
	}
	postMessage(message: WeightFieldWorkerRequest, transfer: ArrayBuffer[]) {
		this.sent.push(message);
		const data = structuredClone(message, { transfer });
		queueMicrotask(() => this.handler.handle(data));
	}
	fail(message = 'worker.js: 404') {
		this.dispatchEvent(Object.assign(new Event('error'), { message }));
	}
}
const asWorker = (w: FakeWorker) => w as unknown as WeightFieldWorkerLike;

/** A worker stand-in on a real MessageChannel (Node's structured cloning and transfer). */
function channelWorker(): { port: MessagePort; close(): void } {
	const { port1, port2 } = new MessageChannel();
	const handler = createWeightFieldWorkerHandler((response, transfer) =>
		port1.postMessage(response, transfer)
	);
	port1.on('message', (data: unknown) => handler.handle(data));
	return { port: port2, close: () => (handler.dispose(), port1.close(), port2.close()) };
}

describe('createWeightFieldWorkerClient', () => {
	let close = () => {};
	afterEach(() => close());

	it('round-trips every request, resolving each with its frame, and reports every frame in order', async () => {
		const w = new FakeWorker();
		const seen: number[] = [];
		const client = createWeightFieldWorkerClient(asWorker(w), { onFrame: (f) => seen.push(f.seq) });
		const created = await client.create(SMALL);
		expect(created.info.weightCount).toBe(P);
		expect(created.warning).toBeNull();
		expect((await client.step(3)).metrics.step).toBe(3);
		expect((await client.setStage('finetune-full')).metrics.stage).toBe('finetune-full');
		expect((await client.setLearningRate(1e-3, ['finetune-full'])).metrics.stage).toBe('finetune-full');
		expect((await client.reset()).historyReset).toBe(true);
		expect((await client.pause()).playing).toBe(false);
		expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
		expect(client.failed).toBe(false);
		client.dispose();
	});

	it('N steps through a real MessageChannel give bit-identical weights and metrics to N direct steps', async () => {
		const w = channelWorker();
		close = w.close;
		const client = createWeightFieldWorkerClient(w.port as unknown as WeightFieldWorkerLike);
		const options: WeightFieldRunOptions = { seed: 1234, dModel: 16, heads: 4, context: 12, batch: 3 };
		await client.create(options);
		const direct = createWeightFieldRun(options);
		let f: WeightFieldFrame | undefined;
		for (const n of [1, 9, 20]) f = await client.step(n);
		direct.step(30);
		const s = direct.snapshot();
		expect(f!.weights.length).toBe(direct.weightCount);
		expect(bits(f!.weights)).toEqual(bits(s.weights));
		expect(bits(f!.updates)).toEqual(bits(s.updates));
		expect(f!.metrics).toEqual(direct.metrics());
		expect(f!.metrics.totalStep).toBe(30);
		client.dispose();
	});

	it('plays, acknowledging frames, and hands buffers back', async () => {
		const w = new FakeWorker();
		const frames: WeightFieldFrame[] = [];
		let done: () => void = () => {};
		const finished = new Promise<void>((r) => (done = r));
		const client = createWeightFieldWorkerClient(asWorker(w), {
			onFrame(f) {
				frames.push(f);
				client.ack(f.seq, frames.length > 2 ? [frames[frames.length - 3].weights] : []);
				if (f.finished) done();
			}
		});
		await client.create(SMALL);
		await client.play(1000, { stageLengths: { pretrain: 6 }, ahead: 1 });
		await finished;
		expect(frames.filter((f) => f.steps === 1).map((f) => f.metrics.step)).toEqual([1, 2, 3, 4, 5, 6]);
		// Handed-back arrays are moved to the worker: empty here.
		expect(frames[0].weights.length).toBe(0);
		expect(frames.at(-1)!.weights.length).toBe(P);
		const acks = w.sent.filter((m) => m.type === 'ack');
		expect(acks.length).toBe(frames.length);
		client.dispose();
	});

	it('rejects failures with the worker’s error code', async () => {
		const client = createWeightFieldWorkerClient(asWorker(new FakeWorker()));
		await expect(client.step()).rejects.toMatchObject({ name: 'AnatomyError', code: 'invalid-argument' });
		await client.create(SMALL);
		const e = await client.setLearningRate(NaN).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(AnatomyError);
		expect(e).toMatchObject({ code: 'non-finite' });
		await expect(client.play(-1)).rejects.toMatchObject({ code: 'out-of-range' });
		client.dispose();
	});

	it('an error event (the worker failed to start) rejects what is pending, calls onFailure once, and refuses new requests', async () => {
		const w = new FakeWorker();
		// A worker that never answers: its handler is replaced by a black hole.
		w.postMessage = vi.fn();
		const onFailure = vi.fn();
		const client = createWeightFieldWorkerClient(asWorker(w), { onFailure });
		const pending = client.create(SMALL);
		w.fail();
		await expect(pending).rejects.toMatchObject({ code: 'backend-unavailable', message: /404/ });
		expect(onFailure).toHaveBeenCalledTimes(1);
		expect(client.failed).toBe(true);
		w.dispatchEvent(new Event('messageerror'));
		expect(onFailure).toHaveBeenCalledTimes(1);
		await expect(client.step()).rejects.toMatchObject({ code: 'backend-unavailable' });
		client.ack(1); // ignored
		expect(w.postMessage).toHaveBeenCalledTimes(1);
		client.dispose();
	});

	it('dispose rejects pending requests and stops listening', async () => {
		const w = new FakeWorker();
		const onFrame = vi.fn();
		const client = createWeightFieldWorkerClient(asWorker(w), { onFrame });
		const pending = client.create(SMALL);
		client.dispose();
		await expect(pending).rejects.toMatchObject({ code: 'backend-unavailable', message: /disposed/ });
		await new Promise((r) => setTimeout(r, 10));
		expect(onFrame).not.toHaveBeenCalled();
		await expect(client.reset()).rejects.toMatchObject({ code: 'backend-unavailable' });
		w.handler.dispose();
	});
});
