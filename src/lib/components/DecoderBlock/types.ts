import type { HTMLAttributes } from 'svelte/elements';
import type { ModelInput } from '../shared/model-input.js';
import type { DecoderBlockKey } from './messages.js';
import type { DecoderPartId } from './parts.js';

export type { DecoderPartId } from './parts.js';

/** One decoder block of a real model as a clickable diagram, with each part's weights and parameter count. */
export interface DecoderBlockProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * The model drawn: a catalogue id ('llama-3-8b', 'gpt2', …), a Hugging Face repository, or a
	 * config.json object. Bindable.
	 * @default 'llama-3-8b'
	 */
	model?: ModelInput;
	/** The part whose panel is open. Bindable. @default 'attention' */
	part?: DecoderPartId;
	/** Tokens in the sequence shown in the shapes ([T × d]); clamped to 1…model's context. @default 8 */
	sequenceLength?: number;
	/** Whether the model picker (catalogue select and config.json box) is shown. @default true */
	showPicker?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default the page's locale */
	locale?: string;
	/** Overrides for any of this component's strings. @default {} */
	messages?: Partial<Record<DecoderBlockKey, string>>;
	/** Called when the reader picks another model. @default undefined */
	onModelChange?: (model: ModelInput) => void;
	/** Called when the reader opens another part. @default undefined */
	onPartChange?: (part: DecoderPartId) => void;
}
