/**
 * Principal component analysis down to two dimensions, to draw high-dimensional vectors on a page.
 */
import { AnatomyError, check, checkFinite } from '../errors.js';
import { createRng } from '../rng.js';

/** Most points × width {@link pca2d} accepts (2²⁶ ≈ 67 M numbers). */
export const MAX_PCA_SIZE = 2 ** 26;

/** The 2-D projection of a set of vectors. */
export interface Pca2d {
	/** Each input vector's coordinates along the two components: [(x − mean)·c₁, (x − mean)·c₂]. */
	points: [number, number][];
	/** The two principal directions, unit length and orthogonal; see {@link pca2d} for their sign. */
	components: [Float64Array, Float64Array];
	/** Mean of the input vectors. */
	mean: Float64Array;
	/**
	 * Variance along each component, λ₁ ≥ λ₂ (eigenvalues of the sample covariance, divided by
	 * n − 1 as in scikit-learn's `explained_variance_`).
	 */
	explainedVariance: [number, number];
	/** λᵢ / total variance (the covariance's trace); [0, 0] when all points coincide. */
	explainedVarianceRatio: [number, number];
}

const MAX_ITERATIONS = 5000;

/**
 * Projects vectors onto their two directions of greatest variance.
 *
 * Method: centre the points (X, n × d), then power iteration v ← Cv / ‖Cv‖ with the covariance
 * C = XᵀX / (n − 1) applied as Xᵀ(Xv) / (n − 1), never formed (O(nd) per step). The second component
 * iterates the same way with v kept orthogonal to the first. Iteration stops when
 * ‖Cv − λv‖ ≤ 1e-12 · trace(C), or after 5 000 steps (when λ₁ ≈ λ₂, any vector of that plane is a
 * valid answer, and the result is still within it). A final Rayleigh–Ritz step diagonalises the
 * covariance restricted to the plane of the two vectors, so nearly equal variances come out exact.
 * The start vector is fixed (seeded), so results are deterministic.
 *
 * Sign convention: each component's entry of largest magnitude is positive (on near-ties, the first
 * such entry), as eigenvectors are only defined up to sign. Where no variance is left (all points
 * equal, or on a line for the second component), the component is the first coordinate axis
 * orthogonal to the previous one, and its coordinates are 0. For d = 1 the second component is the
 * zero vector.
 * @throws AnatomyError `invalid-argument` for no points, `shape-mismatch` for ragged input,
 * `non-finite` for NaN or ±Infinity, `out-of-range` beyond {@link MAX_PCA_SIZE} numbers.
 */
export function pca2d(vectors: readonly ArrayLike<number>[]): Pca2d {
	check(Array.isArray(vectors) && vectors.length > 0, 'pca2d needs at least one vector');
	const n = vectors.length;
	const d = vectors[0]?.length;
	check(Number.isInteger(d) && d > 0, 'Vectors must be non-empty arrays of numbers');
	if (n * d > MAX_PCA_SIZE) {
		throw new AnatomyError('out-of-range', `${n} × ${d} numbers exceed MAX_PCA_SIZE (${MAX_PCA_SIZE})`);
	}
	const mean = new Float64Array(d);
	for (let i = 0; i < n; i++) {
		const v = vectors[i];
		if (!v || v.length !== d) {
			throw new AnatomyError('shape-mismatch', `Vector ${i} has ${v?.length} numbers, expected ${d}`);
		}
		checkFinite(v, `vector ${i}`);
		for (let j = 0; j < d; j++) mean[j] += v[j] / n;
	}
	const x = new Float64Array(n * d);
	let trace = 0;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < d; j++) {
			const c = vectors[i][j] - mean[j];
			x[i * d + j] = c;
			trace += c * c;
		}
	}
	const denom = Math.max(n - 1, 1);
	trace /= denom;

	const xv = new Float64Array(n);
	/** out = C v */
	const applyCov = (v: Float64Array, out: Float64Array) => {
		for (let i = 0; i < n; i++) {
			let s = 0;
			for (let j = 0; j < d; j++) s += x[i * d + j] * v[j];
			xv[i] = s;
		}
		out.fill(0);
		for (let i = 0; i < n; i++) {
			const s = xv[i] / denom;
			if (s !== 0) for (let j = 0; j < d; j++) out[j] += x[i * d + j] * s;
		}
	};
	const dot = (a: Float64Array, b: Float64Array) => {
		let s = 0;
		for (let j = 0; j < d; j++) s += a[j] * b[j];
		return s;
	};
	const removeAlong = (v: Float64Array, u: Float64Array | null) => {
		if (!u) return;
		const p = dot(v, u);
		for (let j = 0; j < d; j++) v[j] -= p * u[j];
	};
	const normalise = (v: Float64Array) => {
		const len = Math.sqrt(dot(v, v));
		if (len === 0) return 0;
		for (let j = 0; j < d; j++) v[j] /= len;
		return len;
	};
	/** First coordinate axis with a component orthogonal to `u`, as a unit vector; zero if none. */
	const fallbackAxis = (u: Float64Array | null) => {
		for (let axis = 0; axis < d; axis++) {
			const e = new Float64Array(d);
			e[axis] = 1;
			removeAlong(e, u);
			if (normalise(e) > 1e-6) return e;
		}
		return new Float64Array(d);
	};
	const tiny = 1e-12 * trace;
	const rng = createRng(0x5ca1ab1e);

	const component = (previous: Float64Array | null): [Float64Array, number] => {
		if (trace === 0 || (previous && d === 1)) return [fallbackAxis(previous), 0];
		const v = new Float64Array(d);
		for (let j = 0; j < d; j++) v[j] = rng.normal();
		removeAlong(v, previous);
		if (normalise(v) === 0) return [fallbackAxis(previous), 0];
		const w = new Float64Array(d);
		for (let it = 0; it < MAX_ITERATIONS; it++) {
			applyCov(v, w);
			removeAlong(w, previous);
			const lambda = dot(v, w);
			let residual = 0;
			for (let j = 0; j < d; j++) residual += (w[j] - lambda * v[j]) ** 2;
			if (lambda <= tiny) return [fallbackAxis(previous), 0];
			if (normalise(w) === 0) return [fallbackAxis(previous), 0];
			v.set(w);
			if (Math.sqrt(residual) <= tiny) break;
		}
		removeAlong(v, previous);
		normalise(v);
		applyCov(v, w);
		return [v, Math.max(0, dot(v, w))];
	};

	const [c1, first] = component(null);
	const [c2, second] = component(c1);
	let l1 = first;
	let l2 = second;
	// Rayleigh–Ritz on the plane of c1 and c2: diagonalise the 2 × 2 covariance restricted to it,
	// so that nearly equal top variances (where power iteration converges slowly) come out exact.
	if (d > 1 && dot(c2, c2) > 0.5) {
		const w1 = new Float64Array(d);
		const w2 = new Float64Array(d);
		applyCov(c1, w1);
		applyCov(c2, w2);
		const a = dot(c1, w1);
		const b = dot(c1, w2);
		const c = dot(c2, w2);
		const theta = 0.5 * Math.atan2(2 * b, a - c);
		const cos = Math.cos(theta);
		const sin = Math.sin(theta);
		for (let j = 0; j < d; j++) {
			const u = c1[j];
			const v = c2[j];
			c1[j] = cos * u + sin * v;
			c2[j] = -sin * u + cos * v;
		}
		const mid = (a + c) / 2;
		const rad = Math.hypot((a - c) / 2, b);
		l1 = Math.max(0, mid + rad);
		l2 = Math.max(0, mid - rad);
	}
	for (const c of [c1, c2]) {
		let big = 0;
		for (let j = 0; j < d; j++) big = Math.max(big, Math.abs(c[j]));
		const lead = c.findIndex((value) => Math.abs(value) >= big * (1 - 1e-9));
		if (big > 0 && c[lead] < 0) for (let j = 0; j < d; j++) c[j] = -c[j];
	}
	const points: [number, number][] = new Array(n);
	for (let i = 0; i < n; i++) {
		let p = 0;
		let q = 0;
		for (let j = 0; j < d; j++) {
			p += x[i * d + j] * c1[j];
			q += x[i * d + j] * c2[j];
		}
		points[i] = [p, q];
	}
	return {
		points,
		components: [c1, c2],
		mean,
		explainedVariance: [l1, l2],
		explainedVarianceRatio: trace > 0 ? [l1 / trace, l2 / trace] : [0, 0]
	};
}
