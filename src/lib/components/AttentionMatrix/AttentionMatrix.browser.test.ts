import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import AttentionMatrix from './AttentionMatrix.svelte';

/** The value a cell of a matrix drawn by HeatGrid carries ('masked' for hidden cells). */
function cell(root: Element, part: string, r: number, c: number, matrix?: string): string {
	const scope = matrix
		? root.querySelector(`[data-part="${part}"] [data-matrix="${matrix}"]`)!
		: root.querySelector(`[data-part="${part}"]`)!;
	return scope.querySelector(`[data-cell="${r}-${c}"]`)!.getAttribute('data-value')!;
}
const num = (root: Element, part: string, r: number, c: number, matrix?: string) =>
	Number(cell(root, part, r, c, matrix));

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => {
	expect(errors).not.toHaveBeenCalled();
	errors.mockRestore();
});

describe('AttentionMatrix', () => {
	it('gives the first token all of its attention under the causal mask: row 0 is [1, 0] exactly', async () => {
		// softmax over a single visible score s is e^s / e^s = 1; the future key is masked.
		const screen = await render(AttentionMatrix, { tokens: ['hello', 'world'], causal: true });
		const root = screen.container;
		expect(num(root, 'weights', 0, 0)).toBe(1);
		expect(cell(root, 'weights', 0, 1)).toBe('masked');
		expect(cell(root, 'scores', 0, 1)).toBe('masked');
		expect(num(root, 'weights', 1, 0) + num(root, 'weights', 1, 1)).toBeCloseTo(1, 12);
	});

	it('computes scores as q·k/√d and weights as their softmax (checked by hand from Q and K)', async () => {
		const screen = await render(AttentionMatrix, { causal: false, nHeads: 2, nKvHeads: 2, dHead: 4 });
		const root = screen.container;
		const n = 10;
		const d = 4;
		for (const i of [0, 2, 7]) {
			const scores: number[] = [];
			for (let j = 0; j < n; j++) {
				let dot = 0;
				for (let c = 0; c < d; c++) dot += num(root, 'qkv', i, c, 'q') * num(root, 'qkv', j, c, 'k');
				const s = dot / Math.sqrt(d);
				expect(num(root, 'scores', i, j)).toBeCloseTo(s, 9);
				scores.push(s);
			}
			const max = Math.max(...scores);
			const e = scores.map((s) => Math.exp(s - max));
			const z = e.reduce((a, b) => a + b, 0);
			let sum = 0;
			for (let j = 0; j < n; j++) {
				expect(num(root, 'weights', i, j)).toBeCloseTo(e[j] / z, 9);
				sum += num(root, 'weights', i, j);
			}
			expect(sum).toBeCloseTo(1, 12);
		}
	});

	it('says which key the selected query attends to most, and the value mix draws one line per visible key', async () => {
		const screen = await render(AttentionMatrix, { query: 2 });
		const root = screen.container;
		const row = [0, 1, 2].map((j) => num(root, 'weights', 2, j));
		const best = row.indexOf(Math.max(...row));
		const words = ['The', 'cat', 'sat'];
		await expect
			.element(screen.getByText(new RegExp(`query “sat” attends most to “${words[best]}”`)))
			.toBeInTheDocument();
		const links = [...root.querySelectorAll('[data-part="mix"] .link')];
		expect(links.length).toBe(3); // causal: "sat" sees The, cat, sat
		const widest = links.reduce((a, b) =>
			Number(a.getAttribute('stroke-width')) >= Number(b.getAttribute('stroke-width')) ? a : b
		);
		expect(Number(widest.getAttribute('data-key'))).toBe(best);
	});

	it('selects a query row by click and by keyboard (arrows move focus, Enter selects)', async () => {
		const onQueryChange = vi.fn();
		const screen = await render(AttentionMatrix, { query: 0, onQueryChange });
		const root = screen.container;
		const c = root.querySelector<SVGGElement>('[data-part="weights"] [data-cell="4-1"]')!;
		await userEvent.click(c);
		expect(onQueryChange).toHaveBeenLastCalledWith(4);
		expect(root.querySelector('.la-attention-matrix')!.getAttribute('data-query')).toBe('4');
		(root.querySelector('[data-part="weights"] [data-cell="4-1"]') as SVGGElement).focus();
		await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
		expect(document.activeElement?.getAttribute('data-cell')).toBe('6-2');
		await expect.element(screen.getByTestId('readout')).toHaveTextContent(/Query 7 .* key 3/);
		await userEvent.keyboard('{Enter}');
		expect(onQueryChange).toHaveBeenLastCalledWith(6);
		await userEvent.keyboard('{End}');
		expect(document.activeElement?.getAttribute('data-cell')).toBe('6-9');
		// only one cell is in the tab order (roving tabindex)
		expect(root.querySelectorAll('[data-part="weights"] [tabindex="0"]').length).toBe(1);
	});

	it('keeps the selected row and the focused cell on the same elements as the selection moves', async () => {
		const screen = await render(AttentionMatrix, { query: 1 });
		const grid = screen.container.querySelector('[data-part="weights"] [role="grid"]')!;
		const first = grid.querySelector<SVGGElement>('[data-cell="1-0"]')!;
		const selected = () =>
			[...grid.querySelectorAll('[aria-selected="true"]')].map(
				(g) => g.getAttribute('data-cell')!.split('-')[0]
			);
		expect(new Set(selected())).toEqual(new Set(['1']));
		first.focus();
		await userEvent.keyboard('{ArrowDown}{Enter}');
		// row 2 is selected: all its cells and no others, the row is outlined, and the cells were not rebuilt
		await vi.waitFor(() => expect(new Set(selected())).toEqual(new Set(['2'])));
		expect(grid.querySelector('[data-cell="1-0"]')).toBe(first);
		expect(document.activeElement?.getAttribute('data-cell')).toBe('2-0');
		expect(grid.querySelector('g.selected [data-cell]')?.getAttribute('data-cell')).toBe('2-0');
		expect(grid.querySelectorAll('.rowmark')).toHaveLength(1);
	});

	it('writes token text into the map as text, never as markup', async () => {
		const tokens = ['<b>x</b>', 'a"b', "it's", '&amp;'];
		const screen = await render(AttentionMatrix, { tokens, causal: false });
		const map = screen.container.querySelector('[data-part="weights"] svg')!;
		expect(map.querySelector('b')).toBeNull();
		const heads = [...map.querySelectorAll('[role="rowheader"]')].map((t) => t.textContent);
		expect(heads).toEqual(['<b>x</b>', 'a"b', "it's", '&amp;']);
		expect(map.querySelector('[data-cell="1-3"]')!.getAttribute('aria-label')).toContain('a"b');
		expect(map.querySelector('[data-cell="1-3"]')!.getAttribute('aria-label')).toContain('&amp;');
	});

	it('switches the causal mask off and on', async () => {
		const onCausalChange = vi.fn();
		const screen = await render(AttentionMatrix, { tokens: ['a', 'b', 'c'], onCausalChange });
		const root = screen.container;
		expect(cell(root, 'weights', 0, 2)).toBe('masked');
		await screen.getByRole('checkbox', { name: /Causal mask/ }).click();
		expect(onCausalChange).toHaveBeenLastCalledWith(false);
		expect(cell(root, 'weights', 0, 2)).not.toBe('masked');
		expect(num(root, 'weights', 0, 0)).toBeLessThan(1);
	});

	it('shares K and V between the query heads of one group (GQA) and shows the groups', async () => {
		const screen = await render(AttentionMatrix, { nHeads: 4, nKvHeads: 2, causal: false });
		const root = screen.container;
		const kvs = [...root.querySelectorAll('[data-part="heads"] [data-kv]')].map((e) =>
			e.getAttribute('data-kv')
		);
		expect(kvs).toEqual(['0', '0', '1', '1']);
		const k0 = num(root, 'qkv', 3, 1, 'k');
		const v0 = num(root, 'qkv', 3, 1, 'v');
		const q0 = num(root, 'qkv', 3, 1, 'q');
		await screen.getByRole('button', { name: 'Head 2, uses K/V head 1' }).click();
		expect(root.querySelector('.la-attention-matrix')!.getAttribute('data-head')).toBe('1');
		expect(num(root, 'qkv', 3, 1, 'k')).toBe(k0);
		expect(num(root, 'qkv', 3, 1, 'v')).toBe(v0);
		expect(num(root, 'qkv', 3, 1, 'q')).not.toBe(q0);
		await screen.getByRole('button', { name: 'Head 3, uses K/V head 2' }).click();
		expect(num(root, 'qkv', 3, 1, 'k')).not.toBe(k0);
	});

	it('shows real weights passed in, with a Real badge and the rows as given', async () => {
		const screen = await render(AttentionMatrix, {
			weights: [
				[1, 0],
				[0.25, 0.75]
			],
			tokens: ['I', 'am']
		});
		const root = screen.container;
		expect(num(root, 'weights', 1, 0)).toBe(0.25);
		expect(num(root, 'weights', 1, 1)).toBe(0.75);
		await expect.element(screen.getByText('Real')).toBeInTheDocument();
		expect(root.querySelector('[data-part="qkv"]')).toBeNull();
		await screen.rerender({ badge: 'illustrative' });
		await expect.element(screen.getByText('Illustrative')).toBeInTheDocument();
	});

	it('draws a large map on a canvas and reads the cell under the pointer', async () => {
		const n = 512;
		// w[i][j] = 1/(i+1) for j ≤ i: each row sums to 1, and the readout of (i, j) is 1/(i+1).
		const w = new Float32Array(n * n);
		for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) w[i * n + j] = 1 / (i + 1);
		const screen = await render(AttentionMatrix, { weights: w, seq: n });
		const root = screen.container;
		expect(root.querySelector('.la-attention-matrix')!.getAttribute('data-mode')).toBe('canvas');
		const canvas = root.querySelector('canvas')!;
		expect(canvas.width).toBe(512);
		const r = canvas.getBoundingClientRect();
		// the middle of cell (row 300, col 100)
		const x = r.left + ((100 + 0.5) / n) * r.width;
		const y = r.top + ((300 + 0.5) / n) * r.height;
		canvas.dispatchEvent(new PointerEvent('pointerenter', { clientX: x, clientY: y, bubbles: true }));
		canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
		await expect
			.element(screen.getByTestId('readout'))
			.toHaveTextContent(`Query 301 “#300” → key 101 “#100”: weight ${(1 / 301).toPrecision(3)}`);
		expect(root.querySelector('.box.hover')).not.toBeNull();
	});

	it('reads out the SVG cell under the pointer or focus, and clears when the pointer leaves', async () => {
		const screen = await render(AttentionMatrix, { tokens: ['a', 'b', 'c'], causal: true });
		const root = screen.container;
		const readout = screen.getByTestId('readout');
		await expect.element(readout).toHaveTextContent('Hover or focus a cell to read it.');
		// row 2 ("c") attends to keys a, b, c; the weight is the cell's own data-value
		const target = root.querySelector('[data-part="weights"] [data-cell="2-1"]')!;
		const w = Number(target.getAttribute('data-value'));
		await userEvent.hover(target.querySelector('rect')!);
		await expect.element(readout).toHaveTextContent(`Query 3 “c” → key 2 “b”: weight ${w.toPrecision(3)}`);
		await userEvent.unhover(target.querySelector('rect')!);
		await expect.element(readout).toHaveTextContent('Hover or focus a cell to read it.');
		// focusing a cell of the interactive grid reads it too
		(root.querySelector('[data-part="weights"] [data-cell="1-0"]') as SVGGElement).focus();
		await expect.element(readout).toHaveTextContent('Query 2 “b” → key 1 “a”');
	});

	it('draws each head as a canvas thumbnail: masked cells in the theme surface, the strongest weight at the top of viridis', async () => {
		const screen = await render(AttentionMatrix, {
			tokens: ['a', 'b', 'c'],
			causal: true,
			nHeads: 2,
			nKvHeads: 1
		});
		const thumbs = screen.container.querySelectorAll<HTMLCanvasElement>('[data-part="heads"] .thumb canvas');
		expect(thumbs).toHaveLength(2);
		const px = (c: HTMLCanvasElement, row: number, col: number) =>
			Array.from(c.getContext('2d')!.getImageData(col, row, 1, 1).data);
		// row 0 sees only key 0: weight exactly 1, the largest of all heads, so viridis(1) = #fde725
		expect(px(thumbs[0], 0, 0)).toEqual([0xfd, 0xe7, 0x25, 255]);
		// (0, 1) is a future key: masked, left transparent over the canvas's background, which is
		// --la-surface-2 (#eceff3 in the light theme)
		expect(px(thumbs[0], 0, 1)).toEqual([0, 0, 0, 0]);
		expect(px(thumbs[1], 1, 2)).toEqual([0, 0, 0, 0]);
		expect(px(thumbs[1], 2, 2)[3]).toBe(255);
		expect(getComputedStyle(thumbs[0]).backgroundColor).toBe('rgb(236, 239, 243)');
	});

	it('clips 5,000 tokens to 1,024 with a message and a canvas', async () => {
		const screen = await render(AttentionMatrix, {
			tokens: Array.from({ length: 5000 }, (_, i) => `t${i}`),
			nHeads: 1,
			nKvHeads: 1
		});
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent('5000 tokens given; only the first 1024');
		const root = screen.container.querySelector('.la-attention-matrix')!;
		expect(root.getAttribute('data-seq')).toBe('1024');
		expect(root.getAttribute('data-mode')).toBe('canvas');
	});

	it('handles bad sizes: heads not divisible by K/V heads, 0 or NaN heads, negative sizes', async () => {
		const screen = await render(AttentionMatrix, { nHeads: 4, nKvHeads: 3 });
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent('4 query heads cannot share 3 K/V heads');
		const kvs = () =>
			[...screen.container.querySelectorAll('[data-part="heads"] [data-kv]')].map((e) =>
				e.getAttribute('data-kv')
			);
		expect(kvs()).toEqual(['0', '0', '1', '1']); // fell back to 2 K/V heads
		await screen.rerender({ nHeads: 0, nKvHeads: 1 });
		expect(screen.container.querySelector('[data-part="heads"]')).toBeNull(); // clamped to 1 head
		expect(screen.container.querySelector('[data-part="weights"]')).not.toBeNull();
		await screen.rerender({ nHeads: NaN, nKvHeads: NaN, dHead: -3 });
		expect(kvs().length).toBe(4); // back to the default 4 heads
		await screen.rerender({ tokens: [] });
		await expect.element(screen.getByText(/Type a sentence/)).toBeInTheDocument();
		await screen.rerender({ tokens: undefined, size: -5 });
		await expect.element(screen.getByText(/Type a sentence/)).toBeInTheDocument();
	});

	it('shows a message for weights of the wrong shape or with NaN', async () => {
		const screen = await render(AttentionMatrix, { weights: [[1, 0], [1]] });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/row 1 has 1 values, expected 2/);
		await screen.rerender({ weights: new Float32Array(10), seq: 3 });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/10 values do not make a 3 × 3 map/);
		await screen.rerender({ weights: [[NaN]] });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/NaN/);
	});

	it('re-tokenizes typed text', async () => {
		const screen = await render(AttentionMatrix, {});
		await userEvent.fill(screen.getByRole('textbox', { name: 'Sentence' }), 'Dogs chase cats.');
		const root = screen.container.querySelector('.la-attention-matrix')!;
		await vi.waitFor(() => expect(root.getAttribute('data-seq')).toBe('4'));
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(AttentionMatrix, {});
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(AttentionMatrix, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '注意力：谁在看谁' })).toBeInTheDocument();
		await expect.element(screen.getByText(/查询“sat”最关注/)).toBeInTheDocument();
	});
});
