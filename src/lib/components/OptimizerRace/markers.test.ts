import { describe, expect, it } from 'vitest';
import { OPTIMIZER_STYLES, markerPath, type MarkerShape } from './markers.js';

describe('optimizer styles', () => {
	it('gives every optimizer its own colour and its own marker shape', () => {
		const styles = Object.values(OPTIMIZER_STYLES);
		expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length);
		expect(new Set(styles.map((s) => s.shape)).size).toBe(styles.length);
	});

	it('draws each shape as a closed path within about its radius', () => {
		const shapes: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'];
		for (const s of shapes) {
			const d = markerPath(s, 10);
			expect(d.endsWith('Z')).toBe(true);
			const nums = [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Math.abs(Number(m[0])));
			// arc flags and sweep flags are 0/1; every coordinate stays within 1.2 r
			expect(Math.max(...nums)).toBeLessThanOrEqual(12);
		}
	});
});
