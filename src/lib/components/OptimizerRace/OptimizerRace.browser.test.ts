import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import OptimizerRace from './OptimizerRace.svelte';

// WCAG 2.0 and 2.1 A/AA rules and best practices; label-content-name-mismatch (visible text of a
// control in its accessible name) is named as well, since older axe-core tags it 'experimental'.
const AXE_OPTIONS: axe.RunOptions = {
	runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
	rules: { 'label-content-name-mismatch': { enabled: true } }
};

const attr = (root: Element, name: string) => root.querySelector('.la-optimizer-race')!.getAttribute(name);

/** The readout row of one optimizer: its exact position and loss. */
function row(root: Element, optimizer: string) {
	const tr = root.querySelector(`tr[data-optimizer="${optimizer}"]`);
	if (!tr) return null;
	return {
		x: Number(tr.getAttribute('data-x')),
		y: Number(tr.getAttribute('data-y')),
		loss: Number(tr.getAttribute('data-loss')),
		distance: Number(tr.getAttribute('data-distance')),
		text: tr.textContent ?? ''
	};
}
const ALL = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'];

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => {
	expect(errors).not.toHaveBeenCalled();
	errors.mockRestore();
});

describe('OptimizerRace', () => {
	it('starts every optimizer at the chosen start, and SGD’s first step is start − lr·∇f(start) (bowl, by hand)', async () => {
		const screen = await render(OptimizerRace, {
			surface: 'bowl',
			lr: 0.1,
			start: [-2.5, 2],
			autoplay: false
		});
		const root = screen.container;
		for (const o of ALL) expect([row(root, o)!.x, row(root, o)!.y]).toEqual([-2.5, 2]);
		// f = x² + y², ∇f(−2.5, 2) = (−5, 4); SGD: (−2.5 − 0.1·(−5), 2 − 0.1·4) = (−2, 1.6); f = 4 + 2.56
		await screen.getByRole('button', { name: 'Step', exact: true }).click();
		expect(attr(root, 'data-step')).toBe('1');
		const sgd = row(root, 'sgd')!;
		expect(sgd.x).toBeCloseTo(-2, 14);
		expect(sgd.y).toBeCloseTo(1.6, 14);
		expect(sgd.loss).toBeCloseTo(6.56, 13);
		expect(sgd.distance).toBeCloseTo(Math.hypot(-2, 1.6), 13);
		// Adam's first step moves every coordinate by lr (m̂/√v̂ = g/|g| = ±1 at t = 1): (−2.4, 1.9)
		const adam = row(root, 'adam')!;
		expect(adam.x).toBeCloseTo(-2.4, 6);
		expect(adam.y).toBeCloseTo(1.9, 6);
	});

	it('moves the start where the map is clicked, and every trail begins there', async () => {
		const onStartChange = vi.fn();
		const screen = await render(OptimizerRace, { surface: 'bowl', autoplay: false, onStartChange });
		const map = screen.getByRole('button', { name: /Contour map of Bowl/ });
		const el = map.element() as HTMLElement;
		// the button lies over the drawing, which is its sibling
		const svg = el.parentElement!.querySelector('svg')!;
		const r = svg.getBoundingClientRect();
		const vb = svg.viewBox.baseVal;
		// the plot of the bowl spans x ∈ [−3, 3] over viewBox x 34 … 474; aim at x = 1.5, y = −1.5
		const px = ((34 + (440 * 4.5) / 6) / vb.width) * r.width;
		const py = ((8 + (440 * 4.5) / 6) / vb.height) * r.height;
		const er = el.getBoundingClientRect();
		await userEvent.click(map, { position: { x: px + (r.left - er.left), y: py + (r.top - er.top) } });
		expect(onStartChange).toHaveBeenCalledTimes(1);
		const [x, y] = onStartChange.mock.calls[0][0];
		// a pixel is 6/440 of a unit, so the click lands within 0.02 of the aim
		expect(Math.abs(x - 1.5)).toBeLessThan(0.02);
		expect(Math.abs(y + 1.5)).toBeLessThan(0.02);
		expect(attr(screen.container, 'data-step')).toBe('0');
		for (const o of ALL) expect([row(screen.container, o)!.x, row(screen.container, o)!.y]).toEqual([x, y]);
	});

	it('moves a crosshair with the arrow keys and sets the start with Enter', async () => {
		const onStartChange = vi.fn();
		const screen = await render(OptimizerRace, {
			surface: 'bowl',
			start: [0, 0],
			autoplay: false,
			onStartChange
		});
		(screen.getByRole('button', { name: /Contour map/ }).element() as HTMLElement).focus();
		// each arrow moves 1/50 of the 6-wide domain (0.12); Shift moves 1/10 (0.6)
		await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}');
		await expect.element(screen.getByText(/Crosshair at x 0\.240, y 0\.120/)).toBeInTheDocument();
		await userEvent.keyboard('{Shift>}{ArrowDown}{/Shift}');
		await userEvent.keyboard('{Enter}');
		expect(onStartChange).toHaveBeenCalledTimes(1);
		const [x, y] = onStartChange.mock.calls[0][0];
		expect(x).toBeCloseTo(0.24, 12);
		expect(y).toBeCloseTo(-0.48, 12);
		await expect.element(screen.getByText(/Start moved to x 0\.240, y −0\.480/)).toBeInTheDocument();
	});

	it('shows a “diverged” badge for a huge learning rate and clips the trail to the map', async () => {
		const screen = await render(OptimizerRace, { surface: 'bowl', lr: 1e6, autoplay: false });
		const root = screen.container;
		await screen.getByRole('button', { name: 'Step', exact: true }).click();
		await expect.element(screen.getByText('SGD diverged at step 1')).toBeInTheDocument();
		// every run stopped at step 1, so there is nothing left to step through
		await expect.element(screen.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
		expect(attr(root, 'data-diverged')).toBe(ALL.join(' '));
		expect(row(root, 'sgd')!.text).toMatch(/diverged/);
		// no trail point and no marker lies outside the map's neighbourhood
		for (const line of root.querySelectorAll('polyline.trail')) {
			for (const pair of line.getAttribute('points')!.trim().split(/\s+/)) {
				const [px, py] = pair.split(',').map(Number);
				expect(Math.abs(px)).toBeLessThan(2000);
				expect(Math.abs(py)).toBeLessThan(2000);
			}
		}
		expect(root.querySelectorAll('[data-marker]').length).toBe(0);
		expect(screen.container.querySelector('[role="alert"]')).toBeNull();
	});

	it('stands still at learning rate 0 and explains NaN, negative steps and unknown surfaces inline', async () => {
		const screen = await render(OptimizerRace, { surface: 'bowl', lr: 0, start: [1, 1], autoplay: false });
		await screen.getByRole('button', { name: 'Step', exact: true }).click();
		for (const o of ALL) expect([row(screen.container, o)!.x, row(screen.container, o)!.y]).toEqual([1, 1]);

		await screen.rerender({ lr: NaN });
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent(/learning rate must be a finite number ≥ 0, got NaN/);
		expect(screen.container.querySelectorAll('tr[data-optimizer]').length).toBe(0);

		await screen.rerender({ lr: 0.1, steps: -3 });
		await expect
			.element(screen.getByText(/Steps must be a whole number from 0 to 5000; using 0/))
			.toBeInTheDocument();
		expect(attr(screen.container, 'data-steps')).toBe('0');

		await screen.rerender({ steps: 1e9 });
		expect(attr(screen.container, 'data-steps')).toBe('5000');

		await screen.rerender({ steps: 10, surface: 'moon' });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/no surface called “moon”/);
		expect(attr(screen.container, 'data-surface')).toBe('himmelblau');

		await screen.rerender({ surface: 'bowl', beta1: 1.5 });
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent('The race cannot run: beta1 must be in [0, 1), got 1.5');

		await screen.rerender({ beta1: 0.9, start: [NaN, 1] as [number, number] });
		await expect.element(screen.getByText(/adjusted: start = \(−2\.50, 2\.00\)/)).toBeInTheDocument();
	});

	it('plays, pauses, steps and resets', async () => {
		const onStepChange = vi.fn();
		const screen = await render(OptimizerRace, {
			surface: 'valley',
			autoplay: false,
			speed: 120,
			onStepChange
		});
		const root = screen.container;
		expect(attr(root, 'data-running')).toBe('false');
		await screen.getByRole('button', { name: 'Play' }).click();
		await vi.waitFor(() => expect(Number(attr(root, 'data-step'))).toBeGreaterThan(5));
		await screen.getByRole('button', { name: 'Pause' }).click();
		const paused = attr(root, 'data-step');
		expect(attr(root, 'data-running')).toBe('false');
		await new Promise((r) => setTimeout(r, 150));
		expect(attr(root, 'data-step')).toBe(paused);
		await screen.getByRole('button', { name: 'Step', exact: true }).click();
		expect(Number(attr(root, 'data-step'))).toBe(Number(paused) + 1);
		await screen.getByRole('button', { name: 'Reset' }).click();
		expect(attr(root, 'data-step')).toBe('0');
		expect(onStepChange).toHaveBeenLastCalledWith(0);
	});

	it('runs to the end and stops by itself', async () => {
		const onPlayingChange = vi.fn();
		const screen = await render(OptimizerRace, { steps: 12, speed: 240, onPlayingChange });
		await vi.waitFor(() => expect(attr(screen.container, 'data-step')).toBe('12'));
		await vi.waitFor(() => expect(attr(screen.container, 'data-running')).toBe('false'));
		expect(onPlayingChange).toHaveBeenLastCalledWith(false);
	});

	it('leaves no animation frame scheduled after mounting and unmounting 100 times', async () => {
		const pending = new Set<number>();
		const raf = window.requestAnimationFrame.bind(window);
		const caf = window.cancelAnimationFrame.bind(window);
		const rafSpy = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
			const h = raf((time) => {
				pending.delete(h);
				cb(time);
			});
			pending.add(h);
			return h;
		});
		const cafSpy = vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((h) => {
			pending.delete(h);
			caf(h);
		});
		try {
			let sawRunning = 0;
			for (let k = 0; k < 100; k++) {
				const screen = await render(OptimizerRace, { surface: 'bowl', steps: 50, gridSize: 40 });
				if (k % 10 === 0) {
					await vi.waitFor(() => expect(attr(screen.container, 'data-running')).toBe('true'));
					sawRunning++;
				}
				await screen.unmount();
			}
			expect(sawRunning).toBe(10);
			expect(rafSpy).toHaveBeenCalled();
			await new Promise((r) => setTimeout(r, 100));
			expect(pending.size).toBe(0);
			const calls = rafSpy.mock.calls.length;
			await new Promise((r) => setTimeout(r, 100));
			expect(rafSpy.mock.calls.length).toBe(calls);
		} finally {
			rafSpy.mockRestore();
			cafSpy.mockRestore();
		}
	});

	it('does not start on its own under prefers-reduced-motion, but Step still works', async () => {
		const session = cdp();
		await session.send('Emulation.setEmulatedMedia', {
			features: [{ name: 'prefers-reduced-motion', value: 'reduce' }]
		});
		try {
			await vi.waitFor(() => expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true));
			const screen = await render(OptimizerRace, { surface: 'bowl' });
			await new Promise((r) => setTimeout(r, 200));
			expect(attr(screen.container, 'data-step')).toBe('0');
			expect(attr(screen.container, 'data-playing')).toBe('false');
			await screen.getByRole('button', { name: 'Step', exact: true }).click();
			expect(attr(screen.container, 'data-step')).toBe('1');
		} finally {
			await session.send('Emulation.setEmulatedMedia', { features: [] });
		}
	});

	it('toggles optimizers, switches surfaces and takes typed learning rates', async () => {
		const onOptimizersChange = vi.fn();
		const onLrChange = vi.fn();
		const onSurfaceChange = vi.fn();
		const screen = await render(OptimizerRace, {
			autoplay: false,
			onOptimizersChange,
			onLrChange,
			onSurfaceChange
		});
		const root = screen.container;
		await screen.getByRole('checkbox', { name: 'SGD' }).click();
		expect(onOptimizersChange).toHaveBeenLastCalledWith(['momentum', 'nesterov', 'rmsprop', 'adam', 'adamw']);
		expect(row(root, 'sgd')).toBeNull();
		await screen.getByRole('checkbox', { name: 'SGD' }).click();
		expect(row(root, 'sgd')).not.toBeNull();

		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Loss surface' }), 'rosenbrock');
		expect(onSurfaceChange).toHaveBeenLastCalledWith('rosenbrock');
		expect(attr(root, 'data-surface')).toBe('rosenbrock');
		// back to Rosenbrock's own start (−1.2, 1) and its suggested rate 0.001
		expect(root.querySelector('[data-start]')!.getAttribute('data-start')).toBe('-1.2,1');
		const typed = screen.getByRole('textbox', { name: /Learning rate \(type a value\)/ });
		await expect.element(typed).toHaveValue('0.001');

		await userEvent.fill(typed, '2e-3');
		await userEvent.keyboard('{Enter}');
		expect(onLrChange).toHaveBeenLastCalledWith(0.002);
		await userEvent.fill(typed, 'fast');
		await userEvent.keyboard('{Enter}');
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/Type a number of 0 or more/);
		expect(onLrChange).toHaveBeenCalledTimes(1);
	});

	it('draws log-spaced contours for Rosenbrock: levels grow by a constant factor above the minimum', async () => {
		const screen = await render(OptimizerRace, { surface: 'rosenbrock', autoplay: false, levels: 10 });
		const levels = [...screen.container.querySelectorAll('path.band')].map((p) =>
			Number(p.getAttribute('data-level'))
		);
		expect(levels).toHaveLength(10);
		// the grid's minimum is ≥ 0 and tiny, so successive levels keep a ratio close to 10^(4/10)
		const ratios = levels.slice(2).map((v, i) => v / levels[i + 1]);
		for (const r of ratios) expect(r).toBeCloseTo(10 ** 0.4, 1);
	});

	it('keeps the map’s drawn text out of its button, and the button over the whole drawing', async () => {
		const screen = await render(OptimizerRace, { surface: 'bowl', autoplay: false });
		const map = screen.getByRole('button', { name: /Contour map of Bowl/ });
		const el = map.element() as HTMLElement;
		expect(el.textContent).toBe('');
		expect(el.querySelector('svg')).toBeNull();
		const svg = el.parentElement!.querySelector('svg')!;
		expect(svg.getAttribute('aria-hidden')).toBe('true');
		// the tick labels, "min" and "start" are drawn, outside the button
		const drawn = [...svg.querySelectorAll('text')].map((t) => t.textContent);
		expect(drawn).toEqual(expect.arrayContaining(['start', 'min']));
		const a = el.getBoundingClientRect();
		const b = svg.getBoundingClientRect();
		for (const k of ['left', 'top', 'width', 'height'] as const)
			expect(Math.abs(a[k] - b[k])).toBeLessThan(1);
	});

	it('has no axe violations', async () => {
		const screen = await render(OptimizerRace, { autoplay: false, step: 40 });
		const res = await axe.run(screen.container, AXE_OPTIONS);
		expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
	});

	it('renders in Chinese', async () => {
		const screen = await render(OptimizerRace, { locale: 'zh', autoplay: false });
		await expect.element(screen.getByRole('heading', { name: '同样的梯度，不同的路径' })).toBeInTheDocument();
		await expect.element(screen.getByRole('checkbox', { name: '动量法' })).toBeInTheDocument();
	});
});
