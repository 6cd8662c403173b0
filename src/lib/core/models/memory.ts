/**
 * Memory a model needs, by component.
 *
 * Weights: every tensor of {@link countParameters} at its storage cost ({@link storageBits}): fp32
 * 4 B, bf16/fp16 2 B, fp8 1 B, int8 1 B + a scale per row, int4 0.5 B + a 16-bit scale per 128
 * (4.125 bits), NF4 4.5 bits (4.127 with double quantisation). Quantised formats apply to the
 * matrices; norm weights and biases stay 16-bit, as quantisation libraries leave them.
 *
 * Training state (mixed precision with Adam, ZeRO paper's accounting, Rajbhandari et al. 2020):
 * per parameter 2 B bf16 weights + 2 B bf16 gradients + K = 12 B optimizer state (4 B fp32 master
 * weights, 4 B first moment m, 4 B second moment v) = 16 B. Pure fp32 training: 4 + 4 + 8 = 16 B.
 * ZeRO over N data-parallel GPUs shards, per GPU, with Ψ parameters:
 * - stage 0: (2 + 2 + K)·Ψ                 - stage 2: 2Ψ + (2 + K)·Ψ/N
 * - stage 1: 2Ψ + 2Ψ + K·Ψ/N               - stage 3: (2 + 2 + K)·Ψ/N
 * (Ψ = 7.5B, N = 64: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB — the paper's Figure 1.)
 *
 * Activations: {@link activationBytes} (Korthikanti et al. 2022), stored for the backward pass.
 * KV cache: {@link kvCacheBytes}.
 */
import { AnatomyError, check, checkInt } from '../errors.js';
import { resolveStorage, storageBits, type StorageFormat, type StorageSpec } from '../quant/storage.js';
import { activationBytes, type ActivationOptions } from './activations.js';
import { resolveModel, type ModelLike } from './catalogue.js';
import { kvCacheBytes, type KvCacheOptions } from './kv-cache.js';
import { countParameters, type ParameterCount } from './parameters.js';

/** Optimizers whose state is counted. */
export type Optimizer = 'adamw' | 'adamw-8bit' | 'sgd-momentum' | 'sgd';

/** Options for the training state. */
export interface TrainingOptions {
	/** @default 'adamw' */
	optimizer?: Optimizer;
	/** bf16 weights and gradients with fp32 master weights; false: everything fp32. @default true */
	mixedPrecision?: boolean;
	/** ZeRO stage: 0 none, 1 optimizer states, 2 + gradients, 3 + weights sharded. @default 0 */
	zeroStage?: 0 | 1 | 2 | 3;
	/** Data-parallel GPUs N the states are sharded over. @default 1 */
	gpus?: number;
}

/** Bytes per parameter of each part of the model states. */
export interface StateBytesPerParameter {
	weights: number;
	gradients: number;
	/** fp32 master copy (mixed precision only). */
	masterWeights: number;
	/** Optimizer moments: Adam m and v, momentum, or none. */
	optimizerStates: number;
}

/**
 * Bytes per parameter for weights, gradients, master weights and optimizer moments.
 * Mixed precision: 2 + 2 + 4 + (Adam 8, 8-bit Adam 2, momentum 4, SGD 0);
 * fp32: 4 + 4 + 0 + (Adam 8, 8-bit Adam 2, momentum 4, SGD 0).
 */
export function stateBytesPerParameter({
	optimizer = 'adamw',
	mixedPrecision = true
}: TrainingOptions = {}): StateBytesPerParameter {
	const moments: Record<Optimizer, number> = { adamw: 8, 'adamw-8bit': 2, 'sgd-momentum': 4, sgd: 0 };
	check(
		optimizer in moments,
		`unknown optimizer '${String(optimizer)}'; expected ${Object.keys(moments).join(', ')}`
	);
	return mixedPrecision
		? { weights: 2, gradients: 2, masterWeights: 4, optimizerStates: moments[optimizer] }
		: { weights: 4, gradients: 4, masterWeights: 0, optimizerStates: moments[optimizer] };
}

/** Model-state bytes (no activations) of Ψ parameters, per GPU after ZeRO sharding. */
export interface ModelStateBytes {
	weights: number;
	gradients: number;
	masterWeights: number;
	optimizerStates: number;
	total: number;
}

/**
 * Per-GPU model-state bytes of `parameters` (Ψ) under ZeRO `zeroStage` over `gpus` (N), with
 * the formulas in the module comment. Throws `out-of-range` for bad counts.
 */
export function modelStateBytes(parameters: number, options: TrainingOptions = {}): ModelStateBytes {
	check(
		Number.isFinite(parameters) && parameters >= 0,
		`parameters must be a non-negative number, got ${parameters}`,
		'out-of-range'
	);
	const { zeroStage = 0, gpus = 1 } = options;
	checkInt(zeroStage, 'zeroStage', 0, 3);
	checkInt(gpus, 'gpus', 1);
	const b = stateBytesPerParameter(options);
	const shard = (stage: number) => (zeroStage >= stage ? gpus : 1);
	const weights = (b.weights * parameters) / shard(3);
	const gradients = (b.gradients * parameters) / shard(2);
	const masterWeights = (b.masterWeights * parameters) / shard(1);
	const optimizerStates = (b.optimizerStates * parameters) / shard(1);
	return {
		weights,
		gradients,
		masterWeights,
		optimizerStates,
		total: weights + gradients + masterWeights + optimizerStates
	};
}

/** Options for {@link weightBytes}. */
export interface WeightOptions {
	/** Keep the token embedding and LM head in 16-bit when quantising the rest. @default false */
	skipEmbeddings?: boolean;
}

/**
 * Bytes of all weights stored in `spec` (see the module comment): Σ over tensors of
 * storageBits(out, in, spec) / 8 for matrices, 2 B per element for vectors under 8-bit or 4-bit
 * formats (the format's own width for fp32/fp16/bf16).
 */
export function weightBytes(
	model: ModelLike,
	spec: StorageSpec | StorageFormat = 'bf16',
	{ skipEmbeddings = false }: WeightOptions = {}
): number {
	return weightBytesOfCount(countParameters(resolveModel(model)), spec, { skipEmbeddings });
}

/**
 * {@link weightBytes} from a parameter count already made with `countParameters`, for callers
 * that size one model in several formats.
 */
export function weightBytesOfCount(
	count: ParameterCount,
	spec: StorageSpec | StorageFormat = 'bf16',
	{ skipEmbeddings = false }: WeightOptions = {}
): number {
	const r = resolveStorage(spec);
	const float = r.format === 'fp32' || r.format === 'fp16' || r.format === 'bf16';
	let bits = 0;
	for (const t of count.tensors) {
		const keep16 =
			skipEmbeddings && (t.group === 'embedding' || t.group === 'lmHead' || t.group === 'position');
		if (t.shape.length === 1 || keep16) {
			bits += t.count * t.copies * (float && !keep16 ? r.codeBits : 16);
		} else {
			bits += storageBits(t.shape[0], t.shape[1], spec) * t.copies;
		}
	}
	return bits / 8;
}

/** Options for {@link estimateMemory}. */
export interface MemoryOptions {
	/** Weight storage. @default 'bf16' (inference and mixed-precision training), 'fp32' for fp32 training */
	weights?: StorageSpec | StorageFormat;
	/** Keep embeddings and LM head 16-bit when quantising. @default false */
	skipEmbeddings?: boolean;
	/** KV cache to hold (inference). */
	kvCache?: KvCacheOptions;
	/** Training state to hold; `true` for the defaults (mixed-precision AdamW, no ZeRO). */
	training?: TrainingOptions | boolean;
	/** Activations stored for the backward pass (training only). */
	activations?: ActivationOptions;
}

/** Bytes by component. */
export interface MemoryBreakdown {
	weights: number;
	gradients: number;
	masterWeights: number;
	optimizerStates: number;
	activations: number;
	kvCache: number;
	total: number;
}

/** What {@link estimateMemory} returns. Top-level components are for one whole copy of the model. */
export interface MemoryEstimate extends MemoryBreakdown {
	mode: 'inference' | 'training';
	parameters: { total: number; active: number };
	/** Per GPU after ZeRO sharding over `devices` (= the top level when not sharded). */
	perDevice: MemoryBreakdown;
	devices: number;
}

const sum = (m: Omit<MemoryBreakdown, 'total'>) =>
	m.weights + m.gradients + m.masterWeights + m.optimizerStates + m.activations + m.kvCache;

/**
 * Memory needed to serve or train a model, by component (formulas in the module comment).
 * Inference: weights + KV cache. Training: model states (weights, gradients, master weights,
 * optimizer moments, ZeRO-sharded per device) + activations.
 * Throws `invalid-argument` for quantised weights in training or activations in inference,
 * `out-of-range`/`invalid-config` for bad numbers.
 */
export function estimateMemory(model: ModelLike, options: MemoryOptions = {}): MemoryEstimate {
	const c = resolveModel(model);
	const p = countParameters(c);
	const training = options.training === true ? {} : options.training || null;
	const kv = options.kvCache ? kvCacheBytes(c, options.kvCache) : 0;
	if (!training) {
		if (options.activations) {
			throw new AnatomyError(
				'invalid-argument',
				'activations here are what training stores for the backward pass; pass `training` to include them'
			);
		}
		const weights = weightBytes(c, options.weights ?? 'bf16', { skipEmbeddings: options.skipEmbeddings });
		const m = { weights, gradients: 0, masterWeights: 0, optimizerStates: 0, activations: 0, kvCache: kv };
		const breakdown = { ...m, total: sum(m) };
		return {
			mode: 'inference',
			parameters: { total: p.total, active: p.active },
			...breakdown,
			perDevice: { ...breakdown },
			devices: 1
		};
	}
	const mixed = training.mixedPrecision ?? true;
	const spec = resolveStorage(options.weights ?? (mixed ? 'bf16' : 'fp32'));
	const expected = mixed ? ['bf16', 'fp16'] : ['fp32'];
	if (!expected.includes(spec.format)) {
		throw new AnatomyError(
			'invalid-argument',
			`${mixed ? 'mixed-precision' : 'fp32'} training keeps weights in ${expected.join(' or ')}, not ${spec.format}`
		);
	}
	const whole = modelStateBytes(p.total, { ...training, zeroStage: 0, gpus: 1 });
	const sharded = modelStateBytes(p.total, training);
	const act = options.activations ? activationBytes(c, options.activations) : 0;
	const top = { ...whole, activations: act, kvCache: kv };
	const per = { ...sharded, activations: act, kvCache: kv };
	return {
		mode: 'training',
		parameters: { total: p.total, active: p.active },
		weights: top.weights,
		gradients: top.gradients,
		masterWeights: top.masterWeights,
		optimizerStates: top.optimizerStates,
		activations: act,
		kvCache: kv,
		total: sum(top),
		perDevice: {
			weights: per.weights,
			gradients: per.gradients,
			masterWeights: per.masterWeights,
			optimizerStates: per.optimizerStates,
			activations: act,
			kvCache: kv,
			total: sum(per)
		},
		devices: training.gpus ?? 1
	};
}
