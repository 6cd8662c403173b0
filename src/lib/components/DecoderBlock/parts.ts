/**
 * Which weight tensors of {@link countParameters} belong to which part of the decoder-block
 * diagram, and how many parameters each part holds in one layer. The counting itself is the
 * core's; this file only sorts its tensors into the boxes of the picture.
 */
import type { ModelConfig } from '../../core/models/config.js';
import type { ParameterCount, ParameterTensor } from '../../core/models/parameters.js';

/** The parts of the diagram, top to bottom. `postAttnNorm`/`postMlpNorm` exist only with 4 norms per layer (Gemma 2). */
export type DecoderPartId =
	| 'input'
	| 'norm1'
	| 'attention'
	| 'postAttnNorm'
	| 'add1'
	| 'norm2'
	| 'mlp'
	| 'postMlpNorm'
	| 'add2'
	| 'output';

/** One part of the diagram with the tensors it owns inside one decoder layer. */
export interface DecoderPart {
	id: DecoderPartId;
	kind: 'io' | 'norm' | 'attention' | 'mlp' | 'add';
	/** The core's tensors for this part (their `copies` count every layer, and every expert). */
	tensors: ParameterTensor[];
	/** Parameters of this part in one layer: Σ count · copies / layers. */
	perLayer: number;
	/** Parameters one token uses in one layer (differs from perLayer only for routed experts). */
	activePerLayer: number;
}

/** The diagram's parts and the block totals. */
export interface DecoderLayout {
	parts: DecoderPart[];
	/** Parameters in one decoder layer, as the core counts them. */
	perLayer: number;
	layers: number;
	/** perLayer · layers: everything inside the repeated blocks. */
	blockTotal: number;
	/** The whole model, as the core counts it. */
	modelTotal: number;
	/** Tensors outside the blocks: embeddings, learned positions, final norm, LM head. */
	outside: ParameterTensor[];
}

/** The norm tensor index (1-based, from the core's `norm<i>.weight` names) that each norm part shows. */
function normPart(index: number, normsPerLayer: number): DecoderPartId {
	if (normsPerLayer >= 4)
		return (['norm1', 'postAttnNorm', 'norm2', 'postMlpNorm'] as const)[index - 1] ?? 'norm2';
	return index === 1 ? 'norm1' : 'norm2';
}

function partOf(t: ParameterTensor, normsPerLayer: number): DecoderPartId | null {
	if (t.scope !== 'layer') return null;
	if (t.group === 'attention') return 'attention';
	if (t.group === 'mlp' || t.group === 'router') return 'mlp';
	const m = /^norm(\d+)\./.exec(t.name);
	if (m) return normPart(Number(m[1]), normsPerLayer);
	// per-head q/k norms (Qwen3) sit inside attention
	if (/^[qk]_norm\./.test(t.name)) return 'attention';
	return null;
}

/** Sorts the core's tensors into the diagram's parts for `config`. */
export function decoderLayout(config: ModelConfig, count: ParameterCount): DecoderLayout {
	const four = config.normsPerLayer >= 4;
	const ids: DecoderPartId[] = four
		? ['input', 'norm1', 'attention', 'postAttnNorm', 'add1', 'norm2', 'mlp', 'postMlpNorm', 'add2', 'output']
		: ['input', 'norm1', 'attention', 'add1', 'norm2', 'mlp', 'add2', 'output'];
	const kind = (id: DecoderPartId): DecoderPart['kind'] =>
		id === 'input' || id === 'output'
			? 'io'
			: id === 'attention'
				? 'attention'
				: id === 'mlp'
					? 'mlp'
					: id === 'add1' || id === 'add2'
						? 'add'
						: 'norm';
	const parts = new Map<DecoderPartId, DecoderPart>(
		ids.map((id) => [id, { id, kind: kind(id), tensors: [], perLayer: 0, activePerLayer: 0 }])
	);
	const L = config.numLayers;
	const outside: ParameterTensor[] = [];
	for (const t of count.tensors) {
		const id = partOf(t, config.normsPerLayer);
		const part = id ? parts.get(id) : undefined;
		if (!part) {
			if (t.scope === 'model') outside.push(t);
			continue;
		}
		part.tensors.push(t);
		part.perLayer += (t.count * t.copies) / L;
		part.activePerLayer += (t.count * t.activeCopies) / L;
	}
	return {
		parts: ids.map((id) => parts.get(id)!),
		perLayer: count.perLayer,
		layers: L,
		blockTotal: count.perLayer * L,
		modelTotal: count.total,
		outside
	};
}

/** The name of the gated feed-forward for an activation: SwiGLU for SiLU, GeGLU for GELU variants. */
export function gatedName(activation: string): string {
	return /gelu/i.test(activation) ? 'GeGLU' : /silu|swish/i.test(activation) ? 'SwiGLU' : 'GLU';
}

/** The attention kind from head counts: MHA (kv = q), MQA (kv = 1) or GQA (in between). */
export function attentionKind(config: Pick<ModelConfig, 'numHeads' | 'numKvHeads'>): 'MHA' | 'GQA' | 'MQA' {
	if (config.numKvHeads === config.numHeads) return 'MHA';
	return config.numKvHeads === 1 ? 'MQA' : 'GQA';
}
