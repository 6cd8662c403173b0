/**
 * View helpers of BackpropStepper: names of units and weights, where units sit in the diagram, and
 * the numbers of the chain rule for one weight, picked out of the core's forward and backward
 * records (nothing is recomputed here except f′(z), which the core's activation table provides).
 */
import { getActivation, type ActivationName } from '../../core/ops/activations.js';
import type { ForwardPass, Gradients, Mlp } from '../../core/train/backprop.js';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
/** 12 → "₁₂". */
export function subscript(n: number): string {
	return String(n)
		.split('')
		.map((c) => SUB[Number(c)] ?? c)
		.join('');
}

/** Letters of hidden layers: h for the first, then g, k, m. */
const HIDDEN_LETTERS = ['h', 'g', 'k', 'm', 'n', 'p'];

/**
 * Labels of every unit, layer by layer: inputs as given (x₁, x₂…), hidden units h₁, h₂…, outputs
 * by their token.
 */
export function unitLabels(
	sizes: readonly number[],
	inputs: readonly string[],
	tokens: readonly string[]
): string[][] {
	return sizes.map((n, l) =>
		Array.from({ length: n }, (_, i) => {
			if (l === 0) return inputs[i] ?? `x${subscript(i + 1)}`;
			if (l === sizes.length - 1) return tokens[i] ?? `y${subscript(i + 1)}`;
			return `${HIDDEN_LETTERS[(l - 1) % HIDDEN_LETTERS.length]}${subscript(i + 1)}`;
		})
	);
}

/** A weight: layer l joins unit `from` of layer l to unit `to` of layer l + 1. */
export interface WeightRef {
	layer: number;
	from: number;
	to: number;
}

/** "0:1:2" → { layer 0, from 1, to 2 }, or null when malformed or outside the network. */
export function parseWeight(key: string, sizes: readonly number[]): WeightRef | null {
	const m = /^(\d+):(\d+):(\d+)$/.exec(String(key ?? ''));
	if (!m) return null;
	const [layer, from, to] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (layer >= sizes.length - 1 || from >= sizes[layer] || to >= sizes[layer + 1]) return null;
	return { layer, from, to };
}

export function weightKey(w: WeightRef): string {
	return `${w.layer}:${w.from}:${w.to}`;
}

/** Every weight of the network, layer by layer, row by row. */
export function allWeights(sizes: readonly number[]): WeightRef[] {
	const out: WeightRef[] = [];
	for (let layer = 0; layer + 1 < sizes.length; layer++)
		for (let from = 0; from < sizes[layer]; from++)
			for (let to = 0; to < sizes[layer + 1]; to++) out.push({ layer, from, to });
	return out;
}

/** "w(x₁→h₂)": a weight named by the units it joins. */
export function weightName(w: WeightRef, labels: string[][]): string {
	return `w(${labels[w.layer][w.from]}→${labels[w.layer + 1][w.to]})`;
}

/** "b(h₂)": the bias of a unit of layer l + 1. */
export function biasName(layer: number, unit: number, labels: string[][]): string {
	return `b(${labels[layer + 1][unit]})`;
}

/** Centre of each unit in a `width` × `height` diagram, layers left to right, units spread evenly. */
export function layoutUnits(
	sizes: readonly number[],
	width: number,
	height: number,
	pad = { x: 60, y: 36 }
): { x: number; y: number }[][] {
	const L = sizes.length;
	return sizes.map((n, l) => {
		const x = L === 1 ? width / 2 : pad.x + ((width - 2 * pad.x) * l) / (L - 1);
		return Array.from({ length: n }, (_, i) => ({
			x,
			y: n === 1 ? height / 2 : pad.y + ((height - 2 * pad.y) * i) / (n - 1)
		}));
	});
}

/** An edge to label: from (x1, y1) to (x2, y2), with the label's text. */
export interface EdgeToLabel {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	text: string;
}

/** A placed label: its centre. */
export interface LabelSpot {
	x: number;
	y: number;
}

/** Fractions along an edge tried in turn, nearest the start first. */
const CANDIDATES = [0.3, 0.22, 0.38, 0.46, 0.15, 0.54, 0.62, 0.7];

/**
 * Places each edge's label on the edge, as near its start as it can without overlapping a label
 * already placed or a unit (circles of radius `r` at `units`). Labels are boxes of about
 * `charWidth` px per character by `lineHeight` px. When every candidate collides, the one with the
 * least overlap is used, so every label is placed.
 */
export function placeEdgeLabels(
	edges: readonly EdgeToLabel[],
	units: readonly { x: number; y: number }[],
	r: number,
	charWidth = 6.4,
	lineHeight = 13
): LabelSpot[] {
	const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
	const boxAt = (x: number, y: number, text: string) => {
		const w = text.length * charWidth + 4;
		return { x0: x - w / 2, x1: x + w / 2, y0: y - lineHeight / 2, y1: y + lineHeight / 2 };
	};
	const overlap = (b: { x0: number; x1: number; y0: number; y1: number }) => {
		let o = 0;
		for (const c of boxes) {
			const w = Math.min(b.x1, c.x1) - Math.max(b.x0, c.x0);
			const h = Math.min(b.y1, c.y1) - Math.max(b.y0, c.y0);
			if (w > 0 && h > 0) o += w * h;
		}
		for (const u of units) {
			const dx = Math.max(b.x0 - u.x, 0, u.x - b.x1);
			const dy = Math.max(b.y0 - u.y, 0, u.y - b.y1);
			const d = Math.hypot(dx, dy);
			if (d < r + 1) o += (r + 1 - d) * 10;
		}
		return o;
	};
	return edges.map((e) => {
		let best: { x: number; y: number; o: number } | null = null;
		for (const t of CANDIDATES) {
			const x = e.x1 + (e.x2 - e.x1) * t;
			const y = e.y1 + (e.y2 - e.y1) * t;
			const o = overlap(boxAt(x, y, e.text));
			if (!best || o < best.o) best = { x, y, o };
			if (o === 0) break;
		}
		boxes.push(boxAt(best!.x, best!.y, e.text));
		return { x: best!.x, y: best!.y };
	});
}

/** One term ∂L/∂z′ₖ · wⱼₖ of the sum that carries the error back into a hidden unit. */
export interface ChainTerm {
	/** ∂L/∂z of unit k in the next layer. */
	dz: number;
	/** The weight from this unit to unit k. */
	w: number;
	/** Label of unit k. */
	unit: string;
}

/** The chain rule for one weight, with the numbers of this example. */
export type ChainRule =
	| {
			kind: 'output';
			/** y_j, the output probability (or value) of the unit the weight feeds. */
			y: number;
			/** t_j, its target. */
			t: number;
			/** ∂L/∂z_j (= y_j − t_j for softmax with cross-entropy). */
			dz: number;
			/** The activation feeding the weight. */
			aPrev: number;
			/** ∂L/∂w from the backward pass. */
			grad: number;
	  }
	| {
			kind: 'hidden';
			terms: ChainTerm[];
			/** ∂L/∂a_j, the sum of the terms. */
			da: number;
			/** z_j and f′(z_j). */
			z: number;
			fPrime: number;
			/** ∂L/∂z_j = ∂L/∂a_j · f′(z_j). */
			dz: number;
			aPrev: number;
			grad: number;
	  };

/**
 * Picks out the numbers of the chain rule for weight `w`:
 * - output layer (softmax + cross-entropy): ∂L/∂w = (y_j − t_j) · a_i;
 * - hidden layer: ∂L/∂w = (Σₖ ∂L/∂z′ₖ · wⱼₖ) · f′(z_j) · a_i.
 */
export function chainRule(
	mlp: Mlp,
	pass: ForwardPass,
	grads: Gradients,
	target: readonly number[],
	w: WeightRef,
	activation: ActivationName,
	labels: string[][]
): ChainRule {
	const L = mlp.weights.length;
	const aPrev = w.layer === 0 ? pass.input[w.from] : pass.layers[w.layer - 1].a[w.from];
	const g = grads.layers[w.layer];
	const grad = g.dW[w.from][w.to];
	if (w.layer === L - 1) {
		return { kind: 'output', y: pass.output[w.to], t: target[w.to], dz: g.dZ[w.to], aPrev, grad };
	}
	const next = grads.layers[w.layer + 1];
	const Wn = mlp.weights[w.layer + 1];
	const terms = next.dZ.map((dz, k) => ({ dz, w: Wn[w.to][k], unit: labels[w.layer + 2][k] }));
	const z = pass.layers[w.layer].z[w.to];
	return {
		kind: 'hidden',
		terms,
		da: g.dA[w.to],
		z,
		fPrime: getActivation(activation).df(z),
		dz: g.dZ[w.to],
		aPrev,
		grad
	};
}
