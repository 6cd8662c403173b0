import type { HTMLAttributes } from 'svelte/elements';
import type { ActivationName } from '../../core/ops/activations.js';
import type { DenseLayerKey } from './messages.js';

/** Activation functions DenseLayer offers: the names of the core's `ACTIVATIONS` record. */
export type DenseLayerActivation = ActivationName;

/** A matrix of the forward pass, by its name in the figure. */
export type DenseLayerMatrix = 'X' | 'W1' | 'Z1' | 'A1' | 'W2' | 'Z2';

/**
 * What the inspector explains: a whole matrix, or one unit: input `x1`…, hidden `h1`…, output `o1`…
 * (1-based, as in the figure).
 */
export type DenseLayerTarget = DenseLayerMatrix | `x${number}` | `h${number}` | `o${number}`;

/**
 * A two-layer feed-forward network, X·W1 + b1 → activation → ·W2 + b2, drawn both as a graph of
 * neurons and as the matrices that compute it, with an inspector that writes out each
 * multiplication.
 */
export interface DenseLayerProps extends Omit<HTMLAttributes<HTMLElement>, 'title' | 'hidden'> {
	/** Number of inputs (1–8); ignored when `w1` is given. @default 2 */
	inputs?: number;
	/**
	 * Number of hidden units (1–8); ignored when `w1` or `w2` is given. (It replaces the HTML
	 * `hidden` attribute, which this component does not take.)
	 * @default 3
	 */
	hidden?: number;
	/** Number of outputs (1–8); ignored when `w2` is given. @default 2 */
	outputs?: number;
	/** The input row X; missing values count as 0. Bindable. @default [0.8, -0.3] */
	x?: number[];
	/** First weight matrix, inputs × hidden (row i = input i). @default seeded from `seed` */
	w1?: number[][];
	/** First bias, one per hidden unit. @default zeros */
	b1?: number[];
	/** Second weight matrix, hidden × outputs. @default seeded from `seed` */
	w2?: number[][];
	/** Second bias, one per output. @default zeros */
	b2?: number[];
	/** Seed of the weights that are not given. @default 42 */
	seed?: number;
	/** Activation applied element by element to Z1. Bindable. @default 'relu' */
	activation?: DenseLayerActivation;
	/** Activations offered in the selector. @default ['relu', 'gelu', 'silu', 'sigmoid', 'tanh'] */
	activations?: DenseLayerActivation[];
	/** What the inspector explains. Bindable. @default 'h1' */
	inspect?: DenseLayerTarget;
	/** Which views are shown. @default 'both' */
	view?: 'both' | 'graph' | 'matrices';
	/** The input sliders run from −range to +range. @default 2 */
	range?: number;
	/** Whether the input sliders and the activation selector are shown. @default true */
	showControls?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<DenseLayerKey, string>>;
	/** Called when an input slider moves. @default undefined */
	onXChange?: (x: number[]) => void;
	/** Called when another activation is chosen. @default undefined */
	onActivationChange?: (activation: DenseLayerActivation) => void;
	/** Called when the inspected matrix or unit changes. @default undefined */
	onInspectChange?: (target: DenseLayerTarget) => void;
}
