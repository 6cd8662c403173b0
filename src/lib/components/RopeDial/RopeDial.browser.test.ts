import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import RopeDial from './RopeDial.svelte';

/** Angle (radians, counter-clockwise from +x) of the arrow `role` ('q' or 'k') on dial `pair`. */
function arrowAngle(root: Element, pair: number, role: 'q' | 'k'): number {
	const dial = root.querySelector(`.dial[data-pair="${pair}"]`)!;
	const rim = dial.querySelector('circle.rim')!;
	const line = dial.querySelector(`line[data-role="${role}"]`)!;
	const cx = Number(rim.getAttribute('cx'));
	const cy = Number(rim.getAttribute('cy'));
	const x = Number(line.getAttribute('x2')) - cx;
	const y = cy - Number(line.getAttribute('y2'));
	return Math.atan2(y, x);
}
const settled = (root: Element) =>
	vi.waitFor(
		() => expect(root.querySelector('.la-rope-dial')!.getAttribute('data-animating')).toBe('false'),
		{
			timeout: 3000
		}
	);
const text = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`)!.textContent!.trim();

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	errors = vi.spyOn(console, 'error');
});
afterEach(() => {
	expect(errors).not.toHaveBeenCalled();
	errors.mockRestore();
});

describe('RopeDial', () => {
	it('turns (1, 0) by θ₀ = base⁰ = 1 radian per position, so at position 1 it points at 1 rad', async () => {
		const screen = await render(RopeDial, { q: [1, 0], k: [1, 0], positionQ: 1, positionK: 0, shift: 0 });
		const root = screen.container;
		await settled(root);
		expect(arrowAngle(root, 0, 'q')).toBeCloseTo(1, 6);
		expect(arrowAngle(root, 0, 'k')).toBeCloseTo(0, 6);
		// q·k = 1 before rotation; cos(1 − 0) = 0.5403… after
		expect(text(root, 'score-before')).toBe('1.00');
		expect(text(root, 'score-after')).toBe('0.540');
	});

	it('keeps the score when both positions shift together, and says so', async () => {
		const onShiftChange = vi.fn();
		const screen = await render(RopeDial, { positionQ: 6, positionK: 1, shift: 0, onShiftChange });
		const root = screen.container;
		const slider = screen.getByRole('slider', { name: 'Shift both by s' });
		(slider.element() as HTMLInputElement).focus();
		for (let i = 1; i <= 4; i++) {
			await userEvent.keyboard('{ArrowRight}');
			expect(onShiftChange).toHaveBeenLastCalledWith(i);
			expect(text(root, 'score-shifted')).toBe(text(root, 'score-after'));
		}
		await expect.element(screen.getByTestId('verdict')).toHaveTextContent('the same: only m − n = 5 matters');
		expect(root.querySelector('.la-rope-dial')!.getAttribute('data-equal')).toBe('true');
	});

	it('moves the query with its slider and the score follows cos of the new offset', async () => {
		const onPositionQChange = vi.fn();
		const screen = await render(RopeDial, {
			q: [1, 0],
			k: [1, 0],
			positionQ: 0,
			positionK: 0,
			onPositionQChange
		});
		const root = screen.container;
		expect(text(root, 'score-after')).toBe('1.00');
		const slider = screen.getByRole('slider', { name: 'Query position m' });
		(slider.element() as HTMLInputElement).focus();
		await userEvent.keyboard('{ArrowRight}{ArrowRight}');
		expect(onPositionQChange).toHaveBeenLastCalledWith(2);
		expect(text(root, 'score-after')).toBe('−0.416'); // cos 2 = −0.41615
		await settled(root);
		expect(arrowAngle(root, 0, 'q')).toBeCloseTo(2, 6);
	});

	it('draws the dials from the query’s frame: the query stays still, the key turns by n − m', async () => {
		const screen = await render(RopeDial, {
			q: [1, 0],
			k: [1, 0],
			positionQ: 3,
			positionK: 1,
			shift: 0,
			frame: 'query'
		});
		const root = screen.container;
		await settled(root);
		expect(arrowAngle(root, 0, 'q')).toBeCloseTo(0, 6);
		expect(arrowAngle(root, 0, 'k')).toBeCloseTo(-2, 6);
		await screen.getByRole('radio', { name: 'the key' }).click();
		await settled(root);
		expect(arrowAngle(root, 0, 'k')).toBeCloseTo(0, 6);
		expect(arrowAngle(root, 0, 'q')).toBeCloseTo(2, 6);
	});

	it('lets base and head width be changed', async () => {
		const screen = await render(RopeDial, {});
		const root = screen.container;
		await screen.getByRole('combobox', { name: 'Head width' }).selectOptions('16');
		expect(root.querySelectorAll('.dial').length).toBe(8);
		await screen.getByRole('combobox', { name: 'Base' }).selectOptions('100');
		// θ₁ = 100^(−2/16) = 0.562
		await expect.element(screen.getByText('θ = 0.562')).toBeInTheDocument();
	});

	it('shows messages for an odd width, a bad base and unusable vectors, and still draws', async () => {
		const screen = await render(RopeDial, { dHead: 7, base: 0 });
		await expect.element(screen.getByText(/head width must be even: using 8/)).toBeInTheDocument();
		await expect.element(screen.getByText(/base must be a number above 1 \(got 0\)/)).toBeInTheDocument();
		expect(screen.container.querySelectorAll('.dial').length).toBe(4);
		await screen.rerender({ dHead: 8, base: 10000, q: [1, 2, 3], k: [1, 2, 3] });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/q has 3 numbers/);
		await screen.rerender({
			q: undefined,
			k: undefined,
			positionQ: NaN,
			positionK: -5,
			scaling: { type: 'ntk', factor: 0 }
		});
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/Cannot compute the rotation/);
	});

	it('leaves no animation frame running after being mounted and unmounted 100 times', async () => {
		const scheduled = new Set<number>();
		const raf = window.requestAnimationFrame.bind(window);
		const caf = window.cancelAnimationFrame.bind(window);
		let calls = 0;
		const rafSpy = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
			calls++;
			const id = raf((t) => {
				scheduled.delete(id);
				cb(t);
			});
			scheduled.add(id);
			return id;
		});
		const cafSpy = vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => {
			scheduled.delete(id);
			caf(id);
		});
		try {
			let moving = 0;
			for (let i = 0; i < 100; i++) {
				const screen = await render(RopeDial, { positionQ: 1, positionK: 0 });
				await new Promise((r) => raf(() => raf(r))); // let it come into view
				await screen.rerender({ positionQ: 20 + (i % 5), positionK: 7 }); // starts a move
				if (screen.container.querySelector('[data-animating="true"]')) moving++;
				screen.unmount();
			}
			expect(moving).toBeGreaterThan(90); // the mounts really were mid-animation when unmounted
			await new Promise((r) => setTimeout(r, 100));
			const after = calls;
			await new Promise((r) => setTimeout(r, 700));
			expect(calls).toBe(after);
			expect(scheduled.size).toBe(0);
		} finally {
			rafSpy.mockRestore();
			cafSpy.mockRestore();
		}
	});

	it('has no axe violations, wide and at 360 px', async () => {
		for (const width of [1200, 360]) {
			await page.viewport(width, 900);
			const screen = await render(RopeDial, {});
			const res = await axe.run(screen.container, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
			expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
			screen.unmount();
		}
	});

	it('renders in Chinese', async () => {
		const screen = await render(RopeDial, { locale: 'zh' });
		await expect.element(screen.getByRole('heading', { name: 'RoPE：用旋转表示位置' })).toBeInTheDocument();
	});
});
