// The CPU reference kernels against @tensorflow/tfjs-backend-cpu, the pure-JavaScript CPU backend of
// TensorFlow.js: matmul at 256/512/1024 and one causal attention head of width 64 at 512 and 2048
// tokens (tfjs composed from matMul, a precomputed mask, softmax and matMul; every result read back
// with dataSync, as ours returns scores, weights and output); and a 200 × 200 contour grid. Run with
//   npx vitest bench --run --config vitest.bench.config.ts bench/ops.bench.ts
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, bench, describe } from 'vitest';
import { attentionHead } from '../src/lib/core/ops/attention.js';
import { matmul } from '../src/lib/core/ops/matmul.js';
import { createRng } from '../src/lib/core/rng.js';
import { sampleGrid } from '../src/lib/core/train/surfaces.js';

const rng = createRng(1);
const randn = (n: number) => Float32Array.from({ length: n }, () => rng.normal());

beforeAll(async () => {
	await tf.setBackend('cpu');
});

// Few iterations at the large sizes: one 1024³ tfjs matmul takes seconds on this machine.
const opts = (size: number) =>
	size >= 1024 ? { iterations: 3, time: 0, warmupIterations: 1 } : { time: 2000 };

for (const s of [256, 512, 1024]) {
	const a = randn(s * s);
	const b = randn(s * s);
	const out = new Float32Array(s * s);
	describe(`matmul ${s}×${s}×${s}`, () => {
		bench(
			'llm-anatomy ops/matmul',
			() => {
				matmul(a, b, s, s, s, out);
			},
			opts(s)
		);
		bench(
			'tfjs-backend-cpu matMul',
			() => {
				tf.tidy(() => {
					tf.matMul(tf.tensor2d(a, [s, s]), tf.tensor2d(b, [s, s])).dataSync();
				});
			},
			opts(s)
		);
	});
}

for (const seq of [512, 2048]) {
	const d = 64;
	const q = randn(seq * d);
	const k = randn(seq * d);
	const v = randn(seq * d);
	const o = seq >= 2048 ? { iterations: 3, time: 0, warmupIterations: 1 } : { time: 2000 };
	describe(`attention, one causal head, seq ${seq}, dHead ${d}`, () => {
		bench(
			'llm-anatomy ops/attentionHead',
			() => {
				attentionHead(q, k, v, seq, d, { causal: true });
			},
			o
		);
		let mask: tf.Tensor2D | undefined;
		bench(
			'tfjs-backend-cpu composed (matMul, where, softmax, matMul)',
			() => {
				mask ??= tf.keep(tf.linalg.bandPart(tf.ones([seq, seq], 'bool'), -1, 0) as tf.Tensor2D);
				const m = mask;
				tf.tidy(() => {
					const tq = tf.tensor2d(q, [seq, d]);
					const tk = tf.tensor2d(k, [seq, d]);
					const tv = tf.tensor2d(v, [seq, d]);
					const scores = tf.where(
						m,
						tf.mul(tf.matMul(tq, tk, false, true), 1 / Math.sqrt(d)),
						tf.fill([seq, seq], -Infinity)
					);
					const weights = tf.softmax(scores);
					const out = tf.matMul(weights, tv);
					scores.dataSync();
					weights.dataSync();
					out.dataSync();
				});
			},
			o
		);
	});
}

describe('loss-surface contour grid 200×200', () => {
	bench('sampleGrid rosenbrock', () => {
		sampleGrid('rosenbrock', 200, 200);
	});
	bench('sampleGrid beale', () => {
		sampleGrid('beale', 200, 200);
	});
});
