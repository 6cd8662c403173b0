/**
 * Exact parameter counts of a decoder-only transformer from its config, tensor by tensor.
 *
 * With d = hidden size, L = layers, V = vocabulary, H = query heads, K = key/value heads,
 * h = head width, f = MLP width:
 * - token embedding: V·d; learned positions (GPT-2): P·d
 * - attention per layer: q d·Hh, k d·Kh, v d·Kh, o Hh·d (+ biases Hh, Kh, Kh, d where present)
 * - MLP per layer: gated (SwiGLU/GeGLU) 3·d·f, standard (GPT-2) 2·d·f (+ biases f + d)
 * - MoE per layer: E experts of 3·d·f_e, a router d·E, optional shared expert 3·d·f_s + gate d
 * - norms: d per RMSNorm, 2d per LayerNorm (weight + bias), per layer and one final norm
 * - LM head: V·d, or 0 when tied to the embedding
 *
 * `active` counts what one token uses: everything except the experts it is not routed to
 * (E − k of them per layer). The router and shared experts are always active.
 */
import { AnatomyError } from '../errors.js';
import type { ModelConfig } from './config.js';
import { resolveModel, type ModelLike } from './catalogue.js';

/** Groups that parameters are reported in. */
export type ParameterGroupName =
	'embedding' | 'position' | 'attention' | 'mlp' | 'router' | 'norms' | 'lmHead';

/** One weight tensor of the model (per layer, it is repeated `copies` times). */
export interface ParameterTensor {
	/** Name in the Llama convention (q_proj, gate_proj, …), prefixed with `experts.` for routed experts. */
	name: string;
	group: ParameterGroupName;
	/** [out, in] for matrices, [n] for vectors. */
	shape: [number, number] | [number];
	/** Elements in one copy. */
	count: number;
	/** Copies in the model: 1, L (one per layer) or L·E (one per layer per expert). */
	copies: number;
	/** Copies one token uses: L·k for routed experts, otherwise = copies. */
	activeCopies: number;
	/** 'layer' for tensors inside each decoder layer, 'model' for embeddings, final norm, LM head. */
	scope: 'layer' | 'model';
}

/** Totals of one group. */
export interface ParameterGroup {
	total: number;
	active: number;
	/** Parameters of this group inside one decoder layer (0 for embedding, position, LM head). */
	perLayer: number;
	tensors: ParameterTensor[];
}

/** What {@link countParameters} returns. */
export interface ParameterCount {
	total: number;
	/** Parameters used per token (= total for dense models). */
	active: number;
	/** total − token embedding − position embedding (the N of Kaplan et al.'s scaling laws, plus the LM head). */
	nonEmbedding: number;
	/** Parameters in one decoder layer (all experts). */
	perLayer: number;
	groups: Record<ParameterGroupName, ParameterGroup>;
	tensors: ParameterTensor[];
}

/**
 * Counts the parameters of a model (catalogue id or entry, config.json object or ModelConfig) exactly
 * (see the module comment for the formulas).
 * Throws `out-of-range` if a count is not a finite number (absurd configs).
 */
export function countParameters(modelLike: ModelLike): ParameterCount {
	const c: ModelConfig = resolveModel(modelLike);
	const d = c.hiddenSize;
	const L = c.numLayers;
	const qDim = c.numHeads * c.headDim;
	const kvDim = c.numKvHeads * c.headDim;
	const tensors: ParameterTensor[] = [];
	const push = (
		name: string,
		group: ParameterGroupName,
		shape: [number, number] | [number],
		scope: 'layer' | 'model',
		copies: number,
		activeCopies: number
	) => {
		const count = shape.length === 2 ? shape[0] * shape[1] : shape[0];
		tensors.push({ name, group, shape, count, copies, activeCopies, scope });
	};
	/** A tensor once per layer, or `perLayer` times (experts) of which `activePerLayer` are used. */
	const layer = (
		name: string,
		group: ParameterGroupName,
		shape: [number, number] | [number],
		perLayer = 1,
		activePerLayer = perLayer
	) => push(name, group, shape, 'layer', L * perLayer, L * activePerLayer);
	const model = (name: string, group: ParameterGroupName, shape: [number, number] | [number]) =>
		push(name, group, shape, 'model', 1, 1);

	model('embed_tokens', 'embedding', [c.vocabSize, d]);
	if (c.positionEmbedding === 'learned') model('embed_positions', 'position', [c.maxPositions, d]);

	// Attention
	layer('q_proj', 'attention', [qDim, d]);
	layer('k_proj', 'attention', [kvDim, d]);
	layer('v_proj', 'attention', [kvDim, d]);
	layer('o_proj', 'attention', [d, qDim]);
	if (c.bias.qkv) {
		layer('q_proj.bias', 'attention', [qDim]);
		layer('k_proj.bias', 'attention', [kvDim]);
		layer('v_proj.bias', 'attention', [kvDim]);
	}
	if (c.bias.attnOut) layer('o_proj.bias', 'attention', [d]);

	// Feed-forward
	const gatedMlp = (prefix: string, f: number, perLayer: number, activePerLayer: number) => {
		layer(`${prefix}gate_proj`, 'mlp', [f, d], perLayer, activePerLayer);
		layer(`${prefix}up_proj`, 'mlp', [f, d], perLayer, activePerLayer);
		layer(`${prefix}down_proj`, 'mlp', [d, f], perLayer, activePerLayer);
		if (c.bias.mlp) {
			layer(`${prefix}gate_proj.bias`, 'mlp', [f], perLayer, activePerLayer);
			layer(`${prefix}up_proj.bias`, 'mlp', [f], perLayer, activePerLayer);
			layer(`${prefix}down_proj.bias`, 'mlp', [d], perLayer, activePerLayer);
		}
	};
	if (c.moe) {
		const {
			numExperts: E,
			expertsPerToken: k,
			expertIntermediateSize: fe,
			sharedIntermediateSize: fs
		} = c.moe;
		gatedMlp('experts.', fe, E, k);
		layer('router', 'router', [E, d]);
		if (fs > 0) {
			gatedMlp('shared_expert.', fs, 1, 1);
			layer('shared_expert_gate', 'router', [1, d]);
		}
	} else if (c.mlp === 'gated') {
		gatedMlp('', c.intermediateSize, 1, 1);
	} else {
		const f = c.intermediateSize;
		layer('up_proj', 'mlp', [f, d]);
		layer('down_proj', 'mlp', [d, f]);
		if (c.bias.mlp) {
			layer('up_proj.bias', 'mlp', [f]);
			layer('down_proj.bias', 'mlp', [d]);
		}
	}

	// Norms: per layer, optional per-head q/k norms, and the final norm
	for (let i = 0; i < c.normsPerLayer; i++) {
		layer(`norm${i + 1}.weight`, 'norms', [d]);
		if (c.bias.norm) layer(`norm${i + 1}.bias`, 'norms', [d]);
	}
	if (c.qkNorm) {
		layer('q_norm.weight', 'norms', [c.headDim]);
		layer('k_norm.weight', 'norms', [c.headDim]);
	}
	model('final_norm.weight', 'norms', [d]);
	if (c.bias.norm) model('final_norm.bias', 'norms', [d]);

	if (!c.tieWordEmbeddings) model('lm_head', 'lmHead', [c.vocabSize, d]);

	const names: ParameterGroupName[] = [
		'embedding',
		'position',
		'attention',
		'mlp',
		'router',
		'norms',
		'lmHead'
	];
	const groups = {} as Record<ParameterGroupName, ParameterGroup>;
	for (const g of names) groups[g] = { total: 0, active: 0, perLayer: 0, tensors: [] };
	let total = 0;
	let active = 0;
	let perLayer = 0;
	for (const t of tensors) {
		const g = groups[t.group];
		g.tensors.push(t);
		g.total += t.count * t.copies;
		g.active += t.count * t.activeCopies;
		if (t.scope === 'layer') {
			g.perLayer += (t.count * t.copies) / L;
			perLayer += (t.count * t.copies) / L;
		}
		total += t.count * t.copies;
		active += t.count * t.activeCopies;
	}
	if (!Number.isFinite(total)) {
		throw new AnatomyError(
			'out-of-range',
			'parameter count overflows: the config describes an impossibly large model'
		);
	}
	return {
		total,
		active,
		nonEmbedding: total - groups.embedding.total - groups.position.total,
		perLayer,
		groups,
		tensors
	};
}
