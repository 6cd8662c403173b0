/**
 * Input handling for NeuronPlot, kept out of the view: props that may hold anything (NaN, too many
 * inputs, weights of the wrong length) become a clean neuron plus notices to show, and the curve
 * is sampled over a range that holds the current z.
 */
import type { NeuronPlotKey } from './messages.js';

/** Inputs shown at most. */
export const MAX_INPUTS = 8;

export interface Notice {
	key: NeuronPlotKey;
	params?: Record<string, string | number>;
}

export interface CleanNeuron {
	inputs: number[];
	weights: number[];
	bias: number;
	notices: Notice[];
}

function finite(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Cleans the neuron's props: 1–{@link MAX_INPUTS} inputs, one weight per input (missing ones 0,
 * extra ones dropped), non-finite values replaced by 0. Each repair adds a notice.
 */
export function cleanNeuron(inputs: unknown, weights: unknown, bias: unknown): CleanNeuron {
	const notices: Notice[] = [];
	let xs = Array.isArray(inputs) ? (inputs as unknown[]) : [];
	if (xs.length === 0) {
		notices.push({ key: 'noInputs' });
		xs = [0];
	}
	const given = xs.length;
	if (xs.length > MAX_INPUTS) {
		notices.push({ key: 'tooMany', params: { max: MAX_INPUTS } });
		xs = xs.slice(0, MAX_INPUTS);
	}
	const ws = Array.isArray(weights) ? (weights as unknown[]) : [];
	if (ws.length !== given && !notices.some((n) => n.key === 'noInputs')) {
		notices.push({ key: 'lengthMismatch', params: { inputs: given, weights: ws.length } });
	}
	let bad = false;
	const fix = (v: unknown) => {
		if (finite(v)) return v;
		bad = true;
		return 0;
	};
	const cleanInputs = xs.map(fix);
	const cleanWeights = xs.map((_, i) => (i < ws.length ? fix(ws[i]) : 0));
	const cleanBias = bias === undefined ? 0 : fix(bias);
	if (bad) notices.push({ key: 'notFinite' });
	return { inputs: cleanInputs, weights: cleanWeights, bias: cleanBias, notices };
}

/** A half-range for the curve: at least `min`, wide enough for z (with a margin), at most `max`. */
export function curveHalfRange(z: number, min = 4, max = 50): number {
	if (!Number.isFinite(z)) return max;
	return Math.min(max, Math.max(min, Math.ceil(Math.abs(z) * 1.15)));
}

/** Points (x, f(x)) at `count` evenly spaced x in [lo, hi]; non-finite values are skipped. */
export function sampleCurve(
	f: (x: number) => number,
	lo: number,
	hi: number,
	count = 241
): { x: number; y: number }[] {
	const out: { x: number; y: number }[] = [];
	const n = Math.max(2, Math.floor(count));
	for (let i = 0; i < n; i++) {
		const x = lo + ((hi - lo) * i) / (n - 1);
		const y = f(x);
		if (Number.isFinite(y)) out.push({ x, y });
	}
	return out;
}
