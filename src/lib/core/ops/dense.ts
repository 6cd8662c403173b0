/**
 * A dense (fully connected) layer and the two-layer feed-forward block of a transformer, in
 * matrix form with every intermediate kept for display:
 *
 *   Z₁ = X·W₁ + b₁,   A₁ = act(Z₁),   Z₂ = A₁·W₂ + b₂
 *
 * X is `n × d_in` (one row per token or example), W₁ is `d_in × d_hidden`, W₂ is `d_hidden × d_out`;
 * the biases are added to every row. Float64 throughout.
 */
import { AnatomyError, checkFinite } from '../errors.js';
import type { Matrix } from '../tensor.js';
import { getActivation, type ActivationName, type ActivationSpec } from './activations.js';

/** An activation given by name or as a spec. */
export type ActivationLike = ActivationName | ActivationSpec;

function resolve(a: ActivationLike): ActivationSpec {
	return typeof a === 'string' ? getActivation(a) : a;
}

/** Inputs of {@link denseForward}. */
export interface DenseInput {
	/** Inputs, `n × d_in`. */
	readonly x: Matrix;
	/** First weights, `d_in × d_hidden`. */
	readonly w1: Matrix;
	/** First bias, `d_hidden`. */
	readonly b1: readonly number[];
	/** Second weights, `d_hidden × d_out`. */
	readonly w2: Matrix;
	/** Second bias, `d_out`. */
	readonly b2: readonly number[];
	/** Hidden activation. @default 'relu' */
	readonly activation?: ActivationLike;
}

/** Every intermediate of {@link denseForward}. */
export interface DenseResult {
	/** Pre-activations `Z₁ = X·W₁ + b₁`, `n × d_hidden`. */
	readonly z1: Matrix;
	/** Hidden activations `A₁ = act(Z₁)`, `n × d_hidden`. */
	readonly a1: Matrix;
	/** Outputs `Z₂ = A₁·W₂ + b₂`, `n × d_out`. */
	readonly z2: Matrix;
	/** `fires[i][j]`: hidden unit j is active (A₁ > 0) for row i. */
	readonly fires: boolean[][];
	/** Fraction of hidden units active per row, in [0, 1]. */
	readonly fireRate: number[];
}

function checkMatrix(m: Matrix, rows: number | null, cols: number | null, what: string): [number, number] {
	if (!Array.isArray(m)) throw new AnatomyError('invalid-argument', `${what} must be an array of rows`);
	const r = m.length;
	if (rows !== null && r !== rows) {
		throw new AnatomyError('shape-mismatch', `${what} has ${r} rows, expected ${rows}`);
	}
	const c = cols ?? (r ? m[0].length : 0);
	for (let i = 0; i < r; i++) {
		if (m[i].length !== c) {
			throw new AnatomyError('shape-mismatch', `${what} row ${i} has ${m[i].length} values, expected ${c}`);
		}
		checkFinite(m[i], `${what} row ${i}`);
	}
	return [r, c];
}

/**
 * Throws `non-finite` when a result computed from finite inputs is not finite: a product or sum
 * beyond float64's largest value (about 1.8·10³⁰⁸) overflows to ±∞, and ∞ − ∞ gives NaN.
 */
function checkNoOverflow(values: readonly number[], what: string): void {
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i])) {
			throw new AnatomyError(
				'non-finite',
				`${what} overflows float64 (${values[i]} in column ${i}): the inputs, weights or biases are too large`
			);
		}
	}
}

function affine(x: Matrix, w: Matrix, b: readonly number[]): Matrix {
	const cols = b.length;
	return x.map((row) => {
		const out = Array.from(b);
		for (let p = 0; p < row.length; p++) {
			const xp = row[p];
			const wp = w[p];
			for (let j = 0; j < cols; j++) out[j] += xp * wp[j];
		}
		return out;
	});
}

/**
 * The forward pass of a two-layer dense block with every intermediate: `Z₁ = X·W₁ + b₁`,
 * `A₁ = act(Z₁)`, `Z₂ = A₁·W₂ + b₂`, and which hidden units fire (A₁ > 0) for each row.
 *
 * @throws AnatomyError `shape-mismatch` when the sizes do not chain (`x` columns = `w1` rows,
 *   `b1` = `w1` columns = `w2` rows, `b2` = `w2` columns), `non-finite` for NaN/∞ entries and
 *   when `Z₁` or `Z₂` overflows float64 although every entry is finite (e.g. 1e200·1e200),
 *   `invalid-argument` for an unknown activation.
 */
export function denseForward(input: DenseInput): DenseResult {
	const act = resolve(input.activation ?? 'relu');
	const dIn = Array.isArray(input.w1) ? input.w1.length : 0;
	checkMatrix(input.x, null, input.x?.length ? null : dIn, 'dense: x');
	if (input.x.length && input.x[0].length !== dIn) {
		throw new AnatomyError(
			'shape-mismatch',
			`dense: x has ${input.x[0].length} columns but w1 has ${dIn} rows`
		);
	}
	const [, dHidden] = checkMatrix(input.w1, dIn, null, 'dense: w1');
	checkMatrix([Array.from(input.b1)], 1, dHidden, 'dense: b1');
	const [, dOut] = checkMatrix(input.w2, dHidden, null, 'dense: w2');
	checkMatrix([Array.from(input.b2)], 1, dOut, 'dense: b2');
	const z1 = affine(input.x, input.w1, input.b1);
	z1.forEach((row, i) => checkNoOverflow(row, `dense: Z1 row ${i}`));
	const a1 = z1.map((row) => row.map(act.f));
	const z2 = affine(a1, input.w2, input.b2);
	z2.forEach((row, i) => checkNoOverflow(row, `dense: Z2 row ${i}`));
	const fires = a1.map((row) => row.map((v) => v > 0));
	const fireRate = fires.map((row) => (row.length ? row.filter(Boolean).length / row.length : 0));
	return { z1, a1, z2, fires, fireRate };
}

/** One neuron: its weighted sum, activation and the per-input products. */
export interface NeuronResult {
	/** `z = Σᵢ wᵢ·xᵢ + b`. */
	readonly z: number;
	/** `a = act(z)`. */
	readonly a: number;
	/** The products `wᵢ·xᵢ`, in input order. */
	readonly terms: number[];
	/** The slope `act′(z)`. */
	readonly slope: number;
}

/**
 * A single neuron `a = act(Σᵢ wᵢ·xᵢ + b)`, for the neuron plot.
 *
 * @throws AnatomyError `shape-mismatch` when `inputs` and `weights` differ in length,
 *   `non-finite` for a NaN/∞ input, weight or bias and when the weighted sum `z` overflows float64
 *   although every value is finite (e.g. 1e200·1e200; an overflowing product makes `z` ±∞ or NaN),
 *   `invalid-argument` for an unknown activation.
 */
export function neuron(
	inputs: readonly number[],
	weights: readonly number[],
	bias: number,
	activation: ActivationLike = 'relu'
): NeuronResult {
	const act = resolve(activation);
	if (inputs.length !== weights.length) {
		throw new AnatomyError('shape-mismatch', `neuron: ${inputs.length} inputs but ${weights.length} weights`);
	}
	checkFinite(inputs, 'neuron: inputs');
	checkFinite(weights, 'neuron: weights');
	checkFinite([bias], 'neuron: bias');
	const terms = inputs.map((x, i) => weights[i] * x);
	const z = terms.reduce((s, t) => s + t, bias);
	if (!Number.isFinite(z)) {
		throw new AnatomyError(
			'non-finite',
			`neuron: the weighted sum z = Σ wᵢ·xᵢ + b overflows float64 (${z}): the inputs, weights or bias are too large`
		);
	}
	return { z, a: act.f(z), terms, slope: act.df(z) };
}
