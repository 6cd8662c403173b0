/**
 * llm-anatomy: Svelte 5 components that make the inside of a large language model visible.
 * Re-exports only. The framework-free maths lives in `llm-anatomy/core`.
 */
export * from './components/TokenStrip/index.js';
export * from './components/AttentionMatrix/index.js';
export * from './components/RopeDial/index.js';
export * from './components/WeightField/index.js';
export * from './components/TrainingCurve/index.js';
export * from './components/KVCacheMeter/index.js';
export * from './components/QuantMatrix/index.js';
export * from './components/DecoderBlock/index.js';
export * from './components/EmbeddingLookup/index.js';
export * from './components/PostTrainingPipeline/index.js';
export * from './components/NeuronPlot/index.js';
export * from './components/DenseLayer/index.js';
export * from './components/SamplingPanel/index.js';
export * from './components/OptimizerRace/index.js';
export * from './components/BackpropStepper/index.js';
export {
	Figure,
	DataTable,
	ExportMenu,
	Badge,
	Slider,
	InView,
	toCsv,
	toJson
} from './components/shared/index.js';
export type {
	FigureData,
	Column,
	Row,
	ModelInput,
	ModelResolution,
	ModelPickerKey
} from './components/shared/index.js';
export * from './i18n/index.js';
