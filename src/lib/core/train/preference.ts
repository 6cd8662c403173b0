/**
 * Preference tuning: the Direct Preference Optimization loss (Rafailov et al. 2023, "Direct Preference
 * Optimization: Your Language Model is Secretly a Reward Model", eq. 7).
 */
import { AnatomyError, check } from '../errors.js';
import { sigmoid } from '../ops/activations.js';

/**
 * The four sequence log-probabilities and the β that one DPO term needs. Each log-probability is
 * ln π(y | x) in nats: the sum over the response's tokens of ln p(token | prompt, earlier tokens),
 * so it is ≤ 0.
 */
export interface DpoInputs {
	/** ln πθ(y_w | x): the policy being trained, on the chosen (preferred) response y_w. */
	policyChosen: number;
	/** ln πθ(y_l | x): the policy, on the rejected response y_l. */
	policyRejected: number;
	/** ln π_ref(y_w | x): the frozen reference model (usually the SFT model), on the chosen response. */
	referenceChosen: number;
	/** ln π_ref(y_l | x): the reference model, on the rejected response. */
	referenceRejected: number;
	/**
	 * β > 0: how strongly the policy is kept near the reference (the KL weight of the RLHF objective
	 * DPO is derived from). Common values are 0.01–0.5; 0.1 is typical.
	 */
	beta: number;
}

/** Every intermediate of one DPO term, for showing the calculation step by step. */
export interface DpoResult {
	/** ln πθ(y_w|x) − ln π_ref(y_w|x), nats: how much more likely the policy makes the chosen response. */
	chosenLogRatio: number;
	/** ln πθ(y_l|x) − ln π_ref(y_l|x), nats. */
	rejectedLogRatio: number;
	/** β · chosenLogRatio: DPO's implicit reward of the chosen response. */
	chosenReward: number;
	/** β · rejectedLogRatio: the implicit reward of the rejected response. */
	rejectedReward: number;
	/** z = β · (chosenLogRatio − rejectedLogRatio) = chosenReward − rejectedReward. */
	margin: number;
	/** σ(z): the Bradley–Terry probability, under the implicit rewards, that y_w is preferred to y_l. */
	preferenceProbability: number;
	/** −ln σ(z) = ln(1 + e^(−z)), nats; ln 2 ≈ 0.693 when the policy equals the reference (z = 0). */
	loss: number;
	/**
	 * σ(−z) = −∂loss/∂z, in (0, 1): how hard this pair pushes. The gradient of the loss with respect
	 * to ln πθ(y_w|x) is −β·σ(−z) and with respect to ln πθ(y_l|x) is +β·σ(−z), so pairs the policy
	 * already ranks right (large z) barely move it.
	 */
	gradientWeight: number;
}

/**
 * ln(1 + eˣ), computed without overflow (x + ln(1 + e⁻ˣ) for x > 0) or loss of the tiny result for
 * very negative x (log1p).
 */
function softplus(x: number): number {
	return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * The DPO loss of one (prompt, chosen, rejected) triple:
 *
 *   L = −ln σ(β · [(ln πθ(y_w|x) − ln π_ref(y_w|x)) − (ln πθ(y_l|x) − ln π_ref(y_l|x))])
 *
 * in nats; a batch loss is the mean over triples. −ln σ(z) is evaluated as softplus(−z), so it is
 * exact for margins of any size (z = 100 gives e⁻¹⁰⁰ ≈ 3.7e-44, not 0; z = −1000 gives 1000, not ∞).
 * @throws AnatomyError `non-finite` for NaN or ±Infinity, `out-of-range` for a log-probability above 0
 * or β ≤ 0.
 */
export function dpoLoss(inputs: DpoInputs): DpoResult {
	check(inputs !== null && typeof inputs === 'object', 'dpoLoss needs an object of inputs');
	const { policyChosen, policyRejected, referenceChosen, referenceRejected, beta } = inputs;
	const logProbs = { policyChosen, policyRejected, referenceChosen, referenceRejected };
	for (const [name, value] of Object.entries({ ...logProbs, beta })) {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new AnatomyError('non-finite', `${name} must be a finite number, got ${String(value)}`);
		}
	}
	for (const [name, value] of Object.entries(logProbs)) {
		if (value > 0) {
			throw new AnatomyError('out-of-range', `${name} is a log-probability and must be ≤ 0, got ${value}`);
		}
	}
	if (beta <= 0) throw new AnatomyError('out-of-range', `beta must be > 0, got ${beta}`);

	const chosenLogRatio = policyChosen - referenceChosen;
	const rejectedLogRatio = policyRejected - referenceRejected;
	const chosenReward = beta * chosenLogRatio;
	const rejectedReward = beta * rejectedLogRatio;
	const margin = beta * (chosenLogRatio - rejectedLogRatio);
	if (!Number.isFinite(margin)) {
		throw new AnatomyError('non-finite', `beta × log-ratio difference overflows (${margin})`);
	}
	return {
		chosenLogRatio,
		rejectedLogRatio,
		chosenReward,
		rejectedReward,
		margin,
		preferenceProbability: sigmoid(margin),
		loss: softplus(-margin),
		gradientWeight: sigmoid(-margin)
	};
}
