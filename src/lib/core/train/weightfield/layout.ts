/**
 * Where each weight of the weight-field model lives in its one flat array, and how it starts.
 *
 * The model is a one-block pre-LayerNorm transformer (GPT-2 shape at toy size). Its weights are
 * stored in a single `Float32Array` in this fixed order, so that cell i of a weight field always
 * shows the same weight:
 *
 * | # | group            | rows × cols | meaning                                    |
 * |---|------------------|-------------|--------------------------------------------|
 * | 0 | `embedding`      | V × d       | token embedding, one row per token         |
 * | 1 | `position`       | T × d       | learned position embedding                 |
 * | 2 | `ln1.gain`       | 1 × d       | LayerNorm before attention: gain           |
 * | 3 | `ln1.bias`       | 1 × d       | … and bias                                 |
 * | 4 | `attn.q`         | d × d       | query projection (input × output)          |
 * | 5 | `attn.k`         | d × d       | key projection                             |
 * | 6 | `attn.v`         | d × d       | value projection                           |
 * | 7 | `attn.o`         | d × d       | output projection                          |
 * | 8 | `ln2.gain`       | 1 × d       | LayerNorm before the MLP: gain             |
 * | 9 | `ln2.bias`       | 1 × d       | … and bias                                 |
 * |10 | `mlp.up`         | d × f       | MLP up projection (f = 4d)                 |
 * |11 | `mlp.up.bias`    | 1 × f       |                                            |
 * |12 | `mlp.down`       | f × d       | MLP down projection                        |
 * |13 | `mlp.down.bias`  | 1 × d       |                                            |
 * |14 | `lnf.gain`       | 1 × d       | final LayerNorm: gain                      |
 * |15 | `lnf.bias`       | 1 × d       | … and bias                                 |
 * |16 | `unembedding`    | d × V       | output projection to logits (untied)       |
 *
 * Matrices are row-major with the input dimension as rows: y = x·W, W[i·cols + j].
 * Total count = V·d + T·d + 4d² + 2·d·f + f + 7d + d·V.
 */
import { AnatomyError, checkInt } from '../../errors.js';
import type { Rng } from '../../rng.js';

/** Sizes of the weight-field model. */
export interface WeightFieldModelConfig {
	/** Vocabulary size V. */
	readonly vocab: number;
	/** Model width d. */
	readonly dModel: number;
	/** Attention heads H (d must be divisible by H; head width d/H). */
	readonly heads: number;
	/** Context length T: positions the model has embeddings for. */
	readonly context: number;
	/** MLP hidden width f (4d in the run). */
	readonly ff: number;
}

/** Names of the weight groups, in storage order. */
export const WEIGHT_FIELD_GROUP_NAMES = [
	'embedding',
	'position',
	'ln1.gain',
	'ln1.bias',
	'attn.q',
	'attn.k',
	'attn.v',
	'attn.o',
	'ln2.gain',
	'ln2.bias',
	'mlp.up',
	'mlp.up.bias',
	'mlp.down',
	'mlp.down.bias',
	'lnf.gain',
	'lnf.bias',
	'unembedding'
] as const;

/** Name of a weight group of the weight-field model (embedding, attention projections, MLP, norms, unembedding). */
export type WeightFieldGroupName = (typeof WEIGHT_FIELD_GROUP_NAMES)[number];

/** One weight group: a slice `[offset, offset + length)` of the flat array, shaped `rows × cols`. */
export interface WeightFieldGroup {
	readonly name: WeightFieldGroupName;
	readonly offset: number;
	readonly length: number;
	readonly rows: number;
	readonly cols: number;
}

/** All groups in storage order, a lookup by name, and the total weight count. */
export interface WeightFieldLayout {
	readonly groups: readonly WeightFieldGroup[];
	readonly byName: Readonly<Record<WeightFieldGroupName, WeightFieldGroup>>;
	readonly count: number;
}

/** Validates a model config; throws `out-of-range` / `invalid-config` on bad sizes. */
export function checkModelConfig(cfg: WeightFieldModelConfig): void {
	checkInt(cfg.vocab, 'vocab', 2, 4096);
	checkInt(cfg.dModel, 'dModel', 2, 512);
	checkInt(cfg.heads, 'heads', 1, cfg.dModel);
	checkInt(cfg.context, 'context', 1, 1024);
	checkInt(cfg.ff, 'ff', 1, 4096);
	if (cfg.dModel % cfg.heads !== 0) {
		throw new AnatomyError('invalid-config', `dModel ${cfg.dModel} is not divisible by heads ${cfg.heads}`);
	}
}

/** The flat layout of the weights of a model with sizes `cfg` (see the table above). */
export function weightFieldLayout(cfg: WeightFieldModelConfig): WeightFieldLayout {
	checkModelConfig(cfg);
	const { vocab: V, dModel: d, context: T, ff: f } = cfg;
	const shapes: Record<WeightFieldGroupName, [number, number]> = {
		embedding: [V, d],
		position: [T, d],
		'ln1.gain': [1, d],
		'ln1.bias': [1, d],
		'attn.q': [d, d],
		'attn.k': [d, d],
		'attn.v': [d, d],
		'attn.o': [d, d],
		'ln2.gain': [1, d],
		'ln2.bias': [1, d],
		'mlp.up': [d, f],
		'mlp.up.bias': [1, f],
		'mlp.down': [f, d],
		'mlp.down.bias': [1, d],
		'lnf.gain': [1, d],
		'lnf.bias': [1, d],
		unembedding: [d, V]
	};
	let offset = 0;
	const groups = WEIGHT_FIELD_GROUP_NAMES.map((name) => {
		const [rows, cols] = shapes[name];
		const g: WeightFieldGroup = { name, offset, length: rows * cols, rows, cols };
		offset += g.length;
		return g;
	});
	const byName = Object.fromEntries(groups.map((g) => [g.name, g])) as Record<
		WeightFieldGroupName,
		WeightFieldGroup
	>;
	return { groups, byName, count: offset };
}

/** Whether AdamW's weight decay applies to a group: matrices yes, gains and biases no (GPT-2 practice). */
export function isDecayed(name: WeightFieldGroupName): boolean {
	return !name.includes('gain') && !name.includes('bias');
}

/**
 * Fills `out` with initial weights drawn from `rng`:
 * embeddings N(0, 0.2²); q, k, v and mlp.up N(0, 1/fan_in); attn.o and mlp.down N(0, 1/(2·fan_in))
 * (residual branches scaled down, as GPT-2 does); unembedding N(0, 0.02²) so the first logits are
 * near zero and the first loss is close to ln V; LayerNorm gains 1; biases 0.
 */
export function initWeights(layout: WeightFieldLayout, rng: Rng, out: Float32Array | Float64Array): void {
	if (out.length !== layout.count) {
		throw new AnatomyError(
			'shape-mismatch',
			`weights have length ${out.length}, layout needs ${layout.count}`
		);
	}
	for (const g of layout.groups) {
		let std = 0;
		let fill = 0;
		if (g.name === 'embedding' || g.name === 'position') std = 0.2;
		else if (g.name === 'attn.o' || g.name === 'mlp.down') std = 1 / Math.sqrt(2 * g.rows);
		else if (g.name.startsWith('attn.') || g.name === 'mlp.up') std = 1 / Math.sqrt(g.rows);
		else if (g.name === 'unembedding') std = 0.02;
		else if (g.name.endsWith('.gain')) fill = 1;
		for (let i = 0; i < g.length; i++) out[g.offset + i] = std > 0 ? std * rng.normal() : fill;
	}
}
