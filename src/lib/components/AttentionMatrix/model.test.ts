import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisors, MAX_TOKENS, resolveAttention, type AttentionInput } from './model.js';

const base: AttentionInput = { causal: true, nHeads: 4, nKvHeads: 2, dHead: 4, seed: 42 };

describe('resolveAttention (demo)', () => {
	it('runs the default sentence through 4 query heads sharing 2 K/V heads', () => {
		const { data, notices, error } = resolveAttention(base);
		expect(error).toBeNull();
		expect(notices).toEqual([]);
		expect(data!.seq).toBe(10);
		expect(data!.heads.map((h) => h.kvHead)).toEqual([0, 0, 1, 1]);
		// heads of one group read the same K and V; heads of different groups do not
		expect(data!.heads[1].k).toEqual(data!.heads[0].k);
		expect(data!.heads[1].v).toEqual(data!.heads[0].v);
		expect(data!.heads[2].k).not.toEqual(data!.heads[0].k);
	});

	it('under the causal mask the first row is [1, 0, …] and future scores are −∞', () => {
		const h = resolveAttention({ ...base, tokens: ['a', 'b'] }).data!.heads[0];
		expect(Array.from(h.weights.subarray(0, 2))).toEqual([1, 0]);
		expect(h.scores![1]).toBe(-Infinity);
	});

	it('matches scores and weights computed by hand from its own Q and K', () => {
		const h = resolveAttention({ ...base, causal: false, tokens: ['x', 'y', 'z'] }).data!.heads[3];
		const n = 3;
		const d = 4;
		for (let i = 0; i < n; i++) {
			const s = [0, 1, 2].map((j) => {
				let dot = 0;
				for (let c = 0; c < d; c++) dot += h.q![i * d + c] * h.k![j * d + c];
				return dot / 2; // √4 = 2
			});
			const e = s.map((v) => Math.exp(v));
			const z = e[0] + e[1] + e[2];
			for (let j = 0; j < n; j++) {
				expect(h.scores![i * n + j]).toBeCloseTo(s[j], 12);
				expect(h.weights[i * n + j]).toBeCloseTo(e[j] / z, 12);
			}
			// output row = Σⱼ wᵢⱼ Vⱼ
			for (let c = 0; c < d; c++) {
				let o = 0;
				for (let j = 0; j < n; j++) o += h.weights[i * n + j] * h.v![j * d + c];
				expect(h.output![i * d + c]).toBeCloseTo(o, 12);
			}
		}
	});

	it('every weight row sums to 1 for any sentence, seed and mask (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
				fc.integer(),
				fc.boolean(),
				(tokens, seed, causal) => {
					const { data } = resolveAttention({ ...base, tokens, seed, causal });
					const n = data!.seq;
					for (const h of data!.heads)
						for (let i = 0; i < n; i++) {
							let s = 0;
							for (let j = 0; j < n; j++) s += h.weights[i * n + j];
							if (Math.abs(s - 1) > 1e-12) return false;
						}
					return true;
				}
			),
			{ numRuns: 40 }
		);
	});

	it('clamps head counts and falls back to a divisor when K/V heads do not divide the query heads', () => {
		const r = resolveAttention({ ...base, nHeads: 6, nKvHeads: 4 });
		expect(r.notices).toEqual([{ key: 'gqaMismatch', params: { heads: 6, kv: 4, fallback: 3 } }]);
		expect(r.data!.nKvHeads).toBe(3);
		expect(resolveAttention({ ...base, nHeads: 0, nKvHeads: 0 }).data!.nHeads).toBe(1);
		expect(resolveAttention({ ...base, nHeads: -3 }).data!.nHeads).toBe(1);
		expect(resolveAttention({ ...base, nHeads: NaN, nKvHeads: NaN }).data!.nHeads).toBe(4);
		expect(resolveAttention({ ...base, nHeads: 1e9, nKvHeads: 1 }).data!.nHeads).toBe(16);
		expect(resolveAttention({ ...base, dHead: NaN }).data!.dHead).toBe(4);
		expect(resolveAttention({ ...base, dHead: 0 }).data!.dHead).toBe(1);
	});

	it('cuts 5,000 tokens to the first 1,024 with a notice', () => {
		const tokens = Array.from({ length: 5000 }, (_, i) => `t${i}`);
		const r = resolveAttention({ ...base, nHeads: 1, nKvHeads: 1, tokens });
		expect(r.notices).toEqual([{ key: 'tooManyTokens', params: { count: 5000, max: MAX_TOKENS } }]);
		expect(r.data!.seq).toBe(1024);
		expect(r.data!.tokens.at(-1)).toBe('t1023');
	});

	it('splits text into words and punctuation; size gives filler tokens; nothing gives an empty notice', () => {
		expect(resolveAttention({ ...base, text: 'Dogs chase cats.' }).data!.tokens).toEqual([
			'Dogs',
			'chase',
			'cats',
			'.'
		]);
		expect(resolveAttention({ ...base, size: 40 }).data!.seq).toBe(40);
		for (const r of [
			resolveAttention({ ...base, tokens: [] }),
			resolveAttention({ ...base, text: '   ' }),
			resolveAttention({ ...base, size: -5 }),
			resolveAttention({ ...base, size: NaN })
		]) {
			expect(r.data).toBeNull();
			expect(r.notices.map((x) => x.key)).toEqual(['empty']);
		}
	});
});

describe('resolveAttention (weights passed in)', () => {
	it('takes square nested rows or a flat array with seq', () => {
		const r = resolveAttention({
			...base,
			weights: [
				[1, 0],
				[0.25, 0.75]
			],
			tokens: ['I', 'am']
		});
		expect(r.data!.source).toBe('weights');
		expect(Array.from(r.data!.heads[0].weights)).toEqual([1, 0, 0.25, 0.75]);
		expect(r.data!.tokens).toEqual(['I', 'am']);
		const f = resolveAttention({ ...base, weights: new Float32Array([0.5, 0.5, 0.5, 0.5]), seq: 2 });
		expect(f.data!.tokens).toEqual(['#0', '#1']);
	});

	it('reports wrong shapes, a missing seq and non-finite values instead of throwing', () => {
		const reason = (r: ReturnType<typeof resolveAttention>) => r.error?.params?.reason;
		expect(reason(resolveAttention({ ...base, weights: [[1, 0], [1]] }))).toMatch(
			/row 1 has 1 values, expected 2/
		);
		expect(reason(resolveAttention({ ...base, weights: [[1, 0]] }))).toMatch(
			/row 0 has 2 values, expected 1/
		);
		expect(reason(resolveAttention({ ...base, weights: new Float32Array(4) }))).toMatch(/needs seq/);
		expect(reason(resolveAttention({ ...base, weights: new Float32Array(4), seq: 1.5 }))).toMatch(
			/needs seq/
		);
		expect(reason(resolveAttention({ ...base, weights: new Float32Array(10), seq: 3 }))).toMatch(/10 values/);
		expect(reason(resolveAttention({ ...base, weights: [[NaN]] }))).toMatch(/NaN at row 0, column 0/);
		expect(reason(resolveAttention({ ...base, weights: [[Infinity]] }))).toMatch(/Infinity/);
	});

	it('cuts a map larger than 1,024 to its top-left corner with a notice', () => {
		const n = 1030;
		const w = new Float32Array(n * n);
		w[1 * n + 1] = 0.5;
		w[1 * n + 1029] = 0.5;
		const r = resolveAttention({ ...base, weights: w, seq: n });
		expect(r.notices[0].key).toBe('tooManyTokens');
		expect(r.data!.seq).toBe(1024);
		expect(r.data!.heads[0].weights[1 * 1024 + 1]).toBe(0.5);
	});
});

describe('divisors', () => {
	it('lists the K/V head counts that share n query heads evenly', () => {
		expect(divisors(8)).toEqual([1, 2, 4, 8]);
		expect(divisors(6)).toEqual([1, 2, 3, 6]);
		expect(divisors(1)).toEqual([1]);
	});
});
