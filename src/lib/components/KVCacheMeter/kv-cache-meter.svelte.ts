/**
 * Behaviour of KVCacheMeter, kept out of the view: the decode loop's position and its playback
 * (a requestAnimationFrame loop that runs only while playing and on screen, and is cancelled on
 * stop), and whether the figure is on screen. Globals are taken from the element or passed in,
 * never read at import time.
 */

/** Frame scheduling, injectable for tests: a window, or anything with the two functions. */
export interface FrameHost {
	requestAnimationFrame(cb: (t: number) => void): number;
	cancelAnimationFrame(id: number): void;
}

/** Where the step lives: a parent's bindable prop, or the player's own state. */
export interface StepStore {
	get(): number;
	set(step: number): void;
}

/** Position and playback of the decode loop. */
export class DecodePlayer {
	playing = $state(false);
	#own = $state(-1);
	#steps: () => number;
	#store: StepStore;

	/**
	 * `steps` gives the number of steps in the current run (it changes with the settings);
	 * `store` keeps the step where a parent can bind to it.
	 */
	constructor(steps: () => number, store?: StepStore) {
		this.#steps = steps;
		this.#store = store ?? { get: () => this.#own, set: (v) => (this.#own = v) };
	}

	/** −1 before the prefill, then the step just computed (unclamped). */
	get step(): number {
		return this.#store.get();
	}
	set step(v: number) {
		this.#store.set(v);
	}

	/** The step clamped to the current run (a NaN step reads as −1). */
	get current(): number {
		const s = Number.isFinite(this.step) ? Math.floor(this.step) : -1;
		return Math.max(-1, Math.min(s, this.#steps() - 1));
	}
	get atEnd(): boolean {
		return this.current >= this.#steps() - 1;
	}

	/** Advances one step; stops playing at the end. */
	next(): void {
		if (this.atEnd) {
			this.playing = false;
			return;
		}
		this.step = this.current + 1;
	}
	play(): void {
		if (this.atEnd) this.step = -1;
		this.playing = true;
	}
	pause(): void {
		this.playing = false;
	}
	reset(): void {
		this.playing = false;
		this.step = -1;
	}
	toEnd(): void {
		this.playing = false;
		this.step = this.#steps() - 1;
	}

	/**
	 * Runs the frame loop at `stepsPerSecond()` steps per second until stopped, the end is
	 * reached, or `playing` turns false. Returns the stop function (cancels the pending frame).
	 */
	run(host: FrameHost, stepsPerSecond: () => number): () => void {
		let id = 0;
		let last: number | null = null;
		let carry = 0;
		let stopped = false;
		const tick = (t: number) => {
			if (stopped) return;
			if (last !== null) {
				carry += ((t - last) / 1000) * stepsPerSecond();
				const whole = Math.floor(carry);
				carry -= whole;
				if (whole > 0) {
					const target = Math.min(this.#steps() - 1, this.current + whole);
					this.step = target;
					if (target >= this.#steps() - 1) {
						this.playing = false;
						return;
					}
				}
			} else if (this.current < 0) this.step = 0; // the prefill shows at once
			last = t;
			id = host.requestAnimationFrame(tick);
		};
		id = host.requestAnimationFrame(tick);
		return () => {
			stopped = true;
			host.cancelAnimationFrame(id);
		};
	}
}
