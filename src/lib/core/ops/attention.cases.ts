/**
 * Golden cases for one attention head (`attentionHead`): S = Q·Kᵀ/√dHead, W = softmax_rows(S),
 * O = W·V, with the causal mask Sᵢⱼ = −∞ for j > i. Run on every backend by the conformance runner.
 * Expected values are worked by hand in `source`, with e = 2.718281828459045:
 * 1/(1+e) = 0.2689414213699951, e/(1+e) = 0.7310585786300049,
 * e²/(e²+1) = 0.8807970779778823, 1/(e²+1) = 0.11920292202211755.
 */

export interface AttentionCase {
	readonly name: string;
	readonly inputs: {
		readonly q: readonly number[];
		readonly k: readonly number[];
		readonly v: readonly number[];
		readonly seq: number;
		readonly dHead: number;
		readonly causal: boolean;
	};
	readonly expected: {
		readonly scores: readonly number[];
		readonly weights: readonly number[];
		readonly output: readonly number[];
	};
	readonly source: string;
}

const NEG = -Infinity;

export const attentionCases: readonly AttentionCase[] = [
	{
		name: 'two tokens, width 1, no mask',
		inputs: { q: [1, 1], k: [0, 1], v: [1, 3], seq: 2, dHead: 1, causal: false },
		expected: {
			scores: [0, 1, 0, 1],
			weights: [0.2689414213699951, 0.7310585786300049, 0.2689414213699951, 0.7310585786300049],
			output: [2.46211715726001, 2.46211715726001]
		},
		source:
			'hand: √1 = 1; Sᵢⱼ = qᵢ·kⱼ = [0, 1] in both rows; W = [1/(1+e), e/(1+e)]; ' +
			'O = 1·0.2689414213699951 + 3·0.7310585786300049 = 1 + 2·0.7310585786300049 = 2.46211715726001'
	},
	{
		name: 'two tokens, width 1, causal',
		inputs: { q: [1, 1], k: [0, 1], v: [1, 3], seq: 2, dHead: 1, causal: true },
		expected: {
			scores: [0, NEG, 0, 1],
			weights: [1, 0, 0.2689414213699951, 0.7310585786300049],
			output: [1, 2.46211715726001]
		},
		source: 'hand: row 0 sees only itself (W = [1, 0], O = v₀ = 1); row 1 as in the unmasked case'
	},
	{
		name: 'width 4 scales scores by 1/2',
		inputs: {
			q: [1, 1, 1, 1, 0, 0, 0, 0],
			k: [1, 1, 1, 1, 1, -1, 1, -1],
			v: [2, 0, 0, 0, 0, 0, 0, 2],
			seq: 2,
			dHead: 4,
			causal: false
		},
		expected: {
			scores: [2, 0, 0, 0],
			weights: [0.8807970779778823, 0.11920292202211755, 0.5, 0.5],
			output: [1.7615941559557646, 0, 0, 0.2384058440442351, 1, 0, 0, 1]
		},
		source:
			'hand: √4 = 2; q₀·k₀ = 4 → 2, q₀·k₁ = 1−1+1−1 = 0 → 0, q₁ = 0 → [0, 0]; ' +
			'W₀ = [e²/(e²+1), 1/(e²+1)], W₁ = [½, ½]; O₀ = 2·W₀₀·e₁ + 2·W₀₁·e₄, O₁ = [1, 0, 0, 1]'
	},
	{
		name: 'width 4, causal',
		inputs: {
			q: [1, 1, 1, 1, 0, 0, 0, 0],
			k: [1, 1, 1, 1, 1, -1, 1, -1],
			v: [2, 0, 0, 0, 0, 0, 0, 2],
			seq: 2,
			dHead: 4,
			causal: true
		},
		expected: {
			scores: [2, NEG, 0, 0],
			weights: [1, 0, 0.5, 0.5],
			output: [2, 0, 0, 0, 1, 0, 0, 1]
		},
		source: 'hand: row 0 sees only k₀ (O₀ = v₀); row 1 as unmasked'
	},
	{
		name: 'scores of ±1e4 do not overflow',
		inputs: { q: [100, 100], k: [100, -100], v: [5, 7], seq: 2, dHead: 1, causal: false },
		expected: { scores: [1e4, -1e4, 1e4, -1e4], weights: [1, 0, 1, 0], output: [5, 5] },
		source: 'hand: 100·100 = 1e4, 100·(−100) = −1e4; exp(−2e4) underflows to 0, so all weight on token 0'
	},
	{
		name: 'one token attends to itself',
		inputs: { q: [1, 2, 3], k: [4, 5, 6], v: [7, 8, 9], seq: 1, dHead: 3, causal: true },
		expected: { scores: [18.47520861406802], weights: [1], output: [7, 8, 9] },
		source: 'hand: (4 + 10 + 18)/√3 = 32 · 0.5773502691896258 = 18.475208614068024; a one-entry softmax is 1'
	},
	{
		name: 'equal keys spread causal weight evenly over the prefix',
		inputs: {
			q: [1, 2, 3, 4, 5, 6],
			k: [1, 1, 1, 1, 1, 1],
			v: [3, 0, 0, 3, 0, 0],
			seq: 3,
			dHead: 2,
			causal: true
		},
		expected: {
			scores: [
				2.1213203435596424,
				NEG,
				NEG,
				4.949747468305833,
				4.949747468305833,
				NEG,
				7.778174593052023,
				7.778174593052023,
				7.778174593052023
			],
			weights: [1, 0, 0, 0.5, 0.5, 0, 1 / 3, 1 / 3, 1 / 3],
			output: [3, 0, 1.5, 1.5, 1, 1]
		},
		source:
			'hand: qᵢ·k = 3, 7, 11 for every key, over √2: 3·0.7071067811865476, 7·…, 11·…; equal scores give a ' +
			'uniform prefix: O₀ = [3, 0], O₁ = ([3, 0] + [0, 3])/2, O₂ = ([3, 0] + [0, 3] + [0, 0])/3'
	},
	{
		name: 'empty sequence',
		inputs: { q: [], k: [], v: [], seq: 0, dHead: 4, causal: true },
		expected: { scores: [], weights: [], output: [] },
		source: 'hand: nothing to attend to, no values'
	}
];
