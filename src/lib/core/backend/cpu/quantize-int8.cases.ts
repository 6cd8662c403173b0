/**
 * Golden cases for per-row symmetric int8 quantization, run on every backend by the conformance
 * runner. Scales are chosen exactly representable so the codes can be worked by hand.
 */
export interface QuantizeInt8Case {
	readonly name: string;
	readonly inputs: { readonly x: readonly number[]; readonly rows: number; readonly cols: number };
	readonly expected: { readonly codes: readonly number[]; readonly scales: readonly number[] };
	readonly source: string;
}

export const quantizeInt8Cases: readonly QuantizeInt8Case[] = [
	{
		name: 'ties to even, an all-zero row',
		inputs: { x: [31.75, -31.75, 0.125, 0.375, 0.625, -0.375, 1, 0, 0, 0, 0, 0, 0, 0], rows: 2, cols: 7 },
		expected: { codes: [127, -127, 0, 2, 2, -2, 4, 0, 0, 0, 0, 0, 0, 0], scales: [0.25, 0] },
		source:
			'hand: scale = 31.75/127 = 0.25; x/scale = 127, −127, 0.5→0, 1.5→2, 2.5→2, −1.5→−2, 4; zero row: scale 0'
	},
	{
		name: 'rows with their own scales, width not a multiple of 4',
		inputs: { x: [127, 63.5, -1, 15.875, 1, -0.0625], rows: 2, cols: 3 },
		expected: { codes: [127, 64, -1, 127, 8, 0], scales: [1, 0.125] },
		source:
			'hand: row 0 scale 127/127 = 1, 63.5 → 64 (tie to even); row 1 scale 15.875/127 = 0.125, 1/0.125 = 8, ' +
			'−0.0625/0.125 = −0.5 → 0 (tie to even); the packed word 1 holds codes of both rows'
	}
];
