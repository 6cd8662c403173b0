import { describe, expect, it } from 'vitest';
import { chinchillaLoss, chinchillaTokens, computeOptimal } from './scaling.js';
import { AnatomyError } from '../errors.js';

describe('Chinchilla', () => {
	it('20 tokens per parameter: 70B → 1.4T', () => {
		expect(chinchillaTokens(70e9)).toBe(1.4e12);
	});
	it('a budget of 5.76e23 FLOPs (Chinchilla/Gopher) splits into ≈ 69B parameters and ≈ 1.39T tokens', () => {
		// N = √(5.76e23 / 120) = √(4.8e21) = 6.93e10; D = 20·N = 1.39e12; 6·N·D = C
		const o = computeOptimal(5.76e23);
		expect(o.parameters / 6.928e10).toBeCloseTo(1, 3);
		expect(o.tokens / 1.3856e12).toBeCloseTo(1, 3);
		expect(6 * o.parameters * o.tokens).toBeCloseTo(5.76e23, -10);
	});
	it('fitted loss at Chinchilla (70B, 1.4T) ≈ 1.94', () => {
		// 406.4 / 70e9^0.34 = 406.4 / e^(0.34·24.972) = 406.4 / 4862 = 0.0836
		// 410.7 / 1.4e12^0.28 = 410.7 / e^(0.28·27.967) = 410.7 / 2517 = 0.1632; 1.69 + 0.0836 + 0.1632
		expect(chinchillaLoss(70e9, 1.4e12)).toBeCloseTo(1.937, 2);
		expect(chinchillaLoss(1e15, 1e18)).toBeGreaterThan(1.69);
	});
	it('bad input', () => {
		expect(() => chinchillaTokens(-1)).toThrow(AnatomyError);
		expect(() => computeOptimal(NaN)).toThrow(AnatomyError);
		expect(() => chinchillaLoss(0, 1)).toThrow(AnatomyError);
		expect(computeOptimal(0).parameters).toBe(0);
	});
});
