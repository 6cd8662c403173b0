/**
 * The weight-field run: a real, tiny transformer language model trained step by step in the
 * browser, whose weights, gradients and AdamW state a weight-field view draws (colour = value,
 * motion = last update). Every number it reports (loss, validation loss, learning rate, update
 * strength, gradient norm, attention spread, KV-cache size) is measured on this run.
 *
 * Stages, switched with `setStage` at any time:
 * - `pretrain`: every weight trains on the toy language (`corpus.ts`), lr with warm-up and cosine decay.
 * - `finetune-full`: every weight trains on the narrow reversal task at a lower peak lr.
 * - `finetune-lora`: the base weights are frozen; rank-r adapters on the attention projections
 *   train (`lora.ts`). The field shows the merged weights W + s·A·B, so only the attention groups
 *   move. Leaving this stage merges the adapters into the base weights.
 * - `inference`: weights frozen, no gradients and no optimizer state; each step generates one token
 *   (greedy, or sampled at `temperature`) with a growing KV cache (`decode.ts`).
 *
 * Each stage starts a fresh optimizer (its AdamW moments at zero), as fine-tuning runs do.
 * Deterministic: the same options and the same sequence of calls give bit-identical snapshots.
 */
import { AnatomyError, check, checkInt } from '../../errors.js';
import type { Rng } from '../../rng.js';
import { createRng } from '../../rng.js';
import { adamWPropose } from './adamw.js';
import type { ToyLanguage, ToyTask } from './corpus.js';
import { createToyLanguage, lexicon, sampleToyBatch } from './corpus.js';
import type { KvCache } from './decode.js';
import { createKvCache, decodeToken, kvCacheBytes } from './decode.js';
import type {
	WeightFieldGroup,
	WeightFieldGroupName,
	WeightFieldLayout,
	WeightFieldModelConfig
} from './layout.js';
import { initWeights, isDecayed, weightFieldLayout } from './layout.js';
import type { LoraGroup, LoraLayout } from './lora.js';
import { initLora, LORA_TARGETS, loraGradients, loraLayout, mergeLora } from './lora.js';
import type { BatchWorkspace } from './model.js';
import { batchLoss, batchLossAndGradients, createWorkspace } from './model.js';
import { warmupCosineLr } from './schedule.js';
import { subseed } from './subseed.js';
import { decodeChars, encodeChars, WEIGHT_FIELD_ALPHABET } from './vocab.js';

/** The four stages of the run. */
export const WEIGHT_FIELD_STAGES = ['pretrain', 'finetune-full', 'finetune-lora', 'inference'] as const;
/** A stage of the weight-field run: pretraining, full or LoRA fine-tuning, or inference with frozen weights. */
export type WeightFieldStage = (typeof WEIGHT_FIELD_STAGES)[number];
/** The stages that train. */
export type WeightFieldTrainStage = Exclude<WeightFieldStage, 'inference'>;

/** A proposed update that would take any weight beyond ±this is refused and the run marked diverged. */
export const WEIGHT_FIELD_WEIGHT_LIMIT = 1e3;

/** Options of {@link createWeightFieldRun}; every field has a default. */
export interface WeightFieldRunOptions {
	/** Seed of the initial weights, the data and the prompts (any finite number). @default 42 */
	seed?: number;
	/** Model width d (divisible by `heads`, 4–128). @default 24 */
	dModel?: number;
	/** Attention heads. @default 2 */
	heads?: number;
	/** Context length T, the training sequence length and the KV-cache capacity (4–128). @default 24 */
	context?: number;
	/** Sequences per training step (1–64). @default 4 */
	batch?: number;
	/** LoRA rank r (1–d). @default 4 */
	loraRank?: number;
	/** LoRA α; the adapter scale is α / r. @default 8 */
	loraAlpha?: number;
	/** Peak learning rate per training stage. @default { pretrain: 1e-2, 'finetune-full': 3e-3, 'finetune-lora': 1e-2 } */
	lr?: Partial<Record<WeightFieldTrainStage, number>>;
	/** Warm-up steps per training stage. @default { pretrain: 20, 'finetune-full': 10, 'finetune-lora': 10 } */
	warmup?: Partial<Record<WeightFieldTrainStage, number>>;
	/** Steps until the cosine reaches its floor (10 % of the peak), per stage. @default { pretrain: 800, 'finetune-full': 300, 'finetune-lora': 300 } */
	stageSteps?: Partial<Record<WeightFieldTrainStage, number>>;
	/** AdamW decoupled weight decay λ (matrices only). @default 0.01 */
	weightDecay?: number;
	/** Global gradient-norm clip. @default 1 */
	gradClip?: number;
	/** Letter noise of the pretraining language. @default 0.02 */
	noise?: number;
	/** Validation loss every this many training steps (and at the start of each stage). @default 10 */
	evalEvery?: number;
	/** Sequences in the fixed validation batch of each data set. @default 8 */
	evalBatch?: number;
	/** Most recent history points kept. @default 5000 */
	historyLimit?: number;
	/** Sampling temperature during inference; 0 = greedy (argmax). @default 0 */
	temperature?: number;
	/**
	 * Inference prompt. By default a seeded word of the lexicon followed by `>` after fine-tuning,
	 * or by a space when the model has only been pretrained.
	 */
	prompt?: string;
}

/** One training step in the history, for a loss curve. */
export interface WeightFieldHistoryPoint {
	/** Training steps taken since the start of the run (1-based). */
	step: number;
	stage: WeightFieldTrainStage;
	/** Training-batch loss, nats per token. */
	loss: number;
	/** Latest validation loss, nats per token. */
	valLoss: number;
	/** Whether `valLoss` was measured at this step (rather than carried from an earlier one). */
	evaluated: boolean;
	lr: number;
	gradNorm: number;
	updateStrength: number;
}

/** The scalars of the run's current state; cheap to produce every frame. */
export interface WeightFieldMetrics {
	stage: WeightFieldStage;
	/** Steps in the current stage (tokens generated, in inference). */
	step: number;
	/** Training steps since the start of the run. */
	totalStep: number;
	/**
	 * Training stages: mean next-token cross-entropy of the last training batch, nats per token
	 * (before the first step of a stage: the validation loss). Inference: mean −ln p the model
	 * assigns to each token of the current sequence after the first.
	 */
	loss: number;
	/** Mean loss on the fixed validation batch of the current data set, nats per token. */
	valLoss: number;
	/** ln V, the loss of a model that predicts uniformly: the reference a fresh run starts near. */
	uniformLoss: number;
	/** Learning rate of the last step (0 in inference). */
	lr: number;
	/** RMS(last update) / RMS(weights), over all weights (0 in inference). */
	updateStrength: number;
	/** L2 norm of the trainable gradients of the last step, before clipping (0 in inference). */
	gradNorm: number;
	/** Mean normalised attention entropy in [0, 1] (see `model.ts`): 0 = focused, 1 = uniform. */
	attentionSpread: number;
	/** True once an update was refused because it made the loss or the weights blow up; training steps then do nothing until `setLearningRate`, `setStage` or `reset`. */
	diverged: boolean;
	/** Positions in the KV cache (inference; 0 otherwise). */
	kvCacheTokens: number;
	/** Bytes of the KV cache at float32: 2 × d × tokens × 4. */
	kvCacheBytes: number;
	/** Inference: the current sequence (prompt and generated text); '' otherwise. */
	generated: string;
	/** Inference: the prompt of the current sequence. */
	prompt: string;
}

/** A weight group with whether it trains in the current stage. */
export interface WeightFieldGroupState extends WeightFieldGroup {
	trainable: boolean;
}

/** The LoRA adapters in a snapshot, in their own flat order (see `lora.ts`). */
export interface WeightFieldAdapters {
	rank: number;
	scale: number;
	groups: readonly LoraGroup[];
	weights: Float32Array;
	updates: Float32Array;
	gradients: Float32Array;
	adamM: Float32Array;
	adamV: Float32Array;
}

/**
 * Everything a weight-field view draws. All arrays are copies, in the order of `groups`
 * (`layout.ts`): `weights[i]` and `updates[i]` are the same weight.
 */
export interface WeightFieldSnapshot extends WeightFieldMetrics {
	/** The weights the model computes with (in `finetune-lora`: W + s·A·B on the attention groups). */
	weights: Float32Array;
	/** The base weights (equal to `weights` outside `finetune-lora`, where they stay frozen). */
	baseWeights: Float32Array;
	/** Change of `weights` made by the last step; zero for frozen weights and in inference. */
	updates: Float32Array;
	/**
	 * ∂L/∂w of the last step, before clipping; zero for frozen groups. In `finetune-lora` the
	 * attention groups hold the gradient of the merged matrices, from which the adapters' follow.
	 */
	gradients: Float32Array;
	/** AdamW first moment per weight (zero where no optimizer state exists: frozen weights, inference). */
	adamM: Float32Array;
	/** AdamW second moment per weight. */
	adamV: Float32Array;
	groups: readonly WeightFieldGroupState[];
	/** The adapters, in `finetune-lora`; null otherwise. */
	adapters: WeightFieldAdapters | null;
}

/** A running weight-field simulation; see {@link createWeightFieldRun}. */
export interface WeightFieldRun {
	/** The model sizes. */
	readonly config: WeightFieldModelConfig;
	/** The weight groups in storage order. */
	readonly groups: readonly WeightFieldGroup[];
	/** Number of weights (length of `snapshot().weights`). */
	readonly weightCount: number;
	/** The characters of the vocabulary in token order. */
	readonly vocabulary: string;
	/** The seeded toy language (its lexicon and rules), for captions. */
	readonly language: ToyLanguage;
	/** The current stage. */
	readonly stage: WeightFieldStage;
	/** Training steps so far, oldest first (at most `historyLimit`). */
	readonly history: readonly WeightFieldHistoryPoint[];
	/** Advances the current stage by `n` steps (training steps or generated tokens; 0–10 000). */
	step(n?: number): WeightFieldMetrics;
	/** Switches stage (no-op if already there). Starts a fresh optimizer; leaving LoRA merges the adapters. */
	setStage(stage: WeightFieldStage): void;
	/** Sets the peak learning rate of a training stage (default: the current one); clears `diverged`. */
	setLearningRate(lr: number, stage?: WeightFieldTrainStage): void;
	/** The scalars of the current state. */
	metrics(): WeightFieldMetrics;
	/** The full state: weights, updates, gradients, optimizer moments, groups, adapters. */
	snapshot(): WeightFieldSnapshot;
	/** Back to the state right after creation (same seed, same options). */
	reset(): void;
}

const TRAIN_TASK: Record<WeightFieldTrainStage, ToyTask> = {
	pretrain: 'language',
	'finetune-full': 'reversal',
	'finetune-lora': 'reversal'
};

function finiteOption(
	value: number | undefined,
	fallback: number,
	what: string,
	min: number,
	max: number
): number {
	if (value === undefined) return fallback;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new AnatomyError('non-finite', `${what} must be a finite number, got ${value}`);
	}
	if (value < min || value > max)
		throw new AnatomyError('out-of-range', `${what} must be in [${min}, ${max}], got ${value}`);
	return value;
}

function intOption(
	value: number | undefined,
	fallback: number,
	what: string,
	min: number,
	max: number
): number {
	if (value === undefined) return fallback;
	if (typeof value === 'number' && !Number.isFinite(value)) {
		throw new AnatomyError('non-finite', `${what} must be finite, got ${value}`);
	}
	checkInt(value, what, min, max);
	return value;
}

function checkLr(lr: number, what: string): number {
	if (typeof lr !== 'number' || !Number.isFinite(lr)) {
		throw new AnatomyError('non-finite', `${what} must be a finite learning rate, got ${lr}`);
	}
	if (lr < 0) throw new AnatomyError('out-of-range', `${what} must be ≥ 0, got ${lr}`);
	return lr;
}

function rms(a: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * a[i];
	return a.length > 0 ? Math.sqrt(s / a.length) : 0;
}

/** Index of the largest value (the first on ties). */
function argmax(a: ArrayLike<number>): number {
	let best = 0;
	for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
	return best;
}

/**
 * Creates a weight-field run: a one-block transformer language model of width d with H heads over
 * a 20-character vocabulary, freshly initialised from `seed`, in the `pretrain` stage.
 * Throws `AnatomyError` on a bad option (NaN learning rate: `non-finite`).
 *
 * Default size (d = 24, H = 2, T = 24, f = 4d): 20·24 + 24·24 + 4·24² + 2·24·96 + 96 + 7·24 + 24·20
 * = 480 + 576 + 2304 + 4608 + 96 + 168 + 480 = 8,712 weights, trained on 4 × 24 tokens per step.
 */
export function createWeightFieldRun(options: WeightFieldRunOptions = {}): WeightFieldRun {
	const seedOpt = options.seed ?? 42;
	if (typeof seedOpt !== 'number' || !Number.isFinite(seedOpt)) {
		throw new AnatomyError('non-finite', `seed must be a finite number, got ${seedOpt}`);
	}
	const seed = seedOpt;
	const dModel = intOption(options.dModel, 24, 'dModel', 4, 128);
	const heads = intOption(options.heads, 2, 'heads', 1, dModel);
	if (dModel % heads !== 0) {
		throw new AnatomyError('invalid-config', `dModel ${dModel} is not divisible by heads ${heads}`);
	}
	const context = intOption(options.context, 24, 'context', 4, 128);
	const batch = intOption(options.batch, 4, 'batch', 1, 64);
	const rank = intOption(options.loraRank, 4, 'loraRank', 1, dModel);
	const alpha = finiteOption(options.loraAlpha, 8, 'loraAlpha', Number.MIN_VALUE, 1e6);
	const weightDecay = finiteOption(options.weightDecay, 0.01, 'weightDecay', 0, 1e3);
	const gradClip = finiteOption(options.gradClip, 1, 'gradClip', Number.MIN_VALUE, 1e12);
	const noise = finiteOption(options.noise, 0.02, 'noise', 0, 0.99);
	const evalEvery = intOption(options.evalEvery, 10, 'evalEvery', 1, 1e6);
	const evalBatch = intOption(options.evalBatch, 8, 'evalBatch', 1, 256);
	const historyLimit = intOption(options.historyLimit, 5000, 'historyLimit', 1, 1e7);
	const temperature = finiteOption(options.temperature, 0, 'temperature', 0, 100);
	const peak: Record<WeightFieldTrainStage, number> = {
		pretrain: 1e-2,
		'finetune-full': 3e-3,
		'finetune-lora': 1e-2
	};
	const warmup: Record<WeightFieldTrainStage, number> = {
		pretrain: 20,
		'finetune-full': 10,
		'finetune-lora': 10
	};
	const stageSteps: Record<WeightFieldTrainStage, number> = {
		pretrain: 800,
		'finetune-full': 300,
		'finetune-lora': 300
	};
	for (const s of Object.keys(peak) as WeightFieldTrainStage[]) {
		if (options.lr?.[s] !== undefined) peak[s] = checkLr(options.lr[s], `lr.${s}`);
		warmup[s] = intOption(options.warmup?.[s], warmup[s], `warmup.${s}`, 0, 1e9);
		stageSteps[s] = intOption(options.stageSteps?.[s], stageSteps[s], `stageSteps.${s}`, 1, 1e9);
	}
	let promptOpt: Int32Array | null = null;
	if (options.prompt !== undefined) {
		check(
			typeof options.prompt === 'string' && options.prompt.length > 0,
			'prompt must be a non-empty string'
		);
		check(
			options.prompt.length < context,
			`prompt must be shorter than the context (${context})`,
			'out-of-range'
		);
		promptOpt = encodeChars(options.prompt);
	}

	const config: WeightFieldModelConfig = {
		vocab: WEIGHT_FIELD_ALPHABET.length,
		dModel,
		heads,
		context,
		ff: 4 * dModel
	};
	const layout: WeightFieldLayout = weightFieldLayout(config);
	const lora: LoraLayout = loraLayout(layout, rank, alpha);
	const P = layout.count;
	const language = createToyLanguage(subseed(seed, 1), { noise });
	const uniformLoss = Math.log(config.vocab);
	const divergenceLoss = 10 * uniformLoss;

	const decay = new Uint8Array(P);
	for (const g of layout.groups) if (isDecayed(g.name)) decay.fill(1, g.offset, g.offset + g.length);
	const allGroups = new Set<WeightFieldGroupName>(layout.groups.map((g) => g.name));
	const loraTargets = new Set<WeightFieldGroupName>(LORA_TARGETS);

	const ws: BatchWorkspace = createWorkspace(config, batch, context);
	const evalWs: BatchWorkspace = createWorkspace(config, evalBatch, context);
	const valTokens: Record<ToyTask, Int32Array> = {
		language: sampleToyBatch('language', language, createRng(subseed(seed, 2)), evalBatch, context + 1),
		reversal: sampleToyBatch('reversal', language, createRng(subseed(seed, 3)), evalBatch, context + 1)
	};

	// Base weights and their per-weight training state.
	const params = new Float32Array(P);
	const grads = new Float32Array(P);
	let m = new Float32Array(P);
	let v = new Float32Array(P);
	let mNext = new Float32Array(P);
	let vNext = new Float32Array(P);
	let updates = new Float32Array(P);
	let proposal = new Float32Array(P);
	// The merged weights W + s·A·B in the LoRA stage, and the adapters' own state.
	let merged = new Float32Array(P);
	let mergedNext = new Float32Array(P);
	const delta = new Float32Array(dModel * dModel);
	let adapters: Float32Array | null = null;
	const aNext = new Float32Array(lora.count);
	const aGrads = new Float32Array(lora.count);
	let aM = new Float32Array(lora.count);
	let aV = new Float32Array(lora.count);
	let aMNext = new Float32Array(lora.count);
	let aVNext = new Float32Array(lora.count);
	let aUpdates = new Float32Array(lora.count);
	let aProposal = new Float32Array(lora.count);

	let stage: WeightFieldStage = 'pretrain';
	let task: ToyTask = 'language';
	let lastTrainedTask: ToyTask = 'language';
	let dataRng: Rng = createRng(0);
	let promptRng: Rng = createRng(0);
	let loraRng: Rng = createRng(0);
	let stageIndex = 0;
	let stageStep = 0;
	let totalStep = 0;
	let adamT = 0;
	let loss = 0;
	let valLoss = 0;
	let lr = 0;
	let updateStrength = 0;
	let gradNorm = 0;
	let attentionSpread = 0;
	let diverged = false;
	let history: WeightFieldHistoryPoint[] = [];
	// Inference state.
	let cache: KvCache = createKvCache(config);
	let seqTokens: number[] = [];
	let promptText = '';
	let lastLogits: Float64Array = new Float64Array(config.vocab);
	let surprisal = 0;
	let surprisalCount = 0;

	const effective = () => (adapters ? merged : params);

	function evaluate() {
		const r = batchLoss(config, layout, effective(), valTokens[task], evalWs);
		valLoss = r.loss;
		return r;
	}

	function clearTrainingState() {
		grads.fill(0);
		m.fill(0);
		v.fill(0);
		updates.fill(0);
		aGrads.fill(0);
		aM.fill(0);
		aV.fill(0);
		aUpdates.fill(0);
		adamT = 0;
		updateStrength = 0;
		gradNorm = 0;
	}

	function logSoftmaxAt(logits: Float64Array, j: number) {
		let max = -Infinity;
		for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
		let s = 0;
		for (let i = 0; i < logits.length; i++) s += Math.exp(logits[i] - max);
		return logits[j] - max - Math.log(s);
	}

	/** Reads one token into the cache, scoring it against the previous logits. */
	function feed(token: number) {
		if (seqTokens.length > 0) {
			surprisal -= logSoftmaxAt(lastLogits, token);
			surprisalCount++;
		}
		const r = decodeToken(config, layout, effective(), cache, token);
		lastLogits = r.logits;
		attentionSpread = r.attentionSpread;
		seqTokens.push(token);
		loss = surprisalCount > 0 ? surprisal / surprisalCount : 0;
	}

	function startSequence() {
		cache = createKvCache(config);
		seqTokens = [];
		surprisal = 0;
		surprisalCount = 0;
		let prompt = promptOpt;
		if (!prompt) {
			const words = lastTrainedTask === 'reversal' ? lexicon(language) : [...language.nouns];
			const word = words[promptRng.int(words.length)];
			prompt = encodeChars(word + (lastTrainedTask === 'reversal' ? '>' : ' '));
		}
		promptText = decodeChars(prompt);
		for (const t of prompt) feed(t);
	}

	function enterStage(next: WeightFieldStage) {
		if (adapters && next !== 'finetune-lora') {
			// Merge the adapters into the base weights (W ← W + s·A·B) and drop them.
			params.set(merged);
			adapters = null;
		}
		stage = next;
		stageIndex++;
		stageStep = 0;
		diverged = false;
		clearTrainingState();
		if (next === 'inference') {
			lr = 0;
			promptRng = createRng(subseed(seed, 1000 + stageIndex));
			startSequence();
			return;
		}
		task = TRAIN_TASK[next];
		dataRng = createRng(subseed(seed, 2000 + stageIndex));
		if (next === 'finetune-lora') {
			adapters = new Float32Array(lora.count);
			loraRng = createRng(subseed(seed, 3000 + stageIndex));
			initLora(lora, loraRng, adapters);
			mergeLora(layout, lora, params, adapters, merged, delta);
		}
		lr = warmupCosineLr(0, { peak: peak[next], warmup: warmup[next], total: stageSteps[next] });
		const r = evaluate();
		loss = valLoss;
		attentionSpread = r.attentionSpread;
	}

	function init() {
		initWeights(layout, createRng(subseed(seed, 0)), params);
		adapters = null;
		history = [];
		totalStep = 0;
		stageIndex = 0;
		lastTrainedTask = 'language';
		cache = createKvCache(config);
		seqTokens = [];
		promptText = '';
		stage = 'inference'; // so that entering 'pretrain' is a real transition
		enterStage('pretrain');
	}

	function trainStep() {
		if (diverged || stage === 'inference') return;
		const s = stage as WeightFieldTrainStage;
		lr = warmupCosineLr(stageStep, { peak: peak[s], warmup: warmup[s], total: stageSteps[s] });
		const tokens = sampleToyBatch(task, language, dataRng, batch, context + 1);
		const w = effective();
		const r = batchLossAndGradients(config, layout, w, tokens, ws, grads, adapters ? loraTargets : allGroups);
		if (!Number.isFinite(r.loss) || r.loss > divergenceLoss) {
			diverged = true;
			return;
		}
		let g: Float32Array = grads;
		if (adapters) {
			loraGradients(layout, lora, adapters, grads, aGrads);
			g = aGrads;
		}
		let sq = 0;
		for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
		const norm = Math.sqrt(sq);
		if (!Number.isFinite(norm)) {
			diverged = true;
			return;
		}
		const opt = { lr, weightDecay, gradScale: norm > gradClip ? gradClip / norm : 1 };
		const target = adapters ?? params;
		const [tm, tv, tmN, tvN, prop] = adapters
			? [aM, aV, aMNext, aVNext, aProposal]
			: [m, v, mNext, vNext, proposal];
		adamWPropose(target, g, tm, tv, adamT + 1, opt, adapters ? null : decay, tmN, tvN, prop);
		for (let i = 0; i < target.length; i++) {
			const nw = target[i] + prop[i];
			if (!(Math.abs(nw) <= WEIGHT_FIELD_WEIGHT_LIMIT)) {
				diverged = true;
				return;
			}
		}
		if (adapters) {
			// Check the merged weights too before committing anything.
			const next = aNext;
			for (let i = 0; i < next.length; i++) next[i] = adapters[i] + prop[i];
			mergeLora(layout, lora, params, next, mergedNext, delta);
			for (let i = 0; i < P; i++) {
				if (!(Math.abs(mergedNext[i]) <= WEIGHT_FIELD_WEIGHT_LIMIT)) {
					diverged = true;
					return;
				}
			}
			adapters.set(next);
			for (let i = 0; i < P; i++) updates[i] = mergedNext[i] - merged[i];
			[merged, mergedNext] = [mergedNext, merged];
			[aM, aMNext, aV, aVNext, aUpdates, aProposal] = [aMNext, aM, aVNext, aV, aProposal, aUpdates];
		} else {
			for (let i = 0; i < P; i++) params[i] += prop[i];
			[m, mNext, v, vNext, updates, proposal] = [mNext, m, vNext, v, proposal, updates];
		}
		adamT++;
		loss = r.loss;
		gradNorm = norm;
		attentionSpread = r.attentionSpread;
		const wr = rms(effective());
		updateStrength = wr > 0 ? rms(updates) / wr : 0;
		stageStep++;
		totalStep++;
		lastTrainedTask = task;
		const evaluated = stageStep % evalEvery === 0;
		if (evaluated) evaluate();
		history.push({ step: totalStep, stage: s, loss, valLoss, evaluated, lr, gradNorm, updateStrength });
		if (history.length > historyLimit) history.splice(0, history.length - historyLimit);
	}

	function generateStep() {
		if (cache.length >= cache.capacity) startSequence();
		let next: number;
		if (temperature === 0) next = argmax(lastLogits);
		else {
			// Sample from softmax(logits / temperature) with the prompt stream.
			let max = -Infinity;
			for (const x of lastLogits) if (x > max) max = x;
			const p = Array.from(lastLogits, (x) => Math.exp((x - max) / temperature));
			const total = p.reduce((a, b) => a + b, 0);
			let u = promptRng.next() * total;
			next = p.length - 1;
			for (let i = 0; i < p.length; i++) {
				u -= p[i];
				if (u < 0) {
					next = i;
					break;
				}
			}
		}
		feed(next);
		stageStep++;
	}

	function metrics(): WeightFieldMetrics {
		const inf = stage === 'inference';
		return {
			stage,
			step: stageStep,
			totalStep,
			loss,
			valLoss,
			uniformLoss,
			lr,
			updateStrength,
			gradNorm,
			attentionSpread,
			diverged,
			kvCacheTokens: inf ? cache.length : 0,
			kvCacheBytes: inf ? kvCacheBytes(config, cache.length) : 0,
			generated: inf ? decodeChars(seqTokens) : '',
			prompt: inf ? promptText : ''
		};
	}

	init();

	return {
		config,
		groups: layout.groups,
		weightCount: P,
		vocabulary: WEIGHT_FIELD_ALPHABET,
		language,
		get stage() {
			return stage;
		},
		get history() {
			return history;
		},
		step(n = 1) {
			checkInt(n, 'step count', 0, 10_000);
			for (let i = 0; i < n; i++) {
				if (stage === 'inference') generateStep();
				else if (diverged) break;
				else trainStep();
			}
			return metrics();
		},
		setStage(next) {
			check(
				(WEIGHT_FIELD_STAGES as readonly string[]).includes(next),
				`stage must be one of ${WEIGHT_FIELD_STAGES.join(', ')}, got ${String(next)}`
			);
			if (next !== stage) enterStage(next);
		},
		setLearningRate(value, which) {
			const s = which ?? stage;
			check(s !== 'inference' && s in peak, `no learning rate for stage ${String(s)}`);
			peak[s as WeightFieldTrainStage] = checkLr(value, 'learning rate');
			diverged = false;
		},
		metrics,
		snapshot() {
			const trainable = (name: WeightFieldGroupName) =>
				stage !== 'inference' && (stage !== 'finetune-lora' || loraTargets.has(name));
			const loraActive = adapters !== null;
			return {
				...metrics(),
				weights: Float32Array.from(effective()),
				baseWeights: Float32Array.from(params),
				updates: Float32Array.from(updates),
				gradients: Float32Array.from(grads),
				adamM: loraActive ? new Float32Array(P) : Float32Array.from(m),
				adamV: loraActive ? new Float32Array(P) : Float32Array.from(v),
				groups: layout.groups.map((g) => ({ ...g, trainable: trainable(g.name) })),
				adapters: adapters
					? {
							rank: lora.rank,
							scale: lora.scale,
							groups: lora.groups,
							weights: Float32Array.from(adapters),
							updates: Float32Array.from(aUpdates),
							gradients: Float32Array.from(aGrads),
							adamM: Float32Array.from(aM),
							adamV: Float32Array.from(aV)
						}
					: null
			};
		},
		reset() {
			init();
		}
	};
}
