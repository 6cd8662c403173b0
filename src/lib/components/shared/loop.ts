/**
 * A requestAnimationFrame loop that can be started and stopped any number of times and never
 * leaves a frame scheduled after `stop()`. The frame functions are injected (no globals), so the
 * loop is tested in Node with a fake clock.
 */
export interface FrameLoopOptions {
	/** `requestAnimationFrame`, bound to its window. */
	raf: (callback: (time: number) => void) => number;
	/** `cancelAnimationFrame`, bound to its window. */
	caf: (id: number) => void;
	/** Work of one frame; return false to stop the loop. */
	frame: (time: number) => boolean | void;
}

export class FrameLoop {
	#id: number | null = null;
	#wanted = false;
	#options: FrameLoopOptions;

	constructor(options: FrameLoopOptions) {
		this.#options = options;
	}

	/** Whether a frame is scheduled or being run. */
	get running(): boolean {
		return this.#wanted;
	}

	start(): void {
		this.#wanted = true;
		if (this.#id === null) this.#id = this.#options.raf(this.#tick);
	}

	stop(): void {
		this.#wanted = false;
		if (this.#id !== null) {
			this.#options.caf(this.#id);
			this.#id = null;
		}
	}

	#tick = (time: number) => {
		this.#id = null;
		if (!this.#wanted) return;
		let more: boolean | void;
		try {
			more = this.#options.frame(time);
		} catch (e) {
			this.#wanted = false;
			throw e;
		}
		if (more === false) this.#wanted = false;
		// The frame may have called stop() (or start()): schedule only if still wanted.
		if (this.#wanted && this.#id === null) this.#id = this.#options.raf(this.#tick);
	};
}
