import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import OptimizerRace from './OptimizerRace.svelte';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => {
	expect(errors).not.toHaveBeenCalled();
	errors.mockRestore();
});

describe('OptimizerRace on the server', () => {
	it('renders the contour map, the start, the minima and the readout table, touching no browser global', () => {
		expect(typeof window).toBe('undefined');
		const { body } = render(OptimizerRace, { props: {} });
		expect(body).toContain('la-optimizer-race');
		expect(body).toContain('<figure');
		expect(body).toContain('Same gradients, different paths');
		// the contours are drawn on the server: 18 filled levels of Himmelblau's surface
		expect(body).toContain('data-bands="18"');
		expect((body.match(/class="band[ "]/g) ?? []).length).toBe(18);
		// Himmelblau has four minima, all inside the map; the start is its suggested start
		expect((body.match(/data-minimum=/g) ?? []).length).toBe(4);
		expect(body).toContain('data-start="-0.3,-0.9"');
		// one readout row per optimizer, at step 0
		for (const o of ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'])
			expect(body).toContain(`data-optimizer="${o}"`);
		expect(body).toContain('data-step="0"');
		expect(body).toContain('data-running="false"');
	});

	it('renders in Chinese', () => {
		const { body } = render(OptimizerRace, { props: { locale: 'zh' } });
		expect(body).toContain('同样的梯度，不同的路径');
		expect(body).toContain('动量法');
	});

	it('shows messages for an unknown surface, a NaN learning rate and negative steps instead of throwing', () => {
		const { body } = render(OptimizerRace, { props: { surface: 'moon', lr: NaN, steps: -5 } });
		expect(body).toContain('There is no surface called “moon”');
		expect(body).toMatch(/The race cannot run: learning rate must be a finite number ≥ 0, got NaN/);
		expect(body).toContain('Steps must be a whole number from 0 to 5000; using 0.');
		expect(body).toContain('data-surface="himmelblau"');
	});
});
