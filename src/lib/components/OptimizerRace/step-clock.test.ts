import { describe, expect, it } from 'vitest';
import { StepClock } from './step-clock.js';

/** A fake requestAnimationFrame: frames run only when `frame(t)` is called. */
function fakeFrames() {
	let next = 1;
	const pending = new Map<number, (t: number) => void>();
	return {
		pending,
		raf: (cb: (t: number) => void) => {
			pending.set(next, cb);
			return next++;
		},
		caf: (h: number) => void pending.delete(h),
		frame(t: number) {
			const due = [...pending.entries()];
			pending.clear();
			for (const [, cb] of due) cb(t);
		}
	};
}

describe('StepClock', () => {
	it('takes 30 steps in one second at 30 steps per second (60 frames)', () => {
		const f = fakeFrames();
		let steps = 0;
		const clock = new StepClock({ ...f, rate: 30, onSteps: (n) => void (steps += n) });
		clock.start();
		for (let k = 0; k <= 60; k++) f.frame((k * 1000) / 60);
		expect(steps).toBe(30);
	});

	it('keeps exactly one frame scheduled while running and none after stop()', () => {
		const f = fakeFrames();
		const clock = new StepClock({ ...f, rate: 10, onSteps: () => {} });
		clock.start();
		clock.start();
		expect(f.pending.size).toBe(1);
		f.frame(0);
		expect(f.pending.size).toBe(1);
		clock.stop();
		expect(f.pending.size).toBe(0);
		expect(clock.running).toBe(false);
	});

	it('stops when onSteps returns false', () => {
		const f = fakeFrames();
		let calls = 0;
		const clock = new StepClock({ ...f, rate: 100, onSteps: () => (++calls < 2 ? undefined : false) });
		clock.start();
		for (let k = 0; k < 10; k++) f.frame(k * 20);
		expect(calls).toBe(2);
		expect(f.pending.size).toBe(0);
		expect(clock.running).toBe(false);
	});

	it('takes at most maxPerFrame steps after a long pause (a background tab)', () => {
		const f = fakeFrames();
		const seen: number[] = [];
		const clock = new StepClock({ ...f, rate: 60, maxPerFrame: 3, onSteps: (n) => void seen.push(n) });
		clock.start();
		f.frame(0);
		f.frame(10_000);
		expect(seen).toEqual([3]);
	});

	it('treats a non-positive or NaN rate as one step per second', () => {
		const f = fakeFrames();
		let steps = 0;
		const clock = new StepClock({ ...f, rate: NaN, onSteps: (n) => void (steps += n) });
		clock.start();
		for (let k = 0; k <= 4; k++) f.frame(k * 500);
		expect(steps).toBe(2);
	});

	it('stops and rethrows when onSteps throws, leaving nothing scheduled', () => {
		const f = fakeFrames();
		const clock = new StepClock({
			...f,
			rate: 100,
			onSteps: () => {
				throw new Error('boom');
			}
		});
		clock.start();
		f.frame(0);
		expect(() => f.frame(100)).toThrow('boom');
		expect(f.pending.size).toBe(0);
		expect(clock.running).toBe(false);
	});
});
