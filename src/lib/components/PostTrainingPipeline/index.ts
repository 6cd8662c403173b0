export { default as PostTrainingPipeline } from './PostTrainingPipeline.svelte';
export type {
	PostTrainingPipelineProps,
	PostTrainingStage,
	PostTrainingExample,
	LocalizedText
} from './types.js';
export { postTrainingMessages, type PostTrainingKey } from './messages.js';
export { defaultExamples as postTrainingExamples } from './examples.js';
