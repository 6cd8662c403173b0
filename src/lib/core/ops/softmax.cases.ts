/**
 * Golden cases for `softmaxRows` (row-wise softmax of a row-major `rows × cols` matrix), run on every
 * backend by the conformance runner. Expected values are worked by hand in `source` from
 * yᵢ = exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x), with e = 2.718281828459045 and
 * e⁻¹ = 0.36787944117144233, e⁻¹·⁹ = 0.14956861922263506, e⁻² = 0.1353352832366127.
 */

export interface SoftmaxCase {
	readonly name: string;
	readonly inputs: { readonly data: readonly number[]; readonly rows: number; readonly cols: number };
	readonly expected: readonly number[];
	readonly source: string;
}

export const softmaxCases: readonly SoftmaxCase[] = [
	{
		name: 'equal logits give a uniform row',
		inputs: { data: [3, 3, 3, 3], rows: 1, cols: 4 },
		expected: [0.25, 0.25, 0.25, 0.25],
		source: 'hand: every term is exp(0) = 1, the sum is 4'
	},
	{
		name: 'logits [2, 1, 0.1]',
		inputs: { data: [2, 1, 0.1], rows: 1, cols: 3 },
		expected: [0.6590011388859679, 0.2424329707047139, 0.09856589040931818],
		source:
			'hand: terms 1, e⁻¹, e⁻¹·⁹ = 1, 0.36787944117144233, 0.14956861922263506; sum 1.5174480603940774; ' +
			'1/1.5174480603940774 = 0.6590011388859679 (the float32 0.1 shifts the last digits by < 1e-8)'
	},
	{
		name: 'two rows are independent',
		inputs: { data: [0, 1, 1, 0], rows: 2, cols: 2 },
		expected: [0.2689414213699951, 0.7310585786300049, 0.7310585786300049, 0.2689414213699951],
		source:
			'hand: softmax([0, 1]) = [1/(1+e), e/(1+e)] = [1/3.718281828459045, 2.718281828459045/3.718281828459045]'
	},
	{
		name: 'large logits (1e4) do not overflow',
		inputs: { data: [1e4, 9999], rows: 1, cols: 2 },
		expected: [0.7310585786300049, 0.2689414213699951],
		source: 'hand: subtracting the max gives [0, −1], so [1/(1+e⁻¹), e⁻¹/(1+e⁻¹)] = [e/(e+1), 1/(e+1)]'
	},
	{
		name: 'large negative logits (−1e4) do not underflow to 0/0',
		inputs: { data: [-1e4, -10002], rows: 1, cols: 2 },
		expected: [0.8807970779778823, 0.11920292202211755],
		source:
			'hand: shifted [0, −2]: [1/(1+e⁻²), e⁻²/(1+e⁻²)] = [1/1.1353352832366127, 0.1353352832366127/1.1353352832366127]'
	},
	{
		name: 'logits 1e4 apart: all mass on the larger',
		inputs: { data: [1e4, -1e4, 0], rows: 1, cols: 3 },
		expected: [1, 0, 0],
		source: 'hand: exp(−2e4) and exp(−1e4) underflow to 0 in float32 and float64'
	},
	{
		name: 'masked (−∞) entries get exactly 0',
		inputs: { data: [0, -Infinity, 0, -Infinity], rows: 1, cols: 4 },
		expected: [0.5, 0, 0.5, 0],
		source: 'hand: exp(−∞) = 0; the two visible entries share the mass'
	},
	{
		name: 'an all-masked row becomes zeros, its neighbour is unaffected',
		inputs: { data: [-Infinity, -Infinity, -Infinity, 0, 0, 0], rows: 2, cols: 3 },
		expected: [0, 0, 0, 1 / 3, 1 / 3, 1 / 3],
		source: 'definition: a row with nothing visible attends to nothing (zeros, not NaN); row 2 is uniform'
	},
	{
		name: 'a row with NaN becomes NaN, its neighbour is unaffected',
		inputs: { data: [1, NaN, 2, 0, 0, 0], rows: 2, cols: 3 },
		expected: [NaN, NaN, NaN, 1 / 3, 1 / 3, 1 / 3],
		source: 'definition: a NaN is not hidden; it spreads over its own row only'
	},
	{
		name: '+∞ entries share the mass evenly',
		inputs: { data: [Infinity, 5, Infinity, -Infinity], rows: 1, cols: 4 },
		expected: [0.5, 0, 0.5, 0],
		source: 'limit: softmax([t, 5, t, −∞]) as t → ∞ is [1/2, 0, 1/2, 0]'
	},
	{
		name: 'single element',
		inputs: { data: [-7.5], rows: 1, cols: 1 },
		expected: [1],
		source: 'hand: exp(0)/exp(0) = 1'
	},
	{
		name: 'no rows (empty)',
		inputs: { data: [], rows: 0, cols: 5 },
		expected: [],
		source: 'hand: a 0×5 matrix has no values'
	},
	{
		name: 'rows of width 0 (empty)',
		inputs: { data: [], rows: 3, cols: 0 },
		expected: [],
		source: 'hand: a 3×0 matrix has no values'
	}
];
