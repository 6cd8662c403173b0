import type { HTMLAttributes } from 'svelte/elements';
import type { StorageFormat } from '../../core/quant/storage.js';
import type {
	WeightFieldHistoryPoint,
	WeightFieldMetrics,
	WeightFieldStage
} from '../../core/train/weightfield/run.js';
import type { WeightFieldKey } from './messages.js';

/** Weight precisions the precision control offers. */
export type WeightFieldPrecision = Extract<
	StorageFormat,
	'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4' | 'nf4'
>;

/** Which renderer draws the field: 'auto' picks WebGPU on a hardware adapter, else Canvas 2D. */
export type WeightFieldRenderer = 'auto' | 'canvas' | 'webgpu';

/** What {@link WeightFieldProps.onRenderer} reports. */
export interface WeightFieldRendererInfo {
	kind: 'canvas' | 'webgpu';
	/** Cells drawn. */
	cells: number;
	/** The WebGPU adapter in words (WebGPU only). */
	adapter?: string;
	/** The device the field draws with (WebGPU only); destroying it exercises the fallback. */
	device?: GPUDevice;
	/** Why WebGPU is not used, when it was wanted. */
	reason?: string;
}

/**
 * A field of weights from a real small transformer training in the browser, through pretraining,
 * fine-tuning (full and LoRA) and inference, with live readouts, the memory a real model of the
 * chosen size needs in that stage, and the parameter ladder.
 */
export interface WeightFieldProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** Stage of the run: 'pretrain', 'finetune-full', 'finetune-lora' or 'inference'. Bindable. @default 'pretrain' */
	stage?: WeightFieldStage;
	/** Whether the run trains (or generates) on its own. Bindable. @default `autoplay`, false under reduced motion */
	playing?: boolean;
	/** Start playing when first on screen (never under `prefers-reduced-motion`). @default true */
	autoplay?: boolean;
	/**
	 * Parameter count of the real model whose memory is shown; snaps to the nearest rung of the
	 * ladder (1B to 405B, real catalogue models) and clamps outside it. Bindable. @default 8.03e9 (Llama 3.1 8B)
	 */
	parameters?: number;
	/** Tokens per sequence for the real model's activations and KV cache (128–131,072, clamped). Bindable. @default 4096 */
	sequenceLength?: number;
	/** Storage format of the weights (inference and the LoRA base). Bindable. @default 'bf16' */
	precision?: WeightFieldPrecision;
	/** Activation checkpointing (recompute activations in the backward pass). Bindable. @default false */
	checkpointing?: boolean;
	/** Sequences at once for the real model's memory cards (training micro-batch, or concurrent requests at inference). @default 1 */
	batch?: number;
	/** LoRA rank of the real model's adapters in the memory cards. @default 16 */
	loraRank?: number;
	/** Seed of the toy model's weights, data and prompts. @default 42 */
	seed?: number;
	/** Peak learning rate of every training stage of the toy run; unset keeps the run's defaults. @default undefined */
	learningRate?: number;
	/** Training steps (or generated tokens) per second; at most one per animation frame. @default 60 */
	stepsPerSecond?: number;
	/** Renderer: 'auto', 'canvas' (Canvas 2D) or 'webgpu' (forced, software adapters allowed). @default 'auto' */
	renderer?: WeightFieldRenderer;
	/** Cells in the field (at most 1,000,000). @default 65,536 on Canvas 2D, 1,000,000 on WebGPU */
	cells?: number;
	/** How cells map to weights: 'sample' magnifies the weights in storage order, 'tile' repeats them. @default 'sample' */
	fieldMode?: 'sample' | 'tile';
	/** Show the memory cards. @default true */
	showMemory?: boolean;
	/** Show the parameter ladder. @default true */
	showLadder?: boolean;
	/** `navigator.gpu`, injectable for tests; `null` disables WebGPU. @default navigator.gpu */
	gpu?: GPU | null;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<WeightFieldKey, string>>;
	/** Called when the stage changes. @default undefined */
	onStageChange?: (stage: WeightFieldStage) => void;
	/** Called when playing starts or stops. @default undefined */
	onPlayingChange?: (playing: boolean) => void;
	/** Called with the rung's parameter count when the scale changes. @default undefined */
	onParametersChange?: (parameters: number, modelId: string) => void;
	/** Called when the sequence length changes. @default undefined */
	onSequenceLengthChange?: (tokens: number) => void;
	/** Called when the precision changes. @default undefined */
	onPrecisionChange?: (precision: WeightFieldPrecision) => void;
	/** Called with the run's metrics and a copy of its history after steps (at most 4 times a second while playing). @default undefined */
	onProgress?: (metrics: WeightFieldMetrics, history: readonly WeightFieldHistoryPoint[]) => void;
	/** Called when a renderer starts drawing (and again after a fallback). @default undefined */
	onRenderer?: (info: WeightFieldRendererInfo) => void;
}
