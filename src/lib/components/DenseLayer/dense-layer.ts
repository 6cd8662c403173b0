/**
 * Input handling for DenseLayer, kept out of the view: sizes clamped to what the figure can draw,
 * seeded example weights for any matrix not given, explicit matrices checked for shape (a clear
 * message instead of a throw), and the input row padded or cut to the number of inputs.
 */
import { createRng, type Rng } from '../../core/rng.js';
import type { Matrix } from '../../core/tensor.js';
import type { DenseLayerKey } from './messages.js';
import type { DenseLayerMatrix, DenseLayerTarget } from './types.js';

/** Units per layer the figure draws at most. */
export const MAX_UNITS = 8;

export interface Notice {
	key: DenseLayerKey;
	params?: Record<string, string | number>;
}

export interface LayerSizes {
	inputs: number;
	hidden: number;
	outputs: number;
}

export type ResolvedLayer =
	| {
			ok: true;
			sizes: LayerSizes;
			x: number[];
			w1: Matrix;
			b1: number[];
			w2: Matrix;
			b2: number[];
			notices: Notice[];
	  }
	| { ok: false; error: Notice; notices: Notice[] };

export interface LayerProps {
	inputs?: number;
	hidden?: number;
	outputs?: number;
	x?: unknown;
	w1?: unknown;
	b1?: unknown;
	w2?: unknown;
	b2?: unknown;
	seed?: number;
}

/**
 * A seeded example weight matrix: uniform in [−1, 1], rounded to two decimals so that a reader can
 * redo each multiplication by hand.
 */
export function exampleWeights(rows: number, cols: number, rng: Rng): Matrix {
	return Array.from({ length: rows }, () =>
		Array.from({ length: cols }, () => Math.round((rng.next() * 2 - 1) * 100) / 100 || 0)
	);
}

/** Clamps a size prop to a whole number in [1, MAX_UNITS]; a non-number becomes `fallback`. */
export function clampSize(value: unknown, fallback: number): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
	return Math.min(MAX_UNITS, Math.max(1, Math.round(value)));
}

function isMatrix(m: unknown): m is unknown[][] {
	return Array.isArray(m) && m.length > 0 && m.every((r) => Array.isArray(r));
}

/** Resolves the props into a layer the core can run, or the first shape problem as a notice. */
export function resolveLayer(props: LayerProps): ResolvedLayer {
	const notices: Notice[] = [];
	let bad = false;
	const num = (v: unknown) => {
		if (typeof v === 'number' && Number.isFinite(v)) return v;
		bad = true;
		return 0;
	};
	const size = (value: number | undefined, fallback: number, what: string) => {
		if (value === undefined) return fallback;
		const v = clampSize(value, fallback);
		if (v !== value) notices.push({ key: 'sizeClamped', params: { what, max: MAX_UNITS, value: v } });
		return v;
	};
	const fail = (error: Notice): ResolvedLayer => ({ ok: false, error, notices });

	// Check explicit matrices first: they fix the sizes.
	const given: Partial<Record<'w1' | 'w2', number[][]>> = {};
	for (const name of ['w1', 'w2'] as const) {
		const m = props[name];
		if (m === undefined || m === null) continue;
		const label = name.toUpperCase();
		if (!isMatrix(m) || m[0].length === 0) return fail({ key: 'emptyMatrix', params: { name: label } });
		const cols = m[0].length;
		for (let r = 0; r < m.length; r++) {
			if (m[r].length !== cols) {
				return fail({ key: 'ragged', params: { name: label, row: r + 1, got: m[r].length, expected: cols } });
			}
		}
		if (m.length > MAX_UNITS || cols > MAX_UNITS) {
			return fail({ key: 'tooLarge', params: { name: label, rows: m.length, cols, max: MAX_UNITS } });
		}
		given[name] = m.map((row) => row.map(num));
	}
	const w1g = given.w1;
	const w2g = given.w2;
	if (w1g && w2g && w1g[0].length !== w2g.length) {
		return fail({
			key: 'shapeMismatch',
			params: { left: 'A1', lr: 1, lc: w1g[0].length, right: 'W2', rr: w2g.length, rc: w2g[0].length }
		});
	}
	const inputs = w1g ? w1g.length : size(props.inputs, 2, 'inputs');
	const hidden = w1g ? w1g[0].length : w2g ? w2g.length : size(props.hidden, 3, 'hidden');
	const outputs = w2g ? w2g[0].length : size(props.outputs, 2, 'outputs');

	const rng = createRng(typeof props.seed === 'number' && Number.isFinite(props.seed) ? props.seed : 42);
	const w1 = w1g ?? exampleWeights(inputs, hidden, rng);
	const w2 = w2g ?? exampleWeights(hidden, outputs, rng);

	const bias = (b: unknown, n: number, name: string): number[] | Notice => {
		if (b === undefined || b === null) return new Array(n).fill(0);
		if (!Array.isArray(b) || b.length !== n) {
			return { key: 'biasLength', params: { name, got: Array.isArray(b) ? b.length : 0, expected: n } };
		}
		return b.map(num);
	};
	const b1 = bias(props.b1, hidden, 'b1');
	if (!Array.isArray(b1)) return fail(b1);
	const b2 = bias(props.b2, outputs, 'b2');
	if (!Array.isArray(b2)) return fail(b2);

	const xs = Array.isArray(props.x) ? (props.x as unknown[]) : [];
	if (props.x !== undefined && xs.length !== inputs) {
		notices.push({ key: 'xLength', params: { got: xs.length, expected: inputs } });
	}
	const x = Array.from({ length: inputs }, (_, i) => (i < xs.length ? num(xs[i]) : 0));
	if (bad) notices.push({ key: 'notFinite' });
	return { ok: true, sizes: { inputs, hidden, outputs }, x, w1, b1, w2, b2, notices };
}

/** The parts of the computation a target involves, for highlighting. */
export interface Highlight {
	matrix: DenseLayerMatrix | null;
	/** 0-based index of the focused unit, or -1. */
	unit: number;
	layer: 'input' | 'hidden' | 'output' | null;
}

const MATRICES: readonly string[] = ['X', 'W1', 'Z1', 'A1', 'W2', 'Z2'];

/** Parses a target ('W1', 'h2', …) against the sizes; anything invalid falls back to the first hidden unit. */
export function parseTarget(target: unknown, sizes: LayerSizes): Highlight {
	if (typeof target === 'string') {
		if (MATRICES.includes(target)) return { matrix: target as DenseLayerMatrix, unit: -1, layer: null };
		const m = /^([xho])([1-9]\d*)$/.exec(target);
		if (m) {
			const i = Number(m[2]) - 1;
			const layer = m[1] === 'x' ? 'input' : m[1] === 'h' ? 'hidden' : 'output';
			const n = layer === 'input' ? sizes.inputs : layer === 'hidden' ? sizes.hidden : sizes.outputs;
			if (i < n) return { matrix: null, unit: i, layer };
		}
	}
	return { matrix: null, unit: 0, layer: 'hidden' };
}

/** The target name of a unit: `x1`, `h2`, `o1`. */
export function unitTarget(layer: 'input' | 'hidden' | 'output', index: number): DenseLayerTarget {
	return `${layer === 'input' ? 'x' : layer === 'hidden' ? 'h' : 'o'}${index + 1}`;
}

/** What the forward pass produced, as the view uses it (one input row). */
export interface LayerValues {
	z1: number[];
	a1: number[];
	z2: number[];
	fires: boolean[];
}

/** A line of the inspector: plain text, marked as an equation or as prose. */
export interface InspectorLine {
	text: string;
	kind: 'prose' | 'maths';
}

/** Matrices shown in the matrix view, biases included. */
export type ShownMatrix = DenseLayerMatrix | 'b1' | 'b2';

/** Whether cell (r, c) of `matrix` takes part in what the target computes. */
export function cellActive(hl: Highlight, matrix: ShownMatrix, r: number, c: number): boolean {
	if (hl.matrix) return hl.matrix === matrix;
	const u = hl.unit;
	switch (hl.layer) {
		case 'input':
			return (matrix === 'X' && c === u) || (matrix === 'W1' && r === u);
		case 'hidden':
			return (
				matrix === 'X' ||
				((matrix === 'W1' || matrix === 'b1' || matrix === 'Z1' || matrix === 'A1') && c === u)
			);
		case 'output':
			return matrix === 'A1' || ((matrix === 'W2' || matrix === 'b2' || matrix === 'Z2') && c === u);
		default:
			return false;
	}
}

/** The unit a cell in column `c` belongs to, so that hovering a cell inspects that unit. */
export function cellTarget(matrix: ShownMatrix, c: number): DenseLayerTarget {
	switch (matrix) {
		case 'X':
			return `x${c + 1}`;
		case 'W2':
		case 'b2':
		case 'Z2':
			return `o${c + 1}`;
		default:
			return `h${c + 1}`;
	}
}
