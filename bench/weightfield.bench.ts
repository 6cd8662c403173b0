// Per-step cost of the weight-field run at its default size (d = 24, 2 heads, context 24, batch 4,
// 8,712 weights) and of spreading its weights over a display field. The UI runs one step per
// frame, so a step must stay well under a frame (16.7 ms at 60 Hz; target < 8 ms).
import { bench, describe } from 'vitest';
import { createWeightFieldRun } from '../src/lib/core/train/weightfield/run.js';
import {
	fieldFromWeights,
	WEIGHT_FIELD_CPU_CELLS,
	WEIGHT_FIELD_MAX_CELLS
} from '../src/lib/core/train/weightfield/field.js';

const opts = { time: 2000, warmupTime: 300 };

describe('weight-field run, one step at the default size', () => {
	const pre = createWeightFieldRun({ seed: 1 });
	bench('pretrain step', () => void pre.step(), opts);

	const full = createWeightFieldRun({ seed: 1 });
	full.step(50);
	full.setStage('finetune-full');
	bench('finetune-full step', () => void full.step(), opts);

	const lora = createWeightFieldRun({ seed: 1 });
	lora.step(50);
	lora.setStage('finetune-lora');
	bench('finetune-lora step', () => void lora.step(), opts);

	const inf = createWeightFieldRun({ seed: 1 });
	inf.step(50);
	inf.setStage('inference');
	bench('inference: one generated token', () => void inf.step(), opts);

	bench('snapshot() (copies of all per-weight arrays)', () => void pre.snapshot(), opts);
});

describe('weight field from a snapshot', () => {
	const run = createWeightFieldRun({ seed: 1 });
	run.step(5);
	const snap = run.snapshot();
	const cpu = {
		values: new Float32Array(WEIGHT_FIELD_CPU_CELLS),
		motion: new Float32Array(WEIGHT_FIELD_CPU_CELLS)
	};
	const gpu = {
		values: new Float32Array(WEIGHT_FIELD_MAX_CELLS),
		motion: new Float32Array(WEIGHT_FIELD_MAX_CELLS)
	};
	bench(
		'65,536 cells, sample',
		() => void fieldFromWeights(snap, WEIGHT_FIELD_CPU_CELLS, { out: cpu }),
		opts
	);
	bench(
		'1,000,000 cells, tile',
		() => void fieldFromWeights(snap, WEIGHT_FIELD_MAX_CELLS, { mode: 'tile', out: gpu }),
		opts
	);
	bench(
		'1,000,000 cells, sample',
		() => void fieldFromWeights(snap, WEIGHT_FIELD_MAX_CELLS, { out: gpu }),
		opts
	);
});
