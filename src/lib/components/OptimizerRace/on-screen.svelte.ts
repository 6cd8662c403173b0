/**
 * Whether an element is on screen now (unlike `InView`, which stays true once seen): animation
 * runs only while this is true. Without IntersectionObserver it is always true; on the server it
 * stays false.
 */
export class OnScreen {
	current = $state(false);

	/** An attachment: `<div {@attach onScreen.attach}>`. */
	attach = (node: Element) => {
		const win = node.ownerDocument.defaultView;
		if (!win || !('IntersectionObserver' in win)) {
			this.current = true;
			return;
		}
		const io = new win.IntersectionObserver((entries) => {
			const last = entries[entries.length - 1];
			if (last) this.current = last.isIntersecting;
		});
		io.observe(node);
		return () => {
			io.disconnect();
			this.current = false;
		};
	};
}
