/**
 * How AttentionMatrix turns numbers into colours and labels. Presentation only: the numbers
 * themselves come from the core's attention op.
 */
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { formatNumber } from '../../core/format.js';

/** Words and punctuation of a sentence, as illustrative "tokens" (not a real tokenizer's pieces). */
export function splitWords(text: string): string[] {
	return text.match(/[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];
}

/** The default sentence: a pronoun that must look back to its noun. */
export const DEFAULT_TOKENS = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'warm'];

const FILLER =
	'The river flowed past the old mill and the children watched the boats drift slowly toward the sea while their dog slept in the sun'.split(
		' '
	);

/** `n` filler tokens for a large demo (`size` prop): a sentence repeated. */
export function fillerTokens(n: number): string[] {
	return Array.from({ length: n }, (_, i) => FILLER[i % FILLER.length]);
}

/** A token label short enough for an axis: long labels are cut with an ellipsis. */
export function shortLabel(s: string, max = 10): string {
	const chars = [...s];
	return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}

/** How weights map to colour: linearly, by square root, or logarithmically over four decades. */
export type ColourScale = 'linear' | 'sqrt' | 'log';

/**
 * Position in [0, 1] on the colour ramp of a weight in [0, max]. `sqrt` and `log` lift small
 * weights so that long-sequence maps, where most weights are near 0, still show structure; `log`
 * spans max·10⁻⁴ … max.
 */
export function rampPosition(w: number, max: number, scale: ColourScale = 'linear'): number {
	if (!(max > 0) || !Number.isFinite(w) || w <= 0) return 0;
	const x = Math.min(1, w / max);
	if (scale === 'sqrt') return Math.sqrt(x);
	if (scale === 'log') return Math.max(0, (Math.log10(x) + 4) / 4);
	return x;
}

/**
 * Sequential colour for a weight in [0, max]: viridis (perceptually uniform, colour-blind safe),
 * dark for 0 and yellow for the largest weight on the map.
 */
export function weightColour(w: number, max: number, scale: ColourScale = 'linear'): string {
	return interpolateViridis(rampPosition(w, max, scale));
}

/**
 * Diverging colour for a signed value: blue for positive, red for negative, near white for zero
 * (RdBu, colour-blind safe), scaled so that ±`maxAbs` reach the ends.
 */
export function signedColour(v: number, maxAbs: number): string {
	if (!Number.isFinite(v) || !(maxAbs > 0)) return interpolateRdBu(0.5);
	const x = Math.max(-1, Math.min(1, v / maxAbs));
	return interpolateRdBu(0.5 + 0.5 * x);
}

/** Largest |value| among the finite values of `a` (0 when there are none). */
export function maxAbs(a: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < a.length; i++) {
		const v = Math.abs(a[i]);
		if (Number.isFinite(v) && v > m) m = v;
	}
	return m;
}

/** Largest finite value of `a` (0 when there are none). */
export function maxValue(a: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && a[i] > m) m = a[i];
	return m;
}

/** `rgb(r, g, b)` or `#rrggbb` as three bytes (black for anything else). */
export function parseColour(colour: string): [number, number, number] {
	const m = colour.match(/rgb\((\d+),\s*(\d+),\s*(\d+)\)/);
	if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
	if (/^#[0-9a-f]{6}$/i.test(colour)) {
		const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
		return [r, g, b];
	}
	return [0, 0, 0];
}

/** Black or white ink, whichever reads better on the given `rgb(r, g, b)` or `#rrggbb` colour. */
export function inkOn(colour: string): string {
	const [r, g, b] = parseColour(colour);
	// relative luminance (WCAG 2): pick the ink with the higher contrast ratio
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
	return (L + 0.05) / 0.05 > 1.05 / (L + 0.05) ? '#000' : '#fff';
}

let viridis: Uint8ClampedArray | undefined;

/**
 * 256 viridis colours as packed RGBA bytes, for drawing large maps into ImageData quickly. Built
 * once and shared by every map (each head's thumbnail asks for it on every redraw): read it, never
 * write to it.
 */
export function viridisLut(): Uint8ClampedArray {
	if (viridis) return viridis;
	const lut = new Uint8ClampedArray(256 * 4);
	for (let i = 0; i < 256; i++) {
		lut.set([...parseColour(interpolateViridis(i / 255)), 255], i * 4);
	}
	return (viridis = lut);
}

/** A value for a small cell: rounded to two decimals, with a sign for signed quantities. */
export function cellText(v: number, signed = false): string {
	if (v === -Infinity) return '−∞';
	// at most two decimals, so that a cell holds at most five characters ("−0.43", "12")
	const r = Math.round(v * 100) / 100;
	const a = Math.abs(r);
	const s = r === 0 ? '0' : formatNumber(r, { digits: a >= 100 ? 3 : a >= 0.1 ? 2 : 1 });
	return signed && v > 0 ? `+${s}` : s;
}

/**
 * Okabe–Ito colours (distinguishable with every common form of colour blindness), one per K/V
 * head group.
 */
export const GROUP_COLOURS = [
	'#E69F00',
	'#56B4E9',
	'#009E73',
	'#CC79A7',
	'#0072B2',
	'#D55E00',
	'#F0E442',
	'#999999'
];

/** Colour of K/V group `g`. */
export function groupColour(g: number): string {
	return GROUP_COLOURS[((g % GROUP_COLOURS.length) + GROUP_COLOURS.length) % GROUP_COLOURS.length];
}

/** A CSS linear-gradient of the viridis scale, for the map's legend. */
export function viridisGradient(): string {
	const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${interpolateViridis(t)} ${t * 100}%`);
	return `linear-gradient(to right, ${stops.join(', ')})`;
}
