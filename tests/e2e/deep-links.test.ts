import { get_encoding } from 'tiktoken';
import { expect, test } from './fixtures.js';
import { chapter, figure, isAvailable } from './site.js';

/** Token IDs of `text` from the tiktoken package (OpenAI's Rust BPE), not from the site's tokenizer. */
function tiktokenIds(encoding: 'cl100k_base' | 'o200k_base', text: string): string[] {
	const enc = get_encoding(encoding);
	try {
		return [...enc.encode(text)].map(String);
	} finally {
		enc.free();
	}
}

test.beforeEach(() => {
	test.skip(!isAvailable('TokenStrip'), 'TokenStrip is not in src/site/explainer/figures.ts yet');
});

test('a link with text, encoding and chapter opens the tokenizer chapter in that state', async ({
	page,
	errors
}) => {
	await page.goto('/?text=abc&enc=cl100k_base#tokenization');
	await expect(chapter(page, 'tokenization').getByRole('heading', { level: 2 })).toBeInViewport();
	const strip = figure(chapter(page, 'tokenization'), 'TokenStrip');
	await expect(strip.getByRole('textbox', { name: 'Text' })).toHaveValue('abc');
	await expect(strip.getByRole('combobox', { name: 'Encoding' })).toHaveValue('cl100k_base');
	await expect(strip).toHaveAttribute('data-encoding', 'cl100k_base');
	const ids = strip.getByRole('listbox').getByRole('option');
	const expected = tiktokenIds('cl100k_base', 'abc');
	await expect(ids).toHaveCount(expected.length, { timeout: 20_000 });
	expect(await ids.evaluateAll((o) => o.map((x) => x.getAttribute('data-token-id')))).toEqual(expected);
	expect(errors).toEqual([]);
});

test('typing and choosing an encoding write text and enc into the URL', async ({ page, errors }) => {
	await page.goto('/#tokenization');
	const strip = figure(chapter(page, 'tokenization'), 'TokenStrip');
	const params = () => new URL(page.url()).searchParams;
	await strip.getByRole('textbox', { name: 'Text' }).fill('the URL remembers this');
	// written after a short pause, with replaceState: the hash stays
	await expect.poll(() => params().get('text')).toBe('the URL remembers this');
	expect(new URL(page.url()).hash).toBe('#tokenization');

	await strip.getByRole('combobox', { name: 'Encoding' }).selectOption('cl100k_base');
	await expect.poll(() => params().get('enc')).toBe('cl100k_base');
	// the default encoding is left out of the URL
	await strip.getByRole('combobox', { name: 'Encoding' }).selectOption('o200k_base');
	await expect.poll(() => params().has('enc')).toBe(false);

	// the written URL restores the same picture
	await page.reload();
	await expect(strip.getByRole('textbox', { name: 'Text' })).toHaveValue('the URL remembers this');
	const ids = strip.getByRole('listbox').getByRole('option');
	const expected = tiktokenIds('o200k_base', 'the URL remembers this');
	await expect(ids).toHaveCount(expected.length, { timeout: 20_000 });
	expect(await ids.evaluateAll((o) => o.map((x) => x.getAttribute('data-token-id')))).toEqual(expected);
	expect(errors).toEqual([]);
});

test('an unknown encoding in the URL falls back to the default', async ({ page, errors }) => {
	await page.goto('/?text=abc&enc=nonsense#tokenization');
	const strip = figure(chapter(page, 'tokenization'), 'TokenStrip');
	await expect(strip.getByRole('textbox', { name: 'Text' })).toHaveValue('abc');
	await expect(strip).toHaveAttribute('data-encoding', 'o200k_base');
	expect(errors).toEqual([]);
});
