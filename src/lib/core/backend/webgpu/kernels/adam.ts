/**
 * AdamW update, one thread per parameter, in place on the GPU copies of p, m and v.
 *
 *   m' = β₁·m + (1−β₁)·g
 *   v' = β₂·v + (1−β₂)·g²
 *   p' = p − (η·λ)·p − (η/(1−β₁ᵗ)) · m' / (√(v'/(1−β₂ᵗ)) + ε)
 *
 * The step-dependent factors (1−β₁, 1−β₂, η·λ, η/(1−β₁ᵗ), 1−β₂ᵗ) are computed in float64 on the
 * CPU and passed in the uniform, so the GPU does only float32 elementwise work.
 *
 * CPU twin: `adamStepCpu` in `backend/cpu/adam.ts`. Dispatch: `elementwiseGrid(n)`.
 */
import type { AdamOptions } from '../../types.js';
import { resolveAdamOptions } from '../../validate.js';

export const ADAM_WGSL = /* wgsl */ `
struct Params {
	n: u32,
	beta1: f32,
	oneMinusBeta1: f32,
	beta2: f32,
	oneMinusBeta2: f32,
	eps: f32,
	lrTimesDecay: f32,
	stepSize: f32,
	biasCorrection2: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> g: array<f32>;
@group(0) @binding(2) var<storage, read_write> p: array<f32>;
@group(0) @binding(3) var<storage, read_write> m: array<f32>;
@group(0) @binding(4) var<storage, read_write> v: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
	let i = gid.x + gid.y * nwg.x * 256u;
	if (i >= params.n) {
		return;
	}
	let gi = g[i];
	let mi = params.beta1 * m[i] + params.oneMinusBeta1 * gi;
	let vi = params.beta2 * v[i] + params.oneMinusBeta2 * gi * gi;
	m[i] = mi;
	v[i] = vi;
	let pi = p[i];
	p[i] = pi - params.lrTimesDecay * pi - params.stepSize * mi / (sqrt(vi / params.biasCorrection2) + params.eps);
}
`;

/** Bytes of the `Params` uniform (9 words, padded to a multiple of 16). */
export const ADAM_UNIFORM_BYTES = 48;

export function adamUniform(n: number, options: AdamOptions): ArrayBuffer {
	const { lr, beta1, beta2, eps, weightDecay, t } = resolveAdamOptions(options);
	const buf = new ArrayBuffer(ADAM_UNIFORM_BYTES);
	new Uint32Array(buf, 0, 1)[0] = n;
	new Float32Array(buf, 4, 8).set([
		beta1,
		1 - beta1,
		beta2,
		1 - beta2,
		eps,
		lr * weightDecay,
		lr / (1 - beta1 ** t),
		1 - beta2 ** t
	]);
	return buf;
}
