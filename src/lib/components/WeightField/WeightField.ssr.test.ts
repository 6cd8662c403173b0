import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WeightField from './WeightField.svelte';

// Llama 3.1 8B (published config): 8,030,261,248 parameters, 32 layers, hidden 4096, 32 heads, 8 KV heads.
// bf16 weights: 2 B × 8,030,261,248 = 16,060,522,496 B = 14.96 GiB (÷ 2^30 = 14.957…).
describe('WeightField on the server', () => {
	// Every browser global the component might reach for, recorded if touched during a render.
	const touched: string[] = [];
	const globals = ['window', 'document', 'requestAnimationFrame', 'IntersectionObserver', 'matchMedia'];
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

	it('renders the figure, the memory cards, the ladder and a static summary without any browser global', () => {
		const { body } = render(WeightField, { props: {} });
		expect(body).toContain('la-weight-field');
		expect(body).toContain('<figure');
		expect(body).toContain('data-renderer="none"');
		// No run on the server: it starts in the browser, in a worker where one can start.
		expect(body).toContain('data-trainer="none"');
		expect(body).toContain('data-model="llama-3.1-8b"');
		// Memory cards from the real config, in bf16, pretraining.
		expect(body).toContain('data-card="weights"');
		expect(body).toContain('data-bytes="16060522496"');
		expect(body).toContain('15.0 GiB');
		for (const card of ['training', 'activations', 'kvCache', 'workingSet']) {
			expect(body).toContain(`data-card="${card}"`);
		}
		// The ladder: eight real models from Llama 3.2 1B to Llama 3.1 405B.
		expect(body).toContain('Llama 3.2 1B');
		expect(body).toContain('Llama 3.1 405B');
		expect((body.match(/class="rung[ "]/g) ?? []).length).toBe(8);
		// Static summary (figcaption) and the config of the chosen model.
		// The toy model: V·d + T·d + 4d² + 2·d·f + f + 7d + d·V with V = 20, d = 24, T = 24, f = 96:
		// 480 + 576 + 2304 + 4608 + 96 + 168 + 480 = 8,712 weights.
		expect(body).toContain('A field of 65,536 cells showing the 8,712 weights');
		expect(body).toMatch(/Layers<\/dt> <dd[^>]*>32<\/dd>/);
		expect(body).toMatch(/Hidden size<\/dt> <dd[^>]*>4,096<\/dd>/);
		expect(body).toMatch(/KV heads<\/dt> <dd[^>]*>8<\/dd>/);
	});

	it('inference on a 70B model: KV cache card filled, no training state', () => {
		const { body } = render(WeightField, {
			props: { stage: 'inference', parameters: 70e9, sequenceLength: 8192 }
		});
		expect(body).toContain('data-model="llama-3.1-70b"');
		expect(body).toContain('data-stage="inference"');
		// Llama 3.1 70B: 2 · 80 layers · 8 KV heads · 128 · 2 B = 327,680 B per token; × 8192 = 2,684,354,560 B
		expect(body).toMatch(/data-card="kvCache" data-bytes="2684354560"/);
		expect(body).toMatch(/data-card="training" data-bytes="0"/);
	});

	it('clamps bad input with a visible message instead of throwing', () => {
		const { body } = render(WeightField, {
			props: { parameters: 1e15, sequenceLength: NaN, precision: 'bogus' as never, stage: 'nope' as never }
		});
		expect(body).toContain('data-model="llama-3.1-405b"');
		expect(body).toContain('outside the ladder');
		expect(body).toContain('data-stage="pretrain"');
		expect(body).toContain('data-sequence-length="4096"');
	});

	it('renders in Chinese', () => {
		const { body } = render(WeightField, { props: { locale: 'zh' } });
		expect(body).toContain('训练实验室');
		expect(body).toContain('参数增长');
	});
});
