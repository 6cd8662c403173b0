import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SamplingPanel from './SamplingPanel.svelte';

// The default first row (after "the"): logits mat 2.2, floor 1.6, sofa 1.3, bed 1.0, windowsill 0.7,
// rug 0.5, roof −0.2, keyboard −0.6. By hand: e^2.2 = 9.0250, e^1.6 = 4.9530, e^1.3 = 3.6693,
// e^1.0 = 2.7183, e^0.7 = 2.0138, e^0.5 = 1.6487, e^−0.2 = 0.8187, e^−0.6 = 0.5488; sum 25.3956.
// p(mat) = 9.0250 / 25.3956 = 0.3554 → "35.5%"; p(keyboard) = 0.5488 / 25.3956 = 0.0216 → "2.16%".
describe('SamplingPanel on the server', () => {
	it('renders the candidates as bars with their probabilities, touching no browser global', () => {
		const { body } = render(SamplingPanel, {});
		expect(body).toContain('la-sampling-panel');
		expect(body).toContain('<figure');
		expect(body).toContain('Illustrative');
		expect(body.match(/class="row/g)).toHaveLength(8);
		expect(body).toContain('35.5%');
		expect(body).toContain('2.16%');
		expect(body).toContain('data-kept="8"');
		expect(body).toContain('“mat” is the most likely next token (35.5%)');
		expect(body).toContain('Press Generate or Step');
		expect(body).not.toContain('role="alert"');
	});

	it('marks the cut-offs of top-k, top-p and min-p', () => {
		const { body } = render(SamplingPanel, { props: { topK: 3, topP: 0.5, minP: 0.1 } });
		expect(body).toContain('data-testid="cut-top-k"');
		expect(body).toContain('data-testid="cut-top-p"');
		expect(body).toContain('data-testid="cut-min-p"');
		// top-k 3 keeps mat, floor, sofa: p = 0.3554, 0.1950, 0.1445, sum 0.6949;
		// renormalised 0.5114, 0.2807, 0.2079. top-p 0.5: 0.5114 ≥ 0.5 → only "mat" is left.
		expect(body).toContain('data-kept="1"');
	});

	it('renders given candidates and the hand-computed softmax of [2, 1, 0.1]', () => {
		// e² = 7.3891, e¹ = 2.7183, e^0.1 = 1.1052, sum 11.2125 → 65.9%, 24.2%, 9.86%
		const { body } = render(SamplingPanel, {
			props: { tokens: ['a', 'b', 'c'], logits: [2, 1, 0.1], prompt: 'x' }
		});
		expect(body).toContain('65.9%');
		expect(body).toContain('24.2%');
		expect(body).toContain('9.86%');
	});

	it('shows inline messages for bad input and never throws', () => {
		const empty = render(SamplingPanel, { props: { candidates: [] } }).body;
		expect(empty).toContain('role="alert"');
		expect(empty).toContain('no candidate tokens');

		const wild = render(SamplingPanel, { props: { temperature: NaN, topK: 0, topP: -1, minP: 7 } }).body;
		expect(wild).toContain('Temperature NaN is outside 0–2; using 1');
		expect(wild).toContain('Top-p must be in (0, 1]');
		expect(wild).toContain('Min-p must be in [0, 1]');

		const hot = render(SamplingPanel, { props: { temperature: 1e6, topK: 1000 } }).body;
		expect(hot).toContain('using 2');
		expect(hot).toContain('Top-k = 1000 is more than the 8 candidates');

		const masked = render(SamplingPanel, { props: { candidates: [{ token: 'x', logit: -Infinity }] } }).body;
		expect(masked).toContain('role="alert"');
		expect(masked).toContain('-Infinity');
	});

	it('puts all the probability on the top logit at T = 0', () => {
		const { body } = render(SamplingPanel, { props: { temperature: 0 } });
		expect(body).toContain('100%');
		expect(body).toContain('sampling becomes greedy decoding');
	});

	it('draws the 24 most likely of a long list and sums up the rest', () => {
		// 40 candidates with equal logits: each has probability 1/40 = 2.5%; the 16 not drawn hold 40%
		const candidates = Array.from({ length: 40 }, (_, i) => ({ token: `t${i}`, logit: 0 }));
		const { body } = render(SamplingPanel, { props: { candidates } });
		expect(body.match(/class="row/g)).toHaveLength(24);
		expect(body).toContain('… 16 more, 40.0% in all');
		expect(body).toContain('2.50%');
		expect(body).toContain('Logits as given');
	});

	it('speaks Chinese when asked', () => {
		const { body } = render(SamplingPanel, { props: { locale: 'zh' } });
		expect(body).toContain('从 logits 到采样出的词元');
	});
});
