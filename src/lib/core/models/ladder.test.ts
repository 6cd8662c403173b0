import { describe, expect, it } from 'vitest';
import { parameterLadder } from './ladder.js';
import { AnatomyError } from '../errors.js';

describe('parameterLadder', () => {
	const ladder = parameterLadder();
	it('runs from Llama 3.2 1B to Llama 3.1 405B in increasing size', () => {
		expect(ladder[0].id).toBe('llama-3.2-1b');
		expect(ladder.at(-1)!.id).toBe('llama-3.1-405b');
		for (let i = 1; i < ladder.length; i++)
			expect(ladder[i].parameters).toBeGreaterThan(ladder[i - 1].parameters);
	});
	it('rungs carry real memory numbers', () => {
		const one = ladder[0];
		expect(one.weights.bf16).toBe(2 * 1_235_814_400);
		expect(one.weights.fp32).toBe(4 * 1_235_814_400);
		expect(one.training).toBe(16 * 1_235_814_400);
		expect(one.chinchillaTokens).toBe(20 * 1_235_814_400);
		const top = ladder.at(-1)!;
		expect(top.training).toBe(16 * 405_853_388_800);
		// bf16 weights 811,706,777,600 + 8192 tokens · 516,096 B = 815,934,636,032 → 11 GPUs of 80 GB
		expect(top.kvPerToken).toBe(2 * 126 * 8 * 128 * 2);
		expect(top.devicesBf16).toBe(11);
		const mixtral = ladder.find((r) => r.id === 'mixtral-8x7b')!;
		expect(mixtral.activeParameters).toBe(12_879_925_248);
		for (const r of ladder) {
			expect(r.weights.int4).toBeLessThan(r.weights.fp8);
			expect(r.weights.fp8).toBeLessThan(r.weights.bf16);
		}
	});
	it('options and bad input', () => {
		expect(parameterLadder({ ids: ['gpt2', 'gpt2-xl'] }).map((r) => r.id)).toEqual(['gpt2', 'gpt2-xl']);
		expect(() => parameterLadder({ ids: ['llama-5'] })).toThrow(AnatomyError);
		expect(() => parameterLadder({ context: -1 })).toThrow(AnatomyError);
		expect(() => parameterLadder({ deviceBytes: 0 })).toThrow(AnatomyError);
	});

	it('gives the same frozen ladder for the same options, and a new one for others', () => {
		const a = parameterLadder();
		expect(parameterLadder({})).toBe(a);
		expect(parameterLadder({ context: 8192, deviceBytes: 80e9 })).toBe(a);
		expect(Object.isFrozen(a) && Object.isFrozen(a[0]) && Object.isFrozen(a[0].weights)).toBe(true);
		const longer = parameterLadder({ context: 16384 });
		expect(longer).not.toBe(a);
		expect(longer[0].kvAtContext).toBe(2 * a[0].kvAtContext);
		expect(() => {
			(a[0] as unknown as { parameters: number }).parameters = 1;
		}).toThrow(TypeError);
	});
});
