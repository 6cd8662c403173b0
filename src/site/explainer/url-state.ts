/**
 * Reading state that survives in the URL: the chapter anchor (the hash) and the main control
 * values (query parameters), so that a shared link shows the same picture. Written with
 * `replaceState`, debounced, so typing does not flood the history.
 */
import { replaceState } from '$app/navigation';

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Query parameters of the current location (empty during prerendering). */
export function readParams(): URLSearchParams {
	return typeof location === 'undefined' ? new URLSearchParams() : new URLSearchParams(location.search);
}

/** Sets (or, for `null`/default values, removes) one query parameter after a short pause. */
export function writeParam(key: string, value: string | null, fallback?: string): void {
	clearTimeout(timers.get(key));
	timers.set(
		key,
		setTimeout(() => {
			const url = new URL(location.href);
			if (value === null || value === fallback || value.length > 2000) url.searchParams.delete(key);
			else url.searchParams.set(key, value);
			// the current page with new query parameters: no route to resolve
			// eslint-disable-next-line svelte/no-navigation-without-resolve
			if (url.href !== location.href) replaceState(url, {});
		}, 300)
	);
}
