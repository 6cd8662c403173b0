import type { Component } from 'svelte';

type Loader = () => Promise<{ default: Component<Record<string, unknown>> }>;

/**
 * The interactive figures the explainer can load, by component name. Each entry is a dynamic
 * import, so a figure's code is fetched only when its chapter comes into view.
 */
export const FIGURES: Partial<Record<string, Loader>> = {
	TokenStrip: () => import('$lib/components/TokenStrip/TokenStrip.svelte') as never,
	AttentionMatrix: () => import('$lib/components/AttentionMatrix/AttentionMatrix.svelte') as never,
	RopeDial: () => import('$lib/components/RopeDial/RopeDial.svelte') as never,
	TrainingCurve: () => import('$lib/components/TrainingCurve/TrainingCurve.svelte') as never,
	KVCacheMeter: () => import('$lib/components/KVCacheMeter/KVCacheMeter.svelte') as never,
	QuantMatrix: () => import('$lib/components/QuantMatrix/QuantMatrix.svelte') as never,
	DecoderBlock: () => import('$lib/components/DecoderBlock/DecoderBlock.svelte') as never,
	EmbeddingLookup: () => import('$lib/components/EmbeddingLookup/EmbeddingLookup.svelte') as never,
	PostTrainingPipeline: () =>
		import('$lib/components/PostTrainingPipeline/PostTrainingPipeline.svelte') as never
};
