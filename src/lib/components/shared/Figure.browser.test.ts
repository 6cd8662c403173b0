import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import Figure from './Figure.svelte';
import type { FigureData } from './export.js';

const picture = createRawSnippet(() => ({ render: () => '<svg role="img" aria-label="a dot"></svg>' }));
const data = (n: number): FigureData => ({
	columns: [
		{ key: 'i', label: 'index' },
		{ key: 'sq', label: 'square' }
	],
	rows: Array.from({ length: n }, (_, i) => ({ i, sq: i * i }))
});

describe('Figure', () => {
	it('builds its data table only when the reader opens it, and then shows every row up to maxRows', async () => {
		const screen = await render(Figure, {
			title: 'Squares',
			data: data(300),
			maxRows: 250,
			children: picture
		});
		const root = screen.container;
		expect(root.querySelectorAll('.la-data td')).toHaveLength(0);
		await userEvent.click(screen.getByText('Data table'));
		await expect.element(screen.getByRole('table', { name: 'Squares' })).toBeVisible();
		const cells = root.querySelectorAll('.la-data tbody tr');
		expect(cells).toHaveLength(250);
		// row 17 holds 17 and 17² = 289
		expect([...cells[17].querySelectorAll('td')].map((td) => td.textContent)).toEqual(['17', '289']);
		await expect.element(screen.getByText('Showing the first 250 of 300 rows.')).toBeInTheDocument();
		// closing it drops the rows again; later data arrives when it is reopened
		await userEvent.click(screen.getByText('Data table'));
		await expect.poll(() => root.querySelectorAll('.la-data td').length).toBe(0);
		await screen.rerender({ data: data(3) });
		await userEvent.click(screen.getByText('Data table'));
		await expect.poll(() => root.querySelectorAll('.la-data tbody tr').length).toBe(3);
	});

	it('calls a data function only when the table is opened or the data exported', async () => {
		const lazy = vi.fn(() => data(4));
		const screen = await render(Figure, { title: 'Squares', data: lazy, children: picture });
		// the export menu is offered without building the data
		await expect.element(screen.getByRole('button', { name: /Export/ })).toBeInTheDocument();
		expect(lazy).not.toHaveBeenCalled();
		await userEvent.click(screen.getByText('Data table'));
		await expect.poll(() => screen.container.querySelectorAll('.la-data tbody tr').length).toBe(4);
		expect(lazy).toHaveBeenCalled();
	});
});
