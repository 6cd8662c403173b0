/**
 * The parameter ladder: real catalogue models from 1B to 405B with what each needs in memory,
 * so that "bigger model" reads as bytes and GPUs rather than as a slider.
 */
import { check, checkInt } from '../errors.js';
import { getModel, type ModelId } from './catalogue.js';
import { kvBytesPerToken } from './kv-cache.js';
import { modelStateBytes, weightBytesOfCount } from './memory.js';
import { countParameters } from './parameters.js';
import { chinchillaTokens } from './scaling.js';

/** Default rungs: Llama 3.2 1B/3B, Llama 3.1 8B, Llama 2 13B, Mixtral 8x7B, Llama 3.1 70B, Mixtral 8x22B, Llama 3.1 405B. */
export const LADDER_IDS: readonly ModelId[] = Object.freeze([
	'llama-3.2-1b',
	'llama-3.2-3b',
	'llama-3.1-8b',
	'llama-2-13b',
	'mixtral-8x7b',
	'llama-3.1-70b',
	'mixtral-8x22b',
	'llama-3.1-405b'
]);

/** Options for {@link parameterLadder}. */
export interface LadderOptions {
	ids?: readonly ModelId[];
	/** Context length for the KV-cache column (one sequence, bf16). @default 8192 */
	context?: number;
	/** Memory of one accelerator in bytes, for the GPU count. @default 80e9 (an 80 GB GPU) */
	deviceBytes?: number;
}

/** One rung of the ladder. */
export interface LadderRung {
	id: ModelId;
	name: string;
	parameters: number;
	activeParameters: number;
	/** Weight bytes in each format. */
	weights: { fp32: number; bf16: number; fp8: number; int4: number; nf4: number };
	/** Mixed-precision AdamW model states, 16 B per parameter (no activations). */
	training: number;
	/** KV cache bytes per token and at `context` tokens (bf16, batch 1). */
	kvPerToken: number;
	kvAtContext: number;
	/** Accelerators of `deviceBytes` needed to hold bf16 weights + the KV cache at `context`. */
	devicesBf16: number;
	/** Compute-optimal training tokens, 20 per parameter. */
	chinchillaTokens: number;
}

const ladders = new Map<string, readonly Readonly<LadderRung>[]>();

/**
 * The ladder, smallest first. Throws `unknown-model` for an unknown id. The same options give the
 * same frozen array (a page and its figures all ask for the default ladder, and each rung counts
 * every parameter of a published config).
 */
export function parameterLadder({
	ids = LADDER_IDS,
	context = 8192,
	deviceBytes = 80e9
}: LadderOptions = {}): readonly Readonly<LadderRung>[] {
	checkInt(context, 'context', 0);
	check(Number.isFinite(deviceBytes) && deviceBytes > 0, 'deviceBytes must be positive', 'out-of-range');
	const key = `${ids.join(',')}|${context}|${deviceBytes}`;
	let ladder = ladders.get(key);
	if (!ladder) {
		ladder = Object.freeze(buildLadder(ids, context, deviceBytes));
		if (ladders.size >= 32) ladders.clear();
		ladders.set(key, ladder);
	}
	return ladder;
}

function buildLadder(ids: readonly ModelId[], context: number, deviceBytes: number): Readonly<LadderRung>[] {
	return ids
		.map((id) => {
			const entry = getModel(id);
			const c = entry.config;
			const p = countParameters(c);
			const bf16 = weightBytesOfCount(p, 'bf16');
			const kvPerToken = kvBytesPerToken(c, 'bf16');
			return {
				id,
				name: entry.name,
				parameters: p.total,
				activeParameters: p.active,
				weights: {
					fp32: weightBytesOfCount(p, 'fp32'),
					bf16,
					fp8: weightBytesOfCount(p, 'fp8'),
					int4: weightBytesOfCount(p, 'int4'),
					nf4: weightBytesOfCount(p, 'nf4')
				},
				training: modelStateBytes(p.total).total,
				kvPerToken,
				kvAtContext: kvPerToken * context,
				devicesBf16: Math.ceil((bf16 + kvPerToken * context) / deviceBytes),
				chinchillaTokens: chinchillaTokens(p.total)
			} satisfies LadderRung;
		})
		.map((rung) => Object.freeze({ ...rung, weights: Object.freeze(rung.weights) }))
		.sort((a, b) => a.parameters - b.parameters);
}
