import type { HTMLAttributes } from 'svelte/elements';
import type { ActivationName } from '../../core/ops/activations.js';
import type { NeuronPlotKey } from './messages.js';

/** Activation functions NeuronPlot can draw: the names of the core's `ACTIVATIONS` record. */
export type NeuronPlotActivation = ActivationName;

/**
 * One artificial neuron: inputs times weights plus a bias give the weighted sum z, written out term
 * by term; an activation function bends it, drawn as a curve with a live marker at z.
 */
export interface NeuronPlotProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** The input values x₁…xₙ (1 to 8 of them). Bindable. @default [0.7, -0.25, 0.45] */
	inputs?: number[];
	/** One weight per input; missing ones count as 0. Bindable. @default [1.1, -0.85, 0.55] */
	weights?: number[];
	/** The bias b added to the weighted sum. Bindable. @default 0 */
	bias?: number;
	/** The activation function applied to z. Bindable. @default 'gelu' */
	activation?: NeuronPlotActivation;
	/** Activations offered in the selector. @default ['relu', 'gelu', 'silu', 'sigmoid', 'tanh'] */
	activations?: NeuronPlotActivation[];
	/** Whether the derivative f′(z) is drawn as a dashed curve. Bindable. @default false */
	showDerivative?: boolean;
	/** The sliders run from −range to +range. @default 2 */
	range?: number;
	/** Whether the sliders and the selector are shown. @default true */
	showControls?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<NeuronPlotKey, string>>;
	/** Called when an input slider moves. @default undefined */
	onInputsChange?: (inputs: number[]) => void;
	/** Called when a weight slider moves. @default undefined */
	onWeightsChange?: (weights: number[]) => void;
	/** Called when the bias slider moves. @default undefined */
	onBiasChange?: (bias: number) => void;
	/** Called when another activation is chosen. @default undefined */
	onActivationChange?: (activation: NeuronPlotActivation) => void;
	/** Called when the derivative is shown or hidden. @default undefined */
	onShowDerivativeChange?: (show: boolean) => void;
}
