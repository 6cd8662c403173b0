import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { loadTokenizer } from '../../core/tokenize/tokenizer.js';
import EmbeddingLookup from './EmbeddingLookup.svelte';

const root = (c: HTMLElement) => c.querySelector<HTMLElement>('.la-embedding-lookup')!;
const values = (c: HTMLElement) =>
	[...c.querySelectorAll('[data-testid="values"] [data-value]')].map((e) =>
		Number(e.getAttribute('data-value'))
	);
const point = (c: HTMLElement, word: string) =>
	c.querySelector<SVGGElement>(`[role="option"][data-word="${word}"]`)!;

describe('EmbeddingLookup', () => {
	it('shows the real o200k_base ID of "cat", the one the tokenizer gives', async () => {
		// computed here, independently of the component: OpenAI's o200k_base encodes "cat" as one token
		const tok = await loadTokenizer('o200k_base');
		const expected = tok.encode('cat')[0];
		const screen = await render(EmbeddingLookup, { word: 'cat' });
		await expect
			.element(screen.getByTestId('token-id'), { timeout: 15000 })
			.toHaveTextContent(String(expected));
		expect(root(screen.container).getAttribute('data-token-id')).toBe(String(expected));
		// " cat" (after a space) is a different token
		expect(screen.container.textContent).toContain(`is ${tok.encode(' cat').join(' ')}: a different token`);
		// and the summary says it in words
		await expect
			.element(screen.getByText(new RegExp(`“cat” is o200k_base token ${expected};`)))
			.toBeInTheDocument();
	});

	it('says how many tokens a word is when o200k_base splits it', async () => {
		const tok = await loadTokenizer('o200k_base');
		const n = tok.encode('kitten').length;
		const screen = await render(EmbeddingLookup, { word: 'kitten' });
		await expect
			.element(screen.getByTestId('token-id'), { timeout: 15000 })
			.toHaveTextContent(tok.encode('kitten').join(' '));
		// o200k_base has no single token for "kitten" without a leading space (it has one for " kitten")
		expect(n).toBeGreaterThan(1);
		expect(screen.container.textContent).toContain(`“kitten” is ${n} tokens in o200k_base`);
	});

	it('answers the analogies: king − man + woman ≈ queen, kitten − cat + dog ≈ puppy', async () => {
		const onAnalogyChange = vi.fn();
		const screen = await render(EmbeddingLookup, { onAnalogyChange });
		const answer = screen.getByTestId('analogy-answer');
		await expect.element(answer).toHaveTextContent(/king − man \+ woman ≈ queen/);
		await screen.getByRole('button', { name: 'kitten − cat + dog' }).click();
		await expect.element(answer).toHaveTextContent(/kitten − cat \+ dog ≈ puppy/);
		expect(onAnalogyChange).toHaveBeenLastCalledWith({ a: 'cat', b: 'kitten', c: 'dog' });
		// the arrows on the map follow: cat → kitten and dog → puppy
		expect(screen.container.querySelector('[data-arrow="cat-kitten"]')).not.toBeNull();
		expect(screen.container.querySelector('[data-arrow="dog-puppy"]')).not.toBeNull();
		// and the pickers work one by one: paris − france + japan ≈ tokyo
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'a', exact: true }), 'france');
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'b', exact: true }), 'paris');
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'c', exact: true }), 'japan');
		await expect.element(answer).toHaveTextContent(/≈ tokyo/);
	});

	it('maps the same token to the same row and vector every time', async () => {
		const screen = await render(EmbeddingLookup, { word: 'cat' });
		const first = values(screen.container);
		const row = root(screen.container).getAttribute('data-row');
		expect(first).toHaveLength(28);
		await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Pick from the vocabulary' }), 'dog');
		await vi.waitFor(() => expect(root(screen.container).getAttribute('data-word')).toBe('dog'));
		expect(values(screen.container)).not.toEqual(first);
		await userEvent.fill(screen.getByRole('combobox', { name: 'Word' }), 'cat');
		await vi.waitFor(() => expect(root(screen.container).getAttribute('data-word')).toBe('cat'));
		// the list follows the typed word
		await expect
			.element(screen.getByRole('combobox', { name: 'Pick from the vocabulary' }))
			.toHaveValue('cat');
		expect(root(screen.container).getAttribute('data-row')).toBe(row);
		expect(values(screen.container)).toEqual(first);
		await expect
			.element(screen.getByTestId('same-row'))
			.toHaveTextContent(/same token always maps to the same row/);
	});

	it('keeps the word shown in every list when the table is rebuilt from another seed', async () => {
		const screen = await render(EmbeddingLookup, { word: 'dog', seed: 1 });
		const pick = screen.getByRole('combobox', { name: 'Pick from the vocabulary' });
		await expect.element(pick).toHaveValue('dog');
		const analogy = screen.getByRole('combobox', { name: 'a', exact: true });
		const before = (analogy.element() as HTMLSelectElement).value;
		await screen.rerender({ word: 'dog', seed: 7 });
		await expect.element(pick).toHaveValue('dog');
		await expect.element(analogy).toHaveValue(before);
	});

	it('highlights the selected row in the table slice', async () => {
		const screen = await render(EmbeddingLookup, { word: 'queen', sliceRows: 2 });
		const current = screen.container.querySelector('.slice [aria-current="true"]')!;
		expect(current.getAttribute('data-row')).toBe(root(screen.container).getAttribute('data-row'));
		expect(current.textContent).toContain('queen');
		expect(screen.container.querySelectorAll('.slice li[data-row]').length).toBe(5);
		// its strip is one band per dimension, in the heat colours of the row's values, in order
		const strip = current.querySelector<HTMLElement>('.strip')!;
		// (the browser writes each band of hard stops as two stops of the same colour)
		const stops = strip.style.background.match(/rgb\([^)]*\)/g) ?? [];
		expect(stops).toHaveLength(56);
		const bands = stops.filter((_, i) => i % 2 === 0);
		expect(stops.filter((_, i) => i % 2 === 1)).toEqual(bands);
		await screen.getByRole('radio', { name: 'Heat strip' }).click();
		const cells = [...screen.container.querySelectorAll<HTMLElement>('ol.heat li')];
		expect(cells).toHaveLength(28);
		expect(bands).toEqual(cells.map((c) => getComputedStyle(c).backgroundColor));
	});

	it('lists the nearest words by cosine similarity, best first', async () => {
		const screen = await render(EmbeddingLookup, { word: 'apple', neighbours: 3 });
		const items = [...screen.container.querySelectorAll('[data-testid="neighbours"] li')];
		expect(items).toHaveLength(3);
		const sims = items.map((li) => Number(li.querySelector('.num')!.textContent));
		expect([...sims].sort((a, b) => b - a)).toEqual(sims);
		// the other fruits are built from the same two features: they come first
		for (const li of items)
			expect(['banana', 'orange', 'grape']).toContain(li.querySelector('button')!.textContent);
	});

	it('moves between words on the map with the arrow keys; the word is bindable', async () => {
		const onWordChange = vi.fn();
		const screen = await render(EmbeddingLookup, { word: 'cat', onWordChange });
		const cat = point(screen.container, 'cat');
		expect(cat.getAttribute('tabindex')).toBe('0');
		expect(cat.getAttribute('aria-selected')).toBe('true');
		cat.focus();
		await userEvent.keyboard('{ArrowUp}');
		const moved = onWordChange.mock.calls.at(-1)?.[0];
		expect(moved).toBeTruthy();
		expect(moved).not.toBe('cat');
		expect(document.activeElement?.getAttribute('data-word')).toBe(moved);
		expect(point(screen.container, moved).getAttribute('aria-selected')).toBe('true');
		await userEvent.keyboard('{End}');
		expect(onWordChange).toHaveBeenLastCalledWith('sad');
		await userEvent.keyboard('{Home}');
		expect(onWordChange).toHaveBeenLastCalledWith('cat');
		await screen.rerender({ word: 'tokyo' });
		await vi.waitFor(() => expect(point(screen.container, 'tokyo').getAttribute('tabindex')).toBe('0'));
	});

	it('picks a word by clicking its point', async () => {
		const screen = await render(EmbeddingLookup, { word: 'cat' });
		point(screen.container, 'paris').dispatchEvent(new MouseEvent('click', { bubbles: true }));
		await vi.waitFor(() => expect(root(screen.container).getAttribute('data-word')).toBe('paris'));
	});

	it('toggles between bars and a heat strip, every value shown in both', async () => {
		const onDisplayChange = vi.fn();
		const screen = await render(EmbeddingLookup, { onDisplayChange });
		const bars = values(screen.container);
		await screen.getByRole('radio', { name: 'Heat strip' }).click();
		expect(onDisplayChange).toHaveBeenCalledWith('heat');
		await vi.waitFor(() => expect(root(screen.container).getAttribute('data-display')).toBe('heat'));
		expect(values(screen.container)).toEqual(bars);
		expect(screen.container.querySelectorAll('.heat li').length).toBe(28);
	});

	it('explains an unknown word, listing the known ones, and asks for a word when empty', async () => {
		const screen = await render(EmbeddingLookup, { word: 'cat' });
		const box = screen.getByRole('combobox', { name: 'Word' });
		await userEvent.fill(box, 'unicorn');
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent(/“unicorn” is not in the toy vocabulary/);
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/Known words: cat, kitten, lion, dog/);
		// the real tokenizer still gives the ID of any text
		const tok = await loadTokenizer('o200k_base');
		await expect
			.element(screen.getByTestId('token-id'), { timeout: 15000 })
			.toHaveTextContent(tok.encode('unicorn').join(' '));
		await userEvent.fill(box, '');
		await expect
			.element(screen.getByRole('alert'))
			.toHaveTextContent('Type a word or pick one from the vocabulary.');
		expect(root(screen.container).getAttribute('data-status')).toBe('empty');
	});

	it('clamps NaN and absurd sizes without a console error', async () => {
		const error = vi.spyOn(console, 'error');
		const screen = await render(EmbeddingLookup, {
			dims: NaN,
			neighbours: -1,
			sliceRows: NaN,
			seed: Infinity
		});
		expect(values(screen.container)).toHaveLength(28);
		expect(screen.container.querySelectorAll('[data-testid="neighbours"] li')).toHaveLength(1);
		await screen.rerender({ dims: 3 });
		await vi.waitFor(() => expect(values(screen.container)).toHaveLength(3));
		expect(screen.container.textContent).toContain('Showing the first 3 of 28 dimensions.');
		expect(error).not.toHaveBeenCalled();
		error.mockRestore();
	});

	it('has no axe violations, with bars, heat strip and an unknown word', async () => {
		for (const props of [{}, { display: 'heat' as const, word: 'queen' }, { word: 'unicorn' }]) {
			const screen = await render(EmbeddingLookup, props);
			await expect.element(screen.getByTestId('token-id'), { timeout: 15000 }).toHaveTextContent(/\d/);
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(EmbeddingLookup, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: '从词元 ID 到嵌入向量' })).toBeInTheDocument();
		await expect.element(screen.getByText(/king − man \+ woman ≈ queen（余弦相似度/)).toBeInTheDocument();
	});

	it('fits a 360-pixel-wide screen without scrolling sideways', async () => {
		await page.viewport(360, 700);
		const screen = await render(EmbeddingLookup, { display: 'heat' as const });
		await new Promise((r) => requestAnimationFrame(r));
		for (const el of screen.container.querySelectorAll<HTMLElement>('.la-body, figure'))
			expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
		screen.unmount();
		await page.viewport(1200, 700);
	});
});
