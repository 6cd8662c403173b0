/**
 * The loss of pre-training and supervised fine-tuning: the mean negative log-likelihood of the
 * tokens a model should have predicted, optionally counting only some positions (SFT counts only
 * the assistant's reply, not the prompt or the chat template around it).
 */
import { AnatomyError, check } from '../errors.js';

/** Every term of {@link sequenceCrossEntropy}, for showing the calculation token by token. */
export interface SequenceCrossEntropy {
	/** −ln pₜ for every position, nats, counted or not (a UI greys out the uncounted ones). */
	perToken: number[];
	/** Whether each position counts towards the loss. */
	counted: boolean[];
	/** Number of counted positions |A|. */
	count: number;
	/** Σ over counted positions of −ln pₜ, nats. */
	total: number;
	/** The loss: total / count, nats per token. */
	mean: number;
	/** e^mean: the perplexity of the counted tokens (1 for a perfect model, V for a uniform guess over V tokens). */
	perplexity: number;
}

/**
 * Cross-entropy of a token sequence from the probabilities the model gave each correct next token:
 *
 *   L = −(1/|A|) Σ_{t ∈ A} ln pθ(xₜ | x₍<t₎)
 *
 * where A is every position (pre-training) or the positions where `mask` is true (SFT: the
 * assistant's tokens). `probabilities[t]` is pθ(xₜ | x₍<t₎), in (0, 1].
 * @throws AnatomyError `invalid-argument` for an empty sequence or a mask that counts nothing,
 * `shape-mismatch` when the mask's length differs, `non-finite` for NaN, `out-of-range` for a
 * probability outside (0, 1] (p = 0 would make the loss infinite).
 */
export function sequenceCrossEntropy(
	probabilities: ArrayLike<number>,
	mask?: ArrayLike<boolean | number>
): SequenceCrossEntropy {
	check(
		probabilities != null && typeof probabilities.length === 'number',
		'probabilities must be an array of numbers'
	);
	const n = probabilities.length;
	check(n > 0, 'The sequence is empty: there is no token to score');
	if (mask != null && mask.length !== n) {
		throw new AnatomyError('shape-mismatch', `The mask has ${mask.length} entries for ${n} tokens`);
	}
	const perToken: number[] = new Array(n);
	const counted: boolean[] = new Array(n);
	let total = 0;
	let count = 0;
	for (let t = 0; t < n; t++) {
		const p = probabilities[t];
		if (typeof p !== 'number' || Number.isNaN(p)) {
			throw new AnatomyError('non-finite', `Probability ${t} is not a number (${String(p)})`);
		}
		if (!(p > 0 && p <= 1)) {
			throw new AnatomyError('out-of-range', `Probability ${t} must be in (0, 1], got ${p}`);
		}
		perToken[t] = -Math.log(p);
		counted[t] = mask == null || Boolean(mask[t]);
		if (counted[t]) {
			total += perToken[t];
			count++;
		}
	}
	check(count > 0, 'The mask counts no token, so the loss is undefined');
	const mean = total / count;
	return { perToken, counted, count, total, mean, perplexity: Math.exp(mean) };
}
