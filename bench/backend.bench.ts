// The cost of going through the backend interface on the CPU: argument checks, the async call and
// the result object, against calling the reference kernel directly. Run with
//   npx vitest bench --run --config vitest.bench.config.ts bench/backend.bench.ts
import { bench, describe } from 'vitest';
import { createCpuBackend } from '../src/lib/core/backend/cpu/cpu-backend.js';
import { attentionHead } from '../src/lib/core/ops/attention.js';
import { matmul } from '../src/lib/core/ops/matmul.js';
import { softmaxRows } from '../src/lib/core/ops/softmax.js';
import { createRng } from '../src/lib/core/rng.js';

const cpu = createCpuBackend();
const rng = createRng(1);
const randn = (n: number) => Float32Array.from({ length: n }, () => rng.normal());

for (const s of [8, 64, 256]) {
	const a = randn(s * s);
	const b = randn(s * s);
	describe(`matmul ${s}×${s}×${s}`, () => {
		bench('ops/matmul (direct)', () => {
			matmul(a, b, s, s, s);
		});
		bench('cpu backend', async () => {
			await cpu.matmul(a, b, s, s, s);
		});
	});
}

{
	const [r, c] = [64, 512];
	const x = randn(r * c);
	describe(`softmaxRows ${r}×${c}`, () => {
		bench('ops/softmax (direct)', () => {
			softmaxRows(x, r, c);
		});
		bench('cpu backend', async () => {
			await cpu.softmaxRows(x, r, c);
		});
	});
}

{
	const [seq, d] = [64, 32];
	const q = randn(seq * d);
	const k = randn(seq * d);
	const v = randn(seq * d);
	describe(`attention seq ${seq}, dHead ${d}, causal`, () => {
		bench('ops/attention (direct)', () => {
			attentionHead(q, k, v, seq, d, { causal: true });
		});
		bench('cpu backend', async () => {
			await cpu.attention(q, k, v, seq, d, true);
		});
	});
}

{
	const n = 1 << 16;
	const p = randn(n);
	const g = randn(n);
	const m = new Float32Array(n);
	const v = new Float32Array(n);
	describe(`adamStep and int8 on ${n} values`, () => {
		bench('adamStep', async () => {
			await cpu.adamStep(p, g, m, v, { lr: 1e-3, weightDecay: 0.1, t: 3 });
		});
		bench('quantizeInt8Rows 64×1024', async () => {
			await cpu.quantizeInt8Rows(p, 64, 1024);
		});
	});
}
