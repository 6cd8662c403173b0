import { describe, expect, it } from 'vitest';
import { backward, createMlp, forward, update } from '../../core/train/backprop.js';
import { TrainingRounds } from './backprop-stepper.svelte.js';

describe('TrainingRounds', () => {
	const base = createMlp({ sizes: [2, 2, 3], loss: 'cross-entropy', seed: 1 });
	const other = createMlp({ sizes: [2, 2, 3], loss: 'cross-entropy', seed: 2 });
	const after = update(base, backward(base, forward(base, [1, 0]), [1, 0, 0]), 0.5);

	it('starts from the base network in round 1', () => {
		const r = new TrainingRounds();
		expect(r.current(base)).toBe(base);
		expect(r.round(base)).toBe(1);
	});

	it('continues from the updated network, and counts rounds', () => {
		const r = new TrainingRounds();
		r.advance(base, after);
		expect(r.current(base)).toBe(after);
		expect(r.round(base)).toBe(2);
		r.advance(base, base);
		expect(r.round(base)).toBe(3);
	});

	it('starts over for a different base network or after reset', () => {
		const r = new TrainingRounds();
		r.advance(base, after);
		expect(r.current(other)).toBe(other);
		expect(r.round(other)).toBe(1);
		r.reset();
		expect(r.current(base)).toBe(base);
	});
});
