import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../errors.js';
import { createRng } from '../rng.js';
import { closeTo } from '../testing/close.js';
import { attention, attentionHead, createAttentionDemo, headGroups, kvHeadFor } from './attention.js';
import { attentionCases } from './attention.cases.js';

const code = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e instanceof AnatomyError ? e.code : 'other';
	}
	return 'none';
};

/** Direct float64 transcription of S = QKᵀ/√d, W = softmax(S), O = WV, as an independent reference. */
function reference(
	q: ArrayLike<number>,
	k: ArrayLike<number>,
	v: ArrayLike<number>,
	seq: number,
	d: number,
	causal: boolean
) {
	const scores: number[] = [];
	const weights: number[] = [];
	const output: number[] = [];
	for (let i = 0; i < seq; i++) {
		const s: number[] = [];
		for (let j = 0; j < seq; j++) {
			let dot = 0;
			for (let t = 0; t < d; t++) dot += q[i * d + t] * k[j * d + t];
			s.push(causal && j > i ? -Infinity : dot / Math.sqrt(d));
		}
		const mx = Math.max(...s);
		const e = s.map((x) => Math.exp(x - mx));
		const sum = e.reduce((a, b) => a + b, 0);
		const w = e.map((x) => x / sum);
		scores.push(...s);
		weights.push(...w);
		for (let t = 0; t < d; t++) output.push(w.reduce((acc, wj, j) => acc + wj * v[j * d + t], 0));
	}
	return { scores, weights, output };
}

const randn = (n: number, r: ReturnType<typeof createRng>) =>
	Float32Array.from({ length: n }, () => r.normal());

describe('attentionHead golden cases', () => {
	for (const c of attentionCases) {
		it(c.name, () => {
			const { q, k, v, seq, dHead, causal } = c.inputs;
			const got = attentionHead(
				Float32Array.from(q),
				Float32Array.from(k),
				Float32Array.from(v),
				seq,
				dHead,
				{
					causal
				}
			);
			for (const key of ['scores', 'weights', 'output'] as const) {
				const r = closeTo(got[key], c.expected[key]);
				expect(r.ok, `${key}: ${r.message}`).toBe(true);
			}
		});
	}
});

describe('attentionHead', () => {
	it('agrees with a direct float64 transcription for random inputs', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 13 }),
				fc.integer({ min: 1, max: 9 }),
				fc.boolean(),
				fc.integer(),
				(seq, d, causal, seed) => {
					const r = createRng(seed);
					const [q, k, v] = [randn(seq * d, r), randn(seq * d, r), randn(seq * d, r)];
					const got = attentionHead(q, k, v, seq, d, { causal });
					const want = reference(q, k, v, seq, d, causal);
					const tol = { abs: 1e-6, rel: 1e-6 };
					expect(closeTo(got.scores, want.scores, tol).ok).toBe(true);
					expect(closeTo(got.weights, want.weights, tol).ok).toBe(true);
					expect(closeTo(got.output, want.output, tol).ok).toBe(true);
				}
			),
			{ numRuns: 80 }
		);
	});

	it('has rows of weights summing to 1 and zero weight on the future when causal', () => {
		const r = createRng(3);
		const [seq, d] = [9, 4];
		const out = attentionHead(randn(seq * d, r), randn(seq * d, r), randn(seq * d, r), seq, d, {
			causal: true
		});
		for (let i = 0; i < seq; i++) {
			let s = 0;
			for (let j = 0; j < seq; j++) {
				s += out.weights[i * seq + j];
				if (j > i) {
					expect(out.weights[i * seq + j]).toBe(0);
					expect(out.scores[i * seq + j]).toBe(-Infinity);
				}
			}
			expect(s).toBeCloseTo(1, 6);
		}
	});

	it('is not causal unless asked', () => {
		const x = Float32Array.of(1, 2);
		const out = attentionHead(x, x, x, 2, 1);
		expect(out.weights[1]).toBeGreaterThan(0);
	});

	it('gives NaN rows for NaN input instead of hiding it', () => {
		const out = attentionHead(Float32Array.of(NaN, 1), Float32Array.of(1, 1), Float32Array.of(1, 1), 2, 1);
		expect(Number.isNaN(out.weights[0]) && Number.isNaN(out.output[0])).toBe(true);
		expect(out.output[1]).toBe(1);
	});

	it('rejects bad shapes', () => {
		const x = new Float32Array(6);
		expect(code(() => attentionHead(x, x, new Float32Array(5), 2, 3))).toBe('shape-mismatch');
		expect(code(() => attentionHead(x, x, x, 3, 3))).toBe('shape-mismatch');
		expect(code(() => attentionHead(x, x, x, -2, -3))).toBe('shape-mismatch');
		expect(code(() => attentionHead(x, x, x, 2.5, 3))).toBe('shape-mismatch');
	});
});

describe('GQA head mapping', () => {
	it('groups query heads over kv heads', () => {
		expect(headGroups(8, 2)).toEqual([
			[0, 1, 2, 3],
			[4, 5, 6, 7]
		]);
		expect(headGroups(4, 4)).toEqual([[0], [1], [2], [3]]);
		expect(headGroups(4, 1)).toEqual([[0, 1, 2, 3]]);
	});

	it('maps query heads to kv heads: Llama 3 8B has 32 query heads over 8 kv heads (groups of 4)', () => {
		// Published config: num_attention_heads 32, num_key_value_heads 8.
		expect(kvHeadFor(0, 32, 8)).toBe(0);
		expect(kvHeadFor(3, 32, 8)).toBe(0);
		expect(kvHeadFor(4, 32, 8)).toBe(1);
		expect(kvHeadFor(31, 32, 8)).toBe(7);
		expect(kvHeadFor(5, 8, 1)).toBe(0); // MQA
		expect(kvHeadFor(5, 8, 8)).toBe(5); // MHA
	});

	it('agrees with headGroups for every valid pair', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 8 }), (nKv, size) => {
				const nHeads = nKv * size;
				headGroups(nHeads, nKv).forEach((g, kv) =>
					g.forEach((h) => expect(kvHeadFor(h, nHeads, nKv)).toBe(kv))
				);
			})
		);
	});

	it('rejects head counts that do not divide', () => {
		expect(code(() => headGroups(6, 4))).toBe('invalid-config');
		expect(code(() => headGroups(4, 8))).toBe('out-of-range');
		expect(code(() => headGroups(0, 1))).toBe('out-of-range');
		expect(code(() => kvHeadFor(8, 8, 2))).toBe('out-of-range');
		expect(code(() => kvHeadFor(1.5, 8, 2))).toBe('out-of-range');
	});
});

describe('attention (multi-head)', () => {
	const I2 = [
		[1, 0],
		[0, 1]
	];

	it('matches a hand calculation with identity projections', () => {
		// Q = K = V = X = I₂; S = XXᵀ/√2 = I/√2; causal: row 0 sees token 0 only,
		// row 1 sees [0, 1/√2] → W = [1/(1+e^{1/√2}), e^{1/√2}/(1+e^{1/√2})].
		const r = attention({ x: I2, wq: I2, wk: I2, wv: I2, wo: I2, nHeads: 1 });
		const e = Math.exp(Math.SQRT1_2);
		expect(r.dHead).toBe(2);
		expect(closeTo(r.heads[0].scores[0], [Math.SQRT1_2, -Infinity], { abs: 1e-15 }).ok).toBe(true);
		expect(closeTo(r.heads[0].weights.flat(), [1, 0, 1 / (1 + e), e / (1 + e)], { abs: 1e-15 }).ok).toBe(
			true
		);
		// O = W·V = W (V = I), and W_O = I leaves it.
		expect(closeTo(r.output.flat(), [1, 0, 1 / (1 + e), e / (1 + e)], { abs: 1e-15 }).ok).toBe(true);
	});

	it('runs each head as attentionHead does, and projects the concatenation by W_O', () => {
		const demo = createAttentionDemo({
			tokens: ['the', 'cat', 'sat', 'on', 'the', 'mat'],
			dModel: 8,
			nHeads: 4,
			nKvHeads: 2,
			seed: 5
		});
		const r = attention(demo);
		const seq = demo.tokens.length;
		for (const h of r.heads) {
			expect(h.kvHead).toBe(kvHeadFor(h.head, 4, 2));
			const f = (m: number[][]) => Float32Array.from(m.flat());
			const one = attentionHead(f(h.q), f(h.k), f(h.v), seq, r.dHead, { causal: true });
			expect(closeTo(one.weights, h.weights.flat(), { abs: 1e-6 }).ok).toBe(true);
			expect(closeTo(one.output, h.output.flat(), { abs: 1e-6 }).ok).toBe(true);
		}
		// Heads 0 and 1 share kv head 0 (same K and V), heads 2 and 3 share kv head 1.
		expect(r.heads[1].k).toEqual(r.heads[0].k);
		expect(r.heads[3].v).toEqual(r.heads[2].v);
		expect(r.heads[2].k).not.toEqual(r.heads[0].k);
		// output = concat · W_O, written out.
		for (let i = 0; i < seq; i++) {
			for (let c = 0; c < 8; c++) {
				let s = 0;
				for (let t = 0; t < 8; t++) s += r.concat[i][t] * demo.wo[t][c];
				expect(r.output[i][c]).toBeCloseTo(s, 12);
			}
		}
		expect(r.k[0].length).toBe(2 * r.dHead);
	});

	it('without the mask, a token can attend to later tokens', () => {
		const demo = createAttentionDemo({ tokens: ['a', 'b', 'c'], causal: false });
		expect(attention(demo).heads[0].weights[0][2]).toBeGreaterThan(0);
	});

	it('rejects inconsistent inputs', () => {
		expect(code(() => attention({ x: [], wq: I2, wk: I2, wv: I2, wo: I2, nHeads: 1 }))).toBe(
			'invalid-argument'
		);
		expect(code(() => attention({ x: [[1, 0], [0]], wq: I2, wk: I2, wv: I2, wo: I2, nHeads: 1 }))).toBe(
			'shape-mismatch'
		);
		expect(code(() => attention({ x: [[1, NaN]], wq: I2, wk: I2, wv: I2, wo: I2, nHeads: 1 }))).toBe(
			'non-finite'
		);
		expect(
			code(() =>
				attention({
					x: I2,
					wq: [
						[1, 0, 0],
						[0, 1, 0]
					],
					wk: I2,
					wv: I2,
					wo: I2,
					nHeads: 2
				})
			)
		).toBe('invalid-config');
		expect(code(() => attention({ x: I2, wq: I2, wk: I2, wv: I2, wo: I2, nHeads: 2, nKvHeads: 3 }))).toBe(
			'out-of-range'
		);
		expect(code(() => attention({ x: I2, wq: I2, wk: [[1], [0]], wv: I2, wo: I2, nHeads: 1 }))).toBe(
			'shape-mismatch'
		);
	});
});

describe('createAttentionDemo', () => {
	it('is reproducible from its seed and differs across seeds', () => {
		const a = createAttentionDemo({ tokens: ['x', 'y'], seed: 1 });
		const b = createAttentionDemo({ tokens: ['x', 'y'], seed: 1 });
		const c = createAttentionDemo({ tokens: ['x', 'y'], seed: 2 });
		expect(a).toEqual(b);
		expect(a.wq).not.toEqual(c.wq);
	});

	it('gives a repeated token the same embedding up to the position encoding', () => {
		const d = createAttentionDemo({ tokens: ['the', 'cat', 'the'], dModel: 4, nHeads: 2 });
		// PE(pos, 2i) = sin(pos/10000^(2i/4)), PE(pos, 2i+1) = cos(…)
		const pe = (pos: number) => [Math.sin(pos), Math.cos(pos), Math.sin(pos / 100), Math.cos(pos / 100)];
		const raw = (pos: number) => d.x[pos].map((v, c) => v - pe(pos)[c]);
		expect(closeTo(raw(2), raw(0), { abs: 1e-12 }).ok).toBe(true);
		expect(d.x[2]).not.toEqual(d.x[0]);
	});

	it('has the shapes attention needs', () => {
		const d = createAttentionDemo({ tokens: ['a', 'b', 'c'], dModel: 12, nHeads: 6, nKvHeads: 2 });
		expect([d.x.length, d.x[0].length, d.dHead]).toEqual([3, 12, 2]);
		expect([d.wq[0].length, d.wk[0].length, d.wv[0].length, d.wo.length]).toEqual([12, 4, 4, 12]);
	});

	it('rejects bad options', () => {
		expect(code(() => createAttentionDemo({ tokens: [] }))).toBe('invalid-argument');
		expect(code(() => createAttentionDemo({ tokens: ['a'], dModel: 6, nHeads: 4 }))).toBe('invalid-config');
		expect(code(() => createAttentionDemo({ tokens: ['a'], dModel: 0 }))).toBe('out-of-range');
		expect(code(() => createAttentionDemo({ tokens: ['a'], dModel: 1e9 }))).toBe('out-of-range');
	});
});
