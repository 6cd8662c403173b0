/**
 * Compute-optimal training after Hoffmann et al. (2022), "Training Compute-Optimal Large
 * Language Models" (Chinchilla): for a budget of C FLOPs, parameters N and tokens D should grow
 * in equal proportion, about 20 tokens per parameter. With C = 6·N·D and D = 20·N:
 *
 *   N_opt = √(C / 120),  D_opt = 20·N_opt = √(C · 10/3)
 *
 * (Chinchilla itself: C ≈ 5.8e23 → N ≈ 70B, D ≈ 1.4T.) The paper's parametric loss fit
 * (Approach 3, Eq. 10): L(N, D) = E + A/N^α + B/D^β with E = 1.69, A = 406.4, B = 410.7,
 * α = 0.34, β = 0.28 (nats per token on its MassiveText distribution).
 */
import { check } from '../errors.js';

/** Tokens per parameter at the compute-optimal point (Hoffmann et al. 2022). */
export const CHINCHILLA_TOKENS_PER_PARAMETER = 20;

function nonNegative(x: number, what: string) {
	check(
		Number.isFinite(x) && x >= 0,
		`${what} must be a non-negative finite number, got ${x}`,
		'out-of-range'
	);
}

/** Compute-optimal training tokens for N parameters: D ≈ 20·N. */
export function chinchillaTokens(
	parameters: number,
	tokensPerParameter = CHINCHILLA_TOKENS_PER_PARAMETER
): number {
	nonNegative(parameters, 'parameters');
	nonNegative(tokensPerParameter, 'tokensPerParameter');
	return parameters * tokensPerParameter;
}

/** Compute-optimal split of a FLOP budget C = 6·N·D with D = r·N: N = √(C / 6r), D = r·N. */
export function computeOptimal(
	flops: number,
	tokensPerParameter = CHINCHILLA_TOKENS_PER_PARAMETER
): { parameters: number; tokens: number; flops: number } {
	nonNegative(flops, 'flops');
	check(
		Number.isFinite(tokensPerParameter) && tokensPerParameter > 0,
		'tokensPerParameter must be positive',
		'out-of-range'
	);
	const parameters = Math.sqrt(flops / (6 * tokensPerParameter));
	return { parameters, tokens: parameters * tokensPerParameter, flops };
}

/** Chinchilla's fitted loss L(N, D) = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Approach 3). N, D > 0. */
export function chinchillaLoss(parameters: number, tokens: number): number {
	check(
		Number.isFinite(parameters) && parameters > 0,
		`parameters must be positive, got ${parameters}`,
		'out-of-range'
	);
	check(Number.isFinite(tokens) && tokens > 0, `tokens must be positive, got ${tokens}`, 'out-of-range');
	return 1.69 + 406.4 / parameters ** 0.34 + 410.7 / tokens ** 0.28;
}
