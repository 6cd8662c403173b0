import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import NeuronPlot from './NeuronPlot.svelte';

// WCAG 2.0 and 2.1 A/AA rules and best practices; label-content-name-mismatch (visible text of a
// control in its accessible name) is named as well, since older axe-core tags it 'experimental'.
const AXE_OPTIONS: axe.RunOptions = {
	runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
	rules: { 'label-content-name-mismatch': { enabled: true } }
};

// Hand calculation for the default neuron: z = 1.1·0.7 + (−0.85)·(−0.25) + 0.55·0.45 + 0 = 1.23.
// At z = 1.23: e^−1.23 = 0.29229, so sigmoid = 1/1.29229 = 0.77382; SiLU = 1.23·0.77382 = 0.95180;
// tanh = (e^2.46 − 1)/(e^2.46 + 1) = 10.7048/12.7048 = 0.84258; GELU = 1.23·Φ(1.23) = 1.23·0.89065 = 1.0955.
const HAND: Record<string, string> = {
	relu: '1.23',
	gelu: '1.10',
	silu: '0.952',
	sigmoid: '0.774',
	tanh: '0.843'
};

describe('NeuronPlot', () => {
	afterEach(() => vi.restoreAllMocks());

	it('writes out z term by term and reads off each activation', async () => {
		const onActivationChange = vi.fn();
		const screen = await render(NeuronPlot, { onActivationChange });
		await expect.element(screen.getByTestId('z')).toHaveTextContent('1.23');
		await expect.element(screen.getByTestId('weighted-sum')).toHaveTextContent('0.770 + 0.213 + 0.248 + 0');
		const select = screen.getByRole('combobox', { name: 'Activation' });
		for (const [name, value] of Object.entries(HAND)) {
			await select.selectOptions(name);
			await expect.element(screen.getByTestId('output')).toHaveTextContent(value);
		}
		expect(onActivationChange).toHaveBeenLastCalledWith('tanh');
	});

	it('moves z and the marker when a slider moves by keyboard', async () => {
		const onBiasChange = vi.fn();
		const screen = await render(NeuronPlot, { activation: 'relu', onBiasChange });
		const marker = screen.container.querySelector('[data-testid="marker"]')!;
		const before = Number(marker.getAttribute('cx'));
		const bias = screen.getByRole('slider', { name: 'Bias b' });
		await userEvent.click(bias);
		(bias.element() as HTMLInputElement).focus();
		// clicking puts the thumb somewhere; set a known value with Home, then step up from −2
		await userEvent.keyboard('{Home}');
		expect(onBiasChange).toHaveBeenLastCalledWith(-2);
		// z = 1.23 − 2 = −0.77 → ReLU gives 0
		await expect.element(screen.getByTestId('z')).toHaveTextContent('−0.770');
		await expect.element(screen.getByTestId('output')).toHaveTextContent('0');
		await userEvent.keyboard('{ArrowRight}');
		// the sliders step by range/40 = 2/40 = 0.05: b = −1.95, z = −0.72
		await expect.element(screen.getByTestId('z')).toHaveTextContent('−0.720');
		expect(Number(marker.getAttribute('cx'))).toBeLessThan(before);
	});

	it('draws the derivative on request and reports the slope', async () => {
		const onShowDerivativeChange = vi.fn();
		const screen = await render(NeuronPlot, { activation: 'sigmoid', onShowDerivativeChange });
		expect(screen.container.querySelector('[data-testid="derivative-curve"]')).toBeNull();
		await screen.getByRole('checkbox', { name: 'Show the derivative' }).click();
		expect(onShowDerivativeChange).toHaveBeenCalledWith(true);
		expect(screen.container.querySelector('[data-testid="derivative-curve"]')).not.toBeNull();
		// σ′(1.23) = σ(1.23)·(1 − σ(1.23)) = 0.77382 · 0.22618 = 0.17502
		await expect.element(screen.getByText(/f′\(1\.23\) = 0\.175/)).toBeInTheDocument();
	});

	it('keeps a parent’s bound values in step', async () => {
		const onInputsChange = vi.fn();
		const screen = await render(NeuronPlot, { inputs: [1, 1], weights: [0.5, 0.25], onInputsChange });
		// z = 0.5 + 0.25 = 0.75
		await expect.element(screen.getByTestId('z')).toHaveTextContent('0.750');
		const x2 = screen.getByRole('slider', { name: 'Input x2' });
		(x2.element() as HTMLInputElement).focus();
		await userEvent.keyboard('{End}');
		expect(onInputsChange).toHaveBeenLastCalledWith([1, 2]);
		// z = 0.5 + 0.25·2 = 1
		await expect.element(screen.getByTestId('z')).toHaveTextContent('1.00');
	});

	it('shows inline messages for NaN and mismatched props without a console error', async () => {
		const errors = vi.spyOn(console, 'error');
		const screen = await render(NeuronPlot, {});
		await screen.rerender({ inputs: [NaN, 2, 3], weights: [1], bias: NaN });
		await expect.element(screen.getByText(/not finite numbers/)).toBeInTheDocument();
		await expect.element(screen.getByText(/3 inputs but 1 weights/)).toBeInTheDocument();
		// x = [0, 2, 3], w = [1, 0, 0], b = 0 → z = 0
		await expect.element(screen.getByTestId('z')).toHaveTextContent('0');
		await screen.rerender({ inputs: [1e300, 1e300], weights: [1e300, 1e300], bias: 0 });
		// 1e300·1e300 = 1e600 is past float64's 1.8e308: the core throws non-finite, the figure shows it
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent(/weighted sum z = Σ wᵢ·xᵢ \+ b overflows float64/);
		expect(screen.getByTestId('z').query()).toBeNull();
		// and recovers with sane values
		await screen.rerender({ inputs: [1, 1], weights: [0.5, 0.25], bias: 0 });
		await expect.element(screen.getByTestId('z')).toHaveTextContent('0.750');
		expect(screen.getByRole('alert').query()).toBeNull();
		expect(errors).not.toHaveBeenCalled();
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(NeuronPlot, { showDerivative: true });
			const res = await axe.run(screen.container, AXE_OPTIONS);
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('lists the offered activations plus the one drawn, under a label in the page language', async () => {
		const onActivationChange = vi.fn();
		const screen = await render(NeuronPlot, {
			activations: ['relu', 'sigmoid'],
			activation: 'tanh',
			locale: 'zh',
			onActivationChange
		});
		const select = screen.getByRole('combobox', { name: '激活函数' });
		await expect.element(select).toHaveValue('tanh');
		const options = [...(select.element() as HTMLSelectElement).options].map((o) => o.textContent);
		expect(options).toEqual(['ReLU', 'Sigmoid', 'tanh']);
		await select.selectOptions('relu');
		expect(onActivationChange).toHaveBeenLastCalledWith('relu');
		await expect.element(screen.getByTestId('output')).toHaveTextContent('1.23');
	});

	it('renders in Chinese', async () => {
		const screen = await render(NeuronPlot, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '单个神经元' })).toBeInTheDocument();
		await expect.element(screen.getByRole('checkbox', { name: '显示导数' })).toBeInTheDocument();
	});
});
