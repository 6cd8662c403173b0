/**
 * Low-rank adapters (LoRA; Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", 2021)
 * on the four attention projections of the weight-field model.
 *
 * Each adapted matrix W (d_in × d_out) stays frozen; the model computes with
 *
 *     W' = W + s·A·B,     A: d_in × r,   B: r × d_out,   s = α / r
 *
 * A starts uniform in ±1/√d_in (as PEFT does) and B at zero, so W' = W before the first update.
 * Only A and B train: 2·r·(d_in + d_out) numbers per matrix instead of d_in·d_out. From the
 * gradient G = ∂L/∂W' of the merged matrix, the chain rule gives
 *
 *     ∂L/∂A = s·G·Bᵀ          ∂L/∂B = s·Aᵀ·G
 */
import { AnatomyError, checkInt } from '../../errors.js';
import type { Rng } from '../../rng.js';
import type { FloatBuf } from './kernels.js';
import { matmul, matmulNT, matmulTNAcc } from './kernels.js';
import type { WeightFieldGroupName, WeightFieldLayout } from './layout.js';

/** The matrices that receive adapters. */
export const LORA_TARGETS = [
	'attn.q',
	'attn.k',
	'attn.v',
	'attn.o'
] as const satisfies readonly WeightFieldGroupName[];

/** One adapter factor: `lora.q.A`, `lora.q.B`, … a slice of the flat adapter array. */
export interface LoraGroup {
	readonly name: string;
	/** The base matrix this factor adapts. */
	readonly target: (typeof LORA_TARGETS)[number];
	/** 'A' (d_in × r) or 'B' (r × d_out). */
	readonly factor: 'A' | 'B';
	readonly offset: number;
	readonly length: number;
	readonly rows: number;
	readonly cols: number;
}

/** Layout of all adapter factors in one flat array (A then B for q, k, v, o). */
export interface LoraLayout {
	readonly rank: number;
	/** s = α / r. */
	readonly scale: number;
	readonly groups: readonly LoraGroup[];
	readonly count: number;
}

/** Layout of rank-`rank` adapters with scale α/r on the attention projections of `layout`. */
export function loraLayout(layout: WeightFieldLayout, rank: number, alpha: number): LoraLayout {
	const d = layout.byName['attn.q'].rows;
	checkInt(rank, 'LoRA rank', 1, d);
	if (!Number.isFinite(alpha))
		throw new AnatomyError('non-finite', `LoRA alpha must be finite, got ${alpha}`);
	if (alpha <= 0) throw new AnatomyError('out-of-range', `LoRA alpha must be > 0, got ${alpha}`);
	const groups: LoraGroup[] = [];
	let offset = 0;
	for (const target of LORA_TARGETS) {
		const t = layout.byName[target];
		for (const [factor, rows, cols] of [
			['A', t.rows, rank],
			['B', rank, t.cols]
		] as const) {
			groups.push({
				name: `lora.${target.slice(5)}.${factor}`,
				target,
				factor,
				offset,
				length: rows * cols,
				rows,
				cols
			});
			offset += rows * cols;
		}
	}
	return { rank, scale: alpha / rank, groups, count: offset };
}

/** Fills `out` with initial adapters: A uniform in ±1/√d_in, B zero (so the merged weights equal the base). */
export function initLora(lora: LoraLayout, rng: Rng, out: FloatBuf): void {
	if (out.length !== lora.count)
		throw new AnatomyError('shape-mismatch', `adapters have length ${out.length}, need ${lora.count}`);
	for (const g of lora.groups) {
		const bound = 1 / Math.sqrt(g.rows);
		for (let i = 0; i < g.length; i++)
			out[g.offset + i] = g.factor === 'A' ? bound * (2 * rng.next() - 1) : 0;
	}
}

function pairs(lora: LoraLayout, layout: WeightFieldLayout) {
	const out = [];
	for (let i = 0; i < lora.groups.length; i += 2)
		out.push({ A: lora.groups[i], B: lora.groups[i + 1], W: layout.byName[lora.groups[i].target] });
	return out;
}

/**
 * Writes the merged weights W' = W + s·A·B into `out` (all other groups copied from `base`).
 * `delta` (d_in × d_out scratch, at least as long as the largest target) avoids allocation.
 */
export function mergeLora(
	layout: WeightFieldLayout,
	lora: LoraLayout,
	base: FloatBuf,
	adapters: FloatBuf,
	out: FloatBuf,
	delta: FloatBuf = new Float64Array(layout.byName['attn.q'].length)
): void {
	if (base.length !== layout.count || out.length !== layout.count) {
		throw new AnatomyError('shape-mismatch', `weights must have length ${layout.count}`);
	}
	if (adapters.length !== lora.count)
		throw new AnatomyError('shape-mismatch', `adapters must have length ${lora.count}`);
	out.set(base);
	for (const { A, B, W } of pairs(lora, layout)) {
		matmul(
			adapters.subarray(A.offset, A.offset + A.length),
			adapters.subarray(B.offset, B.offset + B.length),
			delta,
			W.rows,
			lora.rank,
			W.cols
		);
		for (let i = 0; i < W.length; i++) out[W.offset + i] = base[W.offset + i] + lora.scale * delta[i];
	}
}

/** Adapter gradients from the merged-weight gradients `grads`: ∂L/∂A = s·G·Bᵀ, ∂L/∂B = s·Aᵀ·G (overwrites `out`). */
export function loraGradients(
	layout: WeightFieldLayout,
	lora: LoraLayout,
	adapters: FloatBuf,
	grads: FloatBuf,
	out: FloatBuf
): void {
	if (grads.length !== layout.count)
		throw new AnatomyError('shape-mismatch', `gradients must have length ${layout.count}`);
	if (adapters.length !== lora.count || out.length !== lora.count) {
		throw new AnatomyError('shape-mismatch', `adapters must have length ${lora.count}`);
	}
	out.fill(0);
	for (const { A, B, W } of pairs(lora, layout)) {
		const G = grads.subarray(W.offset, W.offset + W.length);
		const dA = out.subarray(A.offset, A.offset + A.length);
		const dB = out.subarray(B.offset, B.offset + B.length);
		matmulNT(G, adapters.subarray(B.offset, B.offset + B.length), dA, W.rows, W.cols, lora.rank, false);
		matmulTNAcc(adapters.subarray(A.offset, A.offset + A.length), G, dB, W.rows, lora.rank, W.cols);
		for (let i = 0; i < dA.length; i++) dA[i] *= lora.scale;
		for (let i = 0; i < dB.length; i++) dB[i] *= lora.scale;
	}
}
