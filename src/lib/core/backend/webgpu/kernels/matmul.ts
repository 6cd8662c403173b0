/**
 * Tiled matrix multiply: C = α · A · op(B), with op(B) = B or Bᵀ.
 *
 * Each 16 × 16 workgroup computes one 16 × 16 tile of C. It walks along k in steps of 16, each
 * thread loading one element of A and one of B into workgroup memory, so every element of A and B
 * is read from the storage buffer ⌈n/16⌉ (resp. ⌈m/16⌉) times instead of n (resp. m) times.
 * Out-of-range loads write 0 into the tile, so the edges need no special case.
 *
 * CPU twin: `matmul` in `core/ops/matmul.ts` (row-major, C[i][j] = Σₚ A[i][p] · B[p][j]). The GPU
 * sums in float32 in the same order p = 0, 1, …, k−1 (per tile, then tile after tile), so it
 * differs from a float64 sum by the usual float32 rounding, about k · 2⁻²⁴ relative.
 *
 * With `TRANSPOSE_B` (a pipeline-overridable constant) B is read as n × k, which gives the
 * attention scores Q · Kᵀ without a transpose pass.
 *
 * Dispatch: `matmulGrid(m, n)` = [⌈n/16⌉, ⌈m/16⌉, 1].
 */
export const MATMUL_WGSL = /* wgsl */ `
struct Dims {
	m: u32,
	k: u32,
	n: u32,
	alpha: f32,
}

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

override TRANSPOSE_B: bool = false;
const TILE: u32 = 16u;

var<workgroup> tileA: array<array<f32, 16>, 16>;
var<workgroup> tileB: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
	let row = wg.y * TILE + lid.y;
	let col = wg.x * TILE + lid.x;
	var acc = 0.0;
	let tiles = (dims.k + TILE - 1u) / TILE;
	for (var t = 0u; t < tiles; t = t + 1u) {
		let aCol = t * TILE + lid.x;
		var av = 0.0;
		if (row < dims.m && aCol < dims.k) {
			av = a[row * dims.k + aCol];
		}
		tileA[lid.y][lid.x] = av;
		let bRow = t * TILE + lid.y;
		var bv = 0.0;
		if (bRow < dims.k && col < dims.n) {
			if (TRANSPOSE_B) {
				bv = b[col * dims.k + bRow];
			} else {
				bv = b[bRow * dims.n + col];
			}
		}
		tileB[lid.y][lid.x] = bv;
		workgroupBarrier();
		for (var p = 0u; p < TILE; p = p + 1u) {
			acc = acc + tileA[lid.y][p] * tileB[p][lid.x];
		}
		workgroupBarrier();
	}
	if (row < dims.m && col < dims.n) {
		c[row * dims.n + col] = dims.alpha * acc;
	}
}
`;

/** Bytes of the `Dims` uniform. */
export const MATMUL_UNIFORM_BYTES = 16;

/** Packs the `Dims` uniform: three u32 then the f32 scale α. */
export function matmulUniform(m: number, k: number, n: number, alpha = 1): ArrayBuffer {
	const buf = new ArrayBuffer(MATMUL_UNIFORM_BYTES);
	new Uint32Array(buf, 0, 3).set([m, k, n]);
	new Float32Array(buf, 12, 1)[0] = alpha;
	return buf;
}

/**
 * JavaScript emulation of exactly what one GPU thread computes for C[i][j]: a float32 running sum
 * over p in order, then the float32 product with α. Used in tests to bound the GPU's error.
 */
export function matmulTwin(
	a: Float32Array,
	b: Float32Array,
	m: number,
	k: number,
	n: number,
	{ transposeB = false, alpha = 1 } = {}
): Float32Array {
	const c = new Float32Array(m * n);
	const f = Math.fround;
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < n; j++) {
			let acc = 0;
			for (let p = 0; p < k; p++) {
				const bv = transposeB ? b[j * k + p] : b[p * n + j];
				acc = f(acc + f(a[i * k + p] * bv));
			}
			c[i * n + j] = f(f(alpha) * acc);
		}
	}
	return c;
}
