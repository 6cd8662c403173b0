/**
 * Per-row symmetric int8 quantization and its inverse, in two kernels each run as one dispatch.
 *
 * `ROW_SCALE_WGSL`: one workgroup of 64 threads per row reduces max|x| and writes
 * scale = max|x| / 127.
 * `QUANTIZE_PACK_WGSL`: one thread per group of four consecutive values computes
 * code = clamp(round(x / scale), −127, 127) (WGSL `round` ties to even) and packs the four codes
 * into one u32, little-endian, the byte order of an `Int8Array` over the same memory. Storage
 * buffers have no 8-bit type, hence the packing; a group may straddle two rows, so each value
 * looks up its own row's scale. An all-zero row has scale 0 and codes 0.
 * `DEQUANTIZE_WGSL`: one thread per value unpacks its byte with sign extension (`extractBits` on
 * an i32) and multiplies by the row's scale.
 *
 * CPU twins: `quantizeInt8RowsCpu` / `dequantizeInt8RowsCpu` in `backend/cpu/quantize-int8.ts`.
 * WGSL division is accurate to 2.5 ulp rather than correctly rounded, so a value lying within a
 * few ulp of a rounding tie may get a code one step away from the CPU's.
 */
export const ROW_SCALE_WGSL = /* wgsl */ `
struct Params {
	rows: u32,
	cols: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> scales: array<f32>;

const WG: u32 = 64u;
var<workgroup> red: array<f32, 64>;

@compute @workgroup_size(64)
fn main(
	@builtin(workgroup_id) wg: vec3<u32>,
	@builtin(num_workgroups) nwg: vec3<u32>,
	@builtin(local_invocation_index) lid: u32
) {
	let row = wg.x + wg.y * nwg.x;
	if (row >= params.rows) {
		return;
	}
	var mx = 0.0;
	for (var j = lid; j < params.cols; j = j + WG) {
		mx = max(mx, abs(x[row * params.cols + j]));
	}
	red[lid] = mx;
	workgroupBarrier();
	for (var s = WG / 2u; s > 0u; s = s >> 1u) {
		if (lid < s) {
			red[lid] = max(red[lid], red[lid + s]);
		}
		workgroupBarrier();
	}
	if (lid == 0u) {
		scales[row] = red[0] / 127.0;
	}
}
`;

export const QUANTIZE_PACK_WGSL = /* wgsl */ `
struct Params {
	n: u32,
	cols: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> scales: array<f32>;
@group(0) @binding(3) var<storage, read_write> codes: array<u32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
	let w = gid.x + gid.y * nwg.x * 256u;
	let words = (params.n + 3u) / 4u;
	if (w >= words) {
		return;
	}
	var word = 0u;
	for (var b = 0u; b < 4u; b = b + 1u) {
		let i = w * 4u + b;
		if (i < params.n) {
			let s = scales[i / params.cols];
			var q = 0i;
			if (s > 0.0) {
				q = i32(clamp(round(x[i] / s), -127.0, 127.0));
			}
			word = word | ((bitcast<u32>(q) & 0xffu) << (8u * b));
		}
	}
	codes[w] = word;
}
`;

export const DEQUANTIZE_WGSL = /* wgsl */ `
struct Params {
	n: u32,
	cols: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> codes: array<u32>;
@group(0) @binding(2) var<storage, read> scales: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
	let i = gid.x + gid.y * nwg.x * 256u;
	if (i >= params.n) {
		return;
	}
	let word = bitcast<i32>(codes[i / 4u]);
	let code = extractBits(word, (i % 4u) * 8u, 8u);
	y[i] = f32(code) * scales[i / params.cols];
}
`;

/** Bytes of the two-word uniform shared by the three kernels (padded to 16). */
export const INT8_UNIFORM_BYTES = 16;

export function int8Uniform(first: number, cols: number): ArrayBuffer {
	const buf = new ArrayBuffer(INT8_UNIFORM_BYTES);
	new Uint32Array(buf).set([first, cols]);
	return buf;
}

/** Packs an Int8Array into bytes padded to a multiple of 4 (the size WebGPU copies require). */
export function padToWords(codes: Int8Array): Uint8Array {
	const padded = new Uint8Array(Math.ceil(codes.length / 4) * 4);
	padded.set(new Uint8Array(codes.buffer, codes.byteOffset, codes.length));
	return padded;
}
