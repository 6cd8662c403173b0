import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import KVCacheMeter from './KVCacheMeter.svelte';

const text = (c: HTMLElement, testId: string) =>
	c.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('KVCacheMeter', () => {
	it('shows 1.00 GiB for Llama 3 8B at 8,192 tokens in bf16, batch 1', async () => {
		// Hand computation: 2 (K, V) · 32 layers · 8 KV heads · 128 · 8192 tokens · 2 bytes
		// = 1,073,741,824 B = 1.00 GiB (binary)
		const screen = await render(KVCacheMeter, {
			model: 'llama-3-8b',
			contextLength: 8192,
			dtype: 'bf16',
			batch: 1
		});
		await expect.element(screen.getByTestId('memory-context')).toHaveTextContent('At 8,192 tokens: 1.00 GiB');
		expect(text(screen.container, 'at-context-GQA')).toBe('1.00 GiB');
		expect(text(screen.container, 'per-token-GQA')).toBe('128 KiB');
		// int4 stores half a byte per element: 1 GiB / 4 = 256 MiB
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Cache precision' }), 'int4');
		await expect.element(screen.getByTestId('memory-context')).toHaveTextContent('256 MiB');
		// four sequences: 4 · 256 MiB = 1.00 GiB
		await userEvent.fill(screen.getByRole('spinbutton', { name: 'Batch (sequences)' }), '4');
		await userEvent.tab();
		await expect.element(screen.getByTestId('memory-context')).toHaveTextContent('1.00 GiB');
	});

	it('compares MHA, GQA and MQA for Llama 2 7B (an MHA model)', async () => {
		// Llama 2 7B: 32 layers, 32 heads of 128, num_key_value_heads = 32 (MHA). Per token:
		// MHA 2·32·32·128·2 = 524,288 B = 512 KiB; GQA with 8 KV heads 128 KiB; MQA 16 KiB.
		// At 4,096 tokens: 2 GiB, 512 MiB, 64 MiB.
		const screen = await render(KVCacheMeter, {});
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), 'llama-2-7b');
		await userEvent.fill(screen.getByRole('spinbutton', { name: 'Context length (tokens)' }), '4096');
		await userEvent.tab();
		expect(screen.container.querySelector('[role="alert"]')).toBeNull();
		await expect.element(screen.getByTestId('at-context-MHA')).toHaveTextContent('2.00 GiB');
		const c = screen.container;
		expect(text(c, 'per-token-MHA')).toBe('512 KiB');
		expect(text(c, 'variant-MHA')).toContain('this model');
		expect(text(c, 'variant-GQA')).toContain('hypothetical');
		expect(text(c, 'per-token-GQA')).toBe('128 KiB');
		expect(text(c, 'at-context-GQA')).toBe('512 MiB');
		expect(text(c, 'per-token-MQA')).toBe('16.0 KiB');
		expect(text(c, 'at-context-MQA')).toBe('64.0 MiB');
		// 4 KV heads: 64 KiB per token, 256 MiB at 4,096 tokens
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'KV heads for GQA' }), '4');
		await expect.element(screen.getByTestId('at-context-GQA')).toHaveTextContent('256 MiB');
	});

	it('steps through prefill and decode, counting repeated work', async () => {
		const onStepChange = vi.fn();
		const screen = await render(KVCacheMeter, { promptTokens: 16, onStepChange });
		const step = screen.getByRole('button', { name: 'Step' });
		await step.click();
		await expect.element(screen.getByTestId('phase')).toHaveTextContent('Prefill');
		expect(onStepChange).toHaveBeenLastCalledWith(0);
		// the prefill computes the 16 prompt rows either way
		expect(text(screen.container, 'rows-noCache')).toBe('16');
		expect(text(screen.container, 'rows-cache')).toBe('16');
		await step.click();
		await step.click();
		// without a cache 16 + 17 + 18 = 51 rows; with one 16 + 1 + 1 = 18
		await expect.element(screen.getByTestId('rows-noCache')).toHaveTextContent('51');
		expect(text(screen.container, 'rows-cache')).toBe('18');
		expect(text(screen.container, 'paged')).toContain('2 blocks of 16 slots');
		expect(text(screen.container, 'paged')).toContain('14 empty slots');
		await screen.getByRole('button', { name: 'To the end' }).click();
		// Σ_{t=16}^{8192} t = 33,558,408 rows without a cache, 8,192 with one
		await expect.element(screen.getByTestId('rows-noCache')).toHaveTextContent('33,558,408');
		expect(text(screen.container, 'rows-cache')).toBe('8,192');
		await screen.getByRole('button', { name: 'Reset' }).click();
		await expect.element(screen.getByTestId('phase')).toHaveTextContent('Nothing computed yet');
	});

	it('plays and pauses', async () => {
		const screen = await render(KVCacheMeter, { contextLength: 64, promptTokens: 4, speed: 'slow' });
		const root = screen.container.querySelector('.la-kv-cache-meter')!;
		await screen.getByRole('button', { name: 'Play' }).click();
		expect(root.getAttribute('data-playing')).toBe('true');
		await vi.waitFor(() => expect(Number(root.getAttribute('data-step'))).toBeGreaterThanOrEqual(1), {
			timeout: 5000
		});
		await screen.getByRole('button', { name: 'Pause' }).click();
		expect(root.getAttribute('data-playing')).toBe('false');
		const at = root.getAttribute('data-step');
		await new Promise((r) => setTimeout(r, 400));
		expect(root.getAttribute('data-step')).toBe(at);
	});

	it('leaves no animation frame running after 100 mounts and unmounts', async () => {
		const pending = new Set<number>();
		const raf = window.requestAnimationFrame.bind(window);
		const caf = window.cancelAnimationFrame.bind(window);
		const rafSpy = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
			const id = raf((t) => {
				pending.delete(id);
				cb(t);
			});
			pending.add(id);
			return id;
		});
		const cafSpy = vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => {
			pending.delete(id);
			caf(id);
		});
		for (let i = 0; i < 100; i++) {
			const screen = await render(KVCacheMeter, { autoplay: true, contextLength: 256 });
			const root = screen.container.querySelector('.la-kv-cache-meter')!;
			if (i % 10 === 0) await vi.waitFor(() => expect(root.getAttribute('data-playing')).toBe('true'));
			screen.unmount();
		}
		await new Promise((r) => setTimeout(r, 100));
		expect(rafSpy).toHaveBeenCalled();
		expect(cafSpy).toHaveBeenCalled();
		expect(pending.size).toBe(0);
		const calls = rafSpy.mock.calls.length;
		await new Promise((r) => setTimeout(r, 200));
		expect(rafSpy.mock.calls.length).toBe(calls);
		rafSpy.mockRestore();
		cafSpy.mockRestore();
	});

	it('clamps bad numbers with an inline message and reports invalid JSON', async () => {
		const errors = vi.spyOn(console, 'error');
		const screen = await render(KVCacheMeter, {});
		const context = screen.getByRole('spinbutton', { name: 'Context length (tokens)' });
		await userEvent.fill(context, '-5');
		await userEvent.tab();
		await expect.element(screen.getByRole('alert')).toHaveTextContent('at least 1; using 1');
		await userEvent.fill(context, '1000000000');
		await userEvent.tab();
		await expect.element(screen.getByRole('alert')).toHaveTextContent('reads at most 8,192 positions');
		await expect.element(screen.getByTestId('memory-context')).toHaveTextContent('1.00 GiB');
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), '__config');
		await userEvent.fill(screen.getByRole('textbox', { name: 'config.json' }), '{"hidden_size": ');
		await expect.element(screen.getByText(/not valid JSON/)).toBeInTheDocument();
		expect(errors).not.toHaveBeenCalled();
		errors.mockRestore();
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(KVCacheMeter, { step: 40 });
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(KVCacheMeter, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '逐个词元看 KV 缓存' })).toBeInTheDocument();
	});
});
