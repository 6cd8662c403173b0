import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import TokenStrip from './TokenStrip.svelte';

// Expected IDs are OpenAI's: o200k_base "hello world" → [24912, 2375],
// cl100k_base "hello world" → [15339, 1917], GPT-2 (r50k_base) "Hello" → 15496, " world" → 995.
describe('TokenStrip', () => {
	it('shows the real o200k_base IDs for "hello world"', async () => {
		const screen = await render(TokenStrip, { text: 'hello world' });
		await expect.element(screen.getByTestId('token-count'), { timeout: 15000 }).toHaveTextContent('2');
		const ids = [...screen.container.querySelectorAll('[data-token-id]')].map((e) =>
			Number(e.getAttribute('data-token-id'))
		);
		expect(ids).toEqual([24912, 2375]);
	});

	it('switches encoding and reports the new tokens', async () => {
		const onTokens = vi.fn();
		const screen = await render(TokenStrip, { text: 'hello world', encoding: 'cl100k_base', onTokens });
		await expect.element(screen.getByTestId('token-count'), { timeout: 15000 }).toHaveTextContent('2');
		const last = onTokens.mock.calls.at(-1)!;
		expect(last[0].map((t: { id: number }) => t.id)).toEqual([15339, 1917]);
		expect(last[1]).toBe('cl100k_base');
	});

	it('types text and updates tokens; whitespace is made visible', async () => {
		const screen = await render(TokenStrip, { text: '' });
		const box = screen.getByRole('textbox');
		await userEvent.fill(box, 'Hello world');
		await expect.element(screen.getByTestId('token-count'), { timeout: 15000 }).toHaveTextContent('2');
		expect(screen.container.textContent).toContain('·world');
	});

	it('is operable by keyboard and announces the focused token', async () => {
		const onSelect = vi.fn();
		const screen = await render(TokenStrip, { text: 'hello world', onSelect });
		const strip = screen.getByRole('listbox');
		await expect.element(strip, { timeout: 15000 }).toBeInTheDocument();
		(strip.element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowRight}');
		await userEvent.keyboard('{ArrowRight}');
		expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 2375, start: 5, end: 11 }));
		await expect.element(screen.getByText(/Token 2: ID 2375/)).toBeInTheDocument();
		await userEvent.keyboard('{Home}');
		expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 24912, start: 0, end: 5 }));
	});

	it('compares two encodings side by side', async () => {
		const screen = await render(TokenStrip, { text: 'Hello world', compareWith: 'r50k_base' });
		await vi.waitFor(
			() => {
				const ids = [...screen.container.querySelectorAll('[data-compare] [data-token-id]')].map((e) =>
					Number(e.getAttribute('data-token-id'))
				);
				expect(ids).toEqual([15496, 995]);
			},
			{ timeout: 15000 }
		);
	});

	it('shows every token of the compared encoding, even when it needs more tokens', async () => {
		// "Hello 大模型": cl100k_base needs more tokens for the CJK characters than o200k_base;
		// each strip must show its own full count of chips.
		const screen = await render(TokenStrip, { text: 'Hello 大模型', compareWith: 'cl100k_base' });
		const tokC = await (await import('../../core/tokenize/tokenizer.js')).loadTokenizer('cl100k_base');
		const expected = tokC.encode('Hello 大模型');
		await vi.waitFor(
			() => {
				const ids = [...screen.container.querySelectorAll('[data-compare] [data-token-id]')].map((e) =>
					Number(e.getAttribute('data-token-id'))
				);
				expect(ids).toEqual(expected);
			},
			{ timeout: 15000 }
		);
	});

	it('marks tokens that hold part of a multi-byte character', async () => {
		// 🦙 is 4 UTF-8 bytes; GPT-2's byte-level BPE has no single token for it
		const screen = await render(TokenStrip, { text: '🦙', encoding: 'r50k_base' });
		await vi.waitFor(
			() => expect(screen.container.querySelectorAll('.chip.partial').length).toBeGreaterThan(1),
			{
				timeout: 15000
			}
		);
	});

	it('pages a long document instead of rendering every chip', async () => {
		// "word" then 5,999 × " word": every piece is one o200k_base token, so 6,000 tokens
		const text = 'word' + ' word'.repeat(5999);
		const screen = await render(TokenStrip, { text, pageSize: 500 });
		await expect.element(screen.getByTestId('token-count'), { timeout: 20000 }).toHaveTextContent('6,000');
		expect(screen.container.querySelectorAll('.chips[role="listbox"] .chip').length).toBe(500);
		await screen.getByRole('button', { name: /Show 500 more tokens/ }).click();
		expect(screen.container.querySelectorAll('.chips[role="listbox"] .chip').length).toBe(1000);
	});

	it('clips absurdly long text with a message instead of freezing', async () => {
		const screen = await render(TokenStrip, { text: 'a'.repeat(5000), maxCharacters: 1000 });
		await expect.element(screen.getByText(/only the first 1000 are tokenized/)).toBeInTheDocument();
	});

	it('renders in Chinese inside <Messages locale="zh">', async () => {
		const screen = await render(TokenStrip, { text: '你好', locale: 'zh' });
		await expect.element(screen.getByText('从文本到词元')).toBeInTheDocument();
	});

	it('survives odd input: empty, lone surrogates, ZWJ emoji, RTL', async () => {
		const screen = await render(TokenStrip, { text: '' });
		await expect.element(screen.getByText(/Type or paste some text/), { timeout: 15000 }).toBeInTheDocument();
		await screen.rerender({ text: 'a\uD800b 👩‍👩‍👧 مرحبا e\u0301' });
		await vi.waitFor(() =>
			expect(
				Number(screen.container.querySelector('[data-tokens]')?.getAttribute('data-tokens'))
			).toBeGreaterThan(3)
		);
	});
});
