/**
 * The weight-field simulation: a real one-block transformer trained on toy data, whose weights,
 * gradients and optimizer state a weight-field view draws. Re-exports only.
 */
export {
	createWeightFieldRun,
	WEIGHT_FIELD_STAGES,
	WEIGHT_FIELD_WEIGHT_LIMIT,
	type WeightFieldRun,
	type WeightFieldRunOptions,
	type WeightFieldStage,
	type WeightFieldTrainStage,
	type WeightFieldMetrics,
	type WeightFieldSnapshot,
	type WeightFieldHistoryPoint,
	type WeightFieldGroupState,
	type WeightFieldAdapters
} from './run.js';
export {
	fieldFromWeights,
	fieldCellWeight,
	locateWeight,
	WEIGHT_FIELD_MAX_CELLS,
	WEIGHT_FIELD_CPU_CELLS,
	type WeightField,
	type WeightFieldQuantity,
	type WeightFieldSource,
	type FieldFromWeightsOptions
} from './field.js';
export {
	weightFieldLayout,
	WEIGHT_FIELD_GROUP_NAMES,
	type WeightFieldGroup,
	type WeightFieldGroupName,
	type WeightFieldLayout,
	type WeightFieldModelConfig
} from './layout.js';
export { LORA_TARGETS as WEIGHT_FIELD_LORA_TARGETS, type LoraGroup as WeightFieldLoraGroup } from './lora.js';
export { WEIGHT_FIELD_ALPHABET } from './vocab.js';
export { type ToyLanguage as WeightFieldLanguage } from './corpus.js';
export {
	createWeightFieldWorkerHandler,
	createWeightFieldWorkerClient,
	type WeightFieldFrame,
	type WeightFieldStageLengths,
	type WeightFieldWorkerInfo,
	type WeightFieldWorkerErrorData,
	type WeightFieldWorkerRequest,
	type WeightFieldWorkerResponse,
	type WeightFieldWorkerClock,
	type WeightFieldWorkerHandler,
	type WeightFieldWorkerLike,
	type WeightFieldWorkerCreated,
	type WeightFieldWorkerClientOptions,
	type WeightFieldWorkerClient
} from './worker-protocol.js';
