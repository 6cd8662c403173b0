import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { dpoLoss, type DpoInputs } from './preference.js';

const code = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : String(e);
	}
	return 'no error';
};

const base: DpoInputs = {
	policyChosen: -12,
	policyRejected: -15,
	referenceChosen: -13,
	referenceRejected: -14,
	beta: 0.1
};

describe('dpoLoss by hand', () => {
	it('policy equal to the reference: z = 0, loss = ln 2, σ = 1/2', () => {
		const r = dpoLoss({ ...base, policyChosen: -13, policyRejected: -14 });
		expect(r.margin).toBe(0);
		expect(r.loss).toBeCloseTo(Math.LN2, 15); // −ln σ(0) = −ln ½ = ln 2 = 0.693147…
		expect(r.preferenceProbability).toBe(0.5);
		expect(r.gradientWeight).toBe(0.5);
	});

	it('the worked example: β = 0.1, chosen ratio +1, rejected ratio −1', () => {
		// chosen log-ratio −12 − (−13) = 1; rejected −15 − (−14) = −1;
		// z = 0.1 · (1 − (−1)) = 0.2; loss = ln(1 + e^−0.2) = ln(1.818730753077982) = 0.5981388693815918
		// σ(0.2) = 1/(1 + e^−0.2) = 0.549833997312478 (Python 3 math module)
		const r = dpoLoss(base);
		expect(r.chosenLogRatio).toBe(1);
		expect(r.rejectedLogRatio).toBe(-1);
		expect(r.chosenReward).toBeCloseTo(0.1, 15);
		expect(r.rejectedReward).toBeCloseTo(-0.1, 15);
		expect(r.margin).toBeCloseTo(0.2, 15);
		expect(r.loss).toBeCloseTo(0.5981388693815918, 14);
		expect(r.preferenceProbability).toBeCloseTo(0.549833997312478, 14);
		expect(r.gradientWeight).toBeCloseTo(1 - 0.549833997312478, 14);
	});

	it('the policy preferring the rejected answer costs more than ln 2', () => {
		// z = 0.5 · ((−20 + 10) − (−5 + 10)) = 0.5 · (−15) = −7.5; loss = ln(1 + e^7.5) = 7.500552931…
		const r = dpoLoss({
			policyChosen: -20,
			policyRejected: -5,
			referenceChosen: -10,
			referenceRejected: -10,
			beta: 0.5
		});
		expect(r.margin).toBe(-7.5);
		expect(r.loss).toBeCloseTo(7.5 + Math.log1p(Math.exp(-7.5)), 14);
		expect(r.loss).toBeCloseTo(7.500552931, 9);
	});

	it('stays exact for huge margins where −ln(σ(z)) computed naively would give 0 or ∞', () => {
		// z = 1 · (50 − (−50)) = 100: ln(1 + e^−100) ≈ e^−100 = 3.720075976020836e-44
		const big = dpoLoss({
			policyChosen: -1,
			policyRejected: -100,
			referenceChosen: -51,
			referenceRejected: -50,
			beta: 1
		});
		expect(big.margin).toBe(100);
		expect(big.loss / 3.720075976020836e-44).toBeCloseTo(1, 12);
		// z = −1000: σ(z) underflows to 0 in floating point, but the loss is 1000 + ln(1 + e^−1000) = 1000
		const bad = dpoLoss({
			policyChosen: -1000,
			policyRejected: 0,
			referenceChosen: 0,
			referenceRejected: 0,
			beta: 1
		});
		expect(bad.loss).toBe(1000);
		expect(bad.gradientWeight).toBe(1);
	});
});

describe('dpoLoss properties', () => {
	const logp = fc.double({ min: -500, max: 0, noNaN: true });
	const beta = fc.double({ min: 1e-3, max: 5, noNaN: true });
	const inputs = fc.record({
		policyChosen: logp,
		policyRejected: logp,
		referenceChosen: logp,
		referenceRejected: logp,
		beta
	});

	it('loss(z) − loss(−z) = −z, loss > 0, and σ(z) + σ(−z) = 1', () => {
		fc.assert(
			fc.property(inputs, (x) => {
				const r = dpoLoss(x);
				const swapped = dpoLoss({
					...x,
					policyChosen: x.policyRejected,
					policyRejected: x.policyChosen,
					referenceChosen: x.referenceRejected,
					referenceRejected: x.referenceChosen
				});
				expect(swapped.margin).toBeCloseTo(-r.margin, 9);
				expect(r.loss - swapped.loss).toBeCloseTo(-r.margin, 9);
				expect(r.loss).toBeGreaterThanOrEqual(0);
				expect(r.preferenceProbability + r.gradientWeight).toBeCloseTo(1, 12);
			})
		);
	});

	it('∂loss/∂ln πθ(y_w) = −β σ(−z) and ∂loss/∂ln πθ(y_l) = +β σ(−z), by central differences', () => {
		fc.assert(
			fc.property(inputs, (x) => {
				const h = 1e-4;
				const at = (dc: number, dr: number) =>
					dpoLoss({
						...x,
						policyChosen: Math.min(0, x.policyChosen - 1) + dc,
						policyRejected: Math.min(0, x.policyRejected - 1) + dr
					});
				const r = at(0, 0);
				const dChosen = (at(h, 0).loss - at(-h, 0).loss) / (2 * h);
				const dRejected = (at(0, h).loss - at(0, -h).loss) / (2 * h);
				expect(dChosen).toBeCloseTo(-x.beta * r.gradientWeight, 5);
				expect(dRejected).toBeCloseTo(x.beta * r.gradientWeight, 5);
			})
		);
	});
});

describe('dpoLoss bad input', () => {
	it('rejects NaN, infinities, positive log-probabilities and β ≤ 0', () => {
		expect(code(() => dpoLoss({ ...base, policyChosen: NaN }))).toBe('non-finite');
		expect(code(() => dpoLoss({ ...base, referenceRejected: -Infinity }))).toBe('non-finite');
		expect(code(() => dpoLoss({ ...base, beta: Infinity }))).toBe('non-finite');
		expect(code(() => dpoLoss({ ...base, policyRejected: 0.5 }))).toBe('out-of-range');
		expect(code(() => dpoLoss({ ...base, beta: 0 }))).toBe('out-of-range');
		expect(code(() => dpoLoss({ ...base, beta: -0.1 }))).toBe('out-of-range');
		expect(code(() => dpoLoss(null as never))).toBe('invalid-argument');
		expect(code(() => dpoLoss({ ...base, beta: '0.1' as never }))).toBe('non-finite');
	});

	it('reports an overflowing margin instead of returning NaN', () => {
		const r = () =>
			dpoLoss({
				policyChosen: 0,
				policyRejected: -1e308,
				referenceChosen: -1e308,
				referenceRejected: 0,
				beta: 1e6
			});
		expect(code(r)).toBe('non-finite');
	});
});
