import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import PostTrainingPipeline from './PostTrainingPipeline.svelte';

const openPanel = (c: HTMLElement) => c.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')!;

describe('PostTrainingPipeline', () => {
	it('follows the ARIA tabs pattern: arrows, Home and End move and select', async () => {
		const onStageChange = vi.fn();
		const screen = await render(PostTrainingPipeline, { onStageChange });
		const tabs = screen.container.querySelectorAll<HTMLElement>('[role="tab"]');
		expect(tabs).toHaveLength(3);
		for (const tab of tabs) {
			const panel = document.getElementById(tab.getAttribute('aria-controls')!)!;
			expect(panel.getAttribute('role')).toBe('tabpanel');
			expect(panel.getAttribute('aria-labelledby')).toBe(tab.id);
		}
		expect([...tabs].map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
		tabs[0].focus();
		await userEvent.keyboard('{ArrowRight}');
		expect(onStageChange).toHaveBeenLastCalledWith('sft');
		expect(document.activeElement).toBe(tabs[1]);
		expect(tabs[1].getAttribute('aria-selected')).toBe('true');
		expect(openPanel(screen.container).dataset.panel).toBe('sft');
		await userEvent.keyboard('{End}');
		expect(onStageChange).toHaveBeenLastCalledWith('preference');
		await userEvent.keyboard('{ArrowRight}'); // wraps
		expect(onStageChange).toHaveBeenLastCalledWith('base');
		await userEvent.keyboard('{ArrowLeft}');
		expect(onStageChange).toHaveBeenLastCalledWith('preference');
		await userEvent.keyboard('{Home}');
		expect(document.activeElement).toBe(tabs[0]);
		expect(openPanel(screen.container).dataset.panel).toBe('base');
	});

	it('shows each stage’s output for the chosen prompt, and what the stage trains on', async () => {
		const onExampleChange = vi.fn();
		const screen = await render(PostTrainingPipeline, { onExampleChange });
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Example prompt' }), 'file');
		expect(onExampleChange).toHaveBeenCalledWith('file');
		await expect.element(screen.getByTestId('output-base')).toHaveTextContent(/Tech Support Forum/);
		await screen.getByRole('tab', { name: /Supervised fine-tuning/ }).click();
		await expect.element(screen.getByTestId('output-sft')).toHaveTextContent(/Recycle Bin/);
		// the SFT data: the prompt and reply in the chat template, the reply highlighted as counted
		const chat = openPanel(screen.container).querySelector('[data-testid="chat-template"]')!;
		expect(chat.textContent).toContain('<|im_start|>user');
		expect(chat.querySelector('mark')!.textContent).toMatch(/^Check the Recycle Bin.*<\|im_end\|>$/s);
		await screen.getByRole('tab', { name: /Preference tuning/ }).click();
		await expect
			.element(screen.getByTestId('chosen'))
			.toHaveTextContent(/stop saving anything to that drive/);
		await expect.element(screen.getByTestId('rejected')).toHaveTextContent(/install it on the same drive/);
		expect(screen.container.querySelector('.la-post-training-pipeline')!.getAttribute('data-example')).toBe(
			'file'
		);
	});

	it('works the DPO loss out and updates it when the policy moves', async () => {
		const onPolicyChange = vi.fn();
		const screen = await render(PostTrainingPipeline, { stage: 'preference', onPolicyChange });
		// β 0.1, chosen ratio −12 − (−13) = 1, rejected −15 − (−14) = −1: z = 0.2, loss ln(1 + e^−0.2) = 0.598
		await expect.element(screen.getByTestId('loss-dpo')).toHaveTextContent('Loss = −log σ(z) = 0.598 nats');
		// move the policy back onto the reference: log πθ(y_w) −12 → −13, log πθ(y_l) −15 → −14 (steps of 0.5)
		const chosen = screen.getByRole('slider', { name: /policy on the chosen answer/ });
		(chosen.element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
		const rejected = screen.getByRole('slider', { name: /policy on the rejected answer/ });
		(rejected.element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowRight}{ArrowRight}');
		expect(onPolicyChange).toHaveBeenLastCalledWith({ chosen: -13, rejected: -14 });
		// z = 0: −log σ(0) = log 2 = 0.693
		await expect.element(screen.getByTestId('loss-dpo')).toHaveTextContent('= 0.693 nats');
	});

	it('takes β as a bindable prop: β = 1 gives z = 2 and loss ln(1 + e^−2) = 0.127', async () => {
		const screen = await render(PostTrainingPipeline, { stage: 'preference', beta: 1 });
		await expect.element(screen.getByTestId('loss-dpo')).toHaveTextContent('= 0.127 nats');
		await screen.rerender({ beta: 0.5 });
		// z = 1: ln(1 + e^−1) = 0.313
		await expect.element(screen.getByTestId('loss-dpo')).toHaveTextContent('= 0.313 nats');
	});

	it('shows the pre-training and SFT losses computed from the token probabilities', async () => {
		const screen = await render(PostTrainingPipeline, { stage: 'base' });
		// mean of −ln p over 8 tokens: 12.676 / 8 = 1.585 (see the SSR test for the terms)
		await expect.element(screen.getByTestId('loss-base')).toHaveTextContent('= 1.58 nats per token');
		await screen.rerender({ stage: 'sft' });
		const chips = openPanel(screen.container).querySelectorAll('.chip');
		expect([...chips].filter((c) => c.getAttribute('data-counted') === 'true')).toHaveLength(7);
		await expect.element(screen.getByTestId('loss-sft')).toHaveTextContent('= 1.10 nats per token');
	});

	it('handles bad input with a message and never a console error', async () => {
		const error = vi.spyOn(console, 'error');
		const screen = await render(PostTrainingPipeline, {
			stage: 'preference',
			beta: NaN,
			policyChosen: -1e9,
			example: 'missing'
		});
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/There is no example “missing”/);
		await expect
			.element(screen.getByText(/A log-probability of -1000000000 is outside −40 to 0/))
			.toBeInTheDocument();
		// β NaN → 0.1; policy chosen −40: z = 0.1 · ((−40 + 13) − (−1)) = −2.6, loss = ln(1 + e^2.6) = 2.67
		await expect.element(screen.getByTestId('loss-dpo')).toHaveTextContent('= 2.67 nats');
		await screen.rerender({ examples: [], beta: 0 });
		await expect.element(screen.getByText(/No example prompts were given/)).toBeInTheDocument();
		await expect.element(screen.getByText(/β = 0 is outside 0.01–1; using 0.0100/)).toBeInTheDocument();
		expect(error).not.toHaveBeenCalled();
		error.mockRestore();
	});

	it('has no axe violations on any stage', async () => {
		for (const stage of ['base', 'sft', 'preference'] as const) {
			const screen = await render(PostTrainingPipeline, { stage });
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(
				res.violations.map((v) => `${stage} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
			).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese, example outputs included', async () => {
		const screen = await render(PostTrainingPipeline, { locale: 'zh', stage: 'sft', example: 'haiku' });
		await expect
			.element(screen.getByRole('heading', { name: '从基础模型到助手：后训练' }))
			.toBeInTheDocument();
		await expect.element(screen.getByTestId('output-sft')).toHaveTextContent('脆叶飘然落');
	});

	it('fits a 360-pixel-wide screen without scrolling sideways', async () => {
		await page.viewport(360, 700);
		const screen = await render(PostTrainingPipeline, { stage: 'preference' as const });
		await new Promise((r) => requestAnimationFrame(r));
		for (const el of screen.container.querySelectorAll<HTMLElement>('.la-body, figure'))
			expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
		screen.unmount();
		await page.viewport(1200, 700);
	});
});
