import { describe, expect, it } from 'vitest';
import { withDevice } from '../../testing/with-device.js';
import { KERNELS } from './kernels/index.js';
import { cachedPipelineCount, getPipeline } from './pipelines.js';

describe('WGSL kernels', () => {
	for (const [key, kernel] of Object.entries(KERNELS)) {
		it(`${key} compiles with the bind group layout derived from its WGSL`, async (ctx) => {
			await withDevice(
				async (device) => {
					const constants = key === 'matmul' ? { TRANSPOSE_B: 1 } : undefined;
					const a = await getPipeline(device, kernel, constants);
					const b = await getPipeline(device, kernel, constants);
					expect(b).toBe(a);
					expect(cachedPipelineCount(device)).toBe(1);
					expect(a.bindings.length).toBeGreaterThan(1);
				},
				{ gpu: navigator.gpu, skip: (note) => ctx.skip(note) }
			);
		});
	}
});
