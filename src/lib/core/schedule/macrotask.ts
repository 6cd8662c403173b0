/**
 * Hands the event loop back for one turn (a macrotask), so that rendering and input can run
 * between the slices of a long computation.
 *
 * `setTimeout(0)` is not good enough for this: browsers clamp a timer set from within a timer's
 * own task to at least 4 ms once five are nested, and a computation resumed from each pause is
 * nested, so a 300 ms build cut into 12 ms slices would wait 100 ms more in clamps. A
 * `MessageChannel` message is not clamped; Chromium's `scheduler.yield()` is preferred where it
 * exists, since it also keeps the task's priority. Falls back to `setTimeout` in environments that
 * have neither.
 */
export function macrotask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
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
