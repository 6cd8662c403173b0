/**
 * How a token's text is shown in a chip: whitespace made visible (space → ·, tab → →, newline → ↵)
 * so that tokens that begin with a space are obvious, and other control characters spelled out.
 */
export function visibleText(s: string): string {
	let out = '';
	for (const ch of s) {
		if (ch === ' ') out += '·';
		else if (ch === '\t') out += '→';
		else if (ch === '\n') out += '↵';
		else if (ch === '\r') out += '␍';
		else if (ch < ' ' || ch === '\u007f') out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
		else out += ch;
	}
	return out;
}

/** Bytes as hex pairs: [0xe2, 0x80, 0x9c] → "e2 80 9c". */
export function hexBytes(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Colour slot for token i among `n` palette colours, chosen so that neighbours never share a colour
 * and a token's colour does not depend on anything after it.
 */
export function colourSlot(i: number, n = 6): number {
	return ((i % n) + n) % n;
}
