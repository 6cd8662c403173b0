import { render } from 'svelte/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWeightFieldRun, type WeightFieldHistoryPoint } from '../../core/train/weightfield/run.js';
import TrainingCurve from './TrainingCurve.svelte';

// A real history: 30 pretraining steps, then 20 of LoRA fine-tuning, on the core's run.
let history: WeightFieldHistoryPoint[] = [];
beforeAll(() => {
	const run = createWeightFieldRun({ seed: 7 });
	run.step(30);
	run.setStage('finetune-lora');
	run.step(20);
	history = run.history.slice();
});

describe('TrainingCurve on the server', () => {
	const touched: string[] = [];
	const globals = ['window', 'document', 'requestAnimationFrame', 'IntersectionObserver'];
	beforeEach(() => {
		for (const g of globals) {
			Object.defineProperty(globalThis, g, {
				configurable: true,
				get() {
					touched.push(g);
					return undefined;
				}
			});
		}
	});
	afterEach(() => {
		for (const g of globals) delete (globalThis as Record<string, unknown>)[g];
		expect(touched).toEqual([]);
		touched.length = 0;
	});

	it('draws a given history as SVG: two loss paths, the phases, axis labels and a full data table', () => {
		const { body } = render(TrainingCurve, { props: { history } });
		expect(body).toContain('data-points="50"');
		expect(body).toContain('data-phases="pretrain finetune-lora"');
		expect(body).toContain('<svg');
		expect(body).toMatch(/<path class="train[^"]*" d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){49}"/);
		// Validation is measured every 10 steps within a stage: steps 10, 20, 30 then 40, 50.
		expect(body).toMatch(/<path class="val[^"]*" d="M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){4}"/);
		expect(body).toContain('Training step');
		expect(body).toContain('Loss (nats per token)');
		expect(body).toContain('Pretraining');
		expect(body).toContain('LoRA fine-tuning');
		// 50 rows + header in the data table.
		expect((body.match(/<tr>/g) ?? []).length).toBe(51);
		// The summary starts from the first loss, close to ln 20 = 2.996 (a uniform guess over 20 characters).
		expect(body).toMatch(
			/50 training steps in Pretraining, LoRA fine-tuning\. Training loss went from 2\.9\d/
		);
		expect(body).toContain('role="slider"');
	});

	it('says a model will train in the browser when no history is given', () => {
		const { body } = render(TrainingCurve, { props: {} });
		expect(body).toContain('data-status="waiting"');
		expect(body).toContain('trains in your browser');
	});

	it('leaves out history entries it cannot draw and says how many', () => {
		const bad = [...history.slice(0, 5), { ...history[5], loss: NaN }, null, ...history.slice(6, 10)];
		const { body } = render(TrainingCurve, { props: { history: bad as never } });
		expect(body).toContain('data-points="9"');
		expect(body).toContain('2 history entries could not be drawn');
	});

	it('renders an empty history without throwing', () => {
		const { body } = render(TrainingCurve, { props: { history: [] } });
		expect(body).toContain('No training steps yet.');
	});

	it('renders in Chinese', () => {
		const { body } = render(TrainingCurve, { props: { history, locale: 'zh' } });
		expect(body).toContain('训练过程中的损失');
		expect(body).toContain('训练步数');
	});
});
