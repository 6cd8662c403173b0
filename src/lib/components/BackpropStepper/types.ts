import type { HTMLAttributes } from 'svelte/elements';
import type { ActivationName } from '../../core/ops/activations.js';
import type { BackpropStepperKey } from './messages.js';

/** The four steps of one training step, numbered as in the stepper. */
export type BackpropStepNumber = 1 | 2 | 3 | 4;

/** One training example taken through target, forward pass, backward pass and update, every number shown. */
export interface BackpropStepperProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** The step shown: 1 pick the target, 2 forward pass, 3 backward pass, 4 apply the update. Bindable. @default 1 */
	step?: BackpropStepNumber;
	/** Index of the correct next token among `tokens`. Bindable. @default 0 */
	target?: number;
	/** Learning rate of the update θ ← θ − lr·∂L/∂θ (0 … 10 on the slider; any finite value ≥ 0 by prop). Bindable. @default 0.5 */
	lr?: number;
	/** The candidate next tokens, one output unit each (2 … 6). @default ['zero', 'liftoff', 'go'] */
	tokens?: string[];
	/** The context shown as the prompt. @default 'Three, two, one…' */
	context?: string;
	/** The input numbers standing for the context (1 … 6 values). @default [0.8, -0.4] */
	input?: number[];
	/** Units in the hidden layer (1 … 6). @default 2 */
	hiddenUnits?: number;
	/** Activation of the hidden layer. @default 'tanh' */
	activation?: ActivationName;
	/** Seed of the initial weights. @default 4 */
	seed?: number;
	/**
	 * The weight whose chain rule is written out, as `layer:from:to` (layer 0 joins the input to the
	 * hidden layer). Bindable.
	 * @default '0:0:0'
	 */
	weight?: string;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. */
	locale?: string;
	/** Overrides for any of this component's strings. */
	messages?: Partial<Record<BackpropStepperKey, string>>;
	/** Called when the step shown changes. */
	onStepChange?: (step: BackpropStepNumber) => void;
	/** Called when the target changes. */
	onTargetChange?: (target: number) => void;
	/** Called when the learning rate changes. */
	onLrChange?: (lr: number) => void;
	/** Called when the chain-rule weight changes. */
	onWeightChange?: (weight: string) => void;
	/** Called after each update with the loss before and after it. */
	onLoss?: (loss: { before: number; after: number }) => void;
}
