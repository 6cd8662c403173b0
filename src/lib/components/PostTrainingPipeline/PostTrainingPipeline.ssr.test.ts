import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import PostTrainingPipeline from './PostTrainingPipeline.svelte';

const count = (body: string, re: RegExp) => (body.match(re) ?? []).length;
const visiblePanel = (body: string) => {
	const m = body.match(/<div role="tabpanel"(?![^>]*hidden)[^>]*data-panel="(\w+)"/);
	return m?.[1];
};

describe('PostTrainingPipeline on the server', () => {
	it('renders the three stages as tabs, the base stage open, touching no browser global', () => {
		const { body } = render(PostTrainingPipeline, { props: {} });
		expect(body).toContain('la-post-training-pipeline');
		expect(body).toContain('<figure');
		expect(body).toContain('role="tablist"');
		expect(count(body, /role="tab"/g)).toBe(3);
		expect(count(body, /role="tabpanel"/g)).toBe(3);
		expect(count(body, /aria-selected="true"/g)).toBe(1);
		expect(visiblePanel(body)).toBe('base');
		expect(body).toContain('data-stage="base"');
		expect(body).toContain('Explain why the sky is blue.');
		expect(body).toContain('Worksheet 4');
		expect(body).toContain('data-kind="illustrative"');
	});

	it('works the pre-training and SFT losses out from the token probabilities', () => {
		const { body } = render(PostTrainingPipeline, { props: { stage: 'sft' } });
		expect(visiblePanel(body)).toBe('sft');
		// −ln of 0.012, 0.41, 0.58, 0.36, 0.07, 0.19, 0.44, 0.52 = 4.4228, 0.8916, 0.5447, 1.0217, 2.6593,
		// 1.6607, 0.8210, 0.6539; sum 12.676, mean 1.5845, e^1.5845 = 4.877
		expect(body).toMatch(/Loss = 12\.7 ÷ 8 = 1\.58 nats per token \(perplexity 4\.88\)/);
		// assistant tokens only: −ln of 0.09, 0.23, 0.47, 0.71, 0.18, 0.64, 0.55 = 2.4079, 1.4697, 0.7550,
		// 0.3425, 1.7148, 0.4463, 0.5978; sum 7.734, mean 1.1049, e^1.1049 = 3.019
		expect(body).toMatch(/Loss = 7\.73 ÷ 7 = 1\.10 nats per token \(perplexity 3\.02\)/);
		expect(body).toContain('7 of 21 tokens counted.');
		expect(body).toContain('&lt;|im_start|>assistant');
	});

	it('works the DPO loss out: β 0.1, ratios +1 and −1 give z = 0.2 and loss 0.598', () => {
		// ln(1 + e^−0.2) = 0.59814 (Python 3 math.log1p(math.exp(-0.2)))
		const { body } = render(PostTrainingPipeline, { props: { stage: 'preference' } });
		expect(visiblePanel(body)).toBe('preference');
		expect(body).toContain('z = β × (chosen − rejected) = 0.100 × (1.00 − (−1.00)) = 0.200');
		expect(body).toContain('Loss = −log σ(z) = 0.598 nats');
		expect(body).toContain('the loss is log 2 = 0.693');
		expect(body).toContain('Chosen (y_w)');
	});

	it('clamps NaN and out-of-range inputs and says so', () => {
		const { body } = render(PostTrainingPipeline, {
			props: { stage: 'preference', beta: 1e6, policyChosen: NaN, policyRejected: 3 }
		});
		expect(body).toContain('β = 1000000 is outside 0.01–1; using 1.00.');
		expect(body).toContain('A log-probability of 3 is outside −40 to 0; using 0.');
		// β 1, chosen ratio −12 + 13 = 1, rejected 0 + 14 = 14: z = −13, loss = 13 + ln(1 + e^−13) ≈ 13.0
		expect(body).toContain('Loss = −log σ(z) = 13.0 nats');
		expect(visiblePanel(render(PostTrainingPipeline, { props: { stage: 'nonsense' as never } }).body)).toBe(
			'base'
		);
	});

	it('explains an unknown example and an empty list', () => {
		const unknown = render(PostTrainingPipeline, { props: { example: 'nope' } }).body;
		expect(unknown).toContain('role="alert"');
		expect(unknown).toContain('There is no example “nope”; showing “sky”. Examples: sky, file, haiku, wifi.');
		const none = render(PostTrainingPipeline, { props: { examples: [] } }).body;
		expect(none).toContain('No example prompts were given');
		expect(count(none, /role="tab"/g)).toBe(3);
	});

	it('renders Chinese strings and translated examples', () => {
		const { body } = render(PostTrainingPipeline, { props: { locale: 'zh', stage: 'sft' } });
		expect(body).toContain('从基础模型到助手：后训练');
		expect(body).toContain('解释一下天空为什么是蓝色的。');
		expect(body).toContain('瑞利散射');
	});
});
