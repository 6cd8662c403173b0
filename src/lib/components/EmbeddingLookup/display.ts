/**
 * Colours of EmbeddingLookup's heat cells: a diverging, colour-blind-safe scale (ColorBrewer RdBu;
 * positive values blue, negative red, as --la-positive/--la-negative), with the text colour chosen by
 * WCAG contrast so every printed value stays legible.
 */
import { interpolateRdBu } from 'd3-scale-chromatic';

const DARK_INK = '#1b1f24';
const LIGHT_INK = '#ffffff';

/** WCAG 2 relative luminance of an sRGB colour given as 0–255 channels. */
export function relativeLuminance(r: number, g: number, b: number): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (L₁ + 0.05) / (L₂ + 0.05) of two luminances, ≥ 1. */
export function contrastRatio(l1: number, l2: number): number {
	const [hi, lo] = l1 >= l2 ? [l1, l2] : [l2, l1];
	return (hi + 0.05) / (lo + 0.05);
}

/** The RGB channels of a `rgb(r, g, b)` string (what d3's interpolators return). */
function channels(css: string): [number, number, number] {
	const m = css.match(/rgb\((\d+),\s*(\d+),\s*(\d+)\)/);
	return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [242, 242, 242];
}

/**
 * Background and text colour of a cell holding `value`, on a scale that saturates at ±`max`.
 * Non-finite values and a non-positive `max` give the neutral middle colour.
 */
export function heatColour(value: number, max: number): { bg: string; ink: string } {
	const u = Number.isFinite(value) && max > 0 ? Math.max(-1, Math.min(1, value / max)) : 0;
	const bg = interpolateRdBu(0.5 + u / 2);
	const l = relativeLuminance(...channels(bg));
	const dark = contrastRatio(l, relativeLuminance(0x1b, 0x1f, 0x24));
	const light = contrastRatio(l, 1);
	return { bg, ink: dark >= light ? DARK_INK : LIGHT_INK };
}
