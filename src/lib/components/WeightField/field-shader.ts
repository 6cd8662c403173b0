/**
 * WGSL of the WebGPU weight-field renderer: one full-screen triangle; each fragment is one cell.
 * The cell's weight comes from the cell → weight map (the core's `fieldCellWeight`, uploaded once),
 * so only the model's P weights and updates travel to the GPU each frame, never the N cells.
 * The bins and the table index are those of `paint.ts` / `palette.ts`, in f32.
 */

/** Bytes of the `Params` uniform: 8 × 4. */
export const FIELD_PARAMS_BYTES = 32;

export const FIELD_WGSL = /* wgsl */ `
struct Params {
	width: u32,
	height: u32,
	cells: u32,
	weights: u32,
	valueInv: f32,
	motionInv: f32,
	background: u32,
	pad: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> cellWeight: array<u32>;
@group(0) @binding(2) var<storage, read> values: array<f32>;
@group(0) @binding(3) var<storage, read> motion: array<f32>;
@group(0) @binding(4) var<storage, read> frozen: array<u32>;
@group(0) @binding(5) var<storage, read> lut: array<u32>;

@vertex
fn vs(@builtin(vertex_index) i: u32) -> @builtin(position) vec4f {
	var corners = array<vec2f, 3>(vec2f(-1.0, -1.0), vec2f(3.0, -1.0), vec2f(-1.0, 3.0));
	return vec4f(corners[i], 0.0, 1.0);
}

@fragment
fn fs(@builtin(position) pos: vec4f) -> @location(0) vec4f {
	let x = u32(pos.x);
	let y = u32(pos.y);
	let i = y * params.width + x;
	var colour = params.background;
	if (x < params.width && i < params.cells) {
		let w = min(cellWeight[i], params.weights - 1u);
		let t = clamp(values[w] * params.valueInv, -1.0, 1.0);
		let u = sign(t) * sqrt(abs(t));
		let vk = min(u32(floor((u + 1.0) * 127.5 + 0.5)), 255u);
		let a = min(abs(motion[w]) * params.motionInv, 1.0);
		let mk = min(u32(floor(a * a * 15.0 + 0.5)), 15u);
		colour = lut[(min(frozen[w], 1u) * 16u + mk) * 256u + vk];
	}
	return unpack4x8unorm(colour);
}
`;
