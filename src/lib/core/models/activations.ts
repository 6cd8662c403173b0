/**
 * Activation memory stored for the backward pass, from Korthikanti et al. (2022), "Reducing
 * Activation Recomputation in Large Transformer Models", §4 and Table 2. Per transformer layer,
 * with sequence length s, micro-batch b, hidden size h, a attention heads, 16-bit activations:
 *
 * - no parallelism:                       s·b·h·(34 + 5·a·s/h) bytes
 * - tensor parallel over t:               s·b·h·(10 + 24/t + 5·a·s/(h·t))
 * - tensor + sequence parallel:           s·b·h·(34/t + 5·a·s/(h·t))
 * - selective recomputation (attention):  s·b·h·(10 + 24/t), or s·b·h·34/t with sequence parallel
 * - full recomputation (checkpointing):   2·s·b·h (only each layer's input is kept)
 *
 * The 34 counts the 16-bit tensors a GPT-style layer saves (attention 11·sbh, 4h-wide MLP 19·sbh,
 * two LayerNorms 4·sbh) and 5·a·s/h the attention score, softmax and dropout maps (5·a·s²·b).
 * The paper derives it for MHA with a 4h GeLU MLP; for GQA or SwiGLU layers it is an
 * approximation. Embedding and output-layer activations are not included.
 */
import { check, checkInt } from '../errors.js';
import { resolveModel, type ModelLike } from './catalogue.js';

/** Which activations are recomputed in the backward pass instead of stored. */
export type Recompute = 'none' | 'selective' | 'full';

/** Options for {@link activationBytes}. */
export interface ActivationOptions {
	/** Sequence length s. */
	sequenceLength: number;
	/** Micro-batch size b. @default 1 */
	batch?: number;
	/** @default 'none' */
	recompute?: Recompute;
	/** Tensor-parallel degree t. @default 1 */
	tensorParallel?: number;
	/** Sequence parallelism (shards LayerNorm and dropout activations too). @default false */
	sequenceParallel?: boolean;
}

/** Activation bytes one layer stores (see the module comment for the formulas). */
export function activationBytesPerLayer(model: ModelLike, options: ActivationOptions): number {
	const c = resolveModel(model);
	const {
		sequenceLength: s,
		batch: b = 1,
		recompute = 'none',
		tensorParallel: t = 1,
		sequenceParallel = false
	} = options;
	checkInt(s, 'sequenceLength', 0);
	checkInt(b, 'batch', 1);
	checkInt(t, 'tensorParallel', 1);
	check(
		['none', 'selective', 'full'].includes(recompute),
		`recompute must be none, selective or full, got '${recompute}'`
	);
	const h = c.hiddenSize;
	const a = c.numHeads;
	const sbh = s * b * h;
	if (recompute === 'full') return 2 * sbh;
	if (recompute === 'selective') return sequenceParallel ? (sbh * 34) / t : sbh * (10 + 24 / t);
	const scores = (5 * a * s) / (h * t);
	return sequenceParallel ? sbh * (34 / t + scores) : sbh * (10 + 24 / t + scores);
}

/** Activation bytes all layers store: layers × {@link activationBytesPerLayer}. */
export function activationBytes(model: ModelLike, options: ActivationOptions): number {
	const c = resolveModel(model);
	return c.numLayers * activationBytesPerLayer(c, options);
}
