import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import { createWeightFieldRun, type WeightFieldHistoryPoint } from '../../core/train/weightfield/run.js';
import TrainingCurve from './TrainingCurve.svelte';
import { CurveTrainer } from './training-curve.svelte.js';
import type { TrainerWorker } from '../WeightField/weight-field.svelte.js';

const root = (c: HTMLElement) => c.querySelector('.la-training-curve') as HTMLElement;

let history: WeightFieldHistoryPoint[] = [];
beforeAll(() => {
	const run = createWeightFieldRun({ seed: 11 });
	run.step(40);
	run.setStage('finetune-full');
	run.step(20);
	history = run.history.slice();
});

let errors: unknown[] = [];
beforeEach(() => {
	errors = [];
	vi.spyOn(console, 'error').mockImplementation((...a) => errors.push(a));
});
afterEach(() => {
	vi.restoreAllMocks();
	expect(errors).toEqual([]);
});

describe('TrainingCurve', () => {
	it('reads a step out by keyboard as a slider: arrows, Home, End', async () => {
		const onSelect = vi.fn();
		const screen = await render(TrainingCurve, { history, onSelect });
		const slider = screen.getByRole('slider');
		(slider.element() as HTMLElement).focus();
		await userEvent.keyboard('{Home}');
		expect(onSelect).toHaveBeenLastCalledWith(history[0], 0);
		await userEvent.keyboard('{ArrowRight}{ArrowRight}');
		expect(onSelect).toHaveBeenLastCalledWith(history[2], 2);
		expect(slider.element().getAttribute('aria-valuenow')).toBe('3');
		expect(slider.element().getAttribute('aria-valuetext')).toMatch(/^Step 3 \(Pretraining\): training loss/);
		await userEvent.keyboard('{End}');
		expect(slider.element().getAttribute('aria-valuenow')).toBe('60');
		// Step 60 is the 20th full fine-tuning step, where validation is measured (every 10 steps).
		await expect
			.element(screen.getByText(/Step 60 \(Full fine-tuning\): training loss .*, validation loss/))
			.toBeInTheDocument();
	});

	it('shows the step under the pointer', async () => {
		const screen = await render(TrainingCurve, { history });
		// the plot is drawn again at its real width once the browser has laid it out
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const svg = screen.container.querySelector('svg[role="img"]') as SVGSVGElement;
		const box = svg.getBoundingClientRect();
		// The plot spans x from the left margin (52 px) to width − 14 px over steps 1–60.
		const xOf = (step: number) => box.left + 52 + ((step - 1) / 59) * (box.width - 52 - 14);
		svg.dispatchEvent(
			new PointerEvent('pointermove', { clientX: xOf(30), clientY: box.top + 50, bubbles: true })
		);
		await expect.element(screen.getByText(/^Step 30 \(Pretraining\)/)).toBeInTheDocument();
	});

	it('marks the phases and keeps the svg legible at 360 px', async () => {
		const screen = await render(TrainingCurve, { history, style: 'width: 360px' });
		expect(root(screen.container).getAttribute('data-phases')).toBe('pretrain finetune-full');
		const svg = screen.container.querySelector('svg[role="img"]') as SVGSVGElement;
		expect(svg.getBoundingClientRect().width).toBeLessThanOrEqual(360);
		const tick = svg.querySelector('text.tick') as SVGTextElement;
		expect(parseFloat(getComputedStyle(tick).fontSize)).toBeGreaterThanOrEqual(11);
	});

	it('trains its own run when given no history and reports completion', async () => {
		const onComplete = vi.fn();
		const screen = await render(TrainingCurve, {
			schedule: [
				{ stage: 'pretrain', steps: 12 },
				{ stage: 'finetune-lora', steps: 8 }
			],
			stepsPerFrame: 4,
			onComplete
		});
		await vi.waitFor(() => expect(onComplete).toHaveBeenCalled(), { timeout: 20000 });
		expect(root(screen.container).getAttribute('data-points')).toBe('20');
		expect(root(screen.container).getAttribute('data-status')).toBe('done');
		expect(root(screen.container).getAttribute('data-phases')).toBe('pretrain finetune-lora');
		// The uniform-guess reference line (ln 20) is drawn for the internal run.
		expect(screen.container.querySelector('line.ref')).not.toBeNull();
	});

	it('trains in a Web Worker, giving exactly the curve of the same run stepped here', async () => {
		const schedule = [
			{ stage: 'pretrain' as const, steps: 15 },
			{ stage: 'finetune-full' as const, steps: 6 }
		];
		const onComplete = vi.fn();
		const screen = await render(TrainingCurve, { seed: 5, schedule, stepsPerFrame: 4, onComplete });
		await vi.waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1), { timeout: 20000 });
		expect(root(screen.container).getAttribute('data-trainer')).toBe('worker');
		// the reference: the core's run, stepped directly with the same seed and schedule
		const run = createWeightFieldRun({ seed: 5 });
		run.step(15);
		run.setStage('finetune-full');
		run.step(6);
		const got = onComplete.mock.calls[0][0] as WeightFieldHistoryPoint[];
		expect(got.map((p) => [p.step, p.stage, p.loss, p.valLoss])).toEqual(
			run.history.map((p) => [p.step, p.stage, p.loss, p.valLoss])
		);
	});

	it('trains on the main thread when no worker starts, throws, or fails, and carries on from where it was', async () => {
		const reference = createWeightFieldRun({ seed: 8 });
		reference.step(10);
		const losses = reference.history.map((p) => p.loss);
		const schedule = [{ stage: 'pretrain' as const, steps: 10 }];
		const finish = async (tr: CurveTrainer) => {
			await vi.waitFor(
				() => {
					tr.advance(3);
					expect(tr.done).toBe(true);
				},
				{ timeout: 20000, interval: 20 }
			);
			return tr;
		};
		const none = await finish(new CurveTrainer(8, schedule, () => null));
		expect(none.mode).toBe('main');
		expect(none.points.map((p) => p.loss)).toEqual(losses);
		const throws = await finish(
			new CurveTrainer(8, schedule, () => {
				throw new Error('workers are not allowed here');
			})
		);
		expect(throws.mode).toBe('main');
		expect(throws.points.map((p) => p.loss)).toEqual(losses);
		// a worker that fails to load: its error event turns the trainer to the main thread
		const failing = new EventTarget() as EventTarget & TrainerWorker;
		failing.postMessage = () => {};
		failing.terminate = vi.fn();
		const broken = new CurveTrainer(8, schedule, () => failing);
		expect(broken.mode).toBe(null);
		failing.dispatchEvent(new ErrorEvent('error', { message: 'could not load' }));
		expect(broken.mode).toBe('main');
		expect(failing.terminate).toHaveBeenCalled();
		expect((await finish(broken)).points.map((p) => p.loss)).toEqual(losses);
	});

	it('mounts and unmounts its training loop 30 times and leaves no frame scheduled and no worker running', async () => {
		const Real = window.Worker;
		let started = 0;
		let stopped = 0;
		window.Worker = class extends Real {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				started++;
			}
			terminate() {
				stopped++;
				super.terminate();
			}
		};
		onTestFinished(() => {
			window.Worker = Real;
		});
		const raf = vi.spyOn(window, 'requestAnimationFrame');
		for (let i = 0; i < 30; i++) {
			const screen = await render(TrainingCurve, { seed: i, schedule: [{ stage: 'pretrain', steps: 100 }] });
			if (i % 10 === 0) {
				await vi.waitFor(() => expect(root(screen.container).getAttribute('data-status')).toBe('training'), {
					timeout: 15000
				});
			}
			await screen.unmount();
		}
		const calls = raf.mock.calls.length;
		await new Promise((r) => setTimeout(r, 400));
		expect(raf.mock.calls.length).toBe(calls);
		// a run starts once the figure has been seen (at least the three waited for), and every
		// worker started is terminated on unmount
		expect(started).toBeGreaterThanOrEqual(3);
		expect(stopped).toBe(started);
	});

	it('survives bad input: NaN losses, an absurd schedule, odd sizes', async () => {
		const bad = [{ ...history[0], loss: NaN }, ...history.slice(1, 5)];
		const screen = await render(TrainingCurve, { history: bad, height: NaN });
		await expect.element(screen.getByRole('alert')).toHaveTextContent(/1 history entries could not be drawn/);
		expect(root(screen.container).getAttribute('data-points')).toBe('4');
		await screen.rerender({ history: undefined, schedule: [{ stage: 'inference' as never, steps: 1e9 }] });
		await vi.waitFor(() => expect(root(screen.container).getAttribute('data-status')).toBe('training'), {
			timeout: 15000
		});
	});
});
