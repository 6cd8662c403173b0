import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import EmbeddingLookup from './EmbeddingLookup.svelte';

const count = (body: string, re: RegExp) => (body.match(re) ?? []).length;

describe('EmbeddingLookup on the server', () => {
	it('renders the toy row, every value, the map and the analogy, touching no browser global', () => {
		const { body } = render(EmbeddingLookup, { props: {} });
		expect(body).toContain('la-embedding-lookup');
		expect(body).toContain('<figure');
		expect(body).toContain('data-word="cat"');
		expect(body).toContain('data-row="0"'); // cat is the first word of the toy vocabulary
		// the real tokenizer is loaded only in the browser, when the figure is visible
		expect(body).toContain('Loading the o200k_base vocabulary');
		expect(body).not.toContain('data-token-id=');
		expect(count(body, /<li data-value=/g)).toBe(28);
		expect(body).toContain('<svg');
		expect(body).toContain('role="listbox"');
		expect(count(body, /role="option"/g)).toBe(46);
		expect(count(body, /aria-selected="true"/g)).toBe(1);
		expect(body).toContain('king − man + woman ≈ queen');
		expect(body).toContain('data-kind="illustrative"');
		expect(body).toContain('data-kind="real"');
		expect(body).toContain('The same token always maps to the same row');
	});

	it('draws a heat strip and the selected row in the table slice', () => {
		const { body } = render(EmbeddingLookup, { props: { word: 'queen', display: 'heat', sliceRows: 1 } });
		expect(body).toContain('data-display="heat"');
		expect(body).toMatch(/<ol class="heat[ "]/);
		// queen is row 13: the slice shows rows 12–14, the middle one current
		expect(body).toMatch(/<li aria-current="true" data-row="13" class="[^"]*current"/);
		expect(count(body, /<li[^>]*data-row="1[234]"/g)).toBe(3);
	});

	it('lists the known words for an unknown word and asks for one when empty', () => {
		const unknown = render(EmbeddingLookup, { props: { word: 'unicorn' } }).body;
		expect(unknown).toContain('role="alert"');
		expect(unknown).toContain('“unicorn” is not in the toy vocabulary. Known words: cat, kitten, lion');
		expect(unknown).toContain('data-status="unknown"');
		const empty = render(EmbeddingLookup, { props: { word: '' } }).body;
		expect(empty).toContain('Type a word or pick one from the vocabulary.');
		expect(empty).toContain('data-status="empty"');
	});

	it('clamps NaN and absurd sizes', () => {
		expect(count(render(EmbeddingLookup, { props: { dims: NaN } }).body, /<li data-value=/g)).toBe(28);
		expect(count(render(EmbeddingLookup, { props: { dims: -4 } }).body, /<li data-value=/g)).toBe(1);
		expect(count(render(EmbeddingLookup, { props: { dims: 1e9 } }).body, /<li data-value=/g)).toBe(28);
		const five = render(EmbeddingLookup, { props: { dims: 5, neighbours: NaN, sliceRows: Infinity } }).body;
		expect(five).toContain('Showing the first 5 of 28 dimensions.');
		const near = five.slice(five.indexOf('data-testid="neighbours"'));
		expect(count(near.slice(0, near.indexOf('</ol>')), /<li[ >]/g)).toBe(5);
		expect(render(EmbeddingLookup, { props: { seed: NaN, analogy: null as never } }).body).toContain(
			'≈ queen'
		);
	});

	it('reports an analogy with an unknown word inline', () => {
		const { body } = render(EmbeddingLookup, { props: { analogy: { a: 'man', b: 'unicorn', c: 'woman' } } });
		expect(body).toContain('“unicorn” is not in the toy vocabulary, so the analogy cannot be computed.');
	});

	it('renders Chinese strings', () => {
		const { body } = render(EmbeddingLookup, { props: { locale: 'zh' } });
		expect(body).toContain('从词元 ID 到嵌入向量');
		expect(body).toContain('动物');
	});
});
