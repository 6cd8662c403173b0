import type { NextTokenTable } from '../../core/ops/sampling.js';

/** The prompt the default example continues. */
export const DEFAULT_PROMPT = 'The cat sat on the';

/** The context token whose row gives the first candidates. */
export const DEFAULT_START = 'the';

/** Generation stops after this token. */
export const DEFAULT_STOP = '.';

/**
 * A toy next-token model: for each token, made-up logits for the tokens that may follow it. Only
 * the last token is looked at (a bigram table), which is enough to show sampling a sequence one
 * token at a time. The numbers are invented for teaching, not taken from a model.
 */
export const DEFAULT_TABLE: NextTokenTable = {
	the: {
		mat: 2.2,
		floor: 1.6,
		sofa: 1.3,
		bed: 1.0,
		windowsill: 0.7,
		rug: 0.5,
		roof: -0.2,
		keyboard: -0.6
	},
	mat: { '.': 1.8, and: 1.2, ',': 0.6, all: 0.2 },
	floor: { '.': 1.6, and: 1.1, ',': 0.5 },
	sofa: { '.': 1.5, and: 1.2, all: 0.4 },
	bed: { '.': 1.6, and: 1.0, ',': 0.5 },
	windowsill: { '.': 1.4, and: 1.2, ',': 0.3 },
	rug: { '.': 1.5, and: 1.1 },
	roof: { '.': 1.4, and: 0.9, ',': 0.6 },
	keyboard: { '.': 1.0, and: 1.3, again: 0.8 },
	and: { purred: 1.6, slept: 1.4, stretched: 0.9, yawned: 0.8, watched: 0.5 },
	',': { purring: 1.2, then: 1.0, and: 0.6 },
	all: { day: 1.8, afternoon: 1.2, night: 0.8 },
	day: { '.': 1.8, long: 1.0 },
	afternoon: { '.': 1.5, ',': 0.5 },
	night: { '.': 1.6 },
	long: { '.': 1.8 },
	purred: { '.': 1.6, softly: 1.2, loudly: 0.4 },
	slept: { '.': 1.5, soundly: 1.1, all: 0.8 },
	stretched: { '.': 1.5, out: 0.9 },
	yawned: { '.': 1.7 },
	watched: { the: 1.5, birds: 1.2 },
	birds: { '.': 1.6 },
	softly: { '.': 1.8 },
	loudly: { '.': 1.8 },
	soundly: { '.': 1.8 },
	out: { '.': 1.8 },
	purring: { '.': 1.6, softly: 1.0 },
	then: { slept: 1.4, purred: 1.2, yawned: 1.0 },
	again: { '.': 1.5 }
};
