/**
 * Memory of one model through the stages of its life, as a training lab shows it: pretraining,
 * full fine-tuning, LoRA fine-tuning and inference. Each stage is split into the same five parts:
 *
 * - weights: every parameter at its storage cost ({@link weightBytes});
 * - training-only state: what exists only while training, i.e. gradients, fp32 master weights and
 *   optimizer moments (with LoRA: the adapters and their own state);
 * - activations: what the forward pass stores for the backward pass ({@link activationBytes},
 *   Korthikanti et al. 2022); none at inference, where activations are transient;
 * - KV cache: keys and values of every cached token (`kvCacheBytes` in kv-cache.ts); inference only;
 * - working set: the sum, what must be resident at once on one copy of the model (no sharding).
 *
 * Per stage, with Ψ parameters, A LoRA adapter parameters, s tokens, b sequences:
 * - `pretrain`, `finetune-full`: mixed-precision AdamW, Ψ·(2 + 2 + 4 + 8) B (bf16 or fp16 weights
 *   and gradients, fp32 master weights, fp32 m and v); fp32 training Ψ·(4 + 4 + 8) B. Quantised
 *   formats (fp8, int8, int4, nf4) cannot be trained by plain AdamW, so these stages fall back to
 *   bf16 and say so (`weightFormat`, `precisionAdjusted`).
 * - `finetune-lora`: the base weights frozen in the chosen format (nf4 gives QLoRA, Dettmers et al.
 *   2023), no gradient or optimizer state for them; the adapters A = Σ over targeted matrices
 *   W (out × in) of r·(out + in) cost 16 B each in mixed precision (bf16 adapter, bf16 gradient,
 *   fp32 master, fp32 m and v), 16 B in fp32 (4 + 4 + 8). Activations are still stored: gradients
 *   flow back through every frozen layer to reach the adapters.
 * - `inference`: weights in the chosen format + KV cache of s tokens × b sequences.
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import type { StorageFormat } from '../quant/storage.js';
import { activationBytes, type Recompute } from './activations.js';
import { resolveModel, type ModelLike } from './catalogue.js';
import type { KvDtype } from './kv-cache.js';
import { estimateMemory, stateBytesPerParameter, weightBytes } from './memory.js';
import { countParameters } from './parameters.js';

/** The stages of a model's life whose memory {@link stageMemory} estimates. */
export const LIFECYCLE_STAGES = ['pretrain', 'finetune-full', 'finetune-lora', 'inference'] as const;
/** A phase of a model's life whose memory {@link stageMemory} estimates: pretraining, full or LoRA fine-tuning, inference. */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Matrices LoRA adapts by default: the four attention projections (Hu et al. 2021 adapt q and v). */
export const LORA_DEFAULT_TARGETS: readonly string[] = Object.freeze([
	'q_proj',
	'k_proj',
	'v_proj',
	'o_proj'
]);

/** Options of {@link loraParameters}. */
export interface LoraOptions {
	/** Rank r of each adapter (≥ 1). */
	rank: number;
	/** Tensor names adapted, in the Llama convention of `countParameters`. @default q, k, v and o projections */
	targets?: readonly string[];
}

/**
 * Trainable parameters of LoRA adapters: for each adapted matrix W of shape out × in, the pair
 * B (out × r) and A (r × in) adds r·(out + in), repeated for every copy (layer) of W.
 * Llama 2 7B, r = 8 on q and v: 32 · 2 · 8 · (4096 + 4096) = 4,194,304.
 * Throws `out-of-range` for a rank that is not a positive integer.
 */
export function loraParameters(
	model: ModelLike,
	{ rank, targets = LORA_DEFAULT_TARGETS }: LoraOptions
): number {
	checkInt(rank, 'LoRA rank', 1);
	const c = resolveModel(model);
	const wanted = new Set(targets);
	let n = 0;
	for (const t of countParameters(c).tensors) {
		if (t.shape.length !== 2 || !wanted.has(t.name)) continue;
		n += rank * (t.shape[0] + t.shape[1]) * t.copies;
	}
	return n;
}

/** Options of {@link stageMemory}. */
export interface StageMemoryOptions {
	stage: LifecycleStage;
	/**
	 * Weight storage: the format weights are served in (inference) and frozen in (LoRA base).
	 * Full training uses it only when it is fp32, bf16 or fp16. @default 'bf16'
	 */
	precision?: StorageFormat;
	/** Tokens per sequence: the training sequence length, or the tokens cached at inference. @default 4096 */
	sequenceLength?: number;
	/** Sequences processed at once (micro-batch, or concurrent requests). @default 1 */
	batch?: number;
	/** Activation recomputation in training ('full' = activation checkpointing). @default 'none' */
	recompute?: Recompute;
	/** LoRA rank. @default 16 */
	loraRank?: number;
	/** LoRA targets. @default {@link LORA_DEFAULT_TARGETS} */
	loraTargets?: readonly string[];
	/** KV-cache element type. @default 'bf16' */
	kvDtype?: KvDtype;
}

/** What {@link stageMemory} returns; every byte count is for one whole copy of the model. */
export interface StageMemory {
	stage: LifecycleStage;
	/** Ψ, all parameters. */
	parameters: number;
	/** Parameters the stage updates: Ψ in full training, the adapters in LoRA, 0 at inference. */
	trainableParameters: number;
	/** The format the weights are counted in. */
	weightFormat: StorageFormat;
	/** True when the requested precision cannot be trained and bf16 was used instead. */
	precisionAdjusted: boolean;
	/** Bytes of the model's weights. */
	weights: number;
	/** Bytes that exist only while training, split below. */
	trainingState: number;
	trainingStateParts: {
		/** LoRA adapter weights (0 otherwise). */
		adapterWeights: number;
		gradients: number;
		masterWeights: number;
		optimizerStates: number;
	};
	/** Activation bytes stored for the backward pass (0 at inference). */
	activations: number;
	/** KV-cache bytes (inference only). */
	kvCache: number;
	/** weights + trainingState + activations + kvCache. */
	workingSet: number;
}

const TRAINABLE_FORMATS: readonly StorageFormat[] = ['fp32', 'bf16', 'fp16'];

/**
 * Memory of `model` in `stage` (formulas in the module comment). Throws `invalid-argument` for an
 * unknown stage, `out-of-range` for a bad sequence length, batch or rank, and whatever the
 * underlying estimators throw for an unknown model or format.
 */
export function stageMemory(model: ModelLike, options: StageMemoryOptions): StageMemory {
	const {
		stage,
		precision = 'bf16',
		sequenceLength = 4096,
		batch = 1,
		recompute = 'none',
		loraRank = 16,
		loraTargets = LORA_DEFAULT_TARGETS,
		kvDtype = 'bf16'
	} = options;
	check(
		(LIFECYCLE_STAGES as readonly string[]).includes(stage),
		`stage must be one of ${LIFECYCLE_STAGES.join(', ')}, got ${String(stage)}`
	);
	if (typeof sequenceLength !== 'number' || !Number.isFinite(sequenceLength)) {
		throw new AnatomyError('out-of-range', `sequence length must be a finite integer, got ${sequenceLength}`);
	}
	checkInt(sequenceLength, 'sequence length', 0);
	checkInt(batch, 'batch', 1);
	const c = resolveModel(model);
	const parameters = countParameters(c).total;
	const none = { adapterWeights: 0, gradients: 0, masterWeights: 0, optimizerStates: 0 };
	const result = (
		r: Omit<StageMemory, 'stage' | 'parameters' | 'workingSet' | 'trainingState'>
	): StageMemory => {
		const p = r.trainingStateParts;
		const trainingState = p.adapterWeights + p.gradients + p.masterWeights + p.optimizerStates;
		return {
			stage,
			parameters,
			...r,
			trainingState,
			workingSet: r.weights + trainingState + r.activations + r.kvCache
		};
	};

	if (stage === 'inference') {
		const m = estimateMemory(c, {
			weights: precision,
			kvCache: { tokens: sequenceLength, batch, dtype: kvDtype }
		});
		return result({
			trainableParameters: 0,
			weightFormat: precision,
			precisionAdjusted: false,
			weights: m.weights,
			trainingStateParts: none,
			activations: 0,
			kvCache: m.kvCache
		});
	}

	const activations = activationBytes(c, { sequenceLength, batch, recompute });
	if (stage === 'finetune-lora') {
		const adapters = loraParameters(c, { rank: loraRank, targets: loraTargets });
		const b = stateBytesPerParameter({ mixedPrecision: precision !== 'fp32' });
		return result({
			trainableParameters: adapters,
			weightFormat: precision,
			precisionAdjusted: false,
			weights: weightBytes(c, precision),
			trainingStateParts: {
				adapterWeights: adapters * b.weights,
				gradients: adapters * b.gradients,
				masterWeights: adapters * b.masterWeights,
				optimizerStates: adapters * b.optimizerStates
			},
			activations,
			kvCache: 0
		});
	}

	const trainable = TRAINABLE_FORMATS.includes(precision);
	const format: StorageFormat = trainable ? precision : 'bf16';
	const m = estimateMemory(c, {
		weights: format,
		training: { mixedPrecision: format !== 'fp32' },
		activations: { sequenceLength, batch, recompute }
	});
	return result({
		trainableParameters: parameters,
		weightFormat: format,
		precisionAdjusted: !trainable,
		weights: m.weights,
		trainingStateParts: {
			adapterWeights: 0,
			gradients: m.gradients,
			masterWeights: m.masterWeights,
			optimizerStates: m.optimizerStates
		},
		activations: m.activations,
		kvCache: 0
	});
}
