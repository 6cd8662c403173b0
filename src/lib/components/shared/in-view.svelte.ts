/**
 * Becomes true once an element has scrolled near the viewport, and stays true. Components start
 * heavy work (tokenizer ranks, GPU, animation) only then. Without IntersectionObserver it is true
 * at once; on the server it stays false, so the server renders the light picture.
 */
export class InView {
	current = $state(false);
	#margin: string;

	constructor(rootMargin = '200px') {
		this.#margin = rootMargin;
	}

	/** An attachment: `<div {@attach inView.attach}>`. */
	attach = (node: Element) => {
		const win = node.ownerDocument.defaultView;
		if (!win || !('IntersectionObserver' in win)) {
			this.current = true;
			return;
		}
		const io = new win.IntersectionObserver(
			(entries) => {
				if (entries.some((e) => e.isIntersecting)) {
					this.current = true;
					io.disconnect();
				}
			},
			{ rootMargin: this.#margin }
		);
		io.observe(node);
		return () => io.disconnect();
	};
}
