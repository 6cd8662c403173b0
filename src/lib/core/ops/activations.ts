/**
 * Activation functions (the non-linearity after a neuron's weighted sum) and their derivatives,
 * all in float64 and safe for any finite input: nothing here overflows to NaN at |x| = 1e4.
 *
 * - ReLU(x) = max(0, x)
 * - GELU(x) = x·Φ(x) = x/2 · (1 + erf(x/√2))  (Hendrycks & Gimpel 2016; BERT, GPT-2 use the tanh form)
 * - GELU_tanh(x) = x/2 · (1 + tanh(√(2/π)·(x + 0.044715·x³)))
 * - SiLU(x) = x·σ(x)  (Swish with β = 1; Llama's feed-forward uses SwiGLU(a, b) = SiLU(a)·b)
 * - σ(x) = 1/(1 + e⁻ˣ), tanh(x)
 *
 * `erf` and `erfc` follow W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–638): erf to about 1e-16
 * absolute, erfc to about 1e-15 relative (so the far tail of GELU keeps its digits).
 */

import { AnatomyError } from '../errors.js';

// Cody (1969) coefficient sets, the published values written as the float64 they round to.
// A/B: erf on |x| ≤ 0.46875; C/D: eˣ²·erfc on [0.46875, 4]; P/Q: eˣ²·erfc on (4, ∞) in 1/x².
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
	0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
	1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8
];
const D = [
	15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
	4362.619090143247, 3439.3676741437216, 1230.3393548037495
];
const P = [
	0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
	0.016315387137302097
];
const Q = [
	2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918
];
const INV_SQRT_PI = 0.5641895835477563;
const SQRT1_2 = Math.SQRT1_2;
/** 1/√(2π), the peak of the standard normal density. */
const INV_SQRT_2PI = 0.3989422804014327;
/** √(2/π), the slope inside the tanh approximation of GELU. */
const SQRT_2_OVER_PI = 0.7978845608028654;
const GELU_TANH_C = 0.044715;

function erfSmall(x: number): number {
	const z = x * x;
	let num = A[4] * z;
	let den = z;
	for (let i = 0; i < 3; i++) {
		num = (num + A[i]) * z;
		den = (den + B[i]) * z;
	}
	return (x * (num + A[3])) / (den + B[3]);
}

/** erfc(y) for y > 0.46875, with e^(−y²) split as e^(−⌊16y⌋²/256)·e^(−δ) so the tail keeps its digits. */
function erfcLarge(y: number): number {
	let r: number;
	if (y <= 4) {
		let num = C[8] * y;
		let den = y;
		for (let i = 0; i < 7; i++) {
			num = (num + C[i]) * y;
			den = (den + D[i]) * y;
		}
		r = (num + C[7]) / (den + D[7]);
	} else {
		const z = 1 / (y * y);
		let num = P[5] * z;
		let den = z;
		for (let i = 0; i < 4; i++) {
			num = (num + P[i]) * z;
			den = (den + Q[i]) * z;
		}
		r = (INV_SQRT_PI - (z * (num + P[4])) / (den + Q[4])) / y;
	}
	const ysq = Math.trunc(y * 16) / 16;
	const del = (y - ysq) * (y + ysq);
	return Math.exp(-ysq * ysq) * Math.exp(-del) * r;
}

/** The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, to about 1e-16 absolute. erf(±∞) = ±1. */
export function erf(x: number): number {
	if (Number.isNaN(x)) return NaN;
	const y = Math.abs(x);
	if (y <= 0.46875) return erfSmall(x);
	if (y >= 6) return x > 0 ? 1 : -1; // 1 − erf(6) ≈ 2e-17, below float64 resolution at 1
	const r = 1 - erfcLarge(y);
	return x < 0 ? -r : r;
}

/** The complementary error function erfc(x) = 1 − erf(x), to about 1e-15 relative for x > 0. */
export function erfc(x: number): number {
	if (Number.isNaN(x)) return NaN;
	const y = Math.abs(x);
	if (y <= 0.46875) return 1 - erfSmall(x);
	if (x >= 27.3) return 0; // erfc(27.3) < 5e-326, below the smallest float64
	if (x <= -6) return 2;
	const r = erfcLarge(y);
	return x < 0 ? 2 - r : r;
}

/** Standard normal CDF Φ(x) = erfc(−x/√2)/2 (accurate in both tails). */
export function normalCdf(x: number): number {
	return 0.5 * erfc(-x * SQRT1_2);
}

/** Standard normal density φ(x) = e^(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
	return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** ReLU(x) = max(0, x). */
export function relu(x: number): number {
	return x > 0 ? x : 0;
}

/** ReLU′(x) = 1 for x > 0, else 0 (the subgradient 0 is taken at x = 0, as PyTorch does). */
export function reluDerivative(x: number): number {
	return x > 0 ? 1 : 0;
}

/** Logistic sigmoid σ(x) = 1/(1 + e⁻ˣ), computed as eˣ/(1 + eˣ) for x < 0 so it never overflows. */
export function sigmoid(x: number): number {
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}

/** σ′(x) = σ(x)·(1 − σ(x)) = σ(x)·σ(−x) (the second form keeps precision in both tails). */
export function sigmoidDerivative(x: number): number {
	return sigmoid(x) * sigmoid(-x);
}

/** tanh(x). */
export function tanh(x: number): number {
	return Math.tanh(x);
}

/** tanh′(x) = 1 − tanh²(x). */
export function tanhDerivative(x: number): number {
	const t = Math.tanh(x);
	return 1 - t * t;
}

/** Exact GELU(x) = x·Φ(x) = x/2 · erfc(−x/√2). GELU(1) = 0.8413447460685429. */
export function gelu(x: number): number {
	if (x === -Infinity) return 0;
	return x * normalCdf(x);
}

/** GELU′(x) = Φ(x) + x·φ(x). */
export function geluDerivative(x: number): number {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? NaN : x > 0 ? 1 : 0;
	return normalCdf(x) + x * normalPdf(x);
}

/** GELU, tanh approximation: x/2 · (1 + tanh(√(2/π)·(x + 0.044715·x³))) (GPT-2, "gelu_new"). */
export function geluTanh(x: number): number {
	if (x === -Infinity) return 0;
	const u = SQRT_2_OVER_PI * (x + GELU_TANH_C * x * x * x);
	return 0.5 * x * (1 + Math.tanh(u));
}

/**
 * Derivative of the tanh approximation:
 * ½(1 + tanh u) + ½·x·(1 − tanh² u)·√(2/π)·(1 + 3·0.044715·x²), u = √(2/π)(x + 0.044715x³).
 */
export function geluTanhDerivative(x: number): number {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? NaN : x > 0 ? 1 : 0;
	const u = SQRT_2_OVER_PI * (x + GELU_TANH_C * x * x * x);
	const t = Math.tanh(u);
	const sech2 = 1 - t * t;
	// x·sech²(u) → 0 in the tails; written so that |x|³·0 never forms Infinity·0.
	const tail = sech2 === 0 ? 0 : 0.5 * x * sech2 * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_C * x * x);
	return 0.5 * (1 + t) + tail;
}

/** SiLU(x) = x·σ(x) (Swish-1). */
export function silu(x: number): number {
	if (x === -Infinity) return 0;
	return x * sigmoid(x);
}

/** SiLU′(x) = σ(x) + x·σ(x)·(1 − σ(x)). */
export function siluDerivative(x: number): number {
	if (!Number.isFinite(x)) return Number.isNaN(x) ? NaN : x > 0 ? 1 : 0;
	const s = sigmoid(x);
	return s + x * s * sigmoid(-x);
}

/** The identity, for a layer without a non-linearity (the output layer of a regressor). */
export function linear(x: number): number {
	return x;
}

/**
 * SwiGLU's gate, element-wise: SwiGLU(a, b) = SiLU(a)·b, where a = x·W_gate and b = x·W_up
 * (Shazeer 2020; the feed-forward of Llama, Mistral, Qwen).
 */
export function swiglu(a: number, b: number): number {
	return silu(a) * b;
}

/** Partial derivatives of {@link swiglu}: ∂/∂a = SiLU′(a)·b, ∂/∂b = SiLU(a). */
export function swigluDerivative(a: number, b: number): { da: number; db: number } {
	return { da: siluDerivative(a) * b, db: silu(a) };
}

/** Names of the one-argument activations in {@link ACTIVATIONS}. */
export type ActivationName = 'relu' | 'gelu' | 'gelu_tanh' | 'silu' | 'sigmoid' | 'tanh' | 'linear';

/** An activation with its derivative and how to write it, for plots and readouts. */
export interface ActivationSpec {
	readonly name: ActivationName;
	/** Display name, e.g. "GELU". */
	readonly label: string;
	/** f(x). */
	readonly f: (x: number) => number;
	/** f′(x). */
	readonly df: (x: number) => number;
	/** The definition in plain Unicode maths. */
	readonly formula: string;
}

/** Every one-argument activation, keyed by name. */
export const ACTIVATIONS: Readonly<Record<ActivationName, ActivationSpec>> = {
	relu: { name: 'relu', label: 'ReLU', f: relu, df: reluDerivative, formula: 'max(0, x)' },
	gelu: { name: 'gelu', label: 'GELU', f: gelu, df: geluDerivative, formula: 'x·Φ(x) = x/2·(1 + erf(x/√2))' },
	gelu_tanh: {
		name: 'gelu_tanh',
		label: 'GELU (tanh)',
		f: geluTanh,
		df: geluTanhDerivative,
		formula: 'x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³)))'
	},
	silu: { name: 'silu', label: 'SiLU', f: silu, df: siluDerivative, formula: 'x·σ(x) = x/(1 + e⁻ˣ)' },
	sigmoid: { name: 'sigmoid', label: 'Sigmoid', f: sigmoid, df: sigmoidDerivative, formula: '1/(1 + e⁻ˣ)' },
	tanh: { name: 'tanh', label: 'tanh', f: tanh, df: tanhDerivative, formula: '(eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)' },
	linear: { name: 'linear', label: 'Linear', f: linear, df: () => 1, formula: 'x' }
};

/** Looks up an activation by name; unknown names throw `AnatomyError('invalid-argument')`. */
export function getActivation(name: string): ActivationSpec {
	if (!Object.hasOwn(ACTIVATIONS, name)) {
		throw new AnatomyError(
			'invalid-argument',
			`unknown activation "${name}" (known: ${Object.keys(ACTIVATIONS).join(', ')})`
		);
	}
	return ACTIVATIONS[name as ActivationName];
}
