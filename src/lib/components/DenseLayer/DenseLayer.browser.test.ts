import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import DenseLayer from './DenseLayer.svelte';
import { handLayer } from './fixtures.js';

// WCAG 2.0 and 2.1 A/AA rules and best practices; label-content-name-mismatch (visible text of a
// control in its accessible name) is named as well, since older axe-core tags it 'experimental'.
const AXE_OPTIONS: axe.RunOptions = {
	runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
	rules: { 'label-content-name-mismatch': { enabled: true } }
};

// Expected values: the hand calculation in fixtures.ts.
describe('DenseLayer', () => {
	afterEach(() => vi.restoreAllMocks());

	it('marks firing and suppressed hidden units', async () => {
		const screen = await render(DenseLayer, handLayer);
		const root = screen.container.querySelector('.la-dense-layer')!;
		expect(root.getAttribute('data-firing')).toBe('2');
		expect(screen.container.querySelector('[data-target="h1"]')!.classList.contains('fires')).toBe(true);
		expect(screen.container.querySelector('[data-target="h2"]')!.classList.contains('suppressed')).toBe(true);
		expect(screen.container.querySelector('[data-target="h3"]')!.classList.contains('fires')).toBe(true);
	});

	it('names each node by its visible text and describes it in words', async () => {
		const screen = await render(DenseLayer, handLayer);
		// fixtures.ts: x1 = 0.8; z1_2 = 0.8·(−0.5) + (−0.3)·0.4 = −0.52, so ReLU gives 0
		const x1 = screen.getByRole('button', { name: 'x1 0.80', exact: true });
		await expect.element(x1).toHaveAccessibleDescription('Input x1 = 0.800');
		const h2 = screen.getByRole('button', { name: 'h2 0', exact: true });
		await expect.element(h2).toHaveAccessibleDescription('Hidden unit h2: z = −0.520, a = 0, suppressed');
		// Z2 = [0.398, 0.022]: the circle shows two digits, the description three
		const o1 = screen.getByRole('button', { name: 'o1 0.40', exact: true });
		await expect.element(o1).toHaveAccessibleDescription('Output o1 = 0.398');
		// the visible text of each node is exactly the start of its name
		for (const el of screen.container.querySelectorAll('[data-target]')) {
			const shown = [...el.nextElementSibling!.querySelectorAll('text')].map((t) => t.textContent);
			const [value, unit] = shown;
			expect(el.getAttribute('aria-label')).toBe(`${unit} ${value}`);
		}
	});

	it('writes out a unit’s multiplication when the unit is hovered, focused or pressed', async () => {
		const onInspectChange = vi.fn();
		const screen = await render(DenseLayer, { ...handLayer, onInspectChange });
		const inspector = screen.getByTestId('inspector');
		await screen.getByRole('button', { name: /^h3 / }).hover();
		await expect.element(inspector).toHaveTextContent('= 0.160 + 0.180 + 0.100 = 0.440');
		expect(onInspectChange).toHaveBeenLastCalledWith('h3');
		(screen.getByRole('button', { name: /^o1 / }).element() as HTMLElement).focus();
		await expect.element(inspector).toHaveTextContent('= 0.530 + 0 + (−0.132) + 0 = 0.398');
		await screen.getByRole('button', { name: /^x2 / }).click();
		await expect.element(inspector).toHaveTextContent('x2·w1_22 = (−0.300)·0.400 = −0.120 → h2');
	});

	it('is operable by keyboard: Tab reaches the matrix buttons and the nodes', async () => {
		const screen = await render(DenseLayer, { ...handLayer, showControls: false });
		const w1 = screen.getByRole('button', { name: 'W1', exact: true });
		(w1.element() as HTMLElement).focus();
		await expect.element(w1).toHaveAttribute('aria-pressed', 'true');
		await expect
			.element(screen.getByTestId('inspector'))
			.toHaveTextContent('Z1 = X·W1 + b1 = [0.530, −0.520, 0.440]');
		await userEvent.tab();
		await expect
			.element(screen.getByRole('button', { name: 'Z1', exact: true }))
			.toHaveAttribute('aria-pressed', 'true');
		const h2 = screen.getByRole('button', { name: /^h2 / });
		(h2.element() as HTMLElement).focus();
		await userEvent.keyboard('{Enter}');
		await expect.element(h2).toHaveAttribute('aria-pressed', 'true');
		await expect.element(screen.getByTestId('inspector')).toHaveTextContent('→ suppressed');
	});

	it('recomputes when an input slider moves', async () => {
		const onXChange = vi.fn();
		const screen = await render(DenseLayer, { ...handLayer, onXChange });
		const x1 = screen.getByRole('slider', { name: 'x1' });
		(x1.element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowLeft}');
		// step = range/40 = 0.05, so x1 = 0.75:
		// z1_1 = 0.75·0.7 − 0.03 = 0.495, z1_2 = −0.375 − 0.12 = −0.495, z1_3 = 0.15 + 0.18 + 0.1 = 0.43
		expect(onXChange).toHaveBeenLastCalledWith([0.75, -0.3]);
		await expect.element(screen.getByText(/Z1 = \[0\.495, −0\.495, 0\.430\]/)).toBeInTheDocument();
	});

	it('changes which units fire with the activation', async () => {
		const screen = await render(DenseLayer, handLayer);
		await screen.getByRole('combobox', { name: 'Activation' }).selectOptions('sigmoid');
		// sigmoid is positive everywhere: every hidden unit "fires"
		await vi.waitFor(() =>
			expect(screen.container.querySelector('.la-dense-layer')!.getAttribute('data-firing')).toBe('3')
		);
	});

	it('redraws for new sizes, and shows messages for bad ones without a console error', async () => {
		const errors = vi.spyOn(console, 'error');
		const screen = await render(DenseLayer, { inputs: 4, hidden: 5, outputs: 3 });
		expect(screen.container.querySelectorAll('[data-target]')).toHaveLength(12);
		expect(screen.container.querySelectorAll('line.edge')).toHaveLength(4 * 5 + 5 * 3);
		await screen.rerender({ inputs: -1, hidden: NaN, outputs: 1e9 });
		await expect.element(screen.getByText(/outputs must be a whole number from 1 to 8/)).toBeInTheDocument();
		expect(screen.container.querySelectorAll('[data-target]')).toHaveLength(1 + 3 + 8);
		await screen.rerender({ w1: [[1, 2]], w2: [[1], [2], [3]] });
		await expect.element(screen.getByText(/A1 is 1×2 but W2 is 3×1/)).toBeInTheDocument();
		expect(screen.container.querySelectorAll('[data-target]')).toHaveLength(0);
		expect(errors).not.toHaveBeenCalled();
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(DenseLayer, handLayer);
			const res = await axe.run(screen.container, AXE_OPTIONS);
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(DenseLayer, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '检视器' })).toBeInTheDocument();
		await expect.element(screen.getByRole('combobox', { name: '激活函数' })).toHaveValue('relu');
	});
});
