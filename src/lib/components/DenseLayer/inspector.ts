/**
 * The inspector's text: for a matrix or a unit, the multiplication written out with the current
 * numbers. Every product and sum comes from the core's `neuron` (the same arithmetic, in the same
 * order, as `denseForward`), so the written-out steps always agree with the drawn values.
 */
import { formatNumber } from '../../core/format.js';
import type { ActivationSpec } from '../../core/ops/activations.js';
import { neuron, type NeuronResult } from '../../core/ops/dense.js';
import type { Matrix } from '../../core/tensor.js';
import type { Translate } from '../../i18n/context.js';
import type { Highlight, InspectorLine } from './dense-layer.js';
import type { DenseLayerKey } from './messages.js';

export interface InspectorInput {
	x: number[];
	w1: Matrix;
	b1: number[];
	w2: Matrix;
	b2: number[];
	activation: ActivationSpec;
}

/** Each hidden and output unit as a single neuron: its terms wᵢ·xᵢ, z and activation. */
export interface UnitBreakdown {
	hidden: NeuronResult[];
	output: NeuronResult[];
}

const column = (m: Matrix, j: number) => m.map((row) => row[j]);

/** Runs every unit through the core's `neuron`, for the written-out steps. */
export function breakdown(layer: InspectorInput): UnitBreakdown {
	const hidden = layer.b1.map((b, j) => neuron(layer.x, column(layer.w1, j), b, layer.activation));
	const a1 = hidden.map((h) => h.a);
	const output = layer.b2.map((b, k) => neuron(a1, column(layer.w2, k), b, 'linear'));
	return { hidden, output };
}

const fmt = (v: number) => formatNumber(v, { digits: 3 });
const p = (v: number) => (v < 0 || Object.is(v, -0) ? `(${fmt(v)})` : fmt(v));
const vec = (vs: number[]) => `[${vs.map(fmt).join(', ')}]`;

function sumLines(
	name: string,
	inName: string,
	wName: string,
	bName: string,
	inputs: number[],
	w: number[],
	b: number,
	unit: NeuronResult,
	j: number
): InspectorLine[] {
	const idx = (i: number) => `${i + 1}${j + 1}`;
	return [
		{
			kind: 'maths',
			text: `${name} = ${inputs.map((_, i) => `${inName}${i + 1}·${wName}_${idx(i)}`).join(' + ')} + ${bName}_${j + 1}`
		},
		{ kind: 'maths', text: `= ${inputs.map((v, i) => `${p(v)}·${p(w[i])}`).join(' + ')} + ${p(b)}` },
		{ kind: 'maths', text: `= ${unit.terms.map(p).join(' + ')} + ${p(b)} = ${fmt(unit.z)}` }
	];
}

/** The inspector's lines for a target. */
export function explain(
	hl: Highlight,
	layer: InspectorInput,
	units: UnitBreakdown,
	t: Translate<DenseLayerKey>
): InspectorLine[] {
	const { x, w1, b1, w2, b2, activation } = layer;
	const a1 = units.hidden.map((h) => h.a);
	const fires = a1.map((a) => a > 0);
	const firingList = () => {
		const on = fires.flatMap((f, j) => (f ? [`h${j + 1}`] : []));
		return on.length ? t('firingList', { list: on.join(', ') }) : t('noneFiring');
	};
	const state = (j: number) => (fires[j] ? t('fires') : t('suppressed'));
	const hiddenShort = (j: number): InspectorLine => ({
		kind: 'maths',
		text: `z1_${j + 1} = ${x.map((v, i) => `${p(v)}·${p(w1[i][j])}`).join(' + ')} + ${p(b1[j])} = ${fmt(units.hidden[j].z)}`
	});
	const outputShort = (k: number): InspectorLine => ({
		kind: 'maths',
		text: `z2_${k + 1} = ${a1.map((v, i) => `${p(v)}·${p(w2[i][k])}`).join(' + ')} + ${p(b2[k])} = ${fmt(units.output[k].z)}`
	});
	const activationLine = (j: number): InspectorLine => ({
		kind: 'maths',
		text: `a1_${j + 1} = ${activation.label}(${fmt(units.hidden[j].z)}) = ${fmt(a1[j])} → ${state(j)}`
	});

	if (hl.layer === 'hidden') {
		const j = hl.unit;
		return [
			{ kind: 'prose', text: t('explainHidden', { n: j + 1 }) },
			...sumLines(`z1_${j + 1}`, 'x', 'w1', 'b1', x, column(w1, j), b1[j], units.hidden[j], j),
			activationLine(j)
		];
	}
	if (hl.layer === 'output') {
		const k = hl.unit;
		return [
			{ kind: 'prose', text: t('explainOutput', { n: k + 1 }) },
			...sumLines(`z2_${k + 1}`, 'a1_', 'w2', 'b2', a1, column(w2, k), b2[k], units.output[k], k)
		];
	}
	if (hl.layer === 'input') {
		const i = hl.unit;
		return [
			{ kind: 'prose', text: t('explainInput', { n: i + 1, value: fmt(x[i]) }) },
			...units.hidden.map((h, j) => ({
				kind: 'maths' as const,
				text: `x${i + 1}·w1_${i + 1}${j + 1} = ${p(x[i])}·${p(w1[i][j])} = ${fmt(h.terms[i])} → h${j + 1}`
			}))
		];
	}
	const dims = {
		X: [1, x.length],
		W1: [x.length, b1.length],
		Z1: [1, b1.length],
		A1: [1, b1.length],
		W2: [b1.length, b2.length],
		Z2: [1, b2.length]
	};
	const m = hl.matrix ?? 'Z1';
	const [rows, cols] = dims[m];
	switch (m) {
		case 'X':
			return [
				{ kind: 'prose', text: t('explainX', { rows, cols }) },
				{ kind: 'maths', text: `X = ${vec(x)}` }
			];
		case 'W1':
			return [
				{ kind: 'prose', text: t('explainW1', { rows, cols }) },
				{ kind: 'maths', text: `Z1 = X·W1 + b1 = ${vec(units.hidden.map((h) => h.z))}` }
			];
		case 'Z1':
			return [{ kind: 'prose', text: t('explainZ1', { rows, cols }) }, ...b1.map((_, j) => hiddenShort(j))];
		case 'A1':
			return [
				{ kind: 'prose', text: t('explainA1', { activation: activation.label, firing: firingList() }) },
				...b1.map((_, j) => activationLine(j))
			];
		case 'W2':
			return [
				{ kind: 'prose', text: t('explainW2', { rows, cols }) },
				{ kind: 'maths', text: `Z2 = A1·W2 + b2 = ${vec(units.output.map((o) => o.z))}` }
			];
		case 'Z2':
			return [{ kind: 'prose', text: t('explainZ2', { rows, cols }) }, ...b2.map((_, k) => outputShort(k))];
	}
}
