/**
 * Floating-point operations of a forward pass, after Kaplan et al. (2020), "Scaling Laws for
 * Neural Language Models", Table 1: a matrix–vector product with an n-parameter matrix costs 2n
 * FLOPs (one multiply, one add per weight), so per token
 *
 *   C_forward ≈ 2·N + 2·n_layer·n_ctx·d_attn
 *
 * where N counts the weights a token is multiplied by and the second term is attention's QKᵀ
 * over n_ctx cached positions (d_attn = query heads · head width). Two differences from Kaplan:
 * N here is the *active* non-embedding parameter count plus the unembedding (LM head) matrix,
 * which is real work at inference (Kaplan leaves both embedding matrices out); and
 * `attention: 'full'` also counts the A·V product Kaplan omits, doubling the attention term
 * (4·n_layer·n_ctx·d_attn, as in Hoffmann et al. 2022, Appendix F).
 *
 * Training costs ≈ 3× the forward pass (backward ≈ 2× forward): C_train ≈ 6·N·D for D tokens.
 */
import { check, checkInt } from '../errors.js';
import { resolveModel, type ModelLike } from './catalogue.js';
import { countParameters } from './parameters.js';

/** Which attention products to count. */
export type AttentionFlops = 'kaplan' | 'full';

/** Options for the FLOP estimators. */
export interface FlopsOptions {
	/** 'kaplan': QKᵀ only (2·L·ctx·d_attn); 'full': QKᵀ and A·V (4·L·ctx·d_attn). @default 'kaplan' */
	attention?: AttentionFlops;
}

/** The numbers the FLOP formulas need, from a model or given directly. */
export interface FlopsDims {
	/** Weights a token is multiplied by: active non-embedding parameters + the LM head matrix. */
	matmulParameters: number;
	numLayers: number;
	/** d_attn = numHeads · headDim. */
	attentionDim: number;
}

/** Extracts {@link FlopsDims} from a model. */
export function flopsDims(model: ModelLike): FlopsDims {
	const c = resolveModel(model);
	const p = countParameters(c);
	// The LM head matrix is multiplied whether or not it is tied to the embedding.
	const head = c.tieWordEmbeddings ? c.vocabSize * c.hiddenSize : 0;
	return {
		matmulParameters: p.active - p.groups.embedding.total - p.groups.position.total + head,
		numLayers: c.numLayers,
		attentionDim: c.numHeads * c.headDim
	};
}

function dimsOf(model: ModelLike | FlopsDims): FlopsDims {
	if (typeof model === 'object' && model !== null && 'matmulParameters' in model) {
		const d = model as FlopsDims;
		for (const k of ['matmulParameters', 'numLayers', 'attentionDim'] as const) {
			check(
				Number.isFinite(d[k]) && d[k] >= 0,
				`${k} must be a non-negative number, got ${d[k]}`,
				'out-of-range'
			);
		}
		return d;
	}
	return flopsDims(model as ModelLike);
}

const attnFactor = (o: FlopsOptions) => {
	const a = o.attention ?? 'kaplan';
	check(a === 'kaplan' || a === 'full', `attention must be 'kaplan' or 'full', got '${String(a)}'`);
	return a === 'full' ? 4 : 2;
};

/**
 * Forward FLOPs for one token that attends to `context` positions (itself included):
 * 2·N + c·L·context·d_attn with c = 2 (Kaplan) or 4 ('full'). This is the cost of one decode step.
 */
export function forwardFlopsPerToken(
	model: ModelLike | FlopsDims,
	context: number,
	options: FlopsOptions = {}
): number {
	checkInt(context, 'context', 0);
	const d = dimsOf(model);
	return 2 * d.matmulParameters + attnFactor(options) * d.numLayers * context * d.attentionDim;
}

/** Alias of {@link forwardFlopsPerToken}: FLOPs of one decode step at a given context length. */
export const decodeFlops = forwardFlopsPerToken;

/**
 * Forward FLOPs to prefill a prompt of p tokens with causal attention (token t attends to t
 * positions): Σ_{t=1..p} (2N + c·L·t·d_attn) = 2N·p + c·L·d_attn·p(p+1)/2.
 */
export function prefillFlops(
	model: ModelLike | FlopsDims,
	promptTokens: number,
	options: FlopsOptions = {}
): number {
	checkInt(promptTokens, 'promptTokens', 0);
	const d = dimsOf(model);
	const p = promptTokens;
	return 2 * d.matmulParameters * p + (attnFactor(options) * d.numLayers * d.attentionDim * p * (p + 1)) / 2;
}

/**
 * Training compute C ≈ 6·N·D (Kaplan et al. 2020; Hoffmann et al. 2022): forward 2ND, backward
 * 4ND. With a model, N is its active parameter count (all parameters for a dense model).
 * Throws `out-of-range` for negative or non-finite inputs.
 */
export function trainingFlops(model: ModelLike | number, tokens: number): number {
	const n = typeof model === 'number' ? model : countParameters(resolveModel(model)).active;
	check(Number.isFinite(n) && n >= 0, `parameters must be a non-negative number, got ${n}`, 'out-of-range');
	check(
		Number.isFinite(tokens) && tokens >= 0,
		`tokens must be a non-negative number, got ${tokens}`,
		'out-of-range'
	);
	return 6 * n * tokens;
}
