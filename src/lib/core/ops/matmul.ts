/**
 * Matrix multiplication, the CPU reference kernel: row-major `C[m×n] = A[m×k] · B[k×n]`,
 *
 *   C[i][j] = Σₚ A[i][p] · B[p][j]   (p = 0 … k−1).
 *
 * The loop order is i-k-j (every inner loop walks a row of B and a row of C contiguously), tiled:
 * C is produced in column panels of {@link MATMUL_PANEL} columns, four rows at a time, so a panel of
 * B is reused by four rows of A while it sits in cache. Each row of the panel accumulates in
 * float64 and is rounded to float32 once at the end, so the result is the float64 sum rounded once
 * (the GPU kernel sums in float32 and differs by about k · 2⁻²⁴ relative).
 *
 * NaN and ±Infinity propagate as IEEE arithmetic says (0 · ∞ = NaN); sizes are checked.
 */
import { AnatomyError } from '../errors.js';

/** Width (in columns of C) of one panel of the tiled loop; 4 rows × 256 float64 = 8 KiB of accumulators. */
export const MATMUL_PANEL = 256;

function checkDims(m: number, k: number, n: number, what: string): void {
	for (const [name, d] of [
		['m', m],
		['k', k],
		['n', n]
	] as const) {
		if (!Number.isInteger(d) || d < 0) {
			throw new AnatomyError('shape-mismatch', `${what}: ${name} must be a non-negative integer, got ${d}`);
		}
	}
	if (m * k > 2 ** 32 || k * n > 2 ** 32 || m * n > 2 ** 32) {
		throw new AnatomyError('shape-mismatch', `${what}: ${m}×${k}·${k}×${n} is too large for one array`);
	}
}

function checkLen(x: ArrayLike<number>, len: number, what: string, name: string, shape: string): void {
	if (x.length !== len) {
		throw new AnatomyError(
			'shape-mismatch',
			`${what}: ${name} has ${x.length} values, expected ${shape} = ${len}`
		);
	}
}

function overlaps(x: ArrayBufferView, y: ArrayBufferView): boolean {
	if (x.buffer !== y.buffer) return false;
	return x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}

/**
 * Row-major `C = A · B` in float32 storage: A is `m × k`, B is `k × n`, C is `m × n`.
 *
 * @param out optional destination of length `m·n` (overwritten, must not overlap `a` or `b`).
 * @returns `out`, or a new `Float32Array(m·n)`.
 * @throws AnatomyError `shape-mismatch` when a size is not a non-negative integer or a buffer
 *   length disagrees with it; `invalid-argument` when `out` overlaps an input.
 */
export function matmul(
	a: Float32Array,
	b: Float32Array,
	m: number,
	k: number,
	n: number,
	out?: Float32Array
): Float32Array {
	checkDims(m, k, n, 'matmul');
	checkLen(a, m * k, 'matmul', 'a', `${m}×${k}`);
	checkLen(b, k * n, 'matmul', 'b', `${k}×${n}`);
	if (out) {
		checkLen(out, m * n, 'matmul', 'out', `${m}×${n}`);
		if (overlaps(out, a) || overlaps(out, b)) {
			throw new AnatomyError('invalid-argument', 'matmul: out must not overlap a or b');
		}
	}
	const c = out ?? new Float32Array(m * n);
	if (m === 0 || n === 0) return c;
	if (k === 0) return c.fill(0);
	matmulKernel(a, b, m, k, n, c);
	return c;
}

/** The tiled loop itself, on checked arguments (shared by {@link matmul} and the attention kernel). */
export function matmulKernel(
	a: Float32Array,
	b: Float32Array,
	m: number,
	k: number,
	n: number,
	c: Float32Array
): void {
	const P = MATMUL_PANEL;
	const acc = new Float64Array(4 * P);
	for (let j0 = 0; j0 < n; j0 += P) {
		const w = Math.min(P, n - j0);
		let i = 0;
		for (; i + 3 < m; i += 4) {
			acc.fill(0);
			const a0 = i * k;
			const a1 = a0 + k;
			const a2 = a1 + k;
			const a3 = a2 + k;
			for (let p = 0; p < k; p++) {
				const x0 = a[a0 + p];
				const x1 = a[a1 + p];
				const x2 = a[a2 + p];
				const x3 = a[a3 + p];
				const bp = p * n + j0;
				for (let j = 0; j < w; j++) {
					const bv = b[bp + j];
					acc[j] += x0 * bv;
					acc[P + j] += x1 * bv;
					acc[2 * P + j] += x2 * bv;
					acc[3 * P + j] += x3 * bv;
				}
			}
			for (let r = 0; r < 4; r++) {
				const cr = (i + r) * n + j0;
				const ar = r * P;
				for (let j = 0; j < w; j++) c[cr + j] = acc[ar + j];
			}
		}
		for (; i < m; i++) {
			acc.fill(0, 0, w);
			const a0 = i * k;
			for (let p = 0; p < k; p++) {
				const x0 = a[a0 + p];
				const bp = p * n + j0;
				for (let j = 0; j < w; j++) acc[j] += x0 * b[bp + j];
			}
			const cr = i * n + j0;
			for (let j = 0; j < w; j++) c[cr + j] = acc[j];
		}
	}
}

/**
 * Row-major `C = A · B` in float64, for reference maths (backprop, the attention inspector):
 * any array-like inputs, a `Float64Array` result. Same checks as {@link matmul}.
 */
export function matmulF64(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	m: number,
	k: number,
	n: number,
	out?: Float64Array
): Float64Array {
	checkDims(m, k, n, 'matmulF64');
	checkLen(a, m * k, 'matmulF64', 'a', `${m}×${k}`);
	checkLen(b, k * n, 'matmulF64', 'b', `${k}×${n}`);
	if (out) {
		checkLen(out, m * n, 'matmulF64', 'out', `${m}×${n}`);
		if ((ArrayBuffer.isView(a) && overlaps(out, a)) || (ArrayBuffer.isView(b) && overlaps(out, b))) {
			throw new AnatomyError('invalid-argument', 'matmulF64: out must not overlap a or b');
		}
	}
	const c = out ?? new Float64Array(m * n);
	c.fill(0);
	for (let i = 0; i < m; i++) {
		const ci = i * n;
		for (let p = 0; p < k; p++) {
			const av = a[i * k + p];
			const bp = p * n;
			for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
		}
	}
	return c;
}
