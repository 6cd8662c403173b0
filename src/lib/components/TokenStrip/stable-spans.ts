import type { TokenSpan } from '../../core/tokenize/spans.js';

/**
 * Returns `next` with its leading tokens replaced by the equal token objects of `previous`, so that
 * a keystroke that changes the end of a text leaves the chips of every token before the edit
 * untouched: a keyed `{#each}` skips items whose object has not changed.
 *
 * Two spans are equal when index, ID, text, offsets and `partial` agree. The kept objects take the
 * byte view of the new text (the same bytes), so an old text's bytes are not held alive by the
 * tokens kept from it. `next` is changed in place and returned.
 */
export function keepEqualPrefix(previous: readonly TokenSpan[], next: TokenSpan[]): TokenSpan[] {
	const n = Math.min(previous.length, next.length);
	let same = 0;
	while (same < n && equalSpan(previous[same], next[same])) same++;
	for (let i = 0; i < same; i++) {
		const kept = previous[i];
		kept.bytes = next[i].bytes;
		next[i] = kept;
	}
	return next;
}

function equalSpan(a: TokenSpan, b: TokenSpan): boolean {
	return (
		a.index === b.index &&
		a.id === b.id &&
		a.start === b.start &&
		a.end === b.end &&
		a.partial === b.partial &&
		a.text === b.text
	);
}
