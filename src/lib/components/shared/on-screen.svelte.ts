/**
 * Whether an element is on screen now (unlike the shared `InView`, which latches true): the
 * animation loop runs only while this is true. Without IntersectionObserver it is always true;
 * on the server it stays false.
 */
export class OnScreen {
	/** On screen (within the margin) right now. */
	current = $state(false);
	/** Has been on screen at least once: heavy set-up may start. */
	seen = $state(false);
	#margin: string;

	constructor(rootMargin = '100px') {
		this.#margin = rootMargin;
	}

	/** An attachment: `<div {@attach onScreen.attach}>`. */
	attach = (node: Element) => {
		const win = node.ownerDocument.defaultView;
		if (!win || !('IntersectionObserver' in win)) {
			this.current = this.seen = true;
			return () => (this.current = false);
		}
		const io = new win.IntersectionObserver(
			(entries) => {
				const visible = entries[entries.length - 1].isIntersecting;
				this.current = visible;
				if (visible) this.seen = true;
			},
			{ rootMargin: this.#margin }
		);
		io.observe(node);
		return () => {
			io.disconnect();
			this.current = false;
		};
	};
}
