/**
 * Behaviour of RopeDial kept out of the view: the positions the dials are drawn at, eased toward
 * the chosen positions with one requestAnimationFrame loop that stops when it arrives, when the
 * component is hidden or unmounted, and that jumps straight to the end under reduced motion.
 */

/** Duration of one move of the dials, in milliseconds. */
export const MOTION_MS = 450;

export class DialMotion {
	/** The values drawn now (positions, eased). */
	current: number[] = $state([]);
	/** Whether a frame is scheduled (reactive, for `data-animating`). */
	running = $state(false);
	#frame = 0;
	#win: (Window & typeof globalThis) | null = null;

	constructor(initial: number[]) {
		this.current = initial.slice();
	}

	/**
	 * Moves toward `target`: eased over {@link MOTION_MS} when `animate`, otherwise at once.
	 * `win` supplies requestAnimationFrame (the component's window); without it the move is instant.
	 */
	to(target: number[], animate: boolean, win?: (Window & typeof globalThis) | null): void {
		this.stop();
		const same = target.length === this.current.length && target.every((v, i) => v === this.current[i]);
		if (same) return;
		if (!animate || !win || target.length !== this.current.length) {
			this.current = target.slice();
			return;
		}
		this.#win = win;
		const from = this.current.slice();
		const start = win.performance.now();
		const step = (now: number) => {
			const t = Math.min(1, Math.max(0, (now - start) / MOTION_MS));
			const e = 1 - (1 - t) ** 3; // ease out
			this.current = from.map((f, i) => f + (target[i] - f) * e);
			this.#frame = t < 1 ? win.requestAnimationFrame(step) : 0;
			if (!this.#frame) this.running = false;
		};
		this.#frame = win.requestAnimationFrame(step);
		this.running = true;
	}

	/** Cancels any scheduled frame, leaving the dials where they are. */
	stop(): void {
		if (this.#frame && this.#win) this.#win.cancelAnimationFrame(this.#frame);
		this.#frame = 0;
		if (this.running) this.running = false;
	}
}
