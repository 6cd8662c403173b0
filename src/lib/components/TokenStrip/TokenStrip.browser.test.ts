import axe from 'axe-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import TokenStrip from './TokenStrip.svelte';
import { BLOCK_TOKENS } from './blocks.js';

/** Whether `el` lies within the scroll container's visible box (1 px of rounding allowed). */
function isShown(el: Element | null, scroller: Element): boolean {
	if (!el) return false;
	const a = el.getBoundingClientRect();
	const b = scroller.getBoundingClientRect();
	return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
}

/** Resolves after `n` animation frames (ResizeObserver reports and re-renders happen between them). */
async function frames(n = 3) {
	for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}

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

	it('keeps the token objects before an edit, so their chips are left alone', async () => {
		const onTokens = vi.fn();
		const screen = await render(TokenStrip, { text: 'The quick brown fox jumps', onTokens });
		await expect.element(screen.getByTestId('token-count'), { timeout: 15000 }).toHaveTextContent('5');
		const before = onTokens.mock.calls.at(-1)![0];
		const firstChip = screen.container.querySelector('[data-index="0"]');
		await userEvent.fill(screen.getByRole('textbox'), 'The quick brown fox jumped');
		await expect.element(screen.getByText('·jumped')).toBeInTheDocument();
		const after = onTokens.mock.calls.at(-1)![0];
		expect(after.slice(0, 4)).toEqual(before.slice(0, 4));
		expect(after.slice(0, 4).every((t: unknown, i: number) => t === before[i])).toBe(true);
		expect(after[4]).not.toBe(before[4]);
		expect(screen.container.querySelector('[data-index="0"]')).toBe(firstChip);
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

	it('shows a text of up to 1,500 tokens as one flowing list, every chip rendered', async () => {
		// "word" then 999 × " word": one o200k_base token each (js-tiktoken: 1801, then 2195 × 999)
		const screen = await render(TokenStrip, { text: 'word' + ' word'.repeat(999) });
		await expect.element(screen.getByTestId('token-count'), { timeout: 20000 }).toHaveTextContent('1,000');
		const strip = screen.container.querySelector('[role="listbox"]')!;
		expect(strip.querySelectorAll('.chip')).toHaveLength(1000);
		expect(strip.querySelectorAll('[data-block]')).toHaveLength(1);
		expect(strip.querySelector('.spacer')).toBeNull();
		expect(strip.hasAttribute('data-virtual')).toBe(false);
	});

	it('accepts the deprecated pageSize and ignores it: every token is reachable, no "show more"', async () => {
		// "word" then 5,999 × " word": every piece is one o200k_base token, so 6,000 tokens
		const onSelect = vi.fn();
		const text = 'word' + ' word'.repeat(5999);
		const screen = await render(TokenStrip, { text, pageSize: 500, onSelect });
		await expect.element(screen.getByTestId('token-count'), { timeout: 20000 }).toHaveTextContent('6,000');
		const strip = screen.container.querySelector<HTMLElement>('[role="listbox"]')!;
		expect(strip.dataset.virtual).toBe('true');
		expect(screen.container.textContent).not.toMatch(/more tokens|Showing \d+ of/);
		expect(strip.querySelectorAll('.chip').length).toBeLessThan(2000);
		strip.focus();
		await userEvent.keyboard('{End}');
		expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ index: 5999, id: 2195 }));
		await vi.waitFor(() => expect(isShown(strip.querySelector('[data-index="5999"]'), strip)).toBe(true));
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

// "hello", then 99,998 × " hello", then " world": one o200k_base token each. js-tiktoken (OpenAI's
// ranks, its own BPE; not the tokenizer the component uses) gives 100,000 IDs: 24912, then 40617 ×
// 99,998, then 2375 (as in "hello world" → [24912, 2375]); checked again in beforeAll below.
const LONG = 'hello' + ' hello'.repeat(99_998) + ' world';
const LONG_COUNT = 100_000;
const LAST_ID = 2375;

describe('TokenStrip with a 100,000-token document', () => {
	beforeAll(async () => {
		const { Tiktoken } = await import('js-tiktoken/lite');
		const ranks = (await import('js-tiktoken/ranks/o200k_base')).default;
		const ids = new Tiktoken(ranks).encode(LONG);
		expect(ids).toHaveLength(LONG_COUNT);
		expect(ids.at(0)).toBe(24912);
		expect(ids.at(-2)).toBe(40617);
		expect(ids.at(-1)).toBe(LAST_ID);
	}, 60_000);

	/** Renders the long document and waits for its chips. */
	async function long(props: Record<string, unknown> = {}) {
		const screen = await render(TokenStrip, { text: LONG, ...props });
		await expect.element(screen.getByTestId('token-count'), { timeout: 30000 }).toHaveTextContent('100,000');
		const strip = screen.container.querySelector<HTMLElement>('[role="listbox"]')!;
		await vi.waitFor(() => expect(strip.querySelector('[data-token-id]')).not.toBeNull());
		await frames();
		return { screen, strip, chips: () => strip.querySelectorAll('.chip').length };
	}

	it('counts every token and keeps only a few hundred chips in the DOM', async () => {
		const { screen, strip, chips } = await long();
		expect(screen.container.querySelector('[data-tokens]')?.getAttribute('data-tokens')).toBe('100000');
		expect(screen.container.querySelector('figcaption')?.textContent).toMatch(/100000 tokens|100,000 tokens/);
		expect(strip.dataset.virtual).toBe('true');
		expect(chips()).toBeGreaterThan(0);
		expect(chips()).toBeLessThanOrEqual(2000);
		const first = strip.querySelector('[role="option"]')!;
		expect(first.getAttribute('data-token-id')).toBe('24912');
		expect(first.getAttribute('aria-posinset')).toBe('1');
		expect(first.getAttribute('aria-setsize')).toBe('100000');
		// the scroll container is bounded (24rem) and far taller inside than it shows
		expect(strip.clientHeight).toBeLessThanOrEqual(24 * 16 + 2 * 2 + 1); // max-height + padding
		expect(strip.scrollHeight).toBeGreaterThan(100 * strip.clientHeight);
		// the text alternative, once opened, shows 200 rows and says how many there are
		await screen.getByText('Data table', { exact: true }).click();
		await vi.waitFor(() => expect(screen.container.querySelectorAll('.la-data tbody tr')).toHaveLength(200));
		expect(screen.container.querySelector('.la-data')?.textContent).toMatch(/200 of 100000/);
	});

	it('shows the last token with its ID when scrolled to the end', async () => {
		const { strip, chips } = await long();
		strip.scrollTop = strip.scrollHeight;
		await vi.waitFor(
			() => {
				const last = strip.querySelector(`[data-index="${LONG_COUNT - 1}"]`);
				expect(last?.getAttribute('data-token-id')).toBe(String(LAST_ID));
				expect(last?.getAttribute('aria-posinset')).toBe(String(LONG_COUNT));
				expect(isShown(last, strip)).toBe(true);
			},
			{ timeout: 5000 }
		);
		// still at the end once every rendered block is measured
		await frames(5);
		expect(strip.scrollTop).toBeGreaterThanOrEqual(strip.scrollHeight - strip.clientHeight - 2);
		expect(isShown(strip.querySelector(`[data-index="${LONG_COUNT - 1}"]`), strip)).toBe(true);
		expect(chips()).toBeLessThanOrEqual(2000);
	});

	it('moves the selection over the whole document by keyboard, rendering and revealing it', async () => {
		const onSelect = vi.fn();
		const { screen, strip, chips } = await long({ onSelect });
		strip.focus();
		await userEvent.keyboard('{End}');
		expect(onSelect).toHaveBeenLastCalledWith(
			expect.objectContaining({ index: LONG_COUNT - 1, id: LAST_ID })
		);
		const selected = () => strip.querySelector<HTMLElement>('[aria-selected="true"]');
		await vi.waitFor(() => {
			expect(selected()?.dataset.index).toBe(String(LONG_COUNT - 1));
			expect(isShown(selected(), strip)).toBe(true);
		});
		expect(strip.getAttribute('aria-activedescendant')).toBe(selected()!.id);
		await expect.element(screen.getByText(/Token 100000: ID 2375, text “·world”/)).toBeInTheDocument();
		await userEvent.keyboard('{ArrowLeft}');
		expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ index: LONG_COUNT - 2, id: 40617 }));
		await userEvent.keyboard('{Home}');
		expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ index: 0, id: 24912 }));
		await vi.waitFor(() => expect(isShown(selected(), strip)).toBe(true));
		// Page Down moves by a viewport of tokens (more than 20 here: every chip is short)
		await userEvent.keyboard('{PageDown}');
		const paged = onSelect.mock.lastCall![0].index as number;
		expect(paged).toBeGreaterThan(20);
		await vi.waitFor(() => {
			expect(selected()?.dataset.index).toBe(String(paged));
			expect(isShown(selected(), strip)).toBe(true);
		});
		await userEvent.keyboard('{PageUp}');
		expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ index: 0 }));
		await frames();
		expect(chips()).toBeLessThanOrEqual(2000);
	});

	it('renders and reveals a token selected from outside (bind:selected)', async () => {
		const { screen, strip } = await long();
		await screen.rerender({ selected: 70_000 });
		await vi.waitFor(() => {
			const el = strip.querySelector<HTMLElement>('[aria-selected="true"]');
			expect(el?.dataset.index).toBe('70000');
			expect(el?.getAttribute('data-token-id')).toBe('40617');
			expect(isShown(el, strip)).toBe(true);
			expect(strip.getAttribute('aria-activedescendant')).toBe(el?.id);
		});
		// the selected chip stays rendered after scrolling far away from it
		strip.scrollTop = 0;
		await frames(4);
		expect(strip.querySelector('[data-index="70000"]')).not.toBeNull();
		expect(strip.querySelector('[data-index="0"]')).not.toBeNull();
	});

	it('shows bytes and offsets of a hovered chip deep in the document', async () => {
		const { screen, strip } = await long();
		strip.scrollTop = strip.scrollHeight / 2;
		await frames(4);
		const box = strip.getBoundingClientRect();
		const chip = document
			.elementFromPoint(box.left + 30, box.top + box.height / 2)
			?.closest<HTMLElement>('[data-index]');
		expect(chip).toBeTruthy();
		const i = Number(chip!.dataset.index);
		expect(i).toBeGreaterThan(1000);
		await userEvent.hover(chip!);
		// " hello" at token i (i ≥ 1) covers characters 5 + 6(i − 1) to 5 + 6i; its bytes are 20 68 65 6c 6c 6f
		await expect
			.element(
				screen.getByText(
					new RegExp(
						`Token ${i + 1}: ID 40617, text “·hello”, bytes 20 68 65 6c 6c 6f, characters ${5 + 6 * (i - 1)}–${5 + 6 * i}`
					)
				)
			)
			.toBeInTheDocument();
	});

	it('keeps the view still when measured heights replace estimates', async () => {
		// chips of different widths region by region, so that estimated and measured block heights differ
		const words = ['a', 'ab', 'abcdefgh', 'abcdefghijklmnop', 'xy', 'abcdefghijklmnopqrstuvwx'];
		let text = '';
		for (let r = 0; r < 60; r++) text += ` ${words[r % words.length]}`.repeat(300);
		const screen = await render(TokenStrip, { text });
		const listbox = () => screen.container.querySelector<HTMLElement>('[role="listbox"]');
		await vi.waitFor(() => expect(listbox()?.dataset.virtual).toBe('true'), { timeout: 20000 });
		const strip = listbox()!;
		await frames();
		// jump into the middle: the blocks above are estimated, not measured
		strip.scrollTop = strip.scrollHeight * 0.6;
		await frames(6);
		// the first rendered block, and the block above it (not rendered, so its height is an estimate)
		const blocks = () => [...strip.querySelectorAll<HTMLElement>('[data-block]')];
		const first = blocks()[0];
		const above = Number(first.dataset.block) - 1;
		expect(above).toBeGreaterThan(0);
		const chip = first.querySelector<HTMLElement>('[data-index]')!;
		const top = () => chip.getBoundingClientRect().top - strip.getBoundingClientRect().top;
		// scroll up until the first rendered block's first chip is 100 px below the viewport's top:
		// the block above comes into view, is rendered and measured, and its estimate replaced
		strip.scrollTop -= 100 - top();
		expect(Math.abs(top() - 100)).toBeLessThanOrEqual(1);
		await frames(6);
		expect(chip.isConnected).toBe(true);
		expect(Math.abs(top() - 100)).toBeLessThanOrEqual(1);
		expect(blocks().map((b) => Number(b.dataset.block))).toContain(above);
		// and nothing moves while nobody scrolls
		await frames(6);
		expect(Math.abs(top() - 100)).toBeLessThanOrEqual(1);
	});

	it('has no axe violations with the virtualised listbox', async () => {
		const { screen, strip } = await long();
		strip.scrollTop = strip.scrollHeight / 3;
		await frames(4);
		const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
		expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
	});

	it('re-measures when the strip gets narrower, keeping its place and few chips', async () => {
		await page.viewport(1200, 900);
		const { strip, chips } = await long();
		strip.scrollTop = strip.scrollHeight / 2;
		await frames(4);
		const firstShown = () =>
			Number(
				[...strip.querySelectorAll<HTMLElement>('[data-index]')].find((c) => isShown(c, strip))?.dataset.index
			);
		const before = firstShown();
		await page.viewport(360, 900);
		await frames(6);
		// the block at the top of the view stays there: the first chip shown is in the same block
		expect(Math.floor(firstShown() / BLOCK_TOKENS)).toBe(Math.floor(before / BLOCK_TOKENS));
		expect(chips()).toBeLessThanOrEqual(2000);
		strip.focus();
		await userEvent.keyboard('{End}');
		await vi.waitFor(() =>
			expect(isShown(strip.querySelector(`[data-index="${LONG_COUNT - 1}"]`), strip)).toBe(true)
		);
		await page.viewport(1200, 900);
	});

	it('leaves no frame callback or observer running after unmount', async () => {
		const { screen, strip } = await long();
		strip.scrollTop = strip.scrollHeight / 4;
		await frames(2);
		const raf = vi.spyOn(window, 'requestAnimationFrame');
		screen.unmount();
		await new Promise((r) => setTimeout(r, 100));
		expect(raf).not.toHaveBeenCalled();
		raf.mockRestore();
	});
});

describe('TokenStrip comparing a long text', () => {
	it('virtualises the compared strip too, and lets it be scrolled by keyboard', async () => {
		// 4,000 × " word" (20,000 characters, tokenized at once): one token each in both encodings
		const text = ' word'.repeat(4000);
		const screen = await render(TokenStrip, { text, compareWith: 'cl100k_base' });
		const other = () => screen.container.querySelector<HTMLElement>('[data-compare] [role="list"]');
		await vi.waitFor(() => expect(other()?.dataset.virtual).toBe('true'), { timeout: 20000 });
		const list = other()!;
		expect(list.getAttribute('tabindex')).toBe('0');
		expect(list.querySelectorAll('[role="listitem"]').length).toBeLessThanOrEqual(2000);
		expect(list.querySelector('[role="listitem"]')?.getAttribute('aria-setsize')).toBe('4000');
		list.scrollTop = list.scrollHeight;
		await frames(4);
		await vi.waitFor(() => {
			const last = list.querySelector('[aria-posinset="4000"]');
			expect(isShown(last, list)).toBe(true);
		});
	});
});
