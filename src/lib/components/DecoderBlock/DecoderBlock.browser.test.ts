import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import DecoderBlock from './DecoderBlock.svelte';

// WCAG 2.0 and 2.1 A/AA rules and best practices; label-content-name-mismatch (visible text of a
// control in its accessible name) is named as well, since older axe-core tags it 'experimental'.
const AXE_OPTIONS: axe.RunOptions = {
	runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
	rules: { 'label-content-name-mismatch': { enabled: true } }
};

const node = (container: HTMLElement, part: string) =>
	container.querySelector<SVGGElement>(`g[data-part="${part}"]`)!;

describe('DecoderBlock', () => {
	it('opens the MLP panel on click with Llama 3 8B’s weight shapes', async () => {
		const onPartChange = vi.fn();
		const screen = await render(DecoderBlock, { model: 'llama-3-8b', onPartChange });
		node(screen.container, 'mlp').dispatchEvent(new MouseEvent('click', { bubbles: true }));
		expect(onPartChange).toHaveBeenCalledWith('mlp');
		// gate_proj and up_proj are [intermediate_size, hidden_size] = [14336, 4096]; 3 · 4096 · 14336 per layer
		await expect.element(screen.getByRole('cell', { name: 'gate_proj' }).first()).toBeInTheDocument();
		await expect
			.element(screen.getByTestId('part-total'))
			.toHaveTextContent('176,160,768 per layer × 32 layers = 5,637,144,576');
		expect(screen.container.textContent).toContain('[14,336 × 4,096]');
		expect(screen.container.querySelector('.la-decoder-block')?.getAttribute('data-part')).toBe('mlp');
	});

	it('is operable by keyboard: Tab to a part, arrows move between parts, each is a button', async () => {
		const screen = await render(DecoderBlock, { part: 'input' });
		const buttons = screen.container.querySelectorAll('[role="button"][data-part]');
		expect(buttons.length).toBe(8);
		node(screen.container, 'input').focus();
		await userEvent.keyboard('{ArrowDown}');
		expect(document.activeElement?.getAttribute('data-part')).toBe('norm1');
		await userEvent.keyboard('{ArrowDown}');
		expect(document.activeElement?.getAttribute('data-part')).toBe('attention');
		expect(node(screen.container, 'attention').getAttribute('aria-pressed')).toBe('true');
		await expect.element(screen.getByRole('cell', { name: 'k_proj' }).first()).toBeInTheDocument();
		await userEvent.keyboard('{End}');
		expect(document.activeElement?.getAttribute('data-part')).toBe('output');
		await expect.element(screen.getByText(/128,256 logits per position/)).toBeInTheDocument();
	});

	it('switches to the GPT-2 block when a GPT-2 config is chosen', async () => {
		const onModelChange = vi.fn();
		const screen = await render(DecoderBlock, { onModelChange, part: 'norm1' });
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'gpt2');
		expect(onModelChange).toHaveBeenCalledWith('gpt2');
		const root = screen.container.querySelector('.la-decoder-block')!;
		await vi.waitFor(() => expect(root.getAttribute('data-style')).toBe('gpt2'));
		expect(screen.container.textContent).toContain('GELU MLP');
		// LayerNorm gain and bias: 2 · 768 per norm
		await expect.element(screen.getByTestId('part-total')).toHaveTextContent('1,536 per layer');
		// GPT-2 small: 7,087,872 per layer × 12 = 85,054,464 (HF gpt2, 124,439,808 in all)
		await expect
			.element(screen.getByTestId('block-total'))
			.toHaveTextContent('7,087,872 × 12 layers = 85,054,464');
		await expect.element(screen.getByTestId('block-total')).toHaveTextContent('124,439,808');
	});

	it('takes a pasted config.json and reports invalid JSON inline', async () => {
		const screen = await render(DecoderBlock, {});
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), '__config');
		const box = screen.getByRole('textbox', { name: 'config.json' });
		await userEvent.fill(box, '{"model_type": "llama", ');
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/not valid JSON/);
		await userEvent.fill(
			box,
			JSON.stringify({
				model_type: 'llama',
				hidden_size: 64,
				intermediate_size: 256,
				num_hidden_layers: 2,
				num_attention_heads: 4,
				num_key_value_heads: 2,
				vocab_size: 100
			})
		);
		// attention 64·64 + 2·(32·64) + 64·64 = 12,288; MLP 3·64·256 = 49,152; norms 128 → 61,568 per layer
		await expect.element(screen.getByTestId('block-total')).toHaveTextContent('61,568 × 2 layers = 123,136');
		expect(screen.container.querySelector('[data-kind]')?.getAttribute('data-kind')).toBe('illustrative');
	});

	it('shows an inline message for an invalid config and never throws', async () => {
		const errors = vi.spyOn(console, 'error');
		const screen = await render(DecoderBlock, { model: { model_type: 'llama', hidden_size: -1 } });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/hidden_size/);
		await screen.rerender({ model: 'no-such-model' });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/unknown model/);
		expect(errors).not.toHaveBeenCalled();
		errors.mockRestore();
	});

	it('names each part by its title and describes it by the dimensions and count drawn on it', async () => {
		const screen = await render(DecoderBlock, { model: 'llama-3-8b' });
		// Llama 3 8B: hidden 4,096, intermediate 14,336; RMSNorm gain = 4,096 parameters per layer
		const norm = screen.getByRole('button', { name: 'RMSNorm', exact: true }).first();
		await expect.element(norm).toHaveAccessibleDescription('g [4,096]; 4.10 K parameters per layer (4,096)');
		// SwiGLU MLP: 3 · 4,096 · 14,336 = 176,160,768 per layer
		const mlp = screen.getByRole('button', { name: 'SwiGLU MLP', exact: true });
		await expect
			.element(mlp)
			.toHaveAccessibleDescription('4,096 → 14,336 → 4,096; 176 M parameters per layer (176,160,768)');
		await expect.element(screen.getByRole('button', { name: 'Residual add' }).first()).toBeInTheDocument();
		// every word drawn on a part is in its name or its description
		for (const el of screen.container.querySelectorAll<SVGGElement>('[role="button"][data-part]')) {
			const drawn = [...el.nextElementSibling!.querySelectorAll('text')]
				.map((t) => t.textContent!)
				.filter((text) => text !== '+');
			const said = `${el.getAttribute('aria-label')} ${el.nextElementSibling!.querySelector('desc')?.textContent ?? ''}`;
			for (const text of drawn) expect(said).toContain(text);
			expect(el.querySelector('text')).toBeNull();
		}
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(DecoderBlock, { part: 'mlp' });
			const res = await axe.run(screen.container, AXE_OPTIONS);
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(DecoderBlock, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '一个解码器块' })).toBeInTheDocument();
	});
});
