import type { HTMLAttributes } from 'svelte/elements';
import type { PostTrainingKey } from './messages.js';

/** The three stages: pre-training gives the base model, then SFT, then preference tuning. */
export type PostTrainingStage = 'base' | 'sft' | 'preference';

/** A string, or one string per locale (English required): `{ en: 'Hello', zh: '你好' }`. */
export type LocalizedText = string | ({ en: string } & Record<string, string>);

/** One prompt and what a model answers after each stage (hand-written, illustrative). */
export interface PostTrainingExample {
	/** Stable identifier, used by the `example` prop. */
	id: string;
	/** Short label for the picker. */
	label: LocalizedText;
	/** The user's prompt. */
	prompt: LocalizedText;
	/** What the base model writes: usually a continuation of the text, not an answer. */
	base: LocalizedText;
	/** What the model writes after supervised fine-tuning. */
	sft: LocalizedText;
	/** The preferred answer of a preference pair; also what the model writes after preference tuning. */
	chosen: LocalizedText;
	/** The rejected answer of the pair. */
	rejected: LocalizedText;
	/** Why the rater preferred `chosen`. */
	reason: LocalizedText;
}

/** Base model → SFT → preference tuning: data, loss and example outputs at each stage. */
export interface PostTrainingPipelineProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** The stage shown. Bindable. @default 'base' */
	stage?: PostTrainingStage;
	/** `id` of the example prompt shown. Bindable. @default 'sky' */
	example?: string;
	/** Example prompts with an output per stage; `[]` leaves only the data and losses. @default four hand-written examples (en, zh) */
	examples?: PostTrainingExample[];
	/** β of the DPO worked example, clamped to [0.01, 1]. Bindable. @default 0.1 */
	beta?: number;
	/** ln πθ(y_w|x) of the DPO worked example, nats, clamped to [−40, 0]. Bindable. @default -12 */
	policyChosen?: number;
	/** ln πθ(y_l|x) of the DPO worked example, nats, clamped to [−40, 0]. Bindable. @default -15 */
	policyRejected?: number;
	/** ln π_ref(y_w|x), the reference (SFT) model on the chosen answer, nats, in [−40, 0]. @default -13 */
	referenceChosen?: number;
	/** ln π_ref(y_l|x), the reference model on the rejected answer, nats, in [−40, 0]. @default -14 */
	referenceRejected?: number;
	/** Whether each stage's loss is worked out with numbers. @default true */
	showWorkedExample?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings and examples; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<PostTrainingKey, string>>;
	/** Called when the stage changes. @default undefined */
	onStageChange?: (stage: PostTrainingStage) => void;
	/** Called when another example prompt is chosen. @default undefined */
	onExampleChange?: (id: string) => void;
	/** Called when β changes. @default undefined */
	onBetaChange?: (beta: number) => void;
	/** Called when a policy log-probability of the worked example changes. @default undefined */
	onPolicyChange?: (policy: { chosen: number; rejected: number }) => void;
}
