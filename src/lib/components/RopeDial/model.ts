/**
 * Turns RopeDial's props into what it draws, with all the maths from the core's RoPE op: the
 * frequencies θᵢ, the rotated query and key at their positions, the score before and after
 * rotation and after shifting both positions, and the score against the offset m − n. Bad input
 * never throws: it is clamped (with a notice where the reader should know) or comes back as an error.
 */
import { AnatomyError } from '../../core/errors.js';
import { matmulF64 } from '../../core/ops/matmul.js';
import { rope, ropeAngles, ropeDot, ropeFrequencies, type RopeScaling } from '../../core/ops/rope.js';
import { createRng } from '../../core/rng.js';
import type { RopeDialKey } from './messages.js';

/** Bases offered by the control: small ones turn visibly, 10 000 is RoFormer/Llama 2, 500 000 Llama 3. */
export const BASES = [100, 1000, 10000, 500000, 1000000];
/** Head widths offered by the control. */
export const HEAD_WIDTHS = [2, 4, 8, 16, 32, 64, 128];
export const MAX_D_HEAD = 256;
export const MAX_POSITION = 100_000;
/** Points drawn at most on the score-against-offset chart. */
const CHART_POINTS = 601;
/** Offsets charted at most on each side of 0. */
const CHART_RANGE = 512;

export interface Notice {
	key: RopeDialKey;
	params?: Record<string, string | number>;
}

export interface RopeInput {
	q?: ArrayLike<number>;
	k?: ArrayLike<number>;
	dHead: number;
	base: number;
	m: number;
	n: number;
	s: number;
	seed: number;
	maxPosition: number;
	maxDials: number;
	scaling?: RopeScaling;
}

/** One pair's row of the data table. */
export interface PairRow {
	pair: number;
	/** θᵢ, radians per position. */
	theta: number;
	/** m·θᵢ, radians. */
	angleQ: number;
	/** n·θᵢ, radians. */
	angleK: number;
	/** This pair's share of the rotated score rope(q, m)·rope(k, n). */
	contribution: number;
}

export interface RopeModel {
	dHead: number;
	base: number;
	seed: number;
	/** Number of rotating pairs, dHead / 2. */
	pairs: number;
	/** θᵢ per pair. */
	freqs: Float64Array;
	/** Pairs drawn as dials, fastest first. */
	shown: number[];
	q: Float64Array;
	k: Float64Array;
	m: number;
	n: number;
	s: number;
	maxPosition: number;
	/** q·k with no rotation. */
	before: number;
	/** rope(q, m)·rope(k, n). */
	after: number;
	/** rope(q, m + s)·rope(k, n + s). */
	shifted: number;
	/** Whether `after` and `shifted` agree to rounding. */
	equal: boolean;
	/** Score against offset m − n, with the key at n. */
	chart: { offset: number; score: number }[];
	table: PairRow[];
	/** Longest pair (of q or k) among the dials: drawn as the dial's radius. */
	scale: number;
	notices: Notice[];
	error: Notice | null;
	scaling?: RopeScaling;
}

const intIn = (v: unknown, lo: number, hi: number, fallback: number) =>
	typeof v === 'number' && Number.isFinite(v) ? Math.max(lo, Math.min(hi, Math.round(v))) : fallback;

const round6 = (v: number) => Number(v.toPrecision(6));

/** Seeded N(0, 1) query and key vectors of width d. */
export function demoVectors(d: number, seed: number): { q: Float64Array; k: Float64Array } {
	const rng = createRng(seed);
	const q = new Float64Array(d);
	const k = new Float64Array(d);
	for (let i = 0; i < d; i++) q[i] = rng.normal();
	for (let i = 0; i < d; i++) k[i] = rng.normal();
	return { q, k };
}

/** Indices of `count` pairs spread evenly from the fastest (0) to the slowest (pairs − 1). */
export function spreadPairs(pairs: number, count: number): number[] {
	if (count >= pairs) return Array.from({ length: pairs }, (_, i) => i);
	if (count <= 1) return [0];
	const out = new Set<number>();
	for (let j = 0; j < count; j++) out.add(Math.round((j * (pairs - 1)) / (count - 1)));
	return [...out];
}

/** Why a vector cannot be used, or null when it can. */
function vectorProblem(v: ArrayLike<number>, name: string): string | null {
	if (!v || typeof v.length !== 'number') return `${name} is not a list of numbers`;
	if (v.length < 2 || v.length % 2 !== 0 || v.length > MAX_D_HEAD)
		return `${name} has ${v.length} numbers; RoPE needs an even count from 2 to ${MAX_D_HEAD}`;
	for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return `${name}[${i}] is ${v[i]}`;
	return null;
}

/** Resolves the props into the model the view draws. */
export function resolveRope(input: RopeInput): RopeModel {
	const notices: Notice[] = [];
	const seed = Number.isFinite(input.seed) ? input.seed : 7;

	// Head width: from q and k when both are given and valid, else the prop (even, 2–256).
	let d = intIn(input.dHead, 2, MAX_D_HEAD, 8);
	if (d % 2 !== 0) {
		const used = Math.min(MAX_D_HEAD, d + 1);
		notices.push({ key: 'oddWidth', params: { used } });
		d = used;
	}
	let vectors: { q: Float64Array; k: Float64Array } | null = null;
	if (input.q !== undefined || input.k !== undefined) {
		const problem =
			(input.q === undefined ? 'q is missing' : vectorProblem(input.q, 'q')) ??
			(input.k === undefined ? 'k is missing' : vectorProblem(input.k, 'k')) ??
			(input.q!.length !== input.k!.length
				? `q has ${input.q!.length} numbers and k ${input.k!.length}`
				: null);
		if (problem) notices.push({ key: 'badVector', params: { dHead: d, reason: problem } });
		else {
			d = input.q!.length;
			vectors = { q: Float64Array.from(input.q!), k: Float64Array.from(input.k!) };
		}
	}
	vectors ??= demoVectors(d, seed);

	let base = input.base;
	if (!(typeof base === 'number' && Number.isFinite(base) && base > 1)) {
		notices.push({ key: 'badBase', params: { base: String(base), used: 10000 } });
		base = 10000;
	}
	const maxPosition = intIn(input.maxPosition, 1, MAX_POSITION, 32);
	const m = intIn(input.m, 0, MAX_POSITION, 0);
	const n = intIn(input.n, 0, MAX_POSITION, 0);
	const s = intIn(input.s, 0, MAX_POSITION, 0);
	const pairs = d / 2;
	const shown = spreadPairs(pairs, intIn(input.maxDials, 1, 64, 8));
	const opts = { base, scaling: input.scaling };
	const { q, k } = vectors;

	const empty: RopeModel = {
		dHead: d,
		base,
		seed,
		pairs,
		freqs: new Float64Array(pairs),
		shown,
		q,
		k,
		m,
		n,
		s,
		maxPosition,
		before: 0,
		after: 0,
		shifted: 0,
		equal: false,
		chart: [],
		table: [],
		scale: 1,
		notices,
		error: null,
		scaling: input.scaling
	};
	try {
		const freqs = ropeFrequencies(d, base, { scaling: input.scaling });
		const before = ropeDot(q, k, 0, 0, opts); // position 0 is the identity rotation
		const after = ropeDot(q, k, m, n, opts);
		const shifted = ropeDot(q, k, m + s, n + s, opts);
		const size = Math.abs(ropeDot(q, q, 0, 0, opts) * ropeDot(k, k, 0, 0, opts)) ** 0.5;
		const equal = Math.abs(after - shifted) <= 1e-9 * (1 + size);

		const range = Math.min(maxPosition, CHART_RANGE);
		const step = Math.max(1, Math.ceil((2 * range) / (CHART_POINTS - 1)));
		const chart: { offset: number; score: number }[] = [];
		for (let off = -range; off <= range; off += step)
			chart.push({ offset: off, score: ropeDot(q, k, n + off, n, opts) });

		const angQ = ropeAngles(m, d, opts);
		const angK = ropeAngles(n, d, opts);
		const rq = rope(q, m, opts);
		const rk = rope(k, n, opts);
		const table: PairRow[] = [];
		for (let i = 0; i < pairs; i++) {
			const contribution = matmulF64([rq[2 * i], rq[2 * i + 1]], [rk[2 * i], rk[2 * i + 1]], 1, 2, 1)[0];
			table.push({
				pair: i,
				theta: round6(freqs[i]),
				angleQ: round6(angQ[i]),
				angleK: round6(angK[i]),
				contribution: round6(contribution)
			});
		}
		let scale = 0;
		for (const i of shown)
			scale = Math.max(scale, Math.hypot(q[2 * i], q[2 * i + 1]), Math.hypot(k[2 * i], k[2 * i + 1]));
		return { ...empty, freqs, before, after, shifted, equal, chart, table, scale: scale || 1 };
	} catch (e) {
		if (!(e instanceof AnatomyError) && !(e instanceof Error)) throw e;
		return { ...empty, error: { key: 'coreError', params: { reason: e.message } } };
	}
}

/** A pair as drawn: (x, y). */
export type Pair = [number, number];

/**
 * The shown pairs of q rotated to `mAt` and of k rotated to `nAt` (positions relative to the
 * frame, possibly fractional while the dials move), and of the shifted q and k when given.
 */
export function displayPairs(
	model: RopeModel,
	mAt: number,
	nAt: number,
	msAt: number | null,
	nsAt: number | null
): { q: Pair; k: Pair; qs?: Pair; ks?: Pair }[] {
	if (model.error) return [];
	const opts = { base: model.base, scaling: model.scaling };
	const rq = rope(model.q, mAt, opts);
	const rk = rope(model.k, nAt, opts);
	const rqs = msAt === null ? null : rope(model.q, msAt, opts);
	const rks = nsAt === null ? null : rope(model.k, nsAt, opts);
	const pair = (v: Float64Array, i: number): Pair => [v[2 * i], v[2 * i + 1]];
	return model.shown.map((i) => ({
		q: pair(rq, i),
		k: pair(rk, i),
		qs: rqs ? pair(rqs, i) : undefined,
		ks: rks ? pair(rks, i) : undefined
	}));
}
