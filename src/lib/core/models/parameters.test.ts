import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countParameters } from './parameters.js';
import { MODELS, resolveModel } from './catalogue.js';
import { parseHfConfig } from './config.js';

const count = (id: string) => countParameters(resolveModel(id));

/**
 * Expected totals are the safetensors parameter counts Hugging Face reports for each repository
 * (GPT-2: the trainable parameters; its checkpoint also stores attention-mask buffers), each
 * re-derived by hand in the comment beside it.
 */
describe('published parameter counts', () => {
	it('GPT-2 small: 124,439,808', () => {
		// per layer 12d² + 13d (qkv 3d²+3d, proj d²+d, fc 4d²+4d, fc-proj 4d²+d, 2 LayerNorms 4d)
		// d = 768: 12·589,824 + 9,984 = 7,087,872; × 12 = 85,054,464
		// + wte 50,257·768 = 38,597,376 + wpe 1,024·768 = 786,432 + ln_f 1,536 = 124,439,808 (head tied)
		expect(count('gpt2').total).toBe(124_439_808);
	});
	it('GPT-2 medium, large, XL', () => {
		// d = 1024, L = 24: (12·1,048,576 + 13,312)·24 = 302,309,376 + 51,463,168 + 1,048,576 + 2,048
		expect(count('gpt2-medium').total).toBe(354_823_168);
		// d = 1280, L = 36: (12·1,638,400 + 16,640)·36 = 708,387,840 + 64,328,960 + 1,310,720 + 2,560
		expect(count('gpt2-large').total).toBe(774_030_080);
		// d = 1600, L = 48: (12·2,560,000 + 20,800)·48 = 1,475,558,400 + 80,411,200 + 1,638,400 + 3,200
		expect(count('gpt2-xl').total).toBe(1_557_611_200);
	});
	it('Llama 2 7B / 13B / 70B', () => {
		// 7B: layer = 4·4096² + 3·4096·11008 + 2·4096 = 67,108,864 + 135,266,304 + 8,192 = 202,383,360
		// × 32 = 6,476,267,520 + embed & head 2·32,000·4096 = 262,144,000 + final norm 4,096
		expect(count('llama-2-7b').total).toBe(6_738_415_616);
		// 13B: layer = 4·5120² + 3·5120·13824 + 10,240 = 317,204,480; × 40 + 2·32,000·5120 + 5,120
		expect(count('llama-2-13b').total).toBe(13_015_864_320);
		// 70B (GQA, 8 kv heads): layer = 2·8192² + 2·8192·1024 + 3·8192·28672 + 16,384 = 855,654,400
		// × 80 = 68,452,352,000 + 2·32,000·8192 = 524,288,000 + 8,192
		expect(count('llama-2-70b').total).toBe(68_976_648_192);
	});
	it('Llama 3 8B / 70B', () => {
		// 8B: layer = 2·4096² + 2·4096·1024 + 3·4096·14336 + 8,192 = 218,112,000; × 32 = 6,979,584,000
		// + 2·128,256·4096 = 1,050,673,152 + 4,096
		expect(count('llama-3-8b').total).toBe(8_030_261_248);
		// 70B: 855,654,400 × 80 + 2·128,256·8192 = 2,101,346,304 + 8,192
		expect(count('llama-3-70b').total).toBe(70_553_706_496);
		expect(count('llama-3.1-8b').total).toBe(8_030_261_248);
		expect(count('llama-3.1-70b').total).toBe(70_553_706_496);
	});
	it('Llama 3.1 405B: 405,853,388,800', () => {
		// layer = 2·16384² + 2·16384·1024 + 3·16384·53248 + 32,768 = 3,187,703,808; × 126 = 401,650,679,808
		// + 2·128,256·16384 = 4,202,692,608 + 16,384
		expect(count('llama-3.1-405b').total).toBe(405_853_388_800);
	});
	it('Llama 3.2 1B / 3B (tied embeddings)', () => {
		// 1B: layer = 2·2048² + 2·2048·512 + 3·2048·8192 + 4,096 = 60,821,504; × 16 = 973,144,064
		// + embed 128,256·2048 = 262,668,288 (tied: no separate head) + 2,048
		expect(count('llama-3.2-1b').total).toBe(1_235_814_400);
		// 3B: layer = 2·3072² + 2·3072·1024 + 3·3072·8192 + 6,144 = 100,669,440; × 28 + 128,256·3072 + 3,072
		expect(count('llama-3.2-3b').total).toBe(3_212_749_824);
	});
	it('Mistral 7B: 7,241,732,096', () => {
		// same layer as Llama 3 8B (218,112,000) × 32 + 2·32,000·4096 + 4,096
		expect(count('mistral-7b-v0.1').total).toBe(7_241_732_096);
	});
	it('Mixtral 8x7B: 46,702,792,704 total, 12,879,925,248 active', () => {
		// layer = attention 41,943,040 + 8 experts · 3·4096·14336 (176,160,768) + router 4096·8 + norms 8,192
		//       = 1,451,270,144; × 32 = 46,440,644,608 + 262,144,000 + 4,096
		// active layer = 41,943,040 + 2·176,160,768 + 32,768 + 8,192 = 394,305,536; × 32 + 262,148,096
		const p = count('mixtral-8x7b');
		expect(p.total).toBe(46_702_792_704);
		expect(p.active).toBe(12_879_925_248);
		expect(p.groups.router.total).toBe(32 * 4096 * 8);
	});
	it('Mixtral 8x22B: ≈141B total, ≈39B active as stated', () => {
		// layer = 2·6144² + 2·6144·1024 + 8·3·6144·16384 + 6144·8 + 2·6144 = 2,504,060,928
		// × 56 = 140,227,411,968 + 2·32,000·6144 = 393,216,000 + 6,144 = 140,620,634,112
		const p = count('mixtral-8x22b');
		expect(p.total).toBe(140_620_634_112);
		// active layer = 88,080,384 + 2·301,989,888 + 49,152 + 12,288 = 692,121,600; × 56 + 393,222,144
		expect(p.active).toBe(39_152_031_744);
	});
	it('Qwen2.5 7B and 0.5B match their model cards (q/k/v biases)', () => {
		// 7B: q 3584² + 3584, k and v 3584·512 + 512 each, o 3584² → 29,364,736
		// mlp 3·3584·18944 = 203,685,888; norms 7,168; layer 233,057,792 × 28 = 6,525,618,176
		// + 2·152,064·3584 = 1,089,994,752 + 3,584 = 7,615,616,512 ("7.61B", "6.53B non-embedding")
		const q7 = count('qwen2.5-7b');
		expect(q7.total).toBe(7_615_616_512);
		expect(q7.nonEmbedding - q7.groups.lmHead.total).toBeCloseTo(6.53e9, -7);
		// 0.5B: layer = 2·896² + 2·896·128 + 896 + 2·128 + 3·896·4864 + 1,792 = 14,912,384; × 24
		// + 151,936·896 (tied) + 896 = 494,032,768 ("0.49B", "0.36B non-embedding")
		const q05 = count('qwen2.5-0.5b');
		expect(q05.total).toBe(494_032_768);
		expect(q05.nonEmbedding).toBeCloseTo(0.36e9, -7);
		expect(q05.groups.attention.perLayer).toBe(2 * 896 * 896 + 2 * 896 * 128 + 896 + 2 * 128);
	});
	it('Gemma 7B and Gemma 2 9B: non-embedding counts of their technical reports', () => {
		// Gemma 7B: head_dim 256 ≠ 3072/16. layer = 4·3072·4096 + 3·3072·24576 + 2·3072 = 276,830,208
		// × 28 + final norm 3,072 = 7,751,248,896 (report, Table 2)
		const g = count('gemma-7b');
		expect(g.nonEmbedding).toBe(7_751_248_896);
		expect(g.groups.lmHead.total).toBe(0); // tied
		// Gemma 2 9B: 4 norms per layer. layer = 2·3584·4096 + 2·3584·2048 + 3·3584·14336 + 4·3584
		// = 198,195,200; × 42 + 3,584 = 8,324,201,984; embedding 256,000·3584 = 917,504,000 (report, Table 2)
		const g2 = count('gemma-2-9b');
		expect(g2.nonEmbedding).toBe(8_324_201_984);
		expect(g2.groups.embedding.total).toBe(917_504_000);
	});
	it('Phi-3-mini: 3,821,079,552 (3.8B)', () => {
		// layer = 4·3072² + 3·3072·8192 + 2·3072 = 113,252,352; × 32 + 2·32,064·3072 + 3,072
		expect(count('phi-3-mini').total).toBe(3_821_079_552);
	});
	// Stated counts are rounded names: Llama 2 "7B" is 6.74B (3.7% off), GPT-2 XL "1.5B" is 1.56B.
	it('every catalogue count is within 5% of the stated count', () => {
		for (const e of Object.values(MODELS)) {
			const n = countParameters(e.config).total;
			expect(Math.abs(n / e.statedParameters - 1), e.id).toBeLessThan(0.05);
		}
	});
});

describe('structure', () => {
	it('GQA shrinks k/v projections to kvHeads·headDim', () => {
		const p = count('llama-3-8b');
		const k = p.tensors.find((t) => t.name === 'k_proj')!;
		expect(k.shape).toEqual([8 * 128, 4096]);
		expect(k.copies).toBe(32);
		expect(p.groups.attention.perLayer).toBe(41_943_040);
	});
	it('Qwen2-MoE: shared expert and its gate are always active (Qwen1.5-MoE-A2.7B: 14.3B total, 2.7B active)', () => {
		const cfg = parseHfConfig({
			model_type: 'qwen2_moe',
			hidden_size: 2048,
			intermediate_size: 5632,
			moe_intermediate_size: 1408,
			shared_expert_intermediate_size: 5632,
			num_experts: 60,
			num_experts_per_tok: 4,
			num_hidden_layers: 24,
			num_attention_heads: 16,
			num_key_value_heads: 16,
			vocab_size: 151936,
			tie_word_embeddings: false
		});
		const p = countParameters(cfg);
		// layer = attn 4·2048² + 3·2048 (qkv bias) + 60 experts·3·2048·1408 + shared 3·2048·5632
		//       + shared gate 2048 + router 2048·60 + norms 4096 = 570,560,512; × 24 + 2·151,936·2048 + 2048
		expect(p.total).toBe(14_315_784_192);
		// active layer = 16,783,360 + 4·8,650,752 + 34,603,008 + 2,048 + 122,880 + 4,096 = 86,118,400
		expect(p.active).toBe(24 * 86_118_400 + 2 * 151_936 * 2048 + 2048);
	});
	it('Qwen3 adds per-head q/k RMSNorm weights (Qwen3-8B: 8.19B)', () => {
		const p = countParameters(
			parseHfConfig({
				model_type: 'qwen3',
				hidden_size: 4096,
				intermediate_size: 12288,
				num_hidden_layers: 36,
				num_attention_heads: 32,
				num_key_value_heads: 8,
				head_dim: 128,
				vocab_size: 151936,
				tie_word_embeddings: false
			})
		);
		// layer = 41,943,040 + 2·128 + 3·4096·12288 + 2·4096 = 192,946,432; × 36 + 2·151,936·4096 + 4096
		expect(p.total).toBe(8_190_735_360);
	});
	it('groups add up to the total, and per-layer sums times layers plus model tensors give it too', () => {
		for (const e of Object.values(MODELS)) {
			const p = countParameters(e.config);
			const sum = Object.values(p.groups).reduce((s, g) => s + g.total, 0);
			expect(sum).toBe(p.total);
			const model = p.tensors.filter((t) => t.scope === 'model').reduce((s, t) => s + t.count, 0);
			expect(p.perLayer * e.config.numLayers + model).toBe(p.total);
		}
	});
	it('tying the embeddings removes exactly V·d', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 64 }),
				fc.integer({ min: 1, max: 8 }),
				fc.integer({ min: 1, max: 16 }),
				fc.integer({ min: 2, max: 1000 }),
				(hd, heads, layers, vocab) => {
					const base = {
						model_type: 'llama',
						hidden_size: hd * heads,
						intermediate_size: 3 * hd,
						num_hidden_layers: layers,
						num_attention_heads: heads,
						vocab_size: vocab
					};
					const untied = countParameters(parseHfConfig({ ...base, tie_word_embeddings: false })).total;
					const tied = countParameters(parseHfConfig({ ...base, tie_word_embeddings: true })).total;
					expect(untied - tied).toBe(vocab * hd * heads);
				}
			)
		);
	});
	it('an absurd but valid config gives finite numbers (1e15-parameter class)', () => {
		const p = countParameters(
			parseHfConfig({
				model_type: 'llama',
				hidden_size: 2 ** 20,
				intermediate_size: 2 ** 22,
				num_hidden_layers: 100,
				num_attention_heads: 2 ** 10,
				vocab_size: 2 ** 17
			})
		);
		// layer = 4·2^40 + 3·2^42 + 2·2^20; × 100 + 2·2^37 + 2^20 ≈ 1.76e15
		expect(p.total).toBe(100 * (4 * 2 ** 40 + 3 * 2 ** 42 + 2 * 2 ** 20) + 2 * 2 ** 37 + 2 ** 20);
		expect(Number.isFinite(p.total)).toBe(true);
	});
});
