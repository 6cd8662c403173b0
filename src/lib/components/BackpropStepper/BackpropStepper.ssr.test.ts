import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import BackpropStepper from './BackpropStepper.svelte';

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => {
	expect(errors).not.toHaveBeenCalled();
	errors.mockRestore();
});

describe('BackpropStepper on the server', () => {
	it('renders the figure, the four steps, the diagram and the first step’s numbers, touching no browser global', () => {
		expect(typeof window).toBe('undefined');
		const { body } = render(BackpropStepper, { props: {} });
		expect(body).toContain('la-backprop-stepper');
		expect(body).toContain('<figure');
		expect(body).toContain('Backpropagation on one example');
		for (const name of ['Select target', 'Forward pass', 'Backward pass', 'Apply update'])
			expect(body).toContain(name);
		expect(body).toMatch(/<svg[^>]*role="img"/);
		expect(body).toContain('data-q="W0"');
		expect(body).toContain('Three, two, one…');
		// the data table holds every number, so the server page has the full text alternative
		expect(body).toContain('w(x₁→h₁)');
	});

	it('renders a later step with the chain rule and the losses', () => {
		const { body } = render(BackpropStepper, { props: { step: 4 } });
		expect(body).toContain('data-step="4"');
		expect(body).toContain('data-q="loss-after"');
		expect(body).toContain('The update of w(x₁→h₁)');
		const chain = render(BackpropStepper, { props: { step: 3 } }).body;
		expect(chain).toContain('The chain rule for w(x₁→h₁)');
	});

	it('renders in Chinese', () => {
		const { body } = render(BackpropStepper, { props: { locale: 'zh' } });
		expect(body).toContain('在一个样本上做反向传播');
		expect(body).toContain('前向传播');
	});

	it('shows a message for a NaN learning rate instead of throwing', () => {
		const { body } = render(BackpropStepper, { props: { lr: NaN, step: 4 } });
		expect(body).toContain('role="alert"');
		expect(body).toMatch(/Learning rate NaN cannot be used/);
	});
});
