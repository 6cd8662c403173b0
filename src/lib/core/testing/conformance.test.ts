import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../backend/cpu/cpu-backend.js';
import type { Backend } from '../backend/types.js';
import { allGoldenCases, runConformance } from './conformance.js';

describe('conformance on the CPU backend', () => {
	const cpu = createCpuBackend();
	const cases = allGoldenCases();

	it('covers every op with golden cases', () => {
		const ops = new Set(cases.map((c) => c.op));
		expect([...ops].sort()).toEqual(['adamStep', 'attention', 'matmul', 'quantizeInt8Rows', 'softmaxRows']);
		expect(cases.length).toBeGreaterThanOrEqual(30);
	});

	for (const g of cases) {
		it(`${g.op}: ${g.case.name}`, async () => {
			const [r] = await runConformance(cpu, [g]);
			expect(r.ok, r.message).toBe(true);
			expect(r.backend).toBe('cpu');
		});
	}

	it('reports a wrong backend instead of throwing', async () => {
		// A backend whose matmul is off by one in the first value, and whose softmax throws.
		const broken: Backend = {
			...cpu,
			matmul: async (a, b, m, k, n) => {
				const r = await cpu.matmul(a, b, m, k, n);
				if (r.data.length) r.data[0] += 1;
				return r;
			},
			softmaxRows: async () => {
				throw new Error('kernel exploded');
			}
		};
		const results = await runConformance(broken, cases, { ops: ['matmul', 'softmaxRows'] });
		const matmul = results.filter((r) => r.op === 'matmul');
		expect(matmul.some((r) => !r.ok && /C: 1 of/.test(r.message))).toBe(true);
		expect(
			results.filter((r) => r.op === 'softmaxRows').every((r) => !r.ok && /kernel exploded/.test(r.message))
		).toBe(true);
		expect(results.some((r) => r.op === 'attention')).toBe(false);
	});
});
