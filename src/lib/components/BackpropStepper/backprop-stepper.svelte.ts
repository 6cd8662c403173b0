/**
 * Behaviour of BackpropStepper kept out of the view: which network the example starts from. Each
 * "train again" replaces it with the updated network; a new base network (other seed, width or
 * tokens) or a reset starts over.
 */
import type { Mlp } from '../../core/train/backprop.js';

export class TrainingRounds {
	#state: { base: Mlp; current: Mlp; round: number } | null = $state.raw(null);

	/** The network the current round starts from. */
	current(base: Mlp): Mlp {
		return this.#state?.base === base ? this.#state.current : base;
	}

	/** 1 for the first training step on `base`, 2 after one "train again", … */
	round(base: Mlp): number {
		return this.#state?.base === base ? this.#state.round : 1;
	}

	/** Continue from the updated network. */
	advance(base: Mlp, after: Mlp): void {
		this.#state = { base, current: after, round: this.round(base) + 1 };
	}

	/** Back to the base network. */
	reset(): void {
		this.#state = null;
	}
}
