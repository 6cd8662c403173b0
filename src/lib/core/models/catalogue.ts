/**
 * A catalogue of real, published models: each entry keeps the fields of its Hugging Face
 * `config.json` that decide its shape and serving cost (copied from the published file; fields
 * such as `initializer_range`, token ids and `transformers_version` are left out), the repository
 * it comes from, and the parameter count its authors state.
 */
import { AnatomyError } from '../errors.js';
import {
	isModelConfig,
	parseHfConfig,
	validateModelConfig,
	type HfConfig,
	type ModelConfig
} from './config.js';

/** One published model. */
export interface CatalogueEntry {
	/** Short id used across the package ('llama-3-8b'). */
	id: string;
	/** Display name ('Llama 3 8B'). */
	name: string;
	family: string;
	/** Hugging Face repository the config comes from. */
	source: string;
	/** Parameter count as its authors state it (model card or paper), as a number. */
	statedParameters: number;
	/** The same as written by its authors ('8B', '46.7B total, 12.9B active'). */
	statedLabel: string;
	/** Where the stated count is written. */
	statedIn: string;
	/** Release year. */
	year: number;
	/** The published config.json fields. */
	hf: Readonly<HfConfig>;
	/** The parsed, normalised config. */
	config: ModelConfig;
}

const GPT2_BASE = {
	model_type: 'gpt2',
	architectures: ['GPT2LMHeadModel'],
	activation_function: 'gelu_new',
	layer_norm_epsilon: 1e-5,
	n_ctx: 1024,
	n_positions: 1024,
	vocab_size: 50257
} as const;

const LLAMA2_BASE = {
	model_type: 'llama',
	architectures: ['LlamaForCausalLM'],
	hidden_act: 'silu',
	max_position_embeddings: 4096,
	pretraining_tp: 1,
	rms_norm_eps: 1e-5,
	rope_scaling: null,
	tie_word_embeddings: false,
	torch_dtype: 'float16',
	vocab_size: 32000
} as const;

const LLAMA3_BASE = {
	model_type: 'llama',
	architectures: ['LlamaForCausalLM'],
	attention_bias: false,
	hidden_act: 'silu',
	num_key_value_heads: 8,
	rms_norm_eps: 1e-5,
	rope_theta: 500000.0,
	tie_word_embeddings: false,
	torch_dtype: 'bfloat16',
	vocab_size: 128256
} as const;

const LLAMA31_ROPE = {
	factor: 8.0,
	low_freq_factor: 1.0,
	high_freq_factor: 4.0,
	original_max_position_embeddings: 8192,
	rope_type: 'llama3'
} as const;

const LLAMA32_ROPE = { ...LLAMA31_ROPE, factor: 32.0 } as const;

type Entry = Omit<CatalogueEntry, 'config'>;

const ENTRIES: Entry[] = [
	{
		id: 'gpt2',
		name: 'GPT-2 (124M)',
		family: 'GPT-2',
		source: 'openai-community/gpt2',
		statedParameters: 124e6,
		statedLabel: '124M',
		statedIn: 'Hugging Face model card (the paper rounds it to 117M)',
		year: 2019,
		hf: { ...GPT2_BASE, n_embd: 768, n_head: 12, n_layer: 12 }
	},
	{
		id: 'gpt2-medium',
		name: 'GPT-2 Medium (355M)',
		family: 'GPT-2',
		source: 'openai-community/gpt2-medium',
		statedParameters: 355e6,
		statedLabel: '355M',
		statedIn: 'Hugging Face model card',
		year: 2019,
		hf: { ...GPT2_BASE, n_embd: 1024, n_head: 16, n_layer: 24 }
	},
	{
		id: 'gpt2-large',
		name: 'GPT-2 Large (774M)',
		family: 'GPT-2',
		source: 'openai-community/gpt2-large',
		statedParameters: 774e6,
		statedLabel: '774M',
		statedIn: 'Hugging Face model card',
		year: 2019,
		hf: { ...GPT2_BASE, n_embd: 1280, n_head: 20, n_layer: 36 }
	},
	{
		id: 'gpt2-xl',
		name: 'GPT-2 XL (1.5B)',
		family: 'GPT-2',
		source: 'openai-community/gpt2-xl',
		statedParameters: 1.5e9,
		statedLabel: '1.5B',
		statedIn: 'Hugging Face model card',
		year: 2019,
		hf: { ...GPT2_BASE, n_embd: 1600, n_head: 25, n_layer: 48 }
	},
	{
		id: 'llama-2-7b',
		name: 'Llama 2 7B',
		family: 'Llama 2',
		source: 'meta-llama/Llama-2-7b-hf',
		statedParameters: 7e9,
		statedLabel: '7B',
		statedIn: 'Llama 2 paper (Touvron et al. 2023), Table 1',
		year: 2023,
		hf: {
			...LLAMA2_BASE,
			hidden_size: 4096,
			intermediate_size: 11008,
			num_attention_heads: 32,
			num_hidden_layers: 32,
			num_key_value_heads: 32
		}
	},
	{
		id: 'llama-2-13b',
		name: 'Llama 2 13B',
		family: 'Llama 2',
		source: 'meta-llama/Llama-2-13b-hf',
		statedParameters: 13e9,
		statedLabel: '13B',
		statedIn: 'Llama 2 paper (Touvron et al. 2023), Table 1',
		year: 2023,
		hf: {
			...LLAMA2_BASE,
			hidden_size: 5120,
			intermediate_size: 13824,
			num_attention_heads: 40,
			num_hidden_layers: 40,
			num_key_value_heads: 40
		}
	},
	{
		id: 'llama-2-70b',
		name: 'Llama 2 70B',
		family: 'Llama 2',
		source: 'meta-llama/Llama-2-70b-hf',
		statedParameters: 70e9,
		statedLabel: '70B',
		statedIn: 'Llama 2 paper (Touvron et al. 2023), Table 1',
		year: 2023,
		hf: {
			...LLAMA2_BASE,
			hidden_size: 8192,
			intermediate_size: 28672,
			num_attention_heads: 64,
			num_hidden_layers: 80,
			num_key_value_heads: 8
		}
	},
	{
		id: 'llama-3-8b',
		name: 'Llama 3 8B',
		family: 'Llama 3',
		source: 'meta-llama/Meta-Llama-3-8B',
		statedParameters: 8e9,
		statedLabel: '8B',
		statedIn: 'Meta Llama 3 model card',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			hidden_size: 4096,
			intermediate_size: 14336,
			max_position_embeddings: 8192,
			num_attention_heads: 32,
			num_hidden_layers: 32,
			rope_scaling: null
		}
	},
	{
		id: 'llama-3-70b',
		name: 'Llama 3 70B',
		family: 'Llama 3',
		source: 'meta-llama/Meta-Llama-3-70B',
		statedParameters: 70e9,
		statedLabel: '70B',
		statedIn: 'Meta Llama 3 model card',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			hidden_size: 8192,
			intermediate_size: 28672,
			max_position_embeddings: 8192,
			num_attention_heads: 64,
			num_hidden_layers: 80,
			rope_scaling: null
		}
	},
	{
		id: 'llama-3.1-8b',
		name: 'Llama 3.1 8B',
		family: 'Llama 3.1',
		source: 'meta-llama/Llama-3.1-8B',
		statedParameters: 8e9,
		statedLabel: '8B',
		statedIn: 'Llama 3.1 model card; The Llama 3 Herd of Models (2024), Table 3',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			hidden_size: 4096,
			intermediate_size: 14336,
			max_position_embeddings: 131072,
			mlp_bias: false,
			num_attention_heads: 32,
			num_hidden_layers: 32,
			rope_scaling: LLAMA31_ROPE
		}
	},
	{
		id: 'llama-3.1-70b',
		name: 'Llama 3.1 70B',
		family: 'Llama 3.1',
		source: 'meta-llama/Llama-3.1-70B',
		statedParameters: 70e9,
		statedLabel: '70B',
		statedIn: 'Llama 3.1 model card; The Llama 3 Herd of Models (2024), Table 3',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			hidden_size: 8192,
			intermediate_size: 28672,
			max_position_embeddings: 131072,
			mlp_bias: false,
			num_attention_heads: 64,
			num_hidden_layers: 80,
			rope_scaling: LLAMA31_ROPE
		}
	},
	{
		id: 'llama-3.1-405b',
		name: 'Llama 3.1 405B',
		family: 'Llama 3.1',
		source: 'meta-llama/Llama-3.1-405B',
		statedParameters: 405e9,
		statedLabel: '405B',
		statedIn: 'Llama 3.1 model card; The Llama 3 Herd of Models (2024), Table 3',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			hidden_size: 16384,
			intermediate_size: 53248,
			max_position_embeddings: 131072,
			mlp_bias: false,
			num_attention_heads: 128,
			num_hidden_layers: 126,
			rope_scaling: LLAMA31_ROPE
		}
	},
	{
		id: 'llama-3.2-1b',
		name: 'Llama 3.2 1B',
		family: 'Llama 3.2',
		source: 'meta-llama/Llama-3.2-1B',
		statedParameters: 1.23e9,
		statedLabel: '1.23B',
		statedIn: 'Llama 3.2 model card',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			head_dim: 64,
			hidden_size: 2048,
			intermediate_size: 8192,
			max_position_embeddings: 131072,
			mlp_bias: false,
			num_attention_heads: 32,
			num_hidden_layers: 16,
			rope_scaling: LLAMA32_ROPE,
			tie_word_embeddings: true
		}
	},
	{
		id: 'llama-3.2-3b',
		name: 'Llama 3.2 3B',
		family: 'Llama 3.2',
		source: 'meta-llama/Llama-3.2-3B',
		statedParameters: 3.21e9,
		statedLabel: '3.21B',
		statedIn: 'Llama 3.2 model card',
		year: 2024,
		hf: {
			...LLAMA3_BASE,
			head_dim: 128,
			hidden_size: 3072,
			intermediate_size: 8192,
			max_position_embeddings: 131072,
			mlp_bias: false,
			num_attention_heads: 24,
			num_hidden_layers: 28,
			rope_scaling: LLAMA32_ROPE,
			tie_word_embeddings: true
		}
	},
	{
		id: 'mistral-7b-v0.1',
		name: 'Mistral 7B v0.1',
		family: 'Mistral',
		source: 'mistralai/Mistral-7B-v0.1',
		statedParameters: 7.3e9,
		statedLabel: '7.3B',
		statedIn: 'Mistral AI announcement (2023)',
		year: 2023,
		hf: {
			model_type: 'mistral',
			architectures: ['MistralForCausalLM'],
			hidden_act: 'silu',
			hidden_size: 4096,
			intermediate_size: 14336,
			max_position_embeddings: 32768,
			num_attention_heads: 32,
			num_hidden_layers: 32,
			num_key_value_heads: 8,
			rms_norm_eps: 1e-5,
			rope_theta: 10000.0,
			sliding_window: 4096,
			tie_word_embeddings: false,
			torch_dtype: 'bfloat16',
			vocab_size: 32000
		}
	},
	{
		id: 'mixtral-8x7b',
		name: 'Mixtral 8x7B',
		family: 'Mixtral',
		source: 'mistralai/Mixtral-8x7B-v0.1',
		statedParameters: 46.7e9,
		statedLabel: '46.7B total, 12.9B active',
		statedIn: 'Mistral AI, "Mixtral of experts" (2023)',
		year: 2023,
		hf: {
			model_type: 'mixtral',
			architectures: ['MixtralForCausalLM'],
			hidden_act: 'silu',
			hidden_size: 4096,
			intermediate_size: 14336,
			max_position_embeddings: 32768,
			num_attention_heads: 32,
			num_experts_per_tok: 2,
			num_hidden_layers: 32,
			num_key_value_heads: 8,
			num_local_experts: 8,
			rms_norm_eps: 1e-5,
			rope_theta: 1e6,
			router_aux_loss_coef: 0.02,
			tie_word_embeddings: false,
			torch_dtype: 'bfloat16',
			vocab_size: 32000
		}
	},
	{
		id: 'mixtral-8x22b',
		name: 'Mixtral 8x22B',
		family: 'Mixtral',
		source: 'mistralai/Mixtral-8x22B-v0.1',
		statedParameters: 141e9,
		statedLabel: '141B total, 39B active',
		statedIn: 'Mistral AI, "Cheaper, Better, Faster, Stronger" (2024)',
		year: 2024,
		hf: {
			model_type: 'mixtral',
			architectures: ['MixtralForCausalLM'],
			hidden_act: 'silu',
			hidden_size: 6144,
			intermediate_size: 16384,
			max_position_embeddings: 65536,
			num_attention_heads: 48,
			num_experts_per_tok: 2,
			num_hidden_layers: 56,
			num_key_value_heads: 8,
			num_local_experts: 8,
			rms_norm_eps: 1e-5,
			rope_theta: 1e6,
			tie_word_embeddings: false,
			torch_dtype: 'bfloat16',
			vocab_size: 32000
		}
	},
	{
		id: 'qwen2.5-0.5b',
		name: 'Qwen2.5 0.5B',
		family: 'Qwen2.5',
		source: 'Qwen/Qwen2.5-0.5B',
		statedParameters: 0.49e9,
		statedLabel: '0.49B (0.36B non-embedding)',
		statedIn: 'Qwen2.5-0.5B model card',
		year: 2024,
		hf: {
			model_type: 'qwen2',
			architectures: ['Qwen2ForCausalLM'],
			hidden_act: 'silu',
			hidden_size: 896,
			intermediate_size: 4864,
			max_position_embeddings: 32768,
			num_attention_heads: 14,
			num_hidden_layers: 24,
			num_key_value_heads: 2,
			rms_norm_eps: 1e-6,
			rope_theta: 1000000.0,
			tie_word_embeddings: true,
			torch_dtype: 'bfloat16',
			use_sliding_window: false,
			vocab_size: 151936
		}
	},
	{
		id: 'qwen2.5-7b',
		name: 'Qwen2.5 7B',
		family: 'Qwen2.5',
		source: 'Qwen/Qwen2.5-7B',
		statedParameters: 7.61e9,
		statedLabel: '7.61B (6.53B non-embedding)',
		statedIn: 'Qwen2.5-7B model card',
		year: 2024,
		hf: {
			model_type: 'qwen2',
			architectures: ['Qwen2ForCausalLM'],
			hidden_act: 'silu',
			hidden_size: 3584,
			intermediate_size: 18944,
			max_position_embeddings: 131072,
			max_window_layers: 28,
			num_attention_heads: 28,
			num_hidden_layers: 28,
			num_key_value_heads: 4,
			rms_norm_eps: 1e-6,
			rope_theta: 1000000.0,
			sliding_window: 131072,
			tie_word_embeddings: false,
			torch_dtype: 'bfloat16',
			use_sliding_window: false,
			vocab_size: 152064
		}
	},
	{
		id: 'gemma-7b',
		name: 'Gemma 7B',
		family: 'Gemma',
		source: 'google/gemma-7b',
		statedParameters: 8.54e9,
		statedLabel: '8.54B (7,751,248,896 non-embedding)',
		statedIn: 'Hugging Face model page; non-embedding count from the Gemma technical report (2024), Table 2',
		year: 2024,
		hf: {
			model_type: 'gemma',
			architectures: ['GemmaForCausalLM'],
			head_dim: 256,
			hidden_act: 'gelu',
			hidden_size: 3072,
			intermediate_size: 24576,
			max_position_embeddings: 8192,
			num_attention_heads: 16,
			num_hidden_layers: 28,
			num_key_value_heads: 16,
			rms_norm_eps: 1e-6,
			rope_scaling: null,
			rope_theta: 10000.0,
			torch_dtype: 'bfloat16',
			vocab_size: 256000
		}
	},
	{
		id: 'gemma-2-9b',
		name: 'Gemma 2 9B',
		family: 'Gemma 2',
		source: 'google/gemma-2-9b',
		statedParameters: 9.24e9,
		statedLabel: '9.24B (8,324,201,984 non-embedding + 917,504,000 embedding)',
		statedIn: 'Hugging Face model page; split from the Gemma 2 technical report (2024), Table 2',
		year: 2024,
		hf: {
			model_type: 'gemma2',
			architectures: ['Gemma2ForCausalLM'],
			attn_logit_softcapping: 50.0,
			final_logit_softcapping: 30.0,
			head_dim: 256,
			hidden_act: 'gelu_pytorch_tanh',
			hidden_activation: 'gelu_pytorch_tanh',
			hidden_size: 3584,
			intermediate_size: 14336,
			max_position_embeddings: 8192,
			num_attention_heads: 16,
			num_hidden_layers: 42,
			num_key_value_heads: 8,
			query_pre_attn_scalar: 256,
			rms_norm_eps: 1e-6,
			rope_theta: 10000.0,
			sliding_window: 4096,
			torch_dtype: 'float32',
			vocab_size: 256000
		}
	},
	{
		id: 'phi-3-mini',
		name: 'Phi-3-mini (4k)',
		family: 'Phi-3',
		source: 'microsoft/Phi-3-mini-4k-instruct',
		statedParameters: 3.8e9,
		statedLabel: '3.8B',
		statedIn: 'Phi-3 technical report (Abdin et al. 2024)',
		year: 2024,
		hf: {
			model_type: 'phi3',
			architectures: ['Phi3ForCausalLM'],
			hidden_act: 'silu',
			hidden_size: 3072,
			intermediate_size: 8192,
			max_position_embeddings: 4096,
			num_attention_heads: 32,
			num_hidden_layers: 32,
			num_key_value_heads: 32,
			original_max_position_embeddings: 4096,
			rms_norm_eps: 1e-5,
			rope_scaling: null,
			rope_theta: 10000.0,
			sliding_window: 2047,
			tie_word_embeddings: false,
			torch_dtype: 'bfloat16',
			vocab_size: 32064
		}
	}
];

/** Ids of the catalogue, in display order. */
export type ModelId = string;

/** The catalogue, keyed by id. Every config is parsed once here, so a bad entry fails at import. */
export const MODELS: Readonly<Record<ModelId, CatalogueEntry>> = Object.freeze(
	Object.fromEntries(ENTRIES.map((e) => [e.id, Object.freeze({ ...e, config: parseHfConfig(e.hf) })]))
);

/** Catalogue ids in display order. */
export const MODEL_IDS: readonly ModelId[] = Object.freeze(ENTRIES.map((e) => e.id));

/** Levenshtein distance, for suggesting ids close to a mistyped one. */
function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length];
}

/** Up to `n` catalogue ids closest to `query` (by edit distance, substring matches first). */
export function closeModelIds(query: string, n = 3): ModelId[] {
	const q = query.toLowerCase();
	return [...MODEL_IDS]
		.map((id) => ({ id, score: id.includes(q) || q.includes(id) ? -1 : editDistance(q, id) }))
		.sort((a, b) => a.score - b.score)
		.slice(0, n)
		.map((r) => r.id);
}

/** Finds a catalogue entry by id or by its Hugging Face repository (case-insensitive), or undefined. */
export function findModel(idOrRepo: string): CatalogueEntry | undefined {
	const q = idOrRepo.trim().toLowerCase();
	return ENTRIES.some((e) => e.id === q)
		? MODELS[q]
		: Object.values(MODELS).find((e) => e.source.toLowerCase() === q);
}

function unknownModel(query: string): never {
	const close = closeModelIds(query);
	throw new AnatomyError(
		'unknown-model',
		`unknown model '${query}'; did you mean ${close.map((c) => `'${c}'`).join(', ')}?`
	);
}

/** The catalogue entry for an id or repository; throws `unknown-model` listing close ids. */
export function getModel(idOrRepo: string): CatalogueEntry {
	return findModel(idOrRepo) ?? unknownModel(idOrRepo);
}

/**
 * Resolves a catalogue id ('llama-3-8b'), a Hugging Face repository of the catalogue
 * ('meta-llama/Meta-Llama-3-8B'), a raw `config.json` object or an already normalised
 * {@link ModelConfig} to a {@link ModelConfig}.
 * Throws `unknown-model` (listing close ids) for an unknown id and `invalid-config` for a bad config.
 */
export function resolveModel(idOrConfig: ModelLike): ModelConfig {
	if (idOrConfig === null || typeof idOrConfig !== 'object') {
		if (typeof idOrConfig !== 'string') {
			throw new AnatomyError(
				'invalid-config',
				`expected a model id or a config object, got ${String(idOrConfig)}`
			);
		}
	}
	if (typeof idOrConfig === 'string') {
		return getModel(idOrConfig).config;
	}
	if (isCatalogueEntry(idOrConfig)) return idOrConfig.config;
	if (isModelConfig(idOrConfig)) return validateModelConfig(idOrConfig);
	return parseHfConfig(idOrConfig as HfConfig);
}

function isCatalogueEntry(x: unknown): x is CatalogueEntry {
	return (
		typeof x === 'object' &&
		x !== null &&
		'config' in x &&
		'hf' in x &&
		isModelConfig((x as CatalogueEntry).config)
	);
}

/**
 * Anything {@link resolveModel} accepts: a catalogue id or repository, a catalogue entry
 * (`MODELS['llama-3-8b']`), a config.json object, or a ModelConfig.
 */
export type ModelLike = string | CatalogueEntry | HfConfig | ModelConfig;
