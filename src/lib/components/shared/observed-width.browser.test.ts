import { describe, expect, it } from 'vitest';
import { ObservedWidth } from './observed-width.svelte.js';

const frames = (n = 2) =>
	new Promise<void>((resolve) => {
		const next = (k: number) => (k === 0 ? resolve() : requestAnimationFrame(() => next(k - 1)));
		next(n);
	});

describe('ObservedWidth', () => {
	it('follows an element’s clientWidth after layout, and stops when detached', async () => {
		const el = document.createElement('div');
		el.style.cssText = 'width: 300px; padding: 0 10px; border: 2px solid';
		document.body.append(el);
		const w = new ObservedWidth();
		const detach = w.attach(el)!;
		expect(w.current).toBe(0); // not read while attaching: the observer reports it after layout
		await expect.poll(() => w.current).toBe(320); // clientWidth: content and padding, no border
		el.style.width = '200px';
		await expect.poll(() => w.current).toBe(220);
		detach();
		el.style.width = '100px';
		await frames(3);
		expect(w.current).toBe(220);
		el.remove();
	});
});
