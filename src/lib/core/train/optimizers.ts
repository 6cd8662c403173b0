/**
 * First-order optimizers, with their internal state exposed at every step (PyTorch's conventions):
 *
 * - `sgd`:       θ ← θ − η·g
 * - `momentum`:  v ← μ·v + g,            θ ← θ − η·v                     (heavy ball)
 * - `nesterov`:  v ← μ·v + g,            θ ← θ − η·(g + μ·v)
 * - `rmsprop`:   s ← ρ·s + (1 − ρ)·g²,   θ ← θ − η·g / (√s + ε)          (Hinton 2012)
 * - `adam`:      m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,  m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),
 *                θ ← θ − η·m̂/(√v̂ + ε)                                   (Kingma & Ba 2015)
 * - `adamw`:     as Adam, plus decoupled weight decay θ ← θ − η·λ·θ outside the adaptive term
 *                (Loshchilov & Hutter 2019)
 *
 * For every optimizer except AdamW, `weightDecay` λ is an L2 penalty added to the gradient
 * (g ← g + λθ) before anything else, which for Adam is then rescaled by the adaptive denominator;
 * that difference is exactly what AdamW fixes.
 *
 * A step never throws on numbers: a run whose parameters or state leave the finite range, or whose
 * parameters exceed `divergenceLimit` in magnitude, is flagged `diverged` (and stays flagged).
 */
import { AnatomyError } from '../errors.js';

/** The optimizers {@link createOptimizer} knows. */
export type OptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam' | 'adamw';

/** All optimizer names, in teaching order. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
	'sgd',
	'momentum',
	'nesterov',
	'rmsprop',
	'adam',
	'adamw'
];

/** Hyper-parameters; each optimizer reads the ones it uses. */
export interface OptimizerOptions {
	/** Learning rate η ≥ 0. */
	readonly lr: number;
	/** Momentum μ in [0, 1) for `momentum` and `nesterov`. @default 0.9 */
	readonly momentum?: number;
	/** β₁ in [0, 1) for Adam/AdamW. @default 0.9 */
	readonly beta1?: number;
	/** β₂ in [0, 1) for Adam/AdamW. @default 0.999 */
	readonly beta2?: number;
	/** Decay ρ in [0, 1) of RMSprop's mean square. @default 0.9 */
	readonly rho?: number;
	/** ε > 0 added to the root mean square. @default 1e-8 */
	readonly eps?: number;
	/** Weight decay λ ≥ 0 (L2 in the gradient, decoupled for AdamW). @default 0 (AdamW: 0.01) */
	readonly weightDecay?: number;
	/**
	 * |θ| above this counts as divergence. @default 1000 · max(1, max |θ₀|), from the parameters of the
	 * first step (so a run that wanders a thousand times further than its starting scale is flagged)
	 */
	readonly divergenceLimit?: number;
}

/** A snapshot of an optimizer after a step (arrays are copies). */
export interface OptimizerState {
	/** Steps taken. */
	readonly t: number;
	/** Momentum buffer v (momentum, nesterov). */
	readonly velocity?: Float64Array;
	/** First moment m (Adam/AdamW). */
	readonly m?: Float64Array;
	/** Second moment: v (Adam/AdamW) or the mean square s (RMSprop). */
	readonly v?: Float64Array;
	/** Bias-corrected m̂ = m/(1 − β₁ᵗ). */
	readonly mHat?: Float64Array;
	/** Bias-corrected v̂ = v/(1 − β₂ᵗ). */
	readonly vHat?: Float64Array;
	/** The gradient the step used (after an L2 term, where there is one). */
	readonly grad: Float64Array;
	/** The change applied, Δθ = θ_new − θ_old. */
	readonly update: Float64Array;
	/** True once any parameter or state value was non-finite or |θ| exceeded the divergence limit. */
	readonly diverged: boolean;
}

/** The result of one {@link StatefulOptimizer.step}. */
export interface OptimizerStep {
	/** The new parameters (a new array; the input is not modified). */
	readonly params: Float64Array;
	readonly state: OptimizerState;
}

/** A stateful optimizer. */
export interface StatefulOptimizer {
	readonly name: OptimizerName;
	/** The options in force, defaults filled in. */
	readonly options: ResolvedOptimizerOptions;
	/** Takes one step from `params` along `grads`; both must have the length of the first call. */
	step(params: ArrayLike<number>, grads: ArrayLike<number>): OptimizerStep;
	/** The state after the last step (t = 0 before any). */
	state(): OptimizerState;
	/** Forgets every buffer and sets t to 0. */
	reset(): void;
}

function checkUnit(x: number, what: string): void {
	if (!(x >= 0 && x < 1)) throw new AnatomyError('invalid-argument', `${what} must be in [0, 1), got ${x}`);
}

/** Options with defaults filled in; `divergenceLimit` is null when it follows the first parameters. */
export type ResolvedOptimizerOptions = Required<Omit<OptimizerOptions, 'divergenceLimit'>> & {
	readonly divergenceLimit: number | null;
};

function resolveOptions(name: OptimizerName, o: OptimizerOptions): ResolvedOptimizerOptions {
	if (!OPTIMIZER_NAMES.includes(name)) {
		throw new AnatomyError(
			'invalid-argument',
			`unknown optimizer "${name}" (known: ${OPTIMIZER_NAMES.join(', ')})`
		);
	}
	if (!(typeof o?.lr === 'number' && Number.isFinite(o.lr) && o.lr >= 0)) {
		throw new AnatomyError('invalid-argument', `learning rate must be a finite number ≥ 0, got ${o?.lr}`);
	}
	const r: ResolvedOptimizerOptions = {
		lr: o.lr,
		momentum: o.momentum ?? 0.9,
		beta1: o.beta1 ?? 0.9,
		beta2: o.beta2 ?? 0.999,
		rho: o.rho ?? 0.9,
		eps: o.eps ?? 1e-8,
		weightDecay: o.weightDecay ?? (name === 'adamw' ? 0.01 : 0),
		divergenceLimit: o.divergenceLimit ?? null
	};
	checkUnit(r.momentum, 'momentum');
	checkUnit(r.beta1, 'beta1');
	checkUnit(r.beta2, 'beta2');
	checkUnit(r.rho, 'rho');
	if (!(r.eps > 0 && Number.isFinite(r.eps))) {
		throw new AnatomyError('invalid-argument', `eps must be a finite number > 0, got ${r.eps}`);
	}
	if (!(r.weightDecay >= 0 && Number.isFinite(r.weightDecay))) {
		throw new AnatomyError(
			'invalid-argument',
			`weightDecay must be a finite number ≥ 0, got ${r.weightDecay}`
		);
	}
	if (r.divergenceLimit !== null && !(r.divergenceLimit > 0)) {
		throw new AnatomyError('invalid-argument', `divergenceLimit must be > 0, got ${r.divergenceLimit}`);
	}
	return r;
}

function cloneState(s: OptimizerState): OptimizerState {
	const c = (a?: Float64Array) => a && Float64Array.from(a);
	return {
		...s,
		velocity: c(s.velocity),
		m: c(s.m),
		v: c(s.v),
		mHat: c(s.mHat),
		vHat: c(s.vHat),
		grad: Float64Array.from(s.grad),
		update: Float64Array.from(s.update)
	};
}

/**
 * Creates an optimizer. Options are checked at once.
 * @throws AnatomyError `invalid-argument` for an unknown name, a learning rate that is NaN, negative
 *   or infinite, or another hyper-parameter out of range; `step` throws `shape-mismatch` when the
 *   arrays' lengths differ from each other or from the first step.
 */
export function createOptimizer(name: OptimizerName, options: OptimizerOptions): StatefulOptimizer {
	const o = resolveOptions(name, options);
	let n = -1;
	let t = 0;
	let velocity: Float64Array | undefined;
	let m: Float64Array | undefined;
	let v: Float64Array | undefined;
	let last: OptimizerState = {
		t: 0,
		grad: new Float64Array(0),
		update: new Float64Array(0),
		diverged: false
	};
	let diverged = false;
	let limit = o.divergenceLimit ?? Infinity;

	const step = (params: ArrayLike<number>, grads: ArrayLike<number>): OptimizerStep => {
		if (params.length !== grads.length) {
			throw new AnatomyError(
				'shape-mismatch',
				`optimizer: ${params.length} parameters but ${grads.length} gradients`
			);
		}
		if (n < 0) {
			n = params.length;
			if (name === 'momentum' || name === 'nesterov') velocity = new Float64Array(n);
			if (name === 'adam' || name === 'adamw') m = new Float64Array(n);
			if (name === 'adam' || name === 'adamw' || name === 'rmsprop') v = new Float64Array(n);
			if (o.divergenceLimit === null) {
				let scale = 1;
				for (let i = 0; i < n; i++) if (Math.abs(params[i]) > scale) scale = Math.abs(params[i]);
				limit = 1000 * scale;
			}
		} else if (params.length !== n) {
			throw new AnatomyError('shape-mismatch', `optimizer: ${params.length} parameters, expected ${n}`);
		}
		t++;
		const { lr, weightDecay: wd, eps } = o;
		const g = new Float64Array(n);
		for (let i = 0; i < n; i++) g[i] = grads[i] + (name === 'adamw' || wd === 0 ? 0 : wd * params[i]);
		const next = Float64Array.from(params);
		let mHat: Float64Array | undefined;
		let vHat: Float64Array | undefined;
		switch (name) {
			case 'sgd':
				for (let i = 0; i < n; i++) next[i] -= lr * g[i];
				break;
			case 'momentum':
			case 'nesterov': {
				const vel = velocity!;
				for (let i = 0; i < n; i++) {
					vel[i] = o.momentum * vel[i] + g[i];
					next[i] -= lr * (name === 'nesterov' ? g[i] + o.momentum * vel[i] : vel[i]);
				}
				break;
			}
			case 'rmsprop': {
				const s = v!;
				for (let i = 0; i < n; i++) {
					s[i] = o.rho * s[i] + (1 - o.rho) * g[i] * g[i];
					next[i] -= (lr * g[i]) / (Math.sqrt(s[i]) + eps);
				}
				break;
			}
			case 'adam':
			case 'adamw': {
				const c1 = 1 - Math.pow(o.beta1, t);
				const c2 = 1 - Math.pow(o.beta2, t);
				mHat = new Float64Array(n);
				vHat = new Float64Array(n);
				for (let i = 0; i < n; i++) {
					m![i] = o.beta1 * m![i] + (1 - o.beta1) * g[i];
					v![i] = o.beta2 * v![i] + (1 - o.beta2) * g[i] * g[i];
					mHat[i] = m![i] / c1;
					vHat[i] = v![i] / c2;
					const decay = name === 'adamw' ? lr * wd * params[i] : 0;
					next[i] -= lr * (mHat[i] / (Math.sqrt(vHat[i]) + eps)) + decay;
				}
				break;
			}
		}
		const update = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			update[i] = next[i] - params[i];
			if (!Number.isFinite(next[i]) || Math.abs(next[i]) > limit) diverged = true;
		}
		for (const buf of [velocity, m, v]) if (buf && buf.some((x) => !Number.isFinite(x))) diverged = true;
		last = {
			t,
			velocity,
			m,
			v,
			mHat,
			vHat,
			grad: g,
			update,
			diverged
		};
		return { params: next, state: cloneState(last) };
	};

	return {
		name,
		options: o,
		step,
		state: () => cloneState(last),
		reset() {
			n = -1;
			t = 0;
			velocity = m = v = undefined;
			diverged = false;
			last = { t: 0, grad: new Float64Array(0), update: new Float64Array(0), diverged: false };
		}
	};
}
