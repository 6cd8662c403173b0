/**
 * A requestAnimationFrame loop that turns elapsed time into whole steps at a given rate. It keeps at
 * most one frame scheduled, never leaves one scheduled after `stop()`, and takes the frame
 * functions as arguments (no globals), so it runs in Node with a fake clock.
 */
export interface StepClockOptions {
	/** `requestAnimationFrame`, bound to its window. */
	raf: (callback: (time: number) => void) => number;
	/** `cancelAnimationFrame`, bound to its window. */
	caf: (handle: number) => void;
	/** Steps per second. */
	rate: number;
	/** Called with the number of steps due (≥ 1); return false to stop. */
	onSteps: (count: number) => boolean | void;
	/** Most steps taken in one frame, so a frame that comes late (a background tab) does not jump. @default 4 */
	maxPerFrame?: number;
}

export class StepClock {
	#handle: number | null = null;
	#wanted = false;
	#last: number | null = null;
	#carry = 0;
	#options: StepClockOptions;

	constructor(options: StepClockOptions) {
		this.#options = options;
	}

	/** Whether a frame is scheduled. */
	get running(): boolean {
		return this.#wanted;
	}

	start(): void {
		if (this.#wanted) return;
		this.#wanted = true;
		this.#last = null;
		this.#carry = 0;
		this.#handle = this.#options.raf(this.#tick);
	}

	stop(): void {
		this.#wanted = false;
		if (this.#handle !== null) {
			this.#options.caf(this.#handle);
			this.#handle = null;
		}
	}

	#tick = (time: number) => {
		this.#handle = null;
		if (!this.#wanted) return;
		const rate = Number.isFinite(this.#options.rate) && this.#options.rate > 0 ? this.#options.rate : 1;
		const max = this.#options.maxPerFrame ?? 4;
		if (this.#last === null) {
			// The first frame only sets the clock; the first step comes one interval later.
			this.#last = time;
		} else {
			this.#carry += ((time - this.#last) / 1000) * rate;
			this.#last = time;
			const due = Math.min(max, Math.floor(this.#carry));
			if (due >= 1) {
				this.#carry = Math.min(this.#carry - due, 1);
				let more: boolean | void;
				try {
					more = this.#options.onSteps(due);
				} catch (e) {
					this.#wanted = false;
					throw e;
				}
				if (more === false) this.#wanted = false;
			}
		}
		if (this.#wanted && this.#handle === null) this.#handle = this.#options.raf(this.#tick);
	};
}
