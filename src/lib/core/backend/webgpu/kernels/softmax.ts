/**
 * Row softmax with a workgroup reduction: one workgroup of 64 threads per row.
 *
 *   y_j = exp(x_j − max x) / Σ_l exp(x_l − max x)
 *
 * Pass 1 reduces the row maximum over finite entries (and counts NaN and +∞ entries); pass 2 writes
 * exp(x_j − max) and reduces their sum; pass 3 divides by the sum. Each thread strides over the
 * row with step 64, so any width works with the same pipeline.
 *
 * Special values are recognised by their bit patterns, not by float comparisons, because WGSL lets
 * a compiler assume that no NaN or infinity occurs at run time:
 * - `-∞` entries (and, with `causal`, entries j > row) get weight 0; a row of only `-∞` gives zeros;
 * - a row holding NaN gives NaN in every visible position (the NaN is not hidden);
 * - a row holding `+∞` splits the mass evenly among its `+∞` entries (the limit of the softmax).
 *
 * CPU twin: `softmaxRows` in `core/ops/softmax.ts`. Dispatch: `rowGrid(rows)`, one workgroup per
 * row, folded onto a 2-D grid beyond 65 535 rows.
 */
export const SOFTMAX_WGSL = /* wgsl */ `
struct Params {
	rows: u32,
	cols: u32,
	causal: u32,
	// 0x7fc00000, the quiet NaN, passed in so that no NaN appears as a constant expression.
	nanBits: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

const WG: u32 = 64u;
const LOWEST: f32 = -0x1.fffffep+127f; // the lowest finite f32

var<workgroup> redMax: array<f32, 64>;
var<workgroup> redNan: array<u32, 64>;
var<workgroup> redPosInf: array<u32, 64>;

fn isFiniteBits(v: f32) -> bool {
	return (bitcast<u32>(v) & 0x7f800000u) != 0x7f800000u;
}
fn isNanBits(v: f32) -> bool {
	return (bitcast<u32>(v) & 0x7fffffffu) > 0x7f800000u;
}
fn isPosInfBits(v: f32) -> bool {
	return bitcast<u32>(v) == 0x7f800000u;
}

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
	let base = row * params.cols;
	var width = params.cols;
	if (params.causal != 0u) {
		width = min(params.cols, row + 1u);
	}

	// Pass 1: maximum over finite entries, and counts of NaN and +inf entries.
	var mx = LOWEST;
	var nNan = 0u;
	var nPosInf = 0u;
	for (var j = lid; j < width; j = j + WG) {
		let v = x[base + j];
		if (isNanBits(v)) {
			nNan = nNan + 1u;
		} else if (isPosInfBits(v)) {
			nPosInf = nPosInf + 1u;
		} else if (isFiniteBits(v)) {
			mx = max(mx, v);
		}
	}
	redMax[lid] = mx;
	redNan[lid] = nNan;
	redPosInf[lid] = nPosInf;
	workgroupBarrier();
	for (var s = WG / 2u; s > 0u; s = s >> 1u) {
		if (lid < s) {
			redMax[lid] = max(redMax[lid], redMax[lid + s]);
			redNan[lid] = redNan[lid] + redNan[lid + s];
			redPosInf[lid] = redPosInf[lid] + redPosInf[lid + s];
		}
		workgroupBarrier();
	}
	let rowMax = redMax[0];
	let rowNan = redNan[0];
	let rowPosInf = redPosInf[0];
	workgroupBarrier();

	// Pass 2: exponentials (kept in y) and their sum.
	var sum = 0.0;
	for (var j = lid; j < width; j = j + WG) {
		let v = x[base + j];
		if (isFiniteBits(v)) {
			let e = exp(v - rowMax);
			y[base + j] = e;
			sum = sum + e;
		}
	}
	redMax[lid] = sum;
	workgroupBarrier();
	for (var s = WG / 2u; s > 0u; s = s >> 1u) {
		if (lid < s) {
			redMax[lid] = redMax[lid] + redMax[lid + s];
		}
		workgroupBarrier();
	}
	let total = redMax[0];

	// Pass 3: normalise; every column of the row is written (masked ones with 0).
	for (var j = lid; j < params.cols; j = j + WG) {
		var out = 0.0;
		if (j >= width) {
			out = 0.0;
		} else if (rowNan > 0u) {
			out = bitcast<f32>(params.nanBits);
		} else {
			let v = x[base + j];
			if (rowPosInf > 0u) {
				if (isPosInfBits(v)) {
					out = 1.0 / f32(rowPosInf);
				}
			} else if (isFiniteBits(v)) {
				out = y[base + j] / total;
			}
		}
		y[base + j] = out;
	}
}
`;

/** Bytes of the `Params` uniform. */
export const SOFTMAX_UNIFORM_BYTES = 16;

/** Bits of the quiet NaN the kernel writes for a row that holds a NaN. */
export const QUIET_NAN_BITS = 0x7fc00000;

export function softmaxUniform(rows: number, cols: number, causal: boolean): ArrayBuffer {
	const buf = new ArrayBuffer(SOFTMAX_UNIFORM_BYTES);
	new Uint32Array(buf).set([rows, cols, causal ? 1 : 0, QUIET_NAN_BITS]);
	return buf;
}
