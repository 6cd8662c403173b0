import { describe, expect, it } from 'vitest';
import {
	READOUT_INTERVAL_MS,
	safeStage,
	SPEAK_INTERVAL_MS,
	toyWeightCount,
	WeightFieldLab
} from './weight-field.svelte.js';

const LN_20 = Math.log(20); // loss of a uniform guess over the 20-character vocabulary

describe('WeightFieldLab', () => {
	it('creates a run of the toy size: 8,712 weights', () => {
		// V·d + T·d + 4d² + 2·d·4d + 4d + 7d + d·V with V = 20, d = 24, T = 24
		expect(toyWeightCount()).toBe(480 + 576 + 2304 + 4608 + 96 + 168 + 480);
		const lab = new WeightFieldLab();
		expect(lab.create(1, undefined, 'pretrain')).toBe(true);
		expect(lab.run!.weightCount).toBe(toyWeightCount());
		expect(Math.abs(lab.metrics!.loss - LN_20)).toBeLessThan(0.1);
		expect(lab.error).toBeNull();
	});

	it('advances one step at a time and reports the end of a stage schedule', () => {
		const lab = new WeightFieldLab({ pretrain: 3, 'finetune-full': 2, 'finetune-lora': 2 });
		lab.create(1, undefined, 'pretrain');
		const v0 = lab.version;
		expect(lab.advance(0).finished).toBe(false);
		expect(lab.version).toBe(v0 + 1);
		lab.advance(1);
		const third = lab.advance(2);
		expect(third).toMatchObject({ stepped: true, finished: true, diverged: false });
		expect(lab.metrics!.step).toBe(3);
		// Past the schedule it keeps training but does not report "finished" again.
		expect(lab.advance(3).finished).toBe(false);
		expect(lab.history().length).toBe(4);
	});

	it('copies the snapshot only when the weights changed', () => {
		const lab = new WeightFieldLab();
		lab.create(1, undefined, 'pretrain');
		const a = lab.snapshot();
		expect(lab.snapshot()).toBe(a);
		lab.advance(0);
		expect(lab.snapshot()).not.toBe(a);
	});

	it('throttles what is spoken but not what is shown', () => {
		const lab = new WeightFieldLab();
		lab.create(1, undefined, 'pretrain');
		const spoken = lab.spoken;
		lab.advance(READOUT_INTERVAL_MS * 2);
		expect(lab.metrics!.step).toBe(1);
		expect(lab.spoken).toBe(spoken);
		lab.advance(SPEAK_INTERVAL_MS + 1);
		expect(lab.spoken!.step).toBe(2);
		lab.advance(SPEAK_INTERVAL_MS + 2, true);
		expect(lab.spoken!.step).toBe(3);
	});

	it('a learning rate of 1e6 diverges and stops stepping; a NaN rate is refused with a message', () => {
		const lab = new WeightFieldLab();
		lab.create(1, 1e6, 'pretrain');
		const r = lab.advance(0);
		expect(r.diverged).toBe(true);
		expect(lab.metrics!.diverged).toBe(true);
		expect(lab.advance(1)).toMatchObject({ stepped: false, diverged: true });
		lab.setLearningRate(1e-2);
		expect(lab.advance(2).diverged).toBe(false);

		const bad = new WeightFieldLab();
		expect(bad.create(1, NaN, 'pretrain')).toBe(true);
		expect(bad.error).toMatch(/finite/);
		expect(bad.advance(0).stepped).toBe(true);
		bad.setLearningRate(-1);
		expect(bad.error).toMatch(/≥ 0/);
	});

	it('switches stage, resets to pretraining, and never throws on a bad stage', () => {
		const lab = new WeightFieldLab();
		lab.create(1, undefined, 'inference');
		expect(lab.run!.stage).toBe('inference');
		lab.advance(0);
		expect(lab.metrics!.kvCacheTokens).toBeGreaterThan(0);
		lab.setStage('finetune-lora');
		expect(lab.snapshot()!.adapters).not.toBeNull();
		lab.reset();
		expect(lab.run!.stage).toBe('pretrain');
		expect(safeStage('nonsense')).toBe('pretrain');
		expect(safeStage('inference')).toBe('inference');
	});
});
