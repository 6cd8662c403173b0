/**
 * How a weight becomes a pixel: presentation only. The numbers (the weights, their last update
 * and the symmetric scales) come from the core's `fieldFromWeights`; this file only maps them to
 * colours, once, into a look-up table that both renderers (Canvas 2D and WebGPU) index the same way:
 *
 *   lut[(state · MOTION_LEVELS + motionBin) · VALUE_LEVELS + valueBin]
 *
 * - value: diverging RdBu (colour-blind safe): red negative, near-white zero, blue positive, on a
 *   signed square-root scale of v / max|v| so that the many small weights are not all white;
 * - motion: |Δw| / max|Δw| on a squared scale, mixed toward a warm highlight (brightness): AdamW
 *   moves nearly every weight by a similar step, so only the largest movers should glow strongly;
 * - state: 0 = trainable, 1 = frozen (drawn faded toward the background, LoRA's frozen base).
 */
import { interpolateRdBu } from 'd3-scale-chromatic';

/** Colour steps of the value scale. */
export const VALUE_LEVELS = 256;
/** Brightness steps of the motion scale. */
export const MOTION_LEVELS = 16;
/** Cell states: trainable, frozen. */
export const STATES = 2;
/** Entries of the look-up table. */
export const LUT_SIZE = VALUE_LEVELS * MOTION_LEVELS * STATES;

/** Colours the table is built from. */
export interface PaletteColours {
	/** Background that frozen cells fade toward, as [r, g, b] 0–255. */
	background: [number, number, number];
	/** Highlight that moving cells glow toward. @default amber [255, 196, 0] */
	highlight?: [number, number, number];
	/** How far frozen cells fade toward the background, 0–1. @default 0.7 */
	frozenFade?: number;
	/** How far the fastest-moving cell is pulled toward the highlight, 0–1. @default 0.6 */
	motionMix?: number;
}

/** Parses '#rgb', '#rrggbb', 'rgb(r, g, b)' or 'rgba(...)'; null for anything else. */
export function parseColour(css: string): [number, number, number] | null {
	const s = css.trim();
	let m = /^#([0-9a-f]{3})$/i.exec(s);
	if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as [number, number, number];
	m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s);
	if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as [number, number, number];
	m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
	if (m) return [1, 2, 3].map((i) => Math.round(Number(m![i]))) as [number, number, number];
	return null;
}

/** Whether this machine stores a Uint32 with its lowest byte first (ImageData's RGBA order then reads ABGR). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Packs an opaque colour for a Uint32 view over RGBA bytes (ImageData, WebGPU `unpack4x8unorm`). */
export function packRgba(r: number, g: number, b: number, littleEndian = LITTLE_ENDIAN): number {
	return littleEndian
		? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0
		: ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** [r, g, b] of a packed colour (inverse of {@link packRgba}). */
export function unpackRgba(c: number, littleEndian = LITTLE_ENDIAN): [number, number, number] {
	return littleEndian
		? [c & 255, (c >>> 8) & 255, (c >>> 16) & 255]
		: [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255];
}

const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

/** Value-scale colour of bin `k` (0 = most negative, VALUE_LEVELS − 1 = most positive). */
export function valueColour(k: number): [number, number, number] {
	return parseColour(interpolateRdBu(k / (VALUE_LEVELS - 1))) ?? [247, 247, 247];
}

/** Builds the look-up table (see the module comment for its layout). */
export function buildLut(colours: PaletteColours, littleEndian = LITTLE_ENDIAN): Uint32Array {
	const { background: bg, highlight = [255, 196, 0], frozenFade = 0.7, motionMix = 0.6 } = colours;
	const lut = new Uint32Array(LUT_SIZE);
	const base = Array.from({ length: VALUE_LEVELS }, (_, k) => valueColour(k));
	for (let s = 0; s < STATES; s++) {
		for (let mo = 0; mo < MOTION_LEVELS; mo++) {
			const glow = (mo / (MOTION_LEVELS - 1)) * motionMix;
			for (let k = 0; k < VALUE_LEVELS; k++) {
				let [r, g, b] = base[k];
				r = mix(r, highlight[0], glow);
				g = mix(g, highlight[1], glow);
				b = mix(b, highlight[2], glow);
				if (s === 1) {
					r = mix(r, bg[0], frozenFade);
					g = mix(g, bg[1], frozenFade);
					b = mix(b, bg[2], frozenFade);
				}
				lut[(s * MOTION_LEVELS + mo) * VALUE_LEVELS + k] = packRgba(r, g, b, littleEndian);
			}
		}
	}
	return lut;
}

/**
 * Value bin of `v` on a signed square-root scale of v / scale: −scale → 0, 0 → 127.5 (rounded to
 * 128), +scale → 255. Values beyond ±scale clamp; a zero or non-finite scale gives the middle bin.
 */
export function valueBin(v: number, scale: number): number {
	if (!(scale > 0) || !Number.isFinite(v)) return VALUE_LEVELS >> 1;
	// v · (1/scale), exactly as the renderers compute it, so that both agree bit for bit.
	let t = v * (1 / scale);
	t = t > 1 ? 1 : t < -1 ? -1 : t;
	const u = t < 0 ? -Math.sqrt(-t) : Math.sqrt(t);
	return Math.round(((u + 1) / 2) * (VALUE_LEVELS - 1));
}

/** Motion bin of `m` on a squared scale of |m| / scale: 0 → 0, ±scale → MOTION_LEVELS − 1. */
export function motionBin(m: number, scale: number): number {
	if (!(scale > 0) || !Number.isFinite(m)) return 0;
	const t = Math.min(1, Math.abs(m * (1 / scale)));
	return Math.round(t * t * (MOTION_LEVELS - 1));
}

/** Index into the table for one cell. */
export function lutIndex(valueBinK: number, motionBinK: number, frozen: boolean): number {
	return ((frozen ? 1 : 0) * MOTION_LEVELS + motionBinK) * VALUE_LEVELS + valueBinK;
}
