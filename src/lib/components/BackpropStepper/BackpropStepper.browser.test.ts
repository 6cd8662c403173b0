import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import BackpropStepper from './BackpropStepper.svelte';

/** The exact numbers of a table the stepper shows (data-q), row by row. */
function matrix(root: Element, q: string): number[][] {
	const table = root.querySelector(`[data-q="${q}"]`);
	if (!table) throw new Error(`no table ${q}`);
	const rows: number[][] = [];
	for (const td of table.querySelectorAll<HTMLElement>('td[data-cell]')) {
		const [i, j] = td.dataset.cell!.split('-').map(Number);
		(rows[i] ??= [])[j] = Number(td.dataset.value);
	}
	return rows;
}

/**
 * An independent forward pass of the network the stepper draws: h = tanh(x·W0 + b0),
 * p = softmax(h·W1 + b1), L = −ln p[target]. Written here from the textbook definitions.
 */
function lossByHand(x: number[], W0: number[][], b0: number[], W1: number[][], b1: number[], target: number) {
	const h = b0.map((b, j) => Math.tanh(b + x.reduce((s, xi, i) => s + xi * W0[i][j], 0)));
	const z = b1.map((b, k) => b + h.reduce((s, hj, j) => s + hj * W1[j][k], 0));
	const max = Math.max(...z);
	const logSum = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
	return logSum - z[target];
}

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => {
	expect(errors).not.toHaveBeenCalled();
	errors.mockRestore();
});

describe('BackpropStepper', () => {
	it('shows gradients that match central finite differences of a forward pass written in the test', async () => {
		const screen = await render(BackpropStepper, { props: { target: 0 } });
		const root = screen.container;
		const x = matrix(root, 'x')[0];
		const W0 = matrix(root, 'W0');
		const b0 = matrix(root, 'b0')[0];
		const W1 = matrix(root, 'W1');
		const b1 = matrix(root, 'b1')[0];
		expect(x).toEqual([0.8, -0.4]);

		await screen.getByRole('tab', { name: /Backward pass/ }).click();
		const dW0 = matrix(root, 'dW0');
		const dW1 = matrix(root, 'dW1');
		const db1 = matrix(root, 'db1')[0];
		const h = 1e-6;
		const clone = (m: number[][]) => m.map((r) => [...r]);
		for (const [i, j] of [
			[0, 0],
			[1, 1]
		]) {
			const up = clone(W0);
			const down = clone(W0);
			up[i][j] += h;
			down[i][j] -= h;
			const fd = (lossByHand(x, up, b0, W1, b1, 0) - lossByHand(x, down, b0, W1, b1, 0)) / (2 * h);
			expect(Math.abs(dW0[i][j] - fd)).toBeLessThan(1e-7);
		}
		for (const [j, k] of [
			[0, 2],
			[1, 0]
		]) {
			const up = clone(W1);
			const down = clone(W1);
			up[j][k] += h;
			down[j][k] -= h;
			const fd = (lossByHand(x, W0, b0, up, b1, 0) - lossByHand(x, W0, b0, down, b1, 0)) / (2 * h);
			expect(Math.abs(dW1[j][k] - fd)).toBeLessThan(1e-7);
		}
		const b1up = [...b1];
		const b1down = [...b1];
		b1up[1] += h;
		b1down[1] -= h;
		const fdb = (lossByHand(x, W0, b0, W1, b1up, 0) - lossByHand(x, W0, b0, W1, b1down, 0)) / (2 * h);
		expect(Math.abs(db1[1] - fdb)).toBeLessThan(1e-7);
		// and the loss shown is the one the test computes
		const shown = Number(root.querySelector('[data-q="loss-before"]')!.getAttribute('data-value'));
		expect(shown).toBeCloseTo(lossByHand(x, W0, b0, W1, b1, 0), 12);
	});

	it('lowers the loss with a small learning rate, and the updated weights are w − lr·∂L/∂w', async () => {
		const screen = await render(BackpropStepper, { lr: 0.05, step: 3 });
		const root = screen.container;
		const dW0 = matrix(root, 'dW0');
		await screen.getByRole('button', { name: 'Next' }).click();
		const after = matrix(root, 'W0-after');
		const term = (n: string) =>
			Number(root.querySelector(`.update [data-term="${n}"]`)!.getAttribute('data-value'));
		expect(term('lr')).toBe(0.05);
		expect(term('grad')).toBe(dW0[0][0]);
		expect(term('new')).toBeCloseTo(term('old') - 0.05 * term('grad'), 14);
		await screen.getByRole('button', { name: 'Reset' }).click();
		const W0 = matrix(root, 'W0');
		for (let i = 0; i < 2; i++)
			for (let j = 0; j < 2; j++) expect(after[i][j]).toBeCloseTo(W0[i][j] - 0.05 * dW0[i][j], 14);
		const el = root.querySelector('.la-backprop-stepper')!;
		const before = Number(el.getAttribute('data-loss-before'));
		const lossAfter = Number(el.getAttribute('data-loss-after'));
		expect(lossAfter).toBeLessThan(before);
	});

	it('writes the chain rule for the chosen weight with numbers whose product is the gradient', async () => {
		const screen = await render(BackpropStepper, { step: 3 });
		const root = screen.container;
		const term = (name: string) =>
			Number(root.querySelector(`.chain [data-term="${name}"]`)!.getAttribute('data-value'));
		// hidden weight w(x₁→h₁): ∂L/∂a · tanh′(z) · x₁, with tanh′(z) = 1 − tanh²(z)
		const z = term('z');
		expect(term('fprime')).toBeCloseTo(1 - Math.tanh(z) ** 2, 14);
		expect(term('da') * term('fprime') * term('aprev')).toBeCloseTo(term('grad'), 14);
		expect(term('grad')).toBe(matrix(root, 'dW0')[0][0]);
		let sum = 0;
		for (let k = 0; k < 3; k++) sum += term(`dz-next-${k}`) * term(`w-next-${k}`);
		expect(sum).toBeCloseTo(term('da'), 14);

		// an output weight w(h₂→go): (p − t) · a(h₂)
		await userEvent.selectOptions(
			screen.getByRole('combobox', { name: 'Weight for the chain rule' }),
			'1:1:2'
		);
		expect(root.querySelector('.chain')!.getAttribute('data-kind')).toBe('output');
		expect(term('y') - term('t')).toBeCloseTo(term('dz'), 14);
		expect(term('dz') * term('aprev')).toBeCloseTo(term('grad'), 14);
		expect(term('t')).toBe(0);
	});

	it('steps with Next, Back, Reset and the arrow keys, and announces each step', async () => {
		const onStepChange = vi.fn();
		const screen = await render(BackpropStepper, { onStepChange });
		const root = screen.container.querySelector('.la-backprop-stepper')!;
		await screen.getByRole('button', { name: 'Next' }).click();
		expect(root.getAttribute('data-step')).toBe('2');
		await expect.element(screen.getByText(/Step 2 of 4: Forward pass\. Loss/)).toBeInTheDocument();
		await screen.getByRole('button', { name: 'Back' }).click();
		expect(root.getAttribute('data-step')).toBe('1');
		(screen.getByRole('tab', { name: /Select target/ }).element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowRight}{ArrowRight}');
		expect(root.getAttribute('data-step')).toBe('3');
		expect(document.activeElement?.textContent).toMatch(/Backward pass/);
		await userEvent.keyboard('{End}');
		expect(root.getAttribute('data-step')).toBe('4');
		await expect
			.element(screen.getByText(/Step 4 of 4: Apply update\. Loss .* before the update/))
			.toBeInTheDocument();
		await userEvent.keyboard('{Home}');
		expect(root.getAttribute('data-step')).toBe('1');
		expect(onStepChange.mock.calls.map((c) => c[0])).toEqual([2, 1, 2, 3, 4, 1]);
		await screen.getByRole('button', { name: 'Next' }).click();
		await screen.getByRole('button', { name: 'Reset' }).click();
		expect(root.getAttribute('data-step')).toBe('1');
	});

	it('draws backward arrows only in the backward step, pointing from output back to input', async () => {
		const screen = await render(BackpropStepper, { step: 2 });
		const root = screen.container;
		expect(root.querySelectorAll('line[marker-end]').length).toBe(0);
		await screen.getByRole('button', { name: 'Next' }).click();
		const arrows = root.querySelectorAll('line[marker-end]');
		expect(arrows.length).toBe(2 * 2 + 2 * 3);
		for (const a of arrows) expect(Number(a.getAttribute('x2'))).toBeLessThan(Number(a.getAttribute('x1')));
	});

	it('retrains from the updated weights: the next loss before is the previous loss after', async () => {
		const screen = await render(BackpropStepper, { step: 4, lr: 0.3 });
		const root = screen.container.querySelector('.la-backprop-stepper')!;
		const first = Number(root.getAttribute('data-loss-after'));
		await screen.getByRole('button', { name: 'Train again with the new weights' }).click();
		expect(root.getAttribute('data-round')).toBe('2');
		expect(root.getAttribute('data-step')).toBe('2');
		expect(Number(root.getAttribute('data-loss-before'))).toBe(first);
		await screen.getByRole('button', { name: 'Reset' }).click();
		expect(root.getAttribute('data-round')).toBe('1');
	});

	it('changes the target: the ringed output and the one-hot target follow', async () => {
		const onTargetChange = vi.fn();
		const screen = await render(BackpropStepper, { onTargetChange });
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Correct next token' }), '2');
		expect(onTargetChange).toHaveBeenLastCalledWith(2);
		expect(matrix(screen.container, 't')[0]).toEqual([0, 0, 1]);
		expect(screen.container.querySelector('.unit.target')!.getAttribute('data-unit')).toBe('2:2');
	});

	it('handles bad input without throwing: NaN, 0 and 1e6 learning rates, odd steps, bad tokens and input', async () => {
		const screen = await render(BackpropStepper, { lr: NaN, step: 4 });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/Learning rate NaN cannot be used/);
		const root = screen.container.querySelector('.la-backprop-stepper')!;
		expect(root.getAttribute('data-loss-after')).toBe(root.getAttribute('data-loss-before'));

		await screen.rerender({ lr: 0, step: 4 });
		expect(screen.container.querySelector('[role="alert"]')).toBeNull();
		expect(root.getAttribute('data-loss-after')).toBe(root.getAttribute('data-loss-before'));

		await screen.rerender({ lr: 1e6, step: 4 });
		expect(Number.isFinite(Number(root.getAttribute('data-loss-after')))).toBe(true);

		await screen.rerender({ lr: -1, step: 4 });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/Learning rate -1 cannot be used/);

		await screen.rerender({ lr: 0.5, step: -3 as never });
		expect(root.getAttribute('data-step')).toBe('1');
		await screen.rerender({ step: 99 as never, target: 42 });
		expect(root.getAttribute('data-step')).toBe('4');
		expect(root.getAttribute('data-target')).toBe('2');

		await screen.rerender({ tokens: [], input: [NaN, 1], hiddenUnits: 1e9, target: 0 });
		await expect.element(screen.getByText(/Give 2 to 6 tokens/)).toBeInTheDocument();
		await expect.element(screen.getByText(/The input must be 1 to 6 finite numbers/)).toBeInTheDocument();
		expect(screen.container.querySelectorAll('[data-unit^="1:"]').length).toBe(6);
	});

	it('has no axe violations at any step', async () => {
		const screen = await render(BackpropStepper, {});
		for (const step of [1, 2, 3, 4] as const) {
			await screen.rerender({ step });
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${step} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
				[]
			);
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(BackpropStepper, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '在一个样本上做反向传播' })).toBeInTheDocument();
		await expect.element(screen.getByRole('tab', { name: /反向传播/ })).toBeInTheDocument();
	});
});
