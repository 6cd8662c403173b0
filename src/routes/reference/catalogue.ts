/**
 * What the reference pages say about each component beyond its generated props table: a one-line
 * summary, the chapter it appears in, and copy-paste usage. The live example is loaded per page.
 */
import type { Component } from 'svelte';

export interface ReferenceEntry {
	name: string;
	summary: string;
	/** Explainer anchor where the component is used. */
	chapter?: string;
	/** Props for the live example on the reference page. */
	exampleProps?: Record<string, unknown>;
	/** Usage in a SvelteKit page. */
	usage: string;
	load: () => Promise<{ default: Component<Record<string, unknown>> }>;
}

const usage = (name: string, attrs: string) => `<script>
	import { ${name} } from 'llm-anatomy';
</script>

<${name} ${attrs} />`;

export const REFERENCE: ReferenceEntry[] = [
	{
		name: 'TokenStrip',
		summary:
			'Text in, tokens out, with a real tokenizer: chips with IDs, bytes and offsets, counts and a compare view.',
		chapter: 'tokenization',
		exampleProps: { text: 'Hello, tokens! 👋 大模型' },
		usage: usage('TokenStrip', 'text="Hello, tokens!" encoding="o200k_base" compareWith="cl100k_base"'),
		load: () => import('$lib/components/TokenStrip/TokenStrip.svelte') as never
	},
	{
		name: 'AttentionMatrix',
		summary:
			'Self-attention step by step: Q, K and V, raw scores, the softmax weights map (keyboard grid; canvas up to 1024 × 1024), the value mix, heads side by side and GQA groups.',
		chapter: 'attention',
		exampleProps: { tokens: ['The', 'cat', 'sat', 'on', 'the', 'mat'], nHeads: 4, nKvHeads: 2 },
		usage: usage('AttentionMatrix', `tokens={['The', 'cat', 'sat']} nHeads={4} nKvHeads={2} causal`),
		load: () => import('$lib/components/AttentionMatrix/AttentionMatrix.svelte') as never
	},
	{
		name: 'RopeDial',
		summary:
			'RoPE as dials: query and key pairs turn with position; the score depends only on the offset m − n, shown by shifting both and by a score-against-offset chart.',
		chapter: 'rope',
		exampleProps: { positionQ: 5, positionK: 2, shift: 3, dHead: 8 },
		usage: usage('RopeDial', 'positionQ={5} positionK={2} dHead={8} base={10000}'),
		load: () => import('$lib/components/RopeDial/RopeDial.svelte') as never
	},
	{
		name: 'WeightField',
		summary:
			'The weights of a real small transformer training in your browser, through pretraining, full and LoRA fine-tuning and inference, with memory cards for a real model and the 1B–405B ladder.',
		exampleProps: { autoplay: false, stage: 'finetune-lora', parameters: 70e9, precision: 'nf4' },
		usage: usage(
			'WeightField',
			'stage="finetune-lora" parameters={70e9} sequenceLength={8192} precision="nf4"'
		),
		load: () => import('$lib/components/WeightField/WeightField.svelte') as never
	},
	{
		name: 'TrainingCurve',
		summary:
			'Training and validation loss step by step with the phases marked, from a run’s history or a run trained in the browser.',
		chapter: 'training',
		exampleProps: {
			schedule: [
				{ stage: 'pretrain', steps: 120 },
				{ stage: 'finetune-lora', steps: 60 }
			]
		},
		usage: usage(
			'TrainingCurve',
			'schedule={[{ stage: "pretrain", steps: 200 }, { stage: "finetune-full", steps: 100 }]}'
		),
		load: () => import('$lib/components/TrainingCurve/TrainingCurve.svelte') as never
	},
	{
		name: 'KVCacheMeter',
		summary:
			'The decode loop token by token: prefill and decode, repeated K/V work with and without a cache, cache memory in GiB, paged blocks, MHA vs GQA vs MQA for a real model.',
		chapter: 'kv-cache',
		exampleProps: { model: 'llama-3-8b', contextLength: 8192, promptTokens: 16 },
		usage: usage('KVCacheMeter', 'model="llama-3-8b" contextLength={8192} dtype="bf16"'),
		load: () => import('$lib/components/KVCacheMeter/KVCacheMeter.svelte') as never
	},
	{
		name: 'QuantMatrix',
		summary:
			'A weight matrix from FP32 to NF4: stored codes, dequantized values or an error heat map, scales per tensor, row or group, error metrics and a real model’s size against BF16.',
		chapter: 'quantization',
		exampleProps: { format: 'int4', granularity: 'group', groupSize: 4 },
		usage: usage('QuantMatrix', 'format="int8" show="code"'),
		load: () => import('$lib/components/QuantMatrix/QuantMatrix.svelte') as never
	},
	{
		name: 'DecoderBlock',
		summary:
			'One decoder block of a real model as a clickable diagram, with each part’s weight shapes and parameter counts, and the per-layer total times the number of layers.',
		chapter: 'block',
		exampleProps: { model: 'llama-3-8b', part: 'attention' },
		usage: usage('DecoderBlock', 'model="llama-3-8b" part="mlp"'),
		load: () => import('$lib/components/DecoderBlock/DecoderBlock.svelte') as never
	},
	{
		name: 'EmbeddingLookup',
		summary:
			'Token → ID → embedding row → vector: a real o200k_base ID, a toy table’s vector as bars or a heat strip, nearest words by cosine similarity, a PCA map and analogies.',
		chapter: 'embeddings',
		exampleProps: { word: 'kitten', analogy: { a: 'cat', b: 'kitten', c: 'dog' } },
		usage: usage('EmbeddingLookup', 'word="king" display="heat"'),
		load: () => import('$lib/components/EmbeddingLookup/EmbeddingLookup.svelte') as never
	},
	{
		name: 'PostTrainingPipeline',
		summary:
			'Base model → SFT → preference tuning: what each stage trains on, the loss it minimises (worked out, DPO included) and example outputs per stage.',
		chapter: 'post-training',
		exampleProps: { stage: 'preference', example: 'file' },
		usage: usage('PostTrainingPipeline', 'stage="sft" example="sky"'),
		load: () => import('$lib/components/PostTrainingPipeline/PostTrainingPipeline.svelte') as never
	},
	{
		name: 'NeuronPlot',
		summary:
			'One neuron: inputs × weights + bias written out term by term, an activation curve with a live marker at z (and its derivative), and the output.',
		chapter: 'neuron',
		exampleProps: { activation: 'gelu', showDerivative: true },
		usage: usage('NeuronPlot', 'inputs={[0.7, -0.25, 0.45]} weights={[1.1, -0.85, 0.55]} activation="gelu"'),
		load: () => import('$lib/components/NeuronPlot/NeuronPlot.svelte') as never
	},
	{
		name: 'DenseLayer',
		summary:
			'A feed-forward layer as a neuron graph and as matrices, with an inspector that writes out each multiplication and marks which hidden units fire.',
		chapter: 'feed-forward',
		exampleProps: { x: [0.8, -0.3], activation: 'relu' },
		usage: usage('DenseLayer', 'inputs={2} hidden={3} outputs={2} seed={42} activation="relu"'),
		load: () => import('$lib/components/DenseLayer/DenseLayer.svelte') as never
	},
	{
		name: 'SamplingPanel',
		summary:
			'Logits to a chosen token: softmax with temperature, top-k/top-p/min-p cut-offs on the distribution, greedy vs sampled decoding, and a seeded token-by-token generator.',
		chapter: 'sampling',
		exampleProps: { temperature: 0.8, topP: 0.9 },
		usage: usage('SamplingPanel', 'temperature={0.8} topK={5} topP={0.9} seed={7}'),
		load: () => import('$lib/components/SamplingPanel/SamplingPanel.svelte') as never
	},
	{
		name: 'OptimizerRace',
		summary:
			'SGD, momentum, Nesterov, RMSProp, Adam and AdamW race down one 2-D loss surface from the same start on the same gradients: contour map, trails, divergence badges, play/step/reset, a start chosen by click or keyboard, and a readout of loss and distance to the nearest minimum.',
		chapter: 'optimizers',
		exampleProps: { surface: 'valley', lr: 0.05, autoplay: false, step: 120 },
		usage: usage(
			'OptimizerRace',
			"surface=\"rosenbrock\" lr={0.002} optimizers={['sgd', 'momentum', 'adam']}"
		),
		load: () => import('$lib/components/OptimizerRace/OptimizerRace.svelte') as never
	},
	{
		name: 'BackpropStepper',
		summary:
			'One tiny training example through four steps (pick the target, forward pass, backward gradients, apply the update) with every number on a network diagram and in tables, the chain rule for a chosen weight, and the loss before and after.',
		chapter: 'backprop',
		exampleProps: { step: 3 },
		usage: usage('BackpropStepper', 'target={1} lr={0.2}'),
		load: () => import('$lib/components/BackpropStepper/BackpropStepper.svelte') as never
	}
];

export function storybookId(name: string): string {
	return `components-${name.toLowerCase()}--docs`;
}

/** The same usage as an mdsvex post. */
export function mdsvexUsage(entry: ReferenceEntry): string {
	return `---
title: A post with ${entry.name}
---

<script>
	import { ${entry.name} } from 'llm-anatomy';
</script>

Some prose, then the live figure:

${entry.usage.split('\n').at(-1)}`;
}
