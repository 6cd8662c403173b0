import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Playback } from './sampling-panel.svelte.js';

describe('Playback', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows the first token at once, then one per interval, and stops at the end', () => {
		const seen: number[] = [];
		const p = new Playback((n) => seen.push(n));
		p.play(() => 4, 100, false);
		expect(p.count).toBe(1);
		expect(p.playing).toBe(true);
		vi.advanceTimersByTime(250);
		expect(p.count).toBe(3);
		vi.advanceTimersByTime(1000);
		expect(p.count).toBe(4);
		expect(p.playing).toBe(false);
		expect(seen).toEqual([1, 2, 3, 4]);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('shows everything at once when asked (reduced motion)', () => {
		const p = new Playback();
		p.play(() => 6, 100, true);
		expect(p.count).toBe(6);
		expect(p.playing).toBe(false);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('stops where the sequence ends if it gets shorter while playing', () => {
		let total = 10;
		const p = new Playback();
		p.play(() => total, 50, false);
		vi.advanceTimersByTime(100);
		total = 3;
		vi.advanceTimersByTime(1000);
		expect(p.count).toBe(3);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('steps, stops and resets, leaving no timer behind', () => {
		const p = new Playback();
		p.play(() => 5, 100, false);
		p.stop();
		expect(vi.getTimerCount()).toBe(0);
		expect(p.count).toBe(1);
		p.step(5);
		p.step(5);
		expect(p.count).toBe(3);
		p.step(3);
		expect(p.count).toBe(3);
		p.reset();
		expect(p.count).toBe(0);
		p.play(() => 0, 100, false);
		expect(p.playing).toBe(false);
		expect(vi.getTimerCount()).toBe(0);
	});
});
