import { describe, expect, it, vi } from 'vitest';
import { DialMotion, MOTION_MS } from './rope-dial.svelte.js';

/** A window whose frames are run by hand. */
function fakeWindow() {
	let now = 0;
	const queue = new Map<number, FrameRequestCallback>();
	let id = 0;
	const win = {
		performance: { now: () => now },
		requestAnimationFrame: vi.fn((cb: FrameRequestCallback) => {
			queue.set(++id, cb);
			return id;
		}),
		cancelAnimationFrame: vi.fn((h: number) => void queue.delete(h))
	};
	const frame = (dt: number) => {
		now += dt;
		const cbs = [...queue.values()];
		queue.clear();
		for (const cb of cbs) cb(now);
	};
	return { win: win as unknown as Window & typeof globalThis, frame, pending: () => queue.size };
}

describe('DialMotion', () => {
	it('jumps straight to the target without animation (reduced motion, off screen)', () => {
		const { win } = fakeWindow();
		const m = new DialMotion([0, 0]);
		m.to([5, 2], false, win);
		expect(m.current).toEqual([5, 2]);
		expect(m.running).toBe(false);
		expect(win.requestAnimationFrame).not.toHaveBeenCalled();
	});

	it('eases to the target and stops scheduling frames when it arrives', () => {
		const { win, frame, pending } = fakeWindow();
		const m = new DialMotion([0]);
		m.to([10], true, win);
		expect(m.running).toBe(true);
		frame(MOTION_MS / 2);
		// ease-out cubic at t = 1/2: 1 − (1/2)³ = 7/8
		expect(m.current[0]).toBeCloseTo(8.75, 12);
		frame(MOTION_MS);
		expect(m.current).toEqual([10]);
		expect(m.running).toBe(false);
		expect(pending()).toBe(0);
	});

	it('cancels its frame when stopped (unmount), leaving nothing scheduled', () => {
		const { win, frame, pending } = fakeWindow();
		const m = new DialMotion([0]);
		m.to([10], true, win);
		frame(10);
		m.stop();
		expect(win.cancelAnimationFrame).toHaveBeenCalled();
		expect(pending()).toBe(0);
		expect(m.running).toBe(false);
	});
});
