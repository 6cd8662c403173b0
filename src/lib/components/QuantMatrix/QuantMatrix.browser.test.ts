import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import QuantMatrix from './QuantMatrix.svelte';

const texts = (container: HTMLElement) =>
	[...container.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent?.trim());
const hand = { values: [-1, 0, 0.5, 1], rows: 1, cols: 4 };

describe('QuantMatrix', () => {
	it('stores [−1, 0, 0.5, 1] in symmetric int8 as [−127, 0, 64, 127] and shows the errors', async () => {
		// Hand computation: s = max|x| / 127 = 1/127; x / s = [−127, 0, 63.5, 127]; 63.5 rounds half to
		// even → 64; dequantised 64/127 = 0.503937…, error +0.003937; the others are exact.
		const screen = await render(QuantMatrix, { ...hand, format: 'int8', show: 'code' });
		expect(texts(screen.container)).toEqual(['−127', '0', '64', '127']);
		await userEvent.click(screen.getByRole('radio', { name: 'dequantised value' }));
		expect(texts(screen.container)).toEqual(['−1.000', '0', '+0.5039', '+1.000']);
		await userEvent.click(screen.getByRole('radio', { name: 'error' }));
		expect(texts(screen.container)).toEqual(['0', '0', '+0.0039', '0']);
		await expect.element(screen.getByTestId('max-abs')).toHaveTextContent('0.00394');
		// 3 of 4 values exact. The stored 64/127 is the float32 8,454,660 · 2⁻²⁴ = 0.5039370060, so
		// the error is 0.0039370060 and mse = 0.0039370060² / 4 = 3.875004e−6, shown as 3.88e−6
		await expect.element(screen.getByTestId('mse')).toHaveTextContent('3.88e−6');
		await expect.element(screen.getByTestId('unique')).toHaveTextContent('4 of 4');
	});

	it('switches format: FP16 bit patterns, INT4 codes, NF4 level indices', async () => {
		const onFormatChange = vi.fn();
		const screen = await render(QuantMatrix, { ...hand, show: 'code', onFormatChange });
		const select = screen.getByRole('combobox', { name: 'Format' });
		await userEvent.selectOptions(select, 'fp16');
		expect(onFormatChange).toHaveBeenCalledWith('fp16');
		// IEEE binary16: −1 = 0xBC00, 0 = 0x0000, 0.5 = 0x3800, 1 = 0x3C00
		expect(texts(screen.container)).toEqual(['0xBC00', '0x0000', '0x3800', '0x3C00']);
		await userEvent.selectOptions(select, 'int4');
		// int4 symmetric: s = 1/7; 0.5 · 7 = 3.5 → 4 (half to even)
		expect(texts(screen.container)).toEqual(['−7', '0', '4', '7']);
		await userEvent.selectOptions(select, 'nf4');
		// NF4 levels (QLoRA): −1 is index 0, 0 is index 7, 1 is index 15; 0.5 is nearest 0.4407 (index 12)
		expect(texts(screen.container)).toEqual(['0', '7', '12', '15']);
	});

	it('shows one scale per row with per-channel scales, and group boundaries with groups', async () => {
		const screen = await render(QuantMatrix, {
			values: [1, 2, 3, 4, 10, 20, 30, 40],
			rows: 2,
			cols: 4,
			granularity: 'channel'
		});
		// row absmax / 127: 4/127 = 0.031496, 40/127 = 0.31496
		const scales = [...screen.container.querySelectorAll('td.scale')].map((c) => c.textContent);
		expect(scales).toEqual(['0.03150', '0.3150']);
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Scales' }), 'group');
		await expect.element(screen.getByRole('slider', { name: 'Group size' })).toBeInTheDocument();
		await vi.waitFor(() => expect(screen.container.querySelectorAll('.group-start').length).toBe(0));
	});

	it('moves focus with the arrow keys and reads out the focused cell', async () => {
		const onCellFocus = vi.fn();
		const screen = await render(QuantMatrix, { ...hand, rows: 2, cols: 2, format: 'int8', onCellFocus });
		const first = screen.container.querySelector<HTMLElement>('[data-index="0"]')!;
		expect(first.tabIndex).toBe(0);
		first.focus();
		await userEvent.keyboard('{ArrowRight}');
		expect(document.activeElement?.getAttribute('data-index')).toBe('1');
		await userEvent.keyboard('{ArrowDown}');
		expect(document.activeElement?.getAttribute('data-index')).toBe('3');
		expect(onCellFocus).toHaveBeenLastCalledWith(
			expect.objectContaining({ row: 1, col: 1, value: 1, code: 127, dequantized: 1, error: 0 })
		);
		await userEvent.keyboard('{ArrowLeft}');
		await expect
			.element(screen.getByTestId('cell-readout'))
			.toHaveTextContent(/Row 2, column 1: original \+0\.5/);
		await expect.element(screen.getByTestId('cell-readout')).toHaveTextContent(/stored code 64/);
		// only one cell is in the tab order
		expect(screen.container.querySelectorAll('[role="gridcell"][tabindex="0"]').length).toBe(1);
	});

	it('sizes Llama 3 8B in INT8 against BF16', async () => {
		// Hand count: 8,029,995,008 matrix weights at 1 B + one 16-bit scale per row (1,632,768 rows:
		// 43,008 per layer · 32 + 2 · 128,256) + 266,240 norm weights at 2 B = 8,033,793,024 B = 7.48 GiB.
		// BF16: 8,030,261,248 · 2 = 16,060,522,496 B = 14.96 GiB; saved 8,026,729,472 B = 7.48 GiB (50.0%).
		const screen = await render(QuantMatrix, { format: 'int8' });
		await expect
			.element(screen.getByTestId('model-size'))
			.toHaveTextContent(
				'Llama 3 8B in INT8: 7.48 GiB of weights. In BF16: 15.0 GiB. Saves 7.48 GiB (50.0%).'
			);
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'fp32');
		await expect
			.element(screen.getByTestId('model-size'))
			.toHaveTextContent('Takes 15.0 GiB more than BF16.');
	});

	it('keeps working on bad input: NaN values, invalid pasted JSON', async () => {
		const errors = vi.spyOn(console, 'error');
		const screen = await render(QuantMatrix, { values: [1, NaN, 2, 3], rows: 2, cols: 2 });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/non-finite/);
		await screen.rerender({ values: [1, 2, 3, 4] });
		expect(screen.container.querySelector('[role="alert"]')).toBeNull();
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Model' }), '__config');
		await userEvent.fill(screen.getByRole('textbox', { name: 'config.json' }), '{ nope');
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/not valid JSON/);
		expect(errors).not.toHaveBeenCalled();
		errors.mockRestore();
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(QuantMatrix, { show: 'error' });
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(QuantMatrix, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '低精度下的权重矩阵' })).toBeInTheDocument();
	});
});
