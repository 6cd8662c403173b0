import { describe, expect, it } from 'vitest';
import { DecodePlayer, type FrameHost } from './kv-cache-meter.svelte.js';

/** A fake frame host: frames fire only when the test says so. */
function host() {
	let next = 1;
	const pending = new Map<number, (t: number) => void>();
	const h: FrameHost & { fire(t: number): void; pending: () => number } = {
		requestAnimationFrame(cb) {
			pending.set(next, cb);
			return next++;
		},
		cancelAnimationFrame(id) {
			pending.delete(id);
		},
		fire(t) {
			const cbs = [...pending.values()];
			pending.clear();
			for (const cb of cbs) cb(t);
		},
		pending: () => pending.size
	};
	return h;
}

describe('DecodePlayer', () => {
	it('steps, stops at the end, resets and jumps', () => {
		const p = new DecodePlayer(() => 3);
		expect(p.current).toBe(-1);
		p.next();
		p.next();
		p.next();
		expect(p.current).toBe(2);
		expect(p.atEnd).toBe(true);
		p.next();
		expect(p.current).toBe(2);
		p.reset();
		expect(p.current).toBe(-1);
		p.toEnd();
		expect(p.current).toBe(2);
		p.play();
		expect(p.current).toBe(-1);
		expect(p.playing).toBe(true);
	});

	it('plays at the requested rate and stops its loop at the end', () => {
		const p = new DecodePlayer(() => 10);
		const h = host();
		p.play();
		const stop = p.run(h, () => 4);
		h.fire(0); // first frame: the prefill (step 0)
		expect(p.current).toBe(0);
		h.fire(500); // 0.5 s at 4 steps/s = 2 steps
		expect(p.current).toBe(2);
		h.fire(10_000);
		expect(p.current).toBe(9);
		expect(p.playing).toBe(false);
		expect(h.pending()).toBe(0);
		stop();
	});

	it('cancels the pending frame when stopped', () => {
		const p = new DecodePlayer(() => 1000);
		const h = host();
		const stop = p.run(h, () => 1);
		expect(h.pending()).toBe(1);
		stop();
		expect(h.pending()).toBe(0);
	});
});

describe('DecodePlayer with an outside store', () => {
	it('reads and writes the step through the store and clamps odd values', () => {
		let step = 5;
		const seen: number[] = [];
		const p = new DecodePlayer(() => 4, {
			get: () => step,
			set: (v) => {
				step = v;
				seen.push(v);
			}
		});
		expect(p.current).toBe(3);
		step = NaN;
		expect(p.current).toBe(-1);
		p.next();
		expect(seen).toEqual([0]);
		step = -40;
		expect(p.current).toBe(-1);
	});
});
