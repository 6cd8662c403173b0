import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import SamplingPanel from './SamplingPanel.svelte';

/** The probability text of a candidate's bar. */
function shownProbability(container: Element, token: string): string {
	const row = container.querySelector(`g.row[data-token="${CSS.escape(token)}"]`);
	return row?.querySelectorAll('text.num')[1]?.textContent?.trim() ?? '';
}
const sequenceText = (container: Element) =>
	container.querySelector('[data-testid="sequence"]')!.textContent!.replace(/\s+/g, ' ').trim();

// The default first row, by hand: e^2.2 = 9.0250, e^1.6 = 4.9530, e^1.3 = 3.6693, e^1.0 = 2.7183,
// e^0.7 = 2.0138, e^0.5 = 1.6487, e^−0.2 = 0.8187, e^−0.6 = 0.5488, sum 25.3956.
const FIRST_ROW: Record<string, number> = {
	mat: 0.35537,
	floor: 0.19503,
	sofa: 0.14449,
	bed: 0.10704,
	windowsill: 0.0793,
	rug: 0.06492,
	roof: 0.03224,
	keyboard: 0.02161
};

describe('SamplingPanel', () => {
	afterEach(() => vi.restoreAllMocks());

	it('shows the hand-computed softmax of [2, 1, 0.1] at T = 1, and one-hot at T = 0', async () => {
		// e² = 7.3891, e¹ = 2.7183, e^0.1 = 1.1052; sum 11.2125 → 0.659, 0.242, 0.0986
		const onTemperatureChange = vi.fn();
		const screen = await render(SamplingPanel, {
			tokens: ['a', 'b', 'c'],
			logits: [2, 1, 0.1],
			onTemperatureChange
		});
		const c = screen.container;
		expect(shownProbability(c, 'a')).toBe('65.9%');
		expect(shownProbability(c, 'b')).toBe('24.2%');
		expect(shownProbability(c, 'c')).toBe('9.86%');
		const slider = screen.getByRole('slider', { name: 'Temperature T' });
		(slider.element() as HTMLElement).focus();
		await userEvent.keyboard('{Home}');
		expect(onTemperatureChange).toHaveBeenLastCalledWith(0);
		await vi.waitFor(() => expect(shownProbability(c, 'a')).toBe('100%'));
		expect(shownProbability(c, 'b')).toBe('0%');
		expect(shownProbability(c, 'c')).toBe('0%');
		await expect.element(screen.getByText(/sampling becomes greedy decoding/)).toBeInTheDocument();
	});

	it('marks what top-k removes, and moves the cut-off with the slider', async () => {
		const onTopKChange = vi.fn();
		const screen = await render(SamplingPanel, { onTopKChange });
		const root = screen.container.querySelector('.la-sampling-panel')!;
		expect(root.getAttribute('data-kept')).toBe('8');
		expect(screen.container.querySelector('[data-testid="cut-top-k"]')).toBeNull();
		const slider = screen.getByRole('slider', { name: 'Top-k' });
		(slider.element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowRight}{ArrowRight}');
		expect(onTopKChange).toHaveBeenLastCalledWith(2);
		await vi.waitFor(() => expect(root.getAttribute('data-kept')).toBe('2'));
		expect(screen.container.querySelector('[data-testid="cut-top-k"]')).not.toBeNull();
		const removed = [...screen.container.querySelectorAll('g.row[data-kept="false"]')].map((g) =>
			g.getAttribute('data-token')
		);
		expect(removed).toEqual(['sofa', 'bed', 'windowsill', 'rug', 'roof', 'keyboard']);
		// renormalised over mat and floor: 0.35537 / 0.55040 = 0.6457
		expect(screen.container.textContent).toContain('64.6%');
	});

	it('generates the same text for the same seed, step by step or all at once', async () => {
		const a = await render(SamplingPanel, { seed: 7, interval: 0 });
		await a.getByRole('button', { name: 'Generate' }).click();
		const all = sequenceText(a.container);
		expect(all.startsWith('The cat sat on the ')).toBe(true);
		a.unmount();

		const onStep = vi.fn();
		const b = await render(SamplingPanel, { seed: 7, onStep });
		const step = b.getByRole('button', { name: 'Step', exact: true });
		while (!(step.element() as HTMLButtonElement).disabled) await step.click();
		expect(sequenceText(b.container)).toBe(all);
		// the first step draws from the first row: its probability is the hand-computed one
		const first = onStep.mock.calls[0][0];
		expect(first.step).toBe(1);
		expect(first.probability).toBeCloseTo(FIRST_ROW[first.token], 4);
		await b.getByRole('button', { name: 'Reset' }).click();
		expect(sequenceText(b.container)).toBe('The cat sat on the');
	});

	it('gives different continuations for different seeds', async () => {
		const texts = new Set<string>();
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const s = await render(SamplingPanel, { seed, interval: 0 });
			await s.getByRole('button', { name: 'Generate' }).click();
			texts.add(sequenceText(s.container));
			s.unmount();
		}
		expect(texts.size).toBeGreaterThan(1);
	});

	it('decodes greedily: the → mat (highest, 2.2) → . (highest, 1.8)', async () => {
		const onModeChange = vi.fn();
		const screen = await render(SamplingPanel, { interval: 0, onModeChange });
		await screen.getByRole('radio', { name: 'Greedy' }).click();
		expect(onModeChange).toHaveBeenCalledWith('greedy');
		await screen.getByRole('button', { name: 'Generate' }).click();
		expect(sequenceText(screen.container)).toBe('The cat sat on the mat.');
		await expect.element(screen.getByText(/ended at “\.”/)).toBeInTheDocument();
	});

	it('shows the distribution a generated token came from when it is pressed', async () => {
		const screen = await render(SamplingPanel, { seed: 3, interval: 0 });
		await screen.getByRole('button', { name: 'Generate' }).click();
		const first = screen.getByRole('button', { name: /^Step 1:/ });
		await first.click();
		await expect.element(first).toHaveAttribute('aria-pressed', 'true');
		// step 1 drew from the first row, so its candidates are back in the chart
		expect(screen.container.querySelectorAll('g.row')).toHaveLength(8);
		expect(screen.container.querySelector('g.row.picked')).not.toBeNull();
		await expect.element(screen.getByTestId('draw-detail')).toHaveTextContent(/Step 1 drew u = /);
	});

	it('stops its timer when unmounted, 100 times over', async () => {
		const ms = 4321; // a delay nothing else uses
		const live = new Set<number>();
		const realSet = window.setTimeout.bind(window);
		const realClear = window.clearTimeout.bind(window);
		vi.spyOn(window, 'setTimeout').mockImplementation(((fn: () => void, delay?: number) => {
			if (delay !== ms) return realSet(fn, delay);
			const id = realSet(() => {
				live.delete(id);
				fn();
			}, delay);
			live.add(id);
			return id;
		}) as typeof setTimeout);
		vi.spyOn(window, 'clearTimeout').mockImplementation((id) => {
			live.delete(id as unknown as number);
			realClear(id);
		});
		const onStep = vi.fn();
		for (let i = 0; i < 100; i++) {
			const s = await render(SamplingPanel, { interval: ms, seed: i, onStep });
			(s.getByRole('button', { name: 'Generate' }).element() as HTMLButtonElement).click();
			expect(live.size).toBe(1);
			s.unmount();
			expect(live.size).toBe(0);
		}
		// each Generate shows its first token at once; nothing was added after an unmount
		expect(onStep).toHaveBeenCalledTimes(100);
	});

	it('clamps or explains bad input, never throwing or logging an error', async () => {
		const errors = vi.spyOn(console, 'error');
		const screen = await render(SamplingPanel, { temperature: NaN });
		await expect.element(screen.getByText(/Temperature NaN is outside 0–2; using 1/)).toBeInTheDocument();
		await screen.rerender({ temperature: 1e6, topK: 1000 });
		await expect.element(screen.getByText(/Temperature 1000000 is outside 0–2; using 2/)).toBeInTheDocument();
		await expect.element(screen.getByText(/Top-k = 1000 is more than the 8 candidates/)).toBeInTheDocument();
		await screen.rerender({ temperature: 1, topK: 0, candidates: [] });
		await expect.element(screen.getByText(/There are no candidate tokens/)).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Generate' }).query() as HTMLButtonElement | null).toBeNull();
		await screen.rerender({
			candidates: [
				{ token: 'x', logit: NaN },
				{ token: 'y', logit: 1 }
			]
		});
		await expect.element(screen.getByText(/The logit of “x” is not a number/)).toBeInTheDocument();
		expect(shownProbability(screen.container, 'y')).toBe('100%');
		expect(errors).not.toHaveBeenCalled();
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(SamplingPanel, { topK: 5, topP: 0.8, minP: 0.1, interval: 0 });
			await screen.getByRole('button', { name: 'Generate' }).click();
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(SamplingPanel, { locale: 'zh' });
		await expect.element(screen.getByRole('button', { name: '生成' })).toBeInTheDocument();
	});
});
