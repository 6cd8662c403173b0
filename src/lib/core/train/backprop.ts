/**
 * Backpropagation on a tiny multi-layer perceptron, with every intermediate kept so that a UI can
 * show each number of the forward and backward pass.
 *
 * Layer l (l = 0 … L−1) maps `sizes[l]` inputs to `sizes[l+1]` outputs:
 *
 *   Z_l = A_{l−1}·W_l + b_l,   A_l = f_l(Z_l),   A_{−1} = x,
 *
 * with W_l of shape `sizes[l] × sizes[l+1]`. The backward pass applies the chain rule from the loss:
 *
 *   dL/dZ_l = dL/dA_l ⊙ f_l′(Z_l),   dL/dW_l = A_{l−1}ᵀ·dL/dZ_l,   dL/db_l = dL/dZ_l,
 *   dL/dA_{l−1} = dL/dZ_l·W_lᵀ.
 *
 * Losses (per example):
 * - `'mse'`: L = (1/n)·Σᵢ (yᵢ − tᵢ)², so dL/dy = 2(y − t)/n;
 * - `'cross-entropy'`: with n > 1 outputs, y = softmax(Z_L) and L = −Σᵢ tᵢ·ln yᵢ; with one output,
 *   y = σ(Z_L) and L = −[t·ln y + (1 − t)·ln(1 − y)]. Either way dL/dZ_L = y − t (for softmax,
 *   y·Σt − t, the same when the targets sum to 1), so the backward pass never forms 0·∞.
 *
 * Float64 throughout. Everything is a plain value: {@link update} returns a new network.
 */
import { AnatomyError, check, checkFinite, checkInt } from '../errors.js';
import { getActivation, type ActivationName, type ActivationSpec } from '../ops/activations.js';
import { logSoftmax, softmax } from '../ops/softmax.js';
import { createRng } from '../rng.js';
import type { Matrix } from '../tensor.js';

/** Loss functions of {@link Mlp}. */
export type LossName = 'mse' | 'cross-entropy';

/** Configuration of {@link createMlp}. */
export interface MlpConfig {
	/** Layer widths from input to output, e.g. `[2, 3, 1]`; at least 2 entries, each 1 … 1024. */
	readonly sizes: readonly number[];
	/** Hidden activation. @default 'tanh' */
	readonly activation?: ActivationName;
	/** Loss; `'cross-entropy'` fixes the output to softmax (or σ for one output). @default 'mse' */
	readonly loss?: LossName;
	/** Output activation for `'mse'` (ignored for cross-entropy). @default 'linear' */
	readonly outputActivation?: ActivationName;
	/** Seed of the initial weights. @default 42 */
	readonly seed?: number;
}

/** A tiny MLP: its configuration and parameters (plain arrays). */
export interface Mlp {
	readonly sizes: readonly number[];
	readonly activation: ActivationName;
	readonly outputActivation: ActivationName;
	readonly loss: LossName;
	/** `weights[l]` is `sizes[l] × sizes[l+1]`. */
	readonly weights: Matrix[];
	/** `biases[l]` has `sizes[l+1]` entries. */
	readonly biases: number[][];
}

/** One layer of a forward pass. */
export interface LayerForward {
	/** Pre-activation Z_l. */
	readonly z: number[];
	/** Activation A_l (for the last layer: the network's output y). */
	readonly a: number[];
}

/** A forward pass with every intermediate. */
export interface ForwardPass {
	readonly input: number[];
	readonly layers: LayerForward[];
	/** The output y = A_{L−1} (probabilities for cross-entropy). */
	readonly output: number[];
}

/** The gradients of one layer. */
export interface LayerGradients {
	/** dL/dA_l. */
	readonly dA: number[];
	/** dL/dZ_l. */
	readonly dZ: number[];
	/** dL/dW_l, shape of W_l. */
	readonly dW: Matrix;
	/** dL/db_l. */
	readonly db: number[];
}

/** A backward pass: per-layer gradients and dL/dx. */
export interface Gradients {
	readonly layers: LayerGradients[];
	/** dL/dx, the gradient with respect to the input. */
	readonly dInput: number[];
}

const MAX_WIDTH = 1024;

/**
 * Creates an MLP with seeded weights: W ~ N(0, 1/fan_in) (LeCun/Xavier-style, suited to tanh and
 * sigmoid; ReLU-family hidden layers use N(0, 2/fan_in), He initialisation), biases 0.
 *
 * @throws AnatomyError `out-of-range` for fewer than 2 layers or widths outside 1 … 1024,
 *   `invalid-argument` for an unknown activation or loss.
 */
export function createMlp(config: MlpConfig): Mlp {
	const sizes = [...config.sizes];
	checkInt(sizes.length, 'MLP: number of layer sizes', 2, 16);
	sizes.forEach((s, i) => checkInt(s, `MLP: sizes[${i}]`, 1, MAX_WIDTH));
	const activation = config.activation ?? 'tanh';
	const outputActivation = config.outputActivation ?? 'linear';
	getActivation(activation);
	getActivation(outputActivation);
	const loss = config.loss ?? 'mse';
	check(loss === 'mse' || loss === 'cross-entropy', `MLP: unknown loss "${loss}"`);
	const rng = createRng(config.seed ?? 42);
	const gain = activation === 'relu' || activation === 'gelu' || activation === 'silu' ? 2 : 1;
	const weights: Matrix[] = [];
	const biases: number[][] = [];
	for (let l = 0; l + 1 < sizes.length; l++) {
		const std = Math.sqrt(gain / sizes[l]);
		weights.push(
			Array.from({ length: sizes[l] }, () => Array.from({ length: sizes[l + 1] }, () => rng.normal() * std))
		);
		biases.push(new Array<number>(sizes[l + 1]).fill(0));
	}
	return { sizes, activation, outputActivation, loss, weights, biases };
}

function checkVector(v: readonly number[], n: number, what: string): void {
	if (!Array.isArray(v) || v.length !== n) {
		throw new AnatomyError(
			'shape-mismatch',
			`${what} must have ${n} values, got ${Array.isArray(v) ? v.length : v}`
		);
	}
	checkFinite(v, what);
}

function outputSpec(mlp: Mlp): ActivationSpec | 'softmax' {
	if (mlp.loss === 'cross-entropy')
		return mlp.sizes[mlp.sizes.length - 1] > 1 ? 'softmax' : getActivation('sigmoid');
	return getActivation(mlp.outputActivation);
}

/**
 * The forward pass for one input, keeping Z and A of every layer.
 * @throws AnatomyError `shape-mismatch` / `non-finite` for a bad input.
 */
export function forward(mlp: Mlp, x: readonly number[]): ForwardPass {
	checkVector(x, mlp.sizes[0], 'MLP input');
	const hidden = getActivation(mlp.activation);
	const out = outputSpec(mlp);
	const layers: LayerForward[] = [];
	let a = [...x];
	const L = mlp.weights.length;
	for (let l = 0; l < L; l++) {
		const W = mlp.weights[l];
		const z = [...mlp.biases[l]];
		for (let i = 0; i < a.length; i++) {
			const ai = a[i];
			const row = W[i];
			for (let j = 0; j < z.length; j++) z[j] += ai * row[j];
		}
		if (l < L - 1) a = z.map(hidden.f);
		else a = out === 'softmax' ? Array.from(softmax(z)) : z.map(out.f);
		layers.push({ z, a });
	}
	return { input: [...x], layers, output: a };
}

/**
 * The loss of a forward pass against `target` (see the module comment for the formulas).
 * Cross-entropy is computed from the logits (log-softmax / log-sigmoid), so confident wrong answers
 * give large finite losses, not Infinity.
 */
export function lossOf(mlp: Mlp, pass: ForwardPass, target: readonly number[]): number {
	const n = mlp.sizes[mlp.sizes.length - 1];
	checkVector(target, n, 'MLP target');
	const y = pass.output;
	if (mlp.loss === 'mse') {
		let s = 0;
		for (let i = 0; i < n; i++) s += (y[i] - target[i]) ** 2;
		return s / n;
	}
	const z = pass.layers[pass.layers.length - 1].z;
	if (n === 1) {
		// −[t·ln σ(z) + (1 − t)·ln σ(−z)], with ln σ(z) = −softplus(−z)
		const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
		return target[0] * softplus(-z[0]) + (1 - target[0]) * softplus(z[0]);
	}
	const lp = logSoftmax(z);
	let s = 0;
	for (let i = 0; i < n; i++) if (target[i] !== 0) s -= target[i] * lp[i];
	return s;
}

/**
 * The backward pass: dL/dA, dL/dZ, dL/dW and dL/db for every layer, and dL/dx.
 * @throws AnatomyError `shape-mismatch` / `non-finite` for a bad target.
 */
export function backward(mlp: Mlp, pass: ForwardPass, target: readonly number[]): Gradients {
	const L = mlp.weights.length;
	const n = mlp.sizes[L];
	checkVector(target, n, 'MLP target');
	const hidden = getActivation(mlp.activation);
	const out = outputSpec(mlp);
	const layers = new Array<LayerGradients>(L);
	const y = pass.output;
	let dA: number[];
	let dZ: number[];
	if (mlp.loss === 'cross-entropy') {
		// softmax: ∂/∂zᵢ (−Σⱼ tⱼ ln yⱼ) = yᵢ·Σⱼ tⱼ − tᵢ, which is y − t for targets summing to 1.
		const sumT = out === 'softmax' ? target.reduce((a, b) => a + b, 0) : 1;
		dZ = y.map((yi, i) => yi * sumT - target[i]);
		// dL/dy for display: −t/y (softmax) or (y − t)/(y(1 − y)) (sigmoid); 0 where t = 0 and y = 0.
		dA =
			out === 'softmax'
				? y.map((yi, i) => (target[i] === 0 ? 0 : -target[i] / yi))
				: y.map((yi, i) => (yi - target[i]) / (yi * (1 - yi)));
	} else {
		dA = y.map((yi, i) => (2 * (yi - target[i])) / n);
		const spec = out as ActivationSpec;
		const z = pass.layers[L - 1].z;
		dZ = dA.map((g, i) => g * spec.df(z[i]));
	}
	for (let l = L - 1; l >= 0; l--) {
		if (l < L - 1) {
			const z = pass.layers[l].z;
			dZ = dA.map((g, i) => g * hidden.df(z[i]));
		}
		const aPrev = l === 0 ? pass.input : pass.layers[l - 1].a;
		const dW = aPrev.map((ai) => dZ.map((g) => ai * g));
		const W = mlp.weights[l];
		const dAPrev = aPrev.map((_, i) => {
			let s = 0;
			for (let j = 0; j < dZ.length; j++) s += W[i][j] * dZ[j];
			return s;
		});
		layers[l] = { dA, dZ, dW, db: [...dZ] };
		dA = dAPrev;
	}
	return { layers, dInput: dA };
}

/**
 * One gradient-descent step: θ ← θ − lr·∂L/∂θ for every weight and bias. Returns a new network.
 * @throws AnatomyError `invalid-argument` for a negative or non-finite learning rate.
 */
export function update(mlp: Mlp, grads: Gradients, lr: number): Mlp {
	if (!(Number.isFinite(lr) && lr >= 0)) {
		throw new AnatomyError('invalid-argument', `learning rate must be a finite number ≥ 0, got ${lr}`);
	}
	check(grads.layers.length === mlp.weights.length, 'update: gradients do not match the network');
	return {
		...mlp,
		weights: mlp.weights.map((W, l) =>
			W.map((row, i) => row.map((w, j) => w - lr * grads.layers[l].dW[i][j]))
		),
		biases: mlp.biases.map((b, l) => b.map((v, j) => v - lr * grads.layers[l].db[j]))
	};
}

/** Forward, loss and backward for a batch, gradients averaged over the examples (L = mean loss). */
export function batchGradients(
	mlp: Mlp,
	xs: readonly (readonly number[])[],
	targets: readonly (readonly number[])[]
): { loss: number; grads: Gradients } {
	check(
		xs.length > 0 && xs.length === targets.length,
		'batchGradients: need as many targets as inputs (≥ 1)'
	);
	let loss = 0;
	let sum: Gradients | null = null;
	for (let e = 0; e < xs.length; e++) {
		const pass = forward(mlp, xs[e]);
		loss += lossOf(mlp, pass, targets[e]);
		const g = backward(mlp, pass, targets[e]);
		if (!sum) sum = g;
		else {
			const acc: Gradients = sum;
			sum = {
				layers: acc.layers.map((lg, l) => ({
					dA: lg.dA.map((v, i) => v + g.layers[l].dA[i]),
					dZ: lg.dZ.map((v, i) => v + g.layers[l].dZ[i]),
					dW: lg.dW.map((row, i) => row.map((v, j) => v + g.layers[l].dW[i][j])),
					db: lg.db.map((v, i) => v + g.layers[l].db[i])
				})),
				dInput: acc.dInput.map((v, i) => v + g.dInput[i])
			};
		}
	}
	const k = 1 / xs.length;
	const s = sum as Gradients;
	return {
		loss: loss * k,
		grads: {
			layers: s.layers.map((lg) => ({
				dA: lg.dA.map((v) => v * k),
				dZ: lg.dZ.map((v) => v * k),
				dW: lg.dW.map((row) => row.map((v) => v * k)),
				db: lg.db.map((v) => v * k)
			})),
			dInput: s.dInput.map((v) => v * k)
		}
	};
}

/** An example for {@link backpropSteps}. */
export interface BackpropExample {
	/** The network before the step. */
	readonly mlp: Mlp;
	/** The input. */
	readonly x: readonly number[];
	/** The target output. */
	readonly target: readonly number[];
	/** Learning rate. @default 0.5 */
	readonly lr?: number;
}

/** One record of {@link backpropSteps}. */
export type BackpropStep =
	| {
			readonly step: 1;
			readonly kind: 'target';
			readonly x: number[];
			readonly target: number[];
			readonly mlp: Mlp;
	  }
	| { readonly step: 2; readonly kind: 'forward'; readonly pass: ForwardPass; readonly lossBefore: number }
	| { readonly step: 3; readonly kind: 'backward'; readonly grads: Gradients; readonly lossBefore: number }
	| {
			readonly step: 4;
			readonly kind: 'update';
			readonly lr: number;
			readonly before: Mlp;
			readonly after: Mlp;
			readonly passAfter: ForwardPass;
			readonly lossBefore: number;
			readonly lossAfter: number;
	  };

/**
 * The four steps of one training step for a stepper UI: (1) pick the example and target,
 * (2) forward pass and loss, (3) backward pass, (4) apply θ ← θ − lr·∇L and measure the loss again.
 */
export function backpropSteps(
	example: BackpropExample
): [BackpropStep, BackpropStep, BackpropStep, BackpropStep] {
	const lr = example.lr ?? 0.5;
	const { mlp } = example;
	const pass = forward(mlp, example.x);
	const lossBefore = lossOf(mlp, pass, example.target);
	const grads = backward(mlp, pass, example.target);
	const after = update(mlp, grads, lr);
	const passAfter = forward(after, example.x);
	return [
		{ step: 1, kind: 'target', x: [...example.x], target: [...example.target], mlp },
		{ step: 2, kind: 'forward', pass, lossBefore },
		{ step: 3, kind: 'backward', grads, lossBefore },
		{
			step: 4,
			kind: 'update',
			lr,
			before: mlp,
			after,
			passAfter,
			lossBefore,
			lossAfter: lossOf(after, passAfter, example.target)
		}
	];
}

/** A ready example: a seeded 2-3-1 tanh network learning XOR's (1, 0) → 1. */
export function createBackpropExample(seed = 7): BackpropExample {
	return {
		mlp: createMlp({ sizes: [2, 3, 1], activation: 'tanh', outputActivation: 'sigmoid', seed }),
		x: [1, 0],
		target: [1],
		lr: 0.5
	};
}
