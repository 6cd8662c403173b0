import { afterEach, describe, expect, it, vi } from 'vitest';
import { macrotask } from './macrotask.js';

describe('macrotask', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('resolves after the microtasks queued before it, as a new task', async () => {
		const order: string[] = [];
		const done = macrotask().then(() => order.push('macrotask'));
		queueMicrotask(() => order.push('microtask'));
		void Promise.resolve().then(() => order.push('promise'));
		await done;
		expect(order).toEqual(['microtask', 'promise', 'macrotask']);
	});

	it('lets a timer that is already due run before a chain of pauses ends', async () => {
		// A chain of 20 pauses, with a 0 ms timer queued first: the timer fires within the chain.
		let fired = -1;
		let i = 0;
		setTimeout(() => (fired = i), 0);
		for (; i < 20; i++) await macrotask();
		expect(fired).toBeGreaterThanOrEqual(0);
		expect(fired).toBeLessThan(20);
	});

	it('falls back to a timer without MessageChannel', async () => {
		vi.stubGlobal('MessageChannel', undefined);
		const spy = vi.spyOn(globalThis, 'setTimeout');
		await macrotask();
		expect(spy).toHaveBeenCalledTimes(1);
		spy.mockRestore();
	});
});
