import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Figure from './Figure.svelte';

describe('Figure on the server', () => {
	it('writes the whole data table, for readers without JavaScript', () => {
		const children = createRawSnippet(() => ({ render: () => '<p>picture</p>' }));
		const { body } = render(Figure, {
			props: {
				title: 'Squares',
				summary: 'Squares of 0 to 4.',
				data: {
					columns: [
						{ key: 'i', label: 'index' },
						{ key: 'sq', label: 'square' }
					],
					rows: [0, 1, 2, 3, 4].map((i) => ({ i, sq: i * i }))
				},
				children
			}
		});
		const html = body.replace(/<!--[^]*?-->/g, ''); // without hydration markers
		expect(html).toContain('<details class="la-data');
		expect(html.match(/<tr[ >]/g)).toHaveLength(6); // the header row and five rows
		expect(html).toMatch(/<td[^>]*>4<\/td><td[^>]*>16<\/td>/);
		expect(body).toContain('Squares of 0 to 4.');
	});
});
