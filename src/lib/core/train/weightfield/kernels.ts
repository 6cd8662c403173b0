/**
 * The dense kernels of the weight-field model, written out by hand on flat row-major arrays
 * (`Float32Array` in the run, `Float64Array` for gradient checks). Sums are accumulated in
 * JavaScript numbers (double precision) and rounded once when stored.
 */

/** A flat array of weights or activations. */
export type FloatBuf = Float32Array | Float64Array;

/** LayerNorm's ε, as in GPT-2 (added to the variance). */
export const LN_EPS = 1e-5;

// The three products below are unrolled by four along the summed dimension: four independent
// multiply–adds per loaded output element run about twice as fast in V8 as the plain loop.

/** C[n×m] = A[n×k]·B[k×m] (+ bias[m] on every row). Overwrites C. */
export function matmul(
	A: FloatBuf,
	B: FloatBuf,
	C: FloatBuf,
	n: number,
	k: number,
	m: number,
	bias?: FloatBuf
): void {
	for (let i = 0; i < n; i++) {
		const ci = i * m;
		if (bias) for (let j = 0; j < m; j++) C[ci + j] = bias[j];
		else for (let j = 0; j < m; j++) C[ci + j] = 0;
		const ai = i * k;
		let p = 0;
		for (; p + 3 < k; p += 4) {
			const a0 = A[ai + p];
			const a1 = A[ai + p + 1];
			const a2 = A[ai + p + 2];
			const a3 = A[ai + p + 3];
			const b0 = p * m;
			const b1 = b0 + m;
			const b2 = b1 + m;
			const b3 = b2 + m;
			for (let j = 0; j < m; j++)
				C[ci + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
		}
		for (; p < k; p++) {
			const a = A[ai + p];
			const bp = p * m;
			for (let j = 0; j < m; j++) C[ci + j] += a * B[bp + j];
		}
	}
}

/** C[k×m] += A[n×k]ᵀ·B[n×m]: the gradient of a weight matrix from its inputs A and output gradient B. */
export function matmulTNAcc(A: FloatBuf, B: FloatBuf, C: FloatBuf, n: number, k: number, m: number): void {
	let r = 0;
	for (; r + 3 < n; r += 4) {
		const a0r = r * k;
		const a1r = a0r + k;
		const a2r = a1r + k;
		const a3r = a2r + k;
		const b0 = r * m;
		const b1 = b0 + m;
		const b2 = b1 + m;
		const b3 = b2 + m;
		for (let p = 0; p < k; p++) {
			const a0 = A[a0r + p];
			const a1 = A[a1r + p];
			const a2 = A[a2r + p];
			const a3 = A[a3r + p];
			const cp = p * m;
			for (let j = 0; j < m; j++)
				C[cp + j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
		}
	}
	for (; r < n; r++) {
		const ar = r * k;
		const br = r * m;
		for (let p = 0; p < k; p++) {
			const a = A[ar + p];
			const cp = p * m;
			for (let j = 0; j < m; j++) C[cp + j] += a * B[br + j];
		}
	}
}

/** C[n×k] = A[n×m]·B[k×m]ᵀ (or += when `accumulate`): an input gradient from the output gradient A and weights B. */
export function matmulNT(
	A: FloatBuf,
	B: FloatBuf,
	C: FloatBuf,
	n: number,
	m: number,
	k: number,
	accumulate: boolean
): void {
	for (let i = 0; i < n; i++) {
		const ai = i * m;
		const ci = i * k;
		let p = 0;
		for (; p + 3 < k; p += 4) {
			const b0 = p * m;
			const b1 = b0 + m;
			const b2 = b1 + m;
			const b3 = b2 + m;
			let s0 = 0;
			let s1 = 0;
			let s2 = 0;
			let s3 = 0;
			for (let j = 0; j < m; j++) {
				const a = A[ai + j];
				s0 += a * B[b0 + j];
				s1 += a * B[b1 + j];
				s2 += a * B[b2 + j];
				s3 += a * B[b3 + j];
			}
			if (accumulate) {
				C[ci + p] += s0;
				C[ci + p + 1] += s1;
				C[ci + p + 2] += s2;
				C[ci + p + 3] += s3;
			} else {
				C[ci + p] = s0;
				C[ci + p + 1] = s1;
				C[ci + p + 2] = s2;
				C[ci + p + 3] = s3;
			}
		}
		for (; p < k; p++) {
			const bp = p * m;
			let s = 0;
			for (let j = 0; j < m; j++) s += A[ai + j] * B[bp + j];
			C[ci + p] = accumulate ? C[ci + p] + s : s;
		}
	}
}

/** Column sums: out[m] += Σ_rows A[n×m] (bias gradients). */
export function colSumAcc(A: FloatBuf, out: FloatBuf, n: number, m: number): void {
	for (let i = 0; i < n; i++) {
		const ai = i * m;
		for (let j = 0; j < m; j++) out[j] += A[ai + j];
	}
}

/**
 * LayerNorm over rows of width d: x̂ = (x − μ)·r with r = 1/√(σ² + ε) (biased variance), y = g ⊙ x̂ + b.
 * Stores x̂ and r for the backward pass.
 */
export function layerNorm(
	x: FloatBuf,
	g: FloatBuf,
	b: FloatBuf,
	xhat: FloatBuf,
	rstd: FloatBuf,
	y: FloatBuf,
	n: number,
	d: number
): void {
	for (let i = 0; i < n; i++) {
		const o = i * d;
		let mean = 0;
		for (let j = 0; j < d; j++) mean += x[o + j];
		mean /= d;
		let v = 0;
		for (let j = 0; j < d; j++) {
			const c = x[o + j] - mean;
			v += c * c;
		}
		const r = 1 / Math.sqrt(v / d + LN_EPS);
		rstd[i] = r;
		for (let j = 0; j < d; j++) {
			const h = (x[o + j] - mean) * r;
			xhat[o + j] = h;
			y[o + j] = g[j] * h + b[j];
		}
	}
}

/**
 * LayerNorm backward. With ĝ = dy ⊙ g: dx += r·(ĝ − mean(ĝ) − x̂·mean(ĝ ⊙ x̂)); dg += Σ dy ⊙ x̂;
 * db += Σ dy (the gain and bias gradients are skipped when `dg`/`db` are null; dx when `dx` is null).
 */
export function layerNormBackward(
	dy: FloatBuf,
	xhat: FloatBuf,
	rstd: FloatBuf,
	g: FloatBuf,
	dx: FloatBuf | null,
	dg: FloatBuf | null,
	db: FloatBuf | null,
	n: number,
	d: number
): void {
	for (let i = 0; i < n; i++) {
		const o = i * d;
		if (dg) for (let j = 0; j < d; j++) dg[j] += dy[o + j] * xhat[o + j];
		if (db) for (let j = 0; j < d; j++) db[j] += dy[o + j];
		if (!dx) continue;
		let s1 = 0;
		let s2 = 0;
		for (let j = 0; j < d; j++) {
			const gh = dy[o + j] * g[j];
			s1 += gh;
			s2 += gh * xhat[o + j];
		}
		s1 /= d;
		s2 /= d;
		const r = rstd[i];
		for (let j = 0; j < d; j++) dx[o + j] += r * (dy[o + j] * g[j] - s1 - xhat[o + j] * s2);
	}
}

const GELU_C = Math.sqrt(2 / Math.PI);

/** GELU, tanh form (GPT-2): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: number): number {
	return 0.5 * x * (1 + geluTanh(x));
}

/** The tanh term t = tanh(√(2/π)·(x + 0.044715·x³)) of {@link gelu}, kept by the forward pass for the backward. */
export function geluTanh(x: number): number {
	return Math.tanh(GELU_C * (x + 0.044715 * x * x * x));
}

/** d/dx of {@link gelu} given its tanh term t: 0.5·(1 + t) + 0.5·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²). */
export function geluGrad(x: number, t: number = geluTanh(x)): number {
	return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * 0.044715 * x * x);
}
