import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { KERNELS } from './kernels/index.js';
import { layoutEntries, parseWgslBindings } from './wgsl-layout.js';

describe('parseWgslBindings', () => {
	it('reads the matmul bindings: a uniform, two read-only inputs, one read-write output', () => {
		const b = parseWgslBindings(KERNELS.matmul.wgsl);
		expect(b.map((x) => [x.binding, x.name, x.type])).toEqual([
			[0, 'dims', 'uniform'],
			[1, 'a', 'read-only-storage'],
			[2, 'b', 'read-only-storage'],
			[3, 'c', 'storage']
		]);
	});

	it('reads the Adam bindings (gradients read-only, p, m, v updated in place)', () => {
		expect(parseWgslBindings(KERNELS.adam.wgsl).map((x) => x.type)).toEqual([
			'uniform',
			'read-only-storage',
			'storage',
			'storage',
			'storage'
		]);
	});

	it('every kernel has one uniform at binding 0, bindings numbered 0..n−1, and at most 8 storage buffers', () => {
		for (const k of Object.values(KERNELS)) {
			const b = parseWgslBindings(k.wgsl);
			expect(b[0].type, k.name).toBe('uniform');
			expect(b.map((x) => x.binding)).toEqual(b.map((_, i) => i));
			expect(b.filter((x) => x.type !== 'uniform').length).toBeLessThanOrEqual(8);
		}
	});

	it('ignores commented-out declarations and sorts by group then binding', () => {
		const src = `
			// @group(0) @binding(9) var<storage, read> ghost: array<f32>;
			/* @group(0) @binding(8) var<uniform> ghost2: u32; */
			@group(1) @binding(0) var<storage, read_write> z: array<f32>;
			@group(0) @binding(1) var<storage> y: array<f32>;
			@group(0)
			@binding(0)
			var<uniform> x: vec4<f32>;`;
		const b = parseWgslBindings(src);
		// var<storage> without an access mode is read-only in WGSL.
		expect(b.map((x) => `${x.group}:${x.binding}:${x.name}:${x.type}`)).toEqual([
			'0:0:x:uniform',
			'0:1:y:read-only-storage',
			'1:0:z:storage'
		]);
		expect(layoutEntries(b, 0)).toEqual([
			{ binding: 0, visibility: 4, buffer: { type: 'uniform' } },
			{ binding: 1, visibility: 4, buffer: { type: 'read-only-storage' } }
		]);
	});

	it('rejects duplicates and bindings it does not understand (textures, samplers)', () => {
		const dup = `@group(0) @binding(0) var<uniform> a: u32; @group(0) @binding(0) var<uniform> b: u32;`;
		expect(() => parseWgslBindings(dup)).toThrow(AnatomyError);
		const tex = `@group(0) @binding(0) var t: texture_2d<f32>;`;
		expect(() => parseWgslBindings(tex)).toThrow(/only 0 are buffer bindings/);
	});
});
