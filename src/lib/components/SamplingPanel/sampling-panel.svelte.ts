/**
 * Playback of the generated sequence: how many of its tokens are shown, advanced one at a time by
 * Step or on a timer by Generate. The tokens themselves are derived from the seed elsewhere, so this
 * holds only a count. The timer is the only thing that runs on its own; `stop()` clears it, and the
 * view calls `stop()` when it unmounts.
 */
export class Playback {
	/** Tokens shown so far. */
	count = $state(0);
	/** Whether Generate is adding tokens on a timer. */
	playing = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#onAdvance: (count: number) => void;

	/** `onAdvance` is called with the new count each time a token is added. */
	constructor(onAdvance: (count: number) => void = () => {}) {
		this.#onAdvance = onAdvance;
	}

	#advance(total: number): boolean {
		if (this.count >= total) return false;
		this.count += 1;
		this.#onAdvance(this.count);
		return true;
	}

	/**
	 * Starts over and adds tokens every `interval` ms until `total()` are shown; `instant` (reduced
	 * motion, or an interval of 0) shows them all at once. `total` is read at each tick, so a sequence
	 * that gets shorter while playing stops where it ends.
	 */
	play(total: () => number, interval: number, instant: boolean): void {
		this.stop();
		this.count = 0;
		if (instant) {
			while (this.#advance(total()));
			return;
		}
		if (!this.#advance(total())) return;
		this.playing = true;
		const tick = () => {
			if (this.#advance(total()) && this.count < total()) this.#timer = setTimeout(tick, interval);
			else this.stop();
		};
		this.#timer = setTimeout(tick, interval);
	}

	/** Adds one token (stopping Generate first). */
	step(total: number): void {
		this.stop();
		this.#advance(total);
	}

	/** Clears the text. */
	reset(): void {
		this.stop();
		this.count = 0;
	}

	/** Stops the timer; shown tokens stay. */
	stop(): void {
		if (this.#timer !== undefined) clearTimeout(this.#timer);
		this.#timer = undefined;
		this.playing = false;
	}
}
