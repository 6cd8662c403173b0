import type { HTMLAttributes } from 'svelte/elements';
import type { KVCacheMeterKey } from './messages.js';
import type { ModelInput } from '../shared/model-input.js';

export type { ModelInput } from '../shared/model-input.js';

/** Precisions the cache can be stored in. */
export type KVCacheMeterDtype = 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4';

/** Playback speed: 4 steps a second, or the whole run in about ten seconds. */
export type KVCacheMeterSpeed = 'slow' | 'fast';

/** The decode loop of a real model token by token: prefill and decode, repeated work with and without a KV cache, and the cache's memory, paged blocks and attention variants. */
export interface KVCacheMeterProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * The model: a catalogue id ('llama-3-8b', …), a Hugging Face repository, or a config.json
	 * object. Bindable.
	 * @default 'llama-3-8b'
	 */
	model?: ModelInput;
	/** Tokens in context at the end of the run (prompt + generated); clamped to 1…the model's context. Bindable. @default 8192 */
	contextLength?: number;
	/** Tokens in the prompt, processed at once by the prefill; clamped to 1…contextLength. Bindable. @default 16 */
	promptTokens?: number;
	/** Sequences decoded together; clamped to 1…4096. Bindable. @default 1 */
	batch?: number;
	/** Precision of the cached keys and values. Bindable. @default 'bf16' */
	dtype?: KVCacheMeterDtype;
	/** Token slots per paged block (vLLM uses 16). Bindable. @default 16 */
	blockSize?: number;
	/** Key/value heads of the GQA column when the model itself is MHA or MQA. Bindable. @default the largest divisor of the query heads up to 8 */
	gqaHeads?: number;
	/** The decode step shown: −1 before the prefill, then 0…steps − 1. Bindable. @default -1 */
	step?: number;
	/** Playback speed. Bindable. @default 'fast' */
	speed?: KVCacheMeterSpeed;
	/** Start playing once on screen (never under reduced motion). @default false */
	autoplay?: boolean;
	/** Whether the model picker (catalogue select and config.json box) is shown. @default true */
	showPicker?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default the page's locale */
	locale?: string;
	/** Overrides for any of this component's strings. @default {} */
	messages?: Partial<Record<KVCacheMeterKey, string>>;
	/** Called when the reader picks another model. @default undefined */
	onModelChange?: (model: ModelInput) => void;
	/** Called when the shown step changes. @default undefined */
	onStepChange?: (step: number) => void;
}
