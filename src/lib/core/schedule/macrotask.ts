/**
 * Handing the event loop back between the slices of a long computation, so that rendering and
 * input can run in between.
 *
 * `setTimeout(0)` is not good enough for this: browsers clamp a timer set from within a timer's
 * own task to at least 4 ms once five are nested, and a computation resumed from each pause is
 * nested, so a 300 ms build cut into 12 ms slices would wait 100 ms more in clamps.
 * `scheduler.yield()` resumes sooner still, but Chromium then holds back frames for up to 100 ms
 * while a chain of them lasts, which shows as a stall when a page is scrolled meanwhile.
 */

/**
 * A new task, after everything already queued: a `MessageChannel` message, which is not clamped
 * (a `setTimeout(0)` in environments without `MessageChannel`). The browser may draw a frame before
 * it runs.
 */
export function macrotask(): Promise<void> {
	if (typeof MessageChannel === 'function') {
		return new Promise<void>((resolve) => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => {
				channel.port1.close();
				resolve();
			};
			channel.port2.postMessage(null);
		});
	}
	return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
