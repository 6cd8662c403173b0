import { describe, expect, it } from 'vitest';
import { FrameLoop } from './loop.js';

/** A fake requestAnimationFrame: callbacks wait until `flush()` runs them (one frame). */
function fakeFrames() {
	let next = 1;
	const pending = new Map<number, (t: number) => void>();
	let time = 0;
	return {
		pending,
		raf: (cb: (t: number) => void) => {
			pending.set(next, cb);
			return next++;
		},
		caf: (id: number) => void pending.delete(id),
		flush() {
			time += 16;
			const due = [...pending.values()];
			pending.clear();
			for (const cb of due) cb(time);
		}
	};
}

describe('FrameLoop', () => {
	it('runs one frame per animation frame until stopped, leaving nothing scheduled', () => {
		const f = fakeFrames();
		let frames = 0;
		const loop = new FrameLoop({ raf: f.raf, caf: f.caf, frame: () => void frames++ });
		loop.start();
		loop.start(); // idempotent
		expect(f.pending.size).toBe(1);
		f.flush();
		f.flush();
		expect(frames).toBe(2);
		expect(loop.running).toBe(true);
		loop.stop();
		expect(f.pending.size).toBe(0);
		f.flush();
		expect(frames).toBe(2);
		expect(loop.running).toBe(false);
	});

	it('stops when a frame returns false or calls stop()', () => {
		const f = fakeFrames();
		let n = 0;
		const a = new FrameLoop({ raf: f.raf, caf: f.caf, frame: () => ++n < 3 });
		a.start();
		for (let i = 0; i < 10; i++) f.flush();
		expect(n).toBe(3);
		expect(f.pending.size).toBe(0);
		const b: FrameLoop = new FrameLoop({ raf: f.raf, caf: f.caf, frame: () => b.stop() });
		b.start();
		f.flush();
		expect(f.pending.size).toBe(0);
		expect(b.running).toBe(false);
	});

	it('restarts after a stop, and a throwing frame stops the loop', () => {
		const f = fakeFrames();
		let n = 0;
		const loop = new FrameLoop({ raf: f.raf, caf: f.caf, frame: () => void n++ });
		loop.start();
		loop.stop();
		loop.start();
		f.flush();
		expect(n).toBe(1);
		loop.stop();
		const bad = new FrameLoop({
			raf: f.raf,
			caf: f.caf,
			frame: () => {
				throw new Error('boom');
			}
		});
		bad.start();
		expect(() => f.flush()).toThrow('boom');
		expect(f.pending.size).toBe(0);
		expect(bad.running).toBe(false);
	});
});
