/**
 * The conformance runner: every golden case of every op, executed on one backend and compared
 * with that backend's tolerance (see `TOLERANCES`). The same cases run on the CPU in Node and on
 * WebGPU in Chromium, so the two backends are held to the same hand-worked answers.
 */
import { adamCases } from '../backend/cpu/adam.cases.js';
import { quantizeInt8Cases } from '../backend/cpu/quantize-int8.cases.js';
import type { Backend, BackendName } from '../backend/types.js';
import { attentionCases } from '../ops/attention.cases.js';
import { matmulCases } from '../ops/matmul.cases.js';
import { softmaxCases } from '../ops/softmax.cases.js';
import { closeTo, TOLERANCES, type Tolerance } from './close.js';

/** A golden case tagged with the backend op it exercises. */
export type GoldenCase =
	| { readonly op: 'matmul'; readonly case: (typeof matmulCases)[number] }
	| { readonly op: 'softmaxRows'; readonly case: (typeof softmaxCases)[number] }
	| { readonly op: 'attention'; readonly case: (typeof attentionCases)[number] }
	| { readonly op: 'adamStep'; readonly case: (typeof adamCases)[number] }
	| { readonly op: 'quantizeInt8Rows'; readonly case: (typeof quantizeInt8Cases)[number] };

export type GoldenOp = GoldenCase['op'];

/** Every golden case of every op the backends implement. */
export function allGoldenCases(): GoldenCase[] {
	return [
		...matmulCases.map((c) => ({ op: 'matmul' as const, case: c })),
		...softmaxCases.map((c) => ({ op: 'softmaxRows' as const, case: c })),
		...attentionCases.map((c) => ({ op: 'attention' as const, case: c })),
		...adamCases.map((c) => ({ op: 'adamStep' as const, case: c })),
		...quantizeInt8Cases.map((c) => ({ op: 'quantizeInt8Rows' as const, case: c }))
	];
}

export interface ConformanceResult {
	readonly op: GoldenOp;
	readonly name: string;
	readonly ok: boolean;
	/** The backend that actually computed the result (a GPU backend may route small inputs to the CPU). */
	readonly backend: BackendName | undefined;
	/** What was compared and how far off it was, or the error thrown. */
	readonly message: string;
}

export interface ConformanceOptions {
	/** @default TOLERANCES[backend.name] */
	readonly tolerance?: Partial<Tolerance>;
	/** Run only these ops. */
	readonly ops?: readonly GoldenOp[];
}

const f32 = (xs: readonly number[]) => Float32Array.from(xs);

/** One compared output: name, actual, expected, and a tolerance overriding the backend's. */
type Part = [string, ArrayLike<number>, ArrayLike<number>, Partial<Tolerance>?];

/** Codes are integers: they must match exactly on every backend. */
const EXACT: Tolerance = { abs: 0, rel: 0 };

async function runCase(backend: Backend, g: GoldenCase): Promise<{ backend: BackendName; parts: Part[] }> {
	switch (g.op) {
		case 'matmul': {
			const { a, b, m, k, n } = g.case.inputs;
			const r = await backend.matmul(f32(a), f32(b), m, k, n);
			return { backend: r.backend, parts: [['C', r.data, g.case.expected]] };
		}
		case 'softmaxRows': {
			const { data, rows, cols } = g.case.inputs;
			const r = await backend.softmaxRows(f32(data), rows, cols);
			return { backend: r.backend, parts: [['y', r.data, g.case.expected]] };
		}
		case 'attention': {
			const { q, k, v, seq, dHead, causal } = g.case.inputs;
			const r = await backend.attention(f32(q), f32(k), f32(v), seq, dHead, causal);
			const e = g.case.expected;
			return {
				backend: r.backend,
				parts: [
					['scores', r.scores, e.scores],
					['weights', r.weights, e.weights],
					['output', r.output, e.output]
				]
			};
		}
		case 'adamStep': {
			const { params, grads, m, v, options } = g.case.inputs;
			const r = await backend.adamStep(f32(params), f32(grads), f32(m), f32(v), options);
			const e = g.case.expected;
			return {
				backend: r.backend,
				parts: [
					['params', r.params, e.params],
					['m', r.m, e.m],
					['v', r.v, e.v]
				]
			};
		}
		case 'quantizeInt8Rows': {
			const { x, rows, cols } = g.case.inputs;
			const r = await backend.quantizeInt8Rows(f32(x), rows, cols);
			return {
				backend: r.backend,
				parts: [
					['scales', r.scales, g.case.expected.scales],
					['codes', r.codes, g.case.expected.codes, EXACT]
				]
			};
		}
	}
}

/**
 * Runs golden cases on `backend` and reports each one. Never throws for a failing case: a
 * mismatch or an exception becomes `ok: false` with a message, so one report shows them all.
 */
export async function runConformance(
	backend: Backend,
	cases: readonly GoldenCase[] = allGoldenCases(),
	options: ConformanceOptions = {}
): Promise<ConformanceResult[]> {
	const tolerance = options.tolerance ?? TOLERANCES[backend.name];
	const results: ConformanceResult[] = [];
	for (const g of cases) {
		if (options.ops && !options.ops.includes(g.op)) continue;
		try {
			const r = await runCase(backend, g);
			const bad: string[] = [];
			for (const [what, actual, expected, own] of r.parts) {
				const c = closeTo(actual, expected, own ?? tolerance);
				if (!c.ok) bad.push(`${what}: ${c.message}`);
			}
			results.push({
				op: g.op,
				name: g.case.name,
				ok: bad.length === 0,
				backend: r.backend,
				message: bad.length ? bad.join('; ') : `${r.parts.map((p) => p[0]).join(', ')} agree`
			});
		} catch (e) {
			results.push({
				op: g.op,
				name: g.case.name,
				ok: false,
				backend: undefined,
				message: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`
			});
		}
	}
	return results;
}
