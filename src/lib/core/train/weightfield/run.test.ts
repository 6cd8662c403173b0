import { describe, expect, it } from 'vitest';
import { AnatomyError } from '../../errors.js';
import { createRng } from '../../rng.js';
import { createToyLanguage, toyText } from './corpus.js';
import { LORA_TARGETS } from './lora.js';
import { createWeightFieldRun, type WeightFieldSnapshot } from './run.js';
import { subseed } from './subseed.js';

const LN_20 = 2.995732273553991; // ln 20: cross-entropy of a uniform guess over the 20 characters

function allFinite(s: WeightFieldSnapshot) {
	for (const a of [s.weights, s.baseWeights, s.updates, s.gradients, s.adamM, s.adamV]) {
		if (!a.every(Number.isFinite)) return false;
	}
	return [s.loss, s.valLoss, s.lr, s.updateStrength, s.gradNorm, s.attentionSpread].every(Number.isFinite);
}

function groupSlice(s: WeightFieldSnapshot, a: Float32Array, name: string) {
	const g = s.groups.find((x) => x.name === name)!;
	return Array.from(a.subarray(g.offset, g.offset + g.length));
}

/** Entropy (nats) of the character frequencies of a long sample of pretraining text. */
function unigramEntropy(seed: number) {
	const text = toyText('language', createToyLanguage(subseed(seed, 1)), createRng(123), 50_000);
	const counts = new Map<string, number>();
	for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
	let h = 0;
	for (const n of counts.values()) h -= (n / text.length) * Math.log(n / text.length);
	return h;
}

describe('weight-field run: pretraining', () => {
	it('starts near ln 20 and learns: after 200 steps the loss is far below ln 20 and below the unigram entropy', () => {
		const run = createWeightFieldRun({ seed: 1 });
		// V·d + T·d + 4d² + 2·d·4d + 4d + 7d + d·V at V = 20, d = T = 24:
		// 480 + 576 + 2304 + 4608 + 96 + 168 + 480 = 8712
		expect(run.weightCount).toBe(8712);
		const s0 = run.snapshot();
		expect(s0.stage).toBe('pretrain');
		expect(s0.uniformLoss).toBeCloseTo(LN_20, 12);
		expect(Math.abs(s0.valLoss - LN_20)).toBeLessThan(0.05);
		run.step(200);
		const h = run.history;
		expect(h.length).toBe(200);
		expect(Math.abs(h[0].loss - LN_20)).toBeLessThan(0.1);
		const last = h.slice(-20).reduce((a, p) => a + p.loss, 0) / 20;
		expect(last).toBeLessThan(0.6 * LN_20);
		// A model that ignored context could at best reach the unigram entropy of the text.
		const m = run.metrics();
		expect(m.valLoss).toBeLessThan(unigramEntropy(1) - 0.5);
		expect(m.updateStrength).toBeGreaterThan(0);
		expect(m.gradNorm).toBeGreaterThan(0);
		expect(m.attentionSpread).toBeGreaterThan(0);
		expect(m.attentionSpread).toBeLessThanOrEqual(1);
		expect(h.filter((p) => p.evaluated).map((p) => p.step)).toEqual([
			10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200
		]);
	});

	it('reports update strength as RMS(update)/RMS(weights), and the state of every weight', () => {
		const run = createWeightFieldRun({ seed: 4, dModel: 8, context: 8, batch: 2 });
		run.step(3);
		const s = run.snapshot();
		const rms = (a: Float32Array) => Math.sqrt(a.reduce((x, y) => x + y * y, 0) / a.length);
		expect(s.updateStrength).toBeCloseTo(rms(s.updates) / rms(s.weights), 6);
		expect(s.weights.length).toBe(run.weightCount);
		for (const a of [s.updates, s.gradients, s.adamM, s.adamV]) expect(a.length).toBe(run.weightCount);
		expect(s.groups.every((g) => g.trainable)).toBe(true);
		expect(s.adamV.every((x) => x >= 0)).toBe(true);
		expect(s.adapters).toBeNull();
		// The groups tile the flat array in order.
		let off = 0;
		for (const g of s.groups) {
			expect(g.offset).toBe(off);
			expect(g.length).toBe(g.rows * g.cols);
			off += g.length;
		}
		expect(off).toBe(run.weightCount);
	});
});

describe('weight-field run: fine-tuning', () => {
	it('LoRA keeps the base weights bit-identical, trains only the adapters, and the merged weights are W + s·A·B', () => {
		const run = createWeightFieldRun({ seed: 2, dModel: 16, context: 16 });
		run.step(60);
		run.setStage('finetune-lora');
		const start = run.snapshot();
		expect(start.adapters).not.toBeNull();
		expect(start.weights).toEqual(start.baseWeights); // B = 0 at the start
		run.step(40);
		const s = run.snapshot();
		expect(s.baseWeights).toEqual(start.baseWeights);
		expect(s.adapters!.weights).not.toEqual(start.adapters!.weights);
		expect(s.adamM.every((x) => x === 0)).toBe(true); // no optimizer state for frozen weights
		const targets = new Set<string>(LORA_TARGETS);
		for (const g of s.groups) {
			expect(g.trainable).toBe(targets.has(g.name));
			const w = groupSlice(s, s.weights, g.name);
			const base = groupSlice(s, s.baseWeights, g.name);
			if (!targets.has(g.name)) {
				expect(w).toEqual(base);
				expect(groupSlice(s, s.updates, g.name).every((x) => x === 0)).toBe(true);
				expect(groupSlice(s, s.gradients, g.name).every((x) => x === 0)).toBe(true);
				continue;
			}
			// Recompute W + s·A·B in float64 from the adapters with a plain triple loop.
			const A = s.adapters!.groups.find((x) => x.target === g.name && x.factor === 'A')!;
			const B = s.adapters!.groups.find((x) => x.target === g.name && x.factor === 'B')!;
			const ad = s.adapters!.weights;
			let maxErr = 0;
			for (let i = 0; i < g.rows; i++) {
				for (let j = 0; j < g.cols; j++) {
					let dw = 0;
					for (let r = 0; r < s.adapters!.rank; r++)
						dw += ad[A.offset + i * A.cols + r] * ad[B.offset + r * B.cols + j];
					maxErr = Math.max(
						maxErr,
						Math.abs(w[i * g.cols + j] - (base[i * g.cols + j] + s.adapters!.scale * dw))
					);
				}
			}
			expect(maxErr).toBeLessThan(1e-5);
			expect(w).not.toEqual(base);
		}
	});

	it('fine-tuning lowers the loss on the new task; leaving LoRA merges the adapters', () => {
		const run = createWeightFieldRun({ seed: 3 });
		run.step(150);
		run.setStage('finetune-lora');
		const before = run.metrics().valLoss;
		run.step(150);
		const afterLora = run.metrics().valLoss;
		expect(afterLora).toBeLessThan(before - 1);
		const merged = run.snapshot().weights;
		run.setStage('finetune-full');
		const s = run.snapshot();
		expect(s.weights).toEqual(merged);
		expect(s.baseWeights).toEqual(merged);
		expect(s.adapters).toBeNull();
		run.step(100);
		expect(run.metrics().valLoss).toBeLessThan(afterLora);
		const t = run.snapshot();
		for (const g of t.groups)
			expect(groupSlice(t, t.weights, g.name), g.name).not.toEqual(groupSlice(s, s.weights, g.name));
	});
});

describe('weight-field run: inference', () => {
	it('freezes every weight and grows the KV cache by one position per generated token', () => {
		const run = createWeightFieldRun({ seed: 5, prompt: 'gala ' });
		run.step(30);
		run.setStage('inference');
		const s0 = run.snapshot();
		expect(s0.kvCacheTokens).toBe(5);
		expect(s0.prompt).toBe('gala ');
		expect(s0.generated).toBe('gala ');
		expect(s0.groups.every((g) => !g.trainable)).toBe(true);
		for (const a of [s0.updates, s0.gradients, s0.adamM, s0.adamV])
			expect(a.every((x) => x === 0)).toBe(true);
		for (let i = 1; i <= 10; i++) {
			const m = run.step();
			expect(m.kvCacheTokens).toBe(5 + i);
			expect(m.kvCacheBytes).toBe(2 * 24 * (5 + i) * 4);
			expect(m.generated.length).toBe(5 + i);
			expect(m.generated.startsWith('gala ')).toBe(true);
			expect(m.lr).toBe(0);
			expect(m.updateStrength).toBe(0);
		}
		const s = run.snapshot();
		expect(s.weights).toEqual(s0.weights);
		expect(run.history.length).toBe(30);
		// At the end of the context a new sequence starts from the prompt.
		run.step(24 - 15);
		expect(run.metrics().kvCacheTokens).toBe(24);
		expect(run.step().kvCacheTokens).toBe(6);
	});

	it('after fine-tuning, greedy decoding reverses a word of the lexicon', () => {
		const run = createWeightFieldRun({ seed: 3 });
		run.step(300);
		run.setStage('finetune-full');
		run.step(300);
		run.setStage('inference');
		const m = run.metrics();
		const word = m.prompt.slice(0, -1);
		expect(m.prompt).toMatch(/^[a-z]+>$/);
		const out = run.step(word.length + 1).generated;
		expect(out).toBe(`${word}>${[...word].reverse().join('')}.`);
	});
});

describe('weight-field run: determinism and guards', () => {
	const small = { dModel: 8, context: 8, batch: 2 };
	const script = (seed: number) => {
		const run = createWeightFieldRun({ seed, ...small });
		run.step(12);
		run.setStage('finetune-lora');
		run.step(5);
		run.setStage('inference');
		run.step(3);
		return run;
	};

	it('the same seed and calls give identical snapshots; another seed differs', () => {
		const a = script(11).snapshot();
		const b = script(11).snapshot();
		expect(b).toEqual(a);
		const c = script(12).snapshot();
		expect(c.weights).not.toEqual(a.weights);
	});

	it('reset returns to the state of a fresh run', () => {
		const run = script(11);
		run.reset();
		expect(run.snapshot()).toEqual(createWeightFieldRun({ seed: 11, ...small }).snapshot());
		expect(run.history.length).toBe(0);
	});

	it('rejects NaN and out-of-range options with AnatomyError', () => {
		const code = (f: () => unknown) => {
			try {
				f();
			} catch (e) {
				expect(e).toBeInstanceOf(AnatomyError);
				return (e as AnatomyError).code;
			}
			return 'no error';
		};
		expect(code(() => createWeightFieldRun({ lr: { pretrain: NaN } }))).toBe('non-finite');
		expect(code(() => createWeightFieldRun({ lr: { 'finetune-lora': -1 } }))).toBe('out-of-range');
		expect(code(() => createWeightFieldRun({ seed: NaN }))).toBe('non-finite');
		expect(code(() => createWeightFieldRun({ dModel: 1e9 }))).toBe('out-of-range');
		expect(code(() => createWeightFieldRun({ dModel: 10, heads: 3 }))).toBe('invalid-config');
		expect(code(() => createWeightFieldRun({ context: Infinity }))).toBe('non-finite');
		expect(code(() => createWeightFieldRun({ prompt: 'HELLO' }))).toBe('invalid-argument');
		expect(code(() => createWeightFieldRun({ prompt: 'a'.repeat(24) }))).toBe('out-of-range');
		const run = createWeightFieldRun(small);
		expect(code(() => run.setLearningRate(NaN))).toBe('non-finite');
		expect(code(() => run.step(-1))).toBe('out-of-range');
		expect(code(() => run.step(1.5))).toBe('out-of-range');
		expect(code(() => run.step(1e9))).toBe('out-of-range');
		expect(code(() => run.setStage('training' as never))).toBe('invalid-argument');
		run.setStage('inference');
		expect(code(() => run.setLearningRate(0.1))).toBe('invalid-argument');
	});

	it('a learning rate of 1e6 is flagged as diverged: the update is refused and nothing turns NaN', () => {
		const fresh = createWeightFieldRun({ ...small, seed: 6, lr: { pretrain: 1e6 }, warmup: { pretrain: 0 } });
		const w0 = fresh.snapshot().weights;
		const m = fresh.step(5);
		expect(m.diverged).toBe(true);
		const s = fresh.snapshot();
		expect(allFinite(s)).toBe(true);
		expect(s.weights).toEqual(w0);
		expect(fresh.history.length).toBe(0);
		// A sane learning rate clears the flag and training goes on.
		fresh.setLearningRate(1e-2);
		const m2 = fresh.step(3);
		expect(m2.diverged).toBe(false);
		expect(fresh.history.length).toBe(3);
		expect(allFinite(fresh.snapshot())).toBe(true);
	});
});
