import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldCellWeight } from '../../core/train/weightfield/field.js';
import { cellWeightMap, fieldGrid, frozenCells, frozenWeights, paintField } from './paint.js';
import {
	buildLut,
	LITTLE_ENDIAN,
	LUT_SIZE,
	lutIndex,
	motionBin,
	packRgba,
	parseColour,
	unpackRgba,
	valueBin
} from './palette.js';

// RdBu's ends, from ColorBrewer (as d3-scale-chromatic ships them): #67001f and #053061.
const RED_END = [0x67, 0x00, 0x1f];
const BLUE_END = [0x05, 0x30, 0x61];

describe('palette', () => {
	it('parses the colour forms getComputedStyle returns', () => {
		expect(parseColour('#fff')).toEqual([255, 255, 255]);
		expect(parseColour(' #12151a ')).toEqual([18, 21, 26]);
		expect(parseColour('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
		expect(parseColour('rgba(4 5 6 / 0.5)')).toEqual([4, 5, 6]);
		expect(parseColour('')).toBeNull();
		expect(parseColour('tomato')).toBeNull();
	});

	it('packs colours in ImageData byte order (R, G, B, A in memory)', () => {
		const u32 = new Uint32Array([packRgba(1, 2, 3)]);
		expect([...new Uint8Array(u32.buffer)]).toEqual([1, 2, 3, 255]);
		expect(unpackRgba(packRgba(10, 20, 30, true), true)).toEqual([10, 20, 30]);
		expect(unpackRgba(packRgba(10, 20, 30, false), false)).toEqual([10, 20, 30]);
		expect(typeof LITTLE_ENDIAN).toBe('boolean');
	});

	it('bins values on a signed square-root scale: −s → 0, 0 → 128, +s → 255', () => {
		expect(valueBin(-1, 1)).toBe(0);
		expect(valueBin(0, 1)).toBe(128); // 127.5 rounds up
		expect(valueBin(1, 1)).toBe(255);
		// √0.25 = 0.5: (1 + 0.5)/2 · 255 = 191.25 → 191; (1 − 0.5)/2 · 255 = 63.75 → 64
		expect(valueBin(0.25, 1)).toBe(191);
		expect(valueBin(-0.5, 2)).toBe(64);
		expect(valueBin(7, 1)).toBe(255);
		expect(valueBin(-7, 1)).toBe(0);
		expect(valueBin(NaN, 1)).toBe(128);
		expect(valueBin(1, 0)).toBe(128);
	});

	it('bins motion on a squared scale of |Δw| / max|Δw|', () => {
		expect(motionBin(0, 1)).toBe(0);
		expect(motionBin(1, 1)).toBe(15);
		expect(motionBin(-1, 1)).toBe(15);
		expect(motionBin(0.5, 1)).toBe(4); // 0.5² · 15 = 3.75 → 4
		expect(motionBin(-1, 4)).toBe(1); // 0.25² · 15 = 0.94 → 1
		expect(motionBin(1, 0)).toBe(0);
		expect(motionBin(Infinity, 1)).toBe(0);
	});

	it('builds the table: RdBu ends, the motion glow and the frozen fade', () => {
		const lut = buildLut({ background: [255, 255, 255] }, true);
		expect(lut.length).toBe(LUT_SIZE);
		expect(unpackRgba(lut[lutIndex(0, 0, false)], true)).toEqual(RED_END);
		expect(unpackRgba(lut[lutIndex(255, 0, false)], true)).toEqual(BLUE_END);
		// Fastest motion: 60 % of the way to amber (255, 196, 0): 5 + 0.6·250 = 155,
		// 48 + 0.6·148 = 136.8 → 137, 97 − 0.6·97 = 38.8 → 39.
		expect(unpackRgba(lut[lutIndex(255, 15, false)], true)).toEqual([155, 137, 39]);
		// Frozen: 70 % of the way to the background: 180, 193, 208.
		expect(unpackRgba(lut[lutIndex(255, 0, true)], true)).toEqual([180, 193, 208]);
		const dark = buildLut({ background: [18, 21, 26] }, true);
		// 5 + 0.7·13 = 14.1 → 14, 48 − 0.7·27 = 29.1 → 29, 97 − 0.7·71 = 47.3 → 47
		expect(unpackRgba(dark[lutIndex(255, 0, true)], true)).toEqual([14, 29, 47]);
	});
});

describe('paint', () => {
	it('lays a field out on a square-ish grid', () => {
		expect(fieldGrid(65_536)).toEqual({ width: 256, height: 256 });
		expect(fieldGrid(1_000_000)).toEqual({ width: 1000, height: 1000 });
		expect(fieldGrid(10)).toEqual({ width: 4, height: 3 });
		expect(fieldGrid(1)).toEqual({ width: 1, height: 1 });
		expect(fieldGrid(0)).toEqual({ width: 1, height: 1 });
	});

	it('maps cells to weights exactly as the core does', () => {
		const map = cellWeightMap(1000, 37, 'sample');
		for (let i = 0; i < 1000; i++) expect(map[i]).toBe(fieldCellWeight(i, 1000, 37, 'sample'));
		expect([...cellWeightMap(5, 2, 'tile')]).toEqual([0, 1, 0, 1, 0]);
	});

	it('marks the weights of frozen groups, per weight and per cell', () => {
		const groups = [
			{ name: 'embedding' as const, offset: 0, length: 2, rows: 1, cols: 2, trainable: false },
			{ name: 'attn.q' as const, offset: 2, length: 2, rows: 1, cols: 2, trainable: true }
		];
		const frozen = frozenWeights(groups, 4)!;
		expect([...frozen]).toEqual([1, 1, 0, 0]);
		expect([...frozenCells(frozen, cellWeightMap(8, 4, 'sample'))]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
		expect(frozenWeights([{ ...groups[1] }], 4)).toBeNull();
	});

	it('paints every cell with the table entry of its bins, and the ragged end with the background', () => {
		const lut = buildLut({ background: [255, 255, 255] });
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.float({ noNaN: true, noDefaultInfinity: true }),
						fc.float({ noNaN: true, noDefaultInfinity: true }),
						fc.boolean()
					),
					{
						minLength: 1,
						maxLength: 200
					}
				),
				fc.float({ min: 0, max: 1e6, noNaN: true }),
				fc.float({ min: 0, max: 1e6, noNaN: true }),
				(cells, vs, ms) => {
					const values = Float32Array.from(cells.map((c) => c[0]));
					const motion = Float32Array.from(cells.map((c) => c[1]));
					const frozen = Uint8Array.from(cells.map((c) => (c[2] ? 1 : 0)));
					const out = new Uint32Array(cells.length + 3);
					paintField(out, values, motion, vs, ms, frozen, lut, 7);
					for (let i = 0; i < cells.length; i++) {
						const want = lut[lutIndex(valueBin(values[i], vs), motionBin(motion[i], ms), frozen[i] === 1)];
						expect(out[i]).toBe(want);
					}
					expect([...out.slice(cells.length)]).toEqual([7, 7, 7]);
				}
			)
		);
	});
});
