import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { closeTo } from '../testing/close.js';
import { createOptimizer, OPTIMIZER_NAMES, type OptimizerName } from './optimizers.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

/** Runs `steps` steps on f(θ) = ½·a·θ² (gradient a·θ), returning θ₀ … θ_steps. */
function quadratic(
	name: OptimizerName,
	options: Parameters<typeof createOptimizer>[1],
	a: number,
	theta0: number,
	steps: number
) {
	const opt = createOptimizer(name, options);
	const path = [theta0];
	let p: Float64Array = Float64Array.of(theta0);
	for (let i = 0; i < steps; i++) {
		p = opt.step(p, [a * p[0]]).params;
		path.push(p[0]);
	}
	return path;
}

describe('optimizers: hand-computed steps', () => {
	it('SGD: θ − η·g', () => {
		const { params } = createOptimizer('sgd', { lr: 0.1 }).step([1, -2], [0.5, 1]);
		expect(closeTo(params, [0.95, -2.1], { abs: 1e-15 }).ok).toBe(true);
	});

	it('momentum on ½·2·θ² from θ = 1 (η = 0.1, μ = 0.9): 0.8, 0.46, 0.062', () => {
		// v₁ = 2, θ₁ = 1 − 0.2 = 0.8; v₂ = 1.8 + 1.6 = 3.4, θ₂ = 0.8 − 0.34 = 0.46;
		// v₃ = 3.06 + 0.92 = 3.98, θ₃ = 0.46 − 0.398 = 0.062
		const path = quadratic('momentum', { lr: 0.1, momentum: 0.9 }, 2, 1, 3);
		expect(closeTo(path, [1, 0.8, 0.46, 0.062], { abs: 1e-15 }).ok).toBe(true);
	});

	it('momentum on a quadratic follows the heavy-ball recurrence θₜ₊₁ = (1 + μ − ηa)·θₜ − μ·θₜ₋₁', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.1, max: 10, noNaN: true }),
				fc.double({ min: 0.001, max: 0.2, noNaN: true }),
				fc.double({ min: 0, max: 0.99, noNaN: true }),
				(a, lr, mu) => {
					const path = quadratic('momentum', { lr, momentum: mu }, a, 1, 6);
					expect(path[1]).toBeCloseTo(1 - lr * a, 14);
					for (let t = 1; t < 6; t++) {
						expect(path[t + 1]).toBeCloseTo((1 + mu - lr * a) * path[t] - mu * path[t - 1], 12);
					}
				}
			)
		);
	});

	it('Nesterov on ½·2·θ² from θ = 1 (η = 0.1, μ = 0.9): 0.62, 0.2224', () => {
		// g₀ = 2, v₁ = 2, step g + μv = 3.8 → θ₁ = 0.62; g₁ = 1.24, v₂ = 1.8 + 1.24 = 3.04,
		// step 1.24 + 2.736 = 3.976 → θ₂ = 0.2224
		const path = quadratic('nesterov', { lr: 0.1, momentum: 0.9 }, 2, 1, 2);
		expect(closeTo(path, [1, 0.62, 0.2224], { abs: 1e-15 }).ok).toBe(true);
	});

	it('RMSprop first step: s = 0.1·g², θ − η·g/√s = θ − η·√10·sign(g)', () => {
		// g = 2, ρ = 0.9: s = 0.4, step 0.1·2/√0.4 = 0.2/0.6324555 = 1/√10 = 0.31622776601683794
		const opt = createOptimizer('rmsprop', { lr: 0.1, rho: 0.9, eps: 0 + 1e-300 });
		const { params, state } = opt.step([1], [2]);
		expect(params[0]).toBeCloseTo(1 - 0.31622776601683794, 15);
		expect(state.v![0]).toBeCloseTo(0.4, 15);
	});

	it("Adam's first step is η·g/(|g| + ε) ≈ η·sign(g), whatever the gradient's size", () => {
		// t = 1: m = 0.1g, v = 0.001g², m̂ = g, v̂ = g², so Δθ = −η·g/(|g| + ε)
		const { params, state } = createOptimizer('adam', { lr: 0.01 }).step([0, 0, 0, 5], [1000, -0.001, 3, 0]);
		const want = [1000, -0.001, 3, 0].map((g, i) => (i === 3 ? 5 : (-0.01 * g) / (Math.abs(g) + 1e-8)));
		expect(closeTo(params, want, { abs: 1e-15 }).ok).toBe(true);
		// ≈ η·sign(g): within η·ε/|g| of ±0.01
		expect(closeTo(params, [-0.01, 0.01, -0.01, 5], { abs: 1e-7 }).ok).toBe(true);
		expect(closeTo(state.mHat!, [1000, -0.001, 3, 0], { rel: 1e-12, abs: 1e-18 }).ok).toBe(true);
		expect(closeTo(state.vHat!, [1e6, 1e-6, 9, 0], { rel: 1e-12, abs: 1e-18 }).ok).toBe(true);
		expect(closeTo(state.m!, [100, -0.0001, 0.3, 0], { rel: 1e-12, abs: 1e-18 }).ok).toBe(true);
		expect(state.t).toBe(1);
	});

	it('AdamW, two steps by hand (η = 0.1, λ = 0.01): 0.899000002, then 0.8714673', () => {
		// Step 1: g = 0.5, m̂ = 0.5, v̂ = 0.25, θ = 1 − 0.1·0.01·1 − 0.1·0.5/(0.5 + 1e-8) = 0.899000002.
		// Step 2: g = −0.25, m = 0.045 − 0.025 = 0.02, v = 0.999·2.5e-4 + 0.001·0.0625 = 3.1225e-4,
		// m̂ = 0.02/0.19 = 0.1052632, v̂ = 3.1225e-4/0.001999 = 0.1562031, √v̂ = 0.3952254,
		// θ = 0.899000002 − 0.1·(0.1052632/0.3952254 + 0.01·0.899000002) = 0.8714673.
		const opt = createOptimizer('adamw', { lr: 0.1, weightDecay: 0.01 });
		const s1 = opt.step([1], [0.5]);
		expect(s1.params[0]).toBeCloseTo(0.899000002, 9);
		const s2 = opt.step(s1.params, [-0.25]);
		expect(s2.params[0]).toBeCloseTo(0.8714673, 7);
		expect(s2.state.m![0]).toBeCloseTo(0.02, 15);
		expect(s2.state.v![0]).toBeCloseTo(3.1225e-4, 15);
	});
});

describe('AdamW versus Adam', () => {
	it('differ by exactly the decoupled decay term −η·λ·θ at every step (same gradients)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 5 }),
				fc.double({ min: 0.001, max: 0.5, noNaN: true }),
				fc.double({ min: 0, max: 0.3, noNaN: true }),
				(theta0, lr, wd) => {
					const adam = createOptimizer('adam', { lr });
					const adamw = createOptimizer('adamw', { lr, weightDecay: wd });
					let pa: Float64Array = Float64Array.from(theta0);
					let pw: Float64Array = Float64Array.from(theta0);
					for (let t = 0; t < 5; t++) {
						const g = theta0.map((x, i) => Math.sin(x + t + i)); // the same gradients for both
						const na = adam.step(pa, g).params;
						const nw = adamw.step(pw, g).params;
						for (let i = 0; i < g.length; i++) {
							const diff = nw[i] - pw[i] - (na[i] - pa[i]);
							expect(diff).toBeCloseTo(-lr * wd * pw[i], 12);
						}
						pa = na;
						pw = nw;
					}
				}
			)
		);
	});

	it("Adam's L2 weight decay goes through the adaptive denominator (so it is not AdamW)", () => {
		// θ = 10, g = 0, λ = 0.1: Adam-L2 sees g′ = λθ = 1 and moves by η·sign = 0.01;
		// AdamW sees g = 0 and moves only by η·λ·θ = 0.01·0.1·10 = 0.01… after the first step they part.
		const l2 = createOptimizer('adam', { lr: 0.01, weightDecay: 0.1 });
		const w = createOptimizer('adamw', { lr: 0.01, weightDecay: 0.1 });
		expect(l2.step([10], [0]).state.grad[0]).toBe(1);
		expect(w.step([10], [0]).state.grad[0]).toBe(0);
		const a = createOptimizer('adam', { lr: 0.01, weightDecay: 0.1 });
		const b = createOptimizer('adamw', { lr: 0.01, weightDecay: 0.1 });
		// θ = 100: Adam-L2 still moves ≈ η = 0.01, AdamW moves η·λ·θ = 0.1
		expect(a.step([100], [0]).params[0]).toBeCloseTo(100 - 0.01, 9);
		expect(b.step([100], [0]).params[0]).toBeCloseTo(100 - 0.1, 12);
	});
});

describe('optimizers: every optimizer', () => {
	it('converges on a convex bowl from a gentle start', () => {
		for (const name of OPTIMIZER_NAMES) {
			const path = quadratic(name, { lr: 0.05, weightDecay: 0 }, 1, 3, 800);
			expect(Math.abs(path.at(-1)!), name).toBeLessThan(0.05);
		}
	});

	it('flags divergence instead of throwing (η = 1e6)', () => {
		for (const name of OPTIMIZER_NAMES) {
			const opt = createOptimizer(name, { lr: 1e6 });
			let p: Float64Array = Float64Array.of(1, -1);
			let diverged = false;
			for (let i = 0; i < 200; i++) {
				const s = opt.step(p, [2 * p[0], 2 * p[1]]);
				p = s.params;
				diverged = s.state.diverged;
			}
			expect(diverged, name).toBe(true);
			expect(opt.state().diverged).toBe(true);
		}
	});

	it('does not flag an ordinary run, and honours an explicit limit', () => {
		const opt = createOptimizer('sgd', { lr: 0.1 });
		expect(opt.step([1000], [1]).state.diverged).toBe(false);
		const strict = createOptimizer('sgd', { lr: 1, divergenceLimit: 5 });
		expect(strict.step([4], [-2]).state.diverged).toBe(true);
		expect(code(() => createOptimizer('sgd', { lr: 1, divergenceLimit: -1 }))).toBe('invalid-argument');
	});

	it('flags NaN gradients as divergence', () => {
		const s = createOptimizer('adam', { lr: 0.1 }).step([1], [NaN]);
		expect(s.state.diverged).toBe(true);
	});

	it('returns copies: the caller cannot corrupt the state', () => {
		const opt = createOptimizer('adam', { lr: 0.1 });
		const input = Float64Array.of(1, 2);
		const s = opt.step(input, [1, 1]);
		expect(Array.from(input)).toEqual([1, 2]);
		s.state.m![0] = 999;
		expect(opt.state().m![0]).toBeCloseTo(0.1, 15);
	});

	it('reset forgets the buffers', () => {
		const opt = createOptimizer('momentum', { lr: 0.1 });
		opt.step([1], [1]);
		opt.reset();
		expect(opt.state().t).toBe(0);
		expect(opt.step([1, 2], [1, 1]).state.velocity).toEqual(Float64Array.of(1, 1));
	});

	it('rejects bad hyper-parameters and shapes', () => {
		expect(code(() => createOptimizer('sgd', { lr: NaN }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('sgd', { lr: -0.1 }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('sgd', { lr: Infinity }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('lion' as OptimizerName, { lr: 0.1 }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('adam', { lr: 0.1, beta1: 1 }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('adam', { lr: 0.1, beta2: -0.1 }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('adam', { lr: 0.1, eps: 0 }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('adamw', { lr: 0.1, weightDecay: -1 }))).toBe('invalid-argument');
		expect(code(() => createOptimizer('momentum', { lr: 0.1, momentum: 1.5 }))).toBe('invalid-argument');
		const opt = createOptimizer('sgd', { lr: 0.1 });
		expect(code(() => opt.step([1, 2], [1]))).toBe('shape-mismatch');
		opt.step([1, 2], [1, 1]);
		expect(code(() => opt.step([1], [1]))).toBe('shape-mismatch');
		expect(createOptimizer('sgd', { lr: 0 }).step([1], [5]).params[0]).toBe(1);
	});
});
