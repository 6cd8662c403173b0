/**
 * One normalised description of a decoder-only transformer, read from a Hugging Face
 * `config.json` exactly as published (Llama, Mistral, Mixtral, Qwen2, Qwen2-MoE, Qwen3, Gemma,
 * Gemma 2, Phi-3 and GPT-2 field names), so that every estimator works from the same numbers.
 *
 * Fields that decide a model's shape are required; a missing, negative, fractional or non-finite
 * one throws `invalid-config` naming the field. Fields a family's `PretrainedConfig` class fills
 * in by default (for example `num_key_value_heads` = `num_attention_heads`, i.e. multi-head
 * attention, or Gemma's `head_dim` = 256) take those defaults.
 */
import { AnatomyError } from '../errors.js';

/** A Hugging Face `config.json` object. Only the fields read here are typed; others pass through. */
export interface HfConfig {
	model_type?: string;
	architectures?: readonly string[];
	hidden_size?: number;
	intermediate_size?: number;
	num_hidden_layers?: number;
	num_attention_heads?: number;
	num_key_value_heads?: number | null;
	head_dim?: number | null;
	vocab_size?: number;
	max_position_embeddings?: number;
	tie_word_embeddings?: boolean;
	num_local_experts?: number;
	num_experts?: number;
	num_experts_per_tok?: number;
	moe_intermediate_size?: number;
	shared_expert_intermediate_size?: number;
	decoder_sparse_step?: number;
	mlp_only_layers?: readonly number[];
	attention_bias?: boolean;
	mlp_bias?: boolean;
	rope_theta?: number;
	rope_scaling?: Record<string, unknown> | null;
	torch_dtype?: string | null;
	hidden_act?: string;
	hidden_activation?: string | null;
	rms_norm_eps?: number;
	sliding_window?: number | null;
	use_sliding_window?: boolean;
	max_window_layers?: number;
	// GPT-2 names
	n_embd?: number;
	n_layer?: number;
	n_head?: number;
	n_positions?: number;
	n_ctx?: number;
	n_inner?: number | null;
	activation_function?: string;
	layer_norm_epsilon?: number;
	[key: string]: unknown;
}

/** Model families whose `config.json` this module reads. */
export type ModelType =
	'gpt2' | 'llama' | 'mistral' | 'mixtral' | 'qwen2' | 'qwen2_moe' | 'qwen3' | 'gemma' | 'gemma2' | 'phi3';

/** Mixture-of-experts feed-forward: `numExperts` per layer, `expertsPerToken` used per token. */
export interface MoeConfig {
	numExperts: number;
	expertsPerToken: number;
	/** Hidden width of each routed expert's SwiGLU MLP. */
	expertIntermediateSize: number;
	/** Width of an always-active shared expert (Qwen2-MoE), 0 when there is none. */
	sharedIntermediateSize: number;
}

/** The normalised model description every estimator takes. */
export interface ModelConfig {
	modelType: ModelType;
	architectures: string[];
	/** d_model: width of the residual stream. */
	hiddenSize: number;
	/** Dense MLP hidden width (d_ff); for MoE models the routed experts' width is in `moe`. */
	intermediateSize: number;
	numLayers: number;
	/** Query heads. */
	numHeads: number;
	/** Key/value heads: = numHeads for MHA, 1 for MQA, in between for GQA. */
	numKvHeads: number;
	/** Width of one head; numHeads · headDim may differ from hiddenSize (Gemma). */
	headDim: number;
	vocabSize: number;
	maxPositions: number;
	tieWordEmbeddings: boolean;
	positionEmbedding: 'learned' | 'rope';
	norm: 'layernorm' | 'rmsnorm';
	/** Norms per decoder layer: 2 (pre-attention, pre-MLP), 4 in Gemma 2 (pre and post each). */
	normsPerLayer: number;
	/** 'standard': up → act → down (GPT-2); 'gated': (act(gate) ⊙ up) → down (SwiGLU / GeGLU). */
	mlp: 'standard' | 'gated';
	activation: string;
	bias: { qkv: boolean; attnOut: boolean; mlp: boolean; norm: boolean };
	/** RMSNorm on each query and key head before RoPE (Qwen3). */
	qkNorm: boolean;
	moe: MoeConfig | null;
	ropeTheta: number | null;
	ropeScaling: Record<string, unknown> | null;
	/** Sliding-window attention: window size and how many layers use it; null when none. */
	slidingWindow: { size: number; layers: number } | null;
	/** Weight dtype of the published checkpoint ('bfloat16', 'float16', 'float32'), if stated. */
	torchDtype: string | null;
}

const ARCHITECTURES: Record<string, ModelType> = {
	GPT2LMHeadModel: 'gpt2',
	LlamaForCausalLM: 'llama',
	MistralForCausalLM: 'mistral',
	MixtralForCausalLM: 'mixtral',
	Qwen2ForCausalLM: 'qwen2',
	Qwen2MoeForCausalLM: 'qwen2_moe',
	Qwen3ForCausalLM: 'qwen3',
	GemmaForCausalLM: 'gemma',
	Gemma2ForCausalLM: 'gemma2',
	Phi3ForCausalLM: 'phi3'
};

/** Every `model_type` {@link parseHfConfig} reads. */
export const MODEL_TYPES: readonly ModelType[] = Object.freeze([
	'gpt2',
	'llama',
	'mistral',
	'mixtral',
	'qwen2',
	'qwen2_moe',
	'qwen3',
	'gemma',
	'gemma2',
	'phi3'
]);

function invalid(field: string, message: string): never {
	throw new AnatomyError('invalid-config', `config field '${field}' ${message}`);
}

function posInt(raw: HfConfig, field: string, fallback?: number): number {
	const v = raw[field];
	if (v === undefined || v === null) {
		if (fallback !== undefined) return fallback;
		invalid(field, 'is required');
	}
	if (
		typeof v !== 'number' ||
		!Number.isFinite(v) ||
		!Number.isInteger(v) ||
		v < 1 ||
		v > Number.MAX_SAFE_INTEGER
	) {
		invalid(field, `must be a positive integer, got ${JSON.stringify(v)}`);
	}
	return v;
}

function bool(raw: HfConfig, field: string, fallback: boolean): boolean {
	const v = raw[field];
	if (v === undefined || v === null) return fallback;
	if (typeof v !== 'boolean') invalid(field, `must be true or false, got ${JSON.stringify(v)}`);
	return v;
}

function positiveNumber(raw: HfConfig, field: string, fallback: number | null): number | null {
	const v = raw[field];
	if (v === undefined || v === null) return fallback;
	if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
		invalid(field, `must be a positive number, got ${JSON.stringify(v)}`);
	return v;
}

function modelTypeOf(raw: HfConfig): ModelType {
	const t = raw.model_type;
	if (typeof t === 'string') {
		if ((MODEL_TYPES as readonly string[]).includes(t)) return t as ModelType;
		invalid('model_type', `'${t}' is not supported; supported: ${MODEL_TYPES.join(', ')}`);
	}
	if (t !== undefined) invalid('model_type', `must be a string, got ${JSON.stringify(t)}`);
	const arch = Array.isArray(raw.architectures)
		? raw.architectures.find((a) => a in ARCHITECTURES)
		: undefined;
	if (arch) return ARCHITECTURES[arch];
	invalid('model_type', `is required (or an 'architectures' entry such as LlamaForCausalLM)`);
}

/** PretrainedConfig defaults per family, where the class sets one (transformers' configuration_*.py). */
const MAX_POSITIONS: Record<ModelType, number> = {
	gpt2: 1024,
	llama: 2048,
	mistral: 4096 * 32,
	mixtral: 4096 * 32,
	qwen2: 32768,
	qwen2_moe: 32768,
	qwen3: 32768,
	gemma: 8192,
	gemma2: 8192,
	phi3: 4096
};
const ROPE_THETA: Record<ModelType, number | null> = {
	gpt2: null,
	llama: 10000,
	mistral: 10000,
	mixtral: 1e6,
	qwen2: 10000,
	qwen2_moe: 10000,
	qwen3: 10000,
	gemma: 10000,
	gemma2: 10000,
	phi3: 10000
};

/**
 * Normalises a Hugging Face `config.json` object into a {@link ModelConfig}.
 * Throws `invalid-config` naming the offending field for missing or invalid values, unsupported
 * `model_type`, head counts that do not divide, or more active experts than experts.
 */
export function parseHfConfig(raw: HfConfig): ModelConfig {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new AnatomyError(
			'invalid-config',
			'a model config must be a JSON object (the contents of config.json)'
		);
	}
	const type = modelTypeOf(raw);
	const architectures = Array.isArray(raw.architectures)
		? raw.architectures.filter((a) => typeof a === 'string')
		: [];

	if (type === 'gpt2') {
		const hidden = posInt(raw, 'n_embd');
		const heads = posInt(raw, 'n_head');
		if (hidden % heads !== 0) invalid('n_head', `(${heads}) must divide n_embd (${hidden})`);
		return {
			modelType: type,
			architectures,
			hiddenSize: hidden,
			intermediateSize: posInt(raw, 'n_inner', 4 * hidden),
			numLayers: posInt(raw, 'n_layer'),
			numHeads: heads,
			numKvHeads: heads,
			headDim: hidden / heads,
			vocabSize: posInt(raw, 'vocab_size'),
			maxPositions: posInt(raw, 'n_positions', MAX_POSITIONS.gpt2),
			tieWordEmbeddings: bool(raw, 'tie_word_embeddings', true),
			positionEmbedding: 'learned',
			norm: 'layernorm',
			normsPerLayer: 2,
			mlp: 'standard',
			activation: typeof raw.activation_function === 'string' ? raw.activation_function : 'gelu_new',
			bias: { qkv: true, attnOut: true, mlp: true, norm: true },
			qkNorm: false,
			moe: null,
			ropeTheta: null,
			ropeScaling: null,
			slidingWindow: null,
			torchDtype: typeof raw.torch_dtype === 'string' ? raw.torch_dtype : null
		};
	}

	const hidden = posInt(raw, 'hidden_size');
	const layers = posInt(raw, 'num_hidden_layers');
	const heads = posInt(raw, 'num_attention_heads');
	const kvHeads = posInt(raw, 'num_key_value_heads', heads);
	if (heads % kvHeads !== 0) {
		invalid('num_key_value_heads', `(${kvHeads}) must divide num_attention_heads (${heads})`);
	}
	const headDefault = type === 'gemma' || type === 'gemma2' ? 256 : type === 'qwen3' ? 128 : undefined;
	let headDim: number;
	if (raw.head_dim !== undefined && raw.head_dim !== null) headDim = posInt(raw, 'head_dim');
	else if (headDefault !== undefined) headDim = headDefault;
	else {
		if (hidden % heads !== 0)
			invalid('num_attention_heads', `(${heads}) must divide hidden_size (${hidden})`);
		headDim = hidden / heads;
	}

	let moe: MoeConfig | null = null;
	const intermediate = posInt(raw, 'intermediate_size');
	if (type === 'mixtral' || type === 'qwen2_moe') {
		const expertsField = type === 'mixtral' ? 'num_local_experts' : 'num_experts';
		const numExperts = posInt(raw, expertsField);
		const expertsPerToken = posInt(raw, 'num_experts_per_tok');
		if (expertsPerToken > numExperts) {
			invalid('num_experts_per_tok', `(${expertsPerToken}) cannot exceed ${expertsField} (${numExperts})`);
		}
		if (type === 'qwen2_moe') {
			if (posInt(raw, 'decoder_sparse_step', 1) !== 1)
				invalid('decoder_sparse_step', 'other than 1 is not supported');
			if (Array.isArray(raw.mlp_only_layers) && raw.mlp_only_layers.length > 0) {
				invalid('mlp_only_layers', 'must be empty (dense layers inside an MoE stack are not supported)');
			}
		}
		moe = {
			numExperts,
			expertsPerToken,
			expertIntermediateSize: type === 'mixtral' ? intermediate : posInt(raw, 'moe_intermediate_size'),
			sharedIntermediateSize: type === 'qwen2_moe' ? posInt(raw, 'shared_expert_intermediate_size') : 0
		};
	}

	const attnBias = type === 'llama' || type === 'qwen3' ? bool(raw, 'attention_bias', false) : false;
	const qkvBias = type === 'qwen2' || type === 'qwen2_moe' ? true : attnBias;

	let slidingWindow: ModelConfig['slidingWindow'] = null;
	const window = positiveNumber(raw, 'sliding_window', null);
	if (window !== null) {
		const size = posInt(raw, 'sliding_window');
		if (type === 'mistral' || type === 'phi3') slidingWindow = { size, layers };
		else if (type === 'gemma2')
			slidingWindow = { size, layers: Math.ceil(layers / 2) }; // layers 0, 2, 4, …
		else if (
			(type === 'qwen2' || type === 'qwen2_moe' || type === 'qwen3') &&
			bool(raw, 'use_sliding_window', false)
		) {
			const full = Math.min(layers, posInt(raw, 'max_window_layers', layers));
			if (layers - full > 0) slidingWindow = { size, layers: layers - full };
		}
	}

	const act =
		typeof raw.hidden_activation === 'string'
			? raw.hidden_activation
			: typeof raw.hidden_act === 'string'
				? raw.hidden_act
				: type === 'gemma' || type === 'gemma2'
					? 'gelu_pytorch_tanh'
					: 'silu';

	return {
		modelType: type,
		architectures,
		hiddenSize: hidden,
		intermediateSize: intermediate,
		numLayers: layers,
		numHeads: heads,
		numKvHeads: kvHeads,
		headDim,
		vocabSize: posInt(raw, 'vocab_size'),
		maxPositions: posInt(raw, 'max_position_embeddings', MAX_POSITIONS[type]),
		tieWordEmbeddings: bool(raw, 'tie_word_embeddings', type === 'gemma' || type === 'gemma2'),
		positionEmbedding: 'rope',
		norm: 'rmsnorm',
		normsPerLayer: type === 'gemma2' ? 4 : 2,
		mlp: 'gated',
		activation: act,
		bias: {
			qkv: qkvBias,
			attnOut: attnBias,
			mlp: type === 'llama' ? bool(raw, 'mlp_bias', false) : false,
			norm: false
		},
		qkNorm: type === 'qwen3',
		moe,
		ropeTheta: positiveNumber(raw, 'rope_theta', ROPE_THETA[type]),
		ropeScaling:
			raw.rope_scaling && typeof raw.rope_scaling === 'object'
				? (raw.rope_scaling as Record<string, unknown>)
				: null,
		slidingWindow,
		torchDtype: typeof raw.torch_dtype === 'string' ? raw.torch_dtype : null
	};
}

/** True when `x` looks like an already normalised {@link ModelConfig} rather than a raw config.json. */
export function isModelConfig(x: unknown): x is ModelConfig {
	return !!x && typeof x === 'object' && 'numLayers' in x && 'hiddenSize' in x && 'modelType' in x;
}

/**
 * Checks a normalised config's numbers (positive safe integers, heads dividing) and returns it;
 * throws `invalid-config` naming the field otherwise. Use on configs built by hand.
 */
export function validateModelConfig(c: ModelConfig): ModelConfig {
	const ints: Array<keyof ModelConfig> = [
		'hiddenSize',
		'intermediateSize',
		'numLayers',
		'numHeads',
		'numKvHeads',
		'headDim',
		'vocabSize',
		'maxPositions',
		'normsPerLayer'
	];
	for (const k of ints) {
		const v = c[k];
		if (
			typeof v !== 'number' ||
			!Number.isInteger(v) ||
			v < (k === 'normsPerLayer' ? 0 : 1) ||
			v > Number.MAX_SAFE_INTEGER
		) {
			invalid(k, `must be a positive integer, got ${JSON.stringify(v)}`);
		}
	}
	if (!(MODEL_TYPES as readonly string[]).includes(c.modelType))
		invalid('modelType', `'${c.modelType}' is not supported`);
	if (c.numHeads % c.numKvHeads !== 0)
		invalid('numKvHeads', `(${c.numKvHeads}) must divide numHeads (${c.numHeads})`);
	if (c.moe) {
		for (const k of ['numExperts', 'expertsPerToken', 'expertIntermediateSize'] as const) {
			const v = c.moe[k];
			if (!Number.isInteger(v) || v < 1)
				invalid(`moe.${k}`, `must be a positive integer, got ${JSON.stringify(v)}`);
		}
		if (!Number.isInteger(c.moe.sharedIntermediateSize) || c.moe.sharedIntermediateSize < 0) {
			invalid('moe.sharedIntermediateSize', `must be a non-negative integer`);
		}
		if (c.moe.expertsPerToken > c.moe.numExperts)
			invalid('moe.expertsPerToken', 'cannot exceed moe.numExperts');
	}
	return c;
}
