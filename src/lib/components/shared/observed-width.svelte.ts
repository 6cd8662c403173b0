/**
 * The width of an element (its `clientWidth`), kept up to date by a ResizeObserver.
 *
 * `bind:clientWidth` reads the width as soon as the element is inserted, which forces the browser
 * to lay out the whole page there and then, inside the script that builds the figure; on a long
 * page that is tens of milliseconds added to the task. The observer is told the width after the
 * browser's own layout instead, so building a figure and laying it out are separate, shorter tasks.
 *
 * ```svelte
 * <div {@attach box.attach}>…{box.current || 560}…</div>
 * ```
 */
export class ObservedWidth {
	/** The element's `clientWidth` in CSS pixels; 0 until it has been laid out (and on the server). */
	current = $state(0);

	/** Attachment for the element to measure (`{@attach box.attach}`). */
	attach = (node: HTMLElement) => {
		const win = node.ownerDocument.defaultView;
		if (!win || !('ResizeObserver' in win)) {
			this.current = node.clientWidth;
			return;
		}
		// Reading clientWidth inside the callback is free: layout has just been done. A new width
		// redraws what is inside, which may change this element's height while the observer is still
		// delivering; it stops watching until the next frame so that this is not reported as a loop.
		let frame = 0;
		const ro = new win.ResizeObserver(() => {
			const width = node.clientWidth;
			if (width === this.current) return;
			ro.unobserve(node);
			this.current = width;
			frame = win.requestAnimationFrame(() => ro.observe(node));
		});
		ro.observe(node);
		return () => {
			win.cancelAnimationFrame(frame);
			ro.disconnect();
		};
	};
}
