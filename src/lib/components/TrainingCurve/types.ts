import type { HTMLAttributes } from 'svelte/elements';
import type { WeightFieldHistoryPoint, WeightFieldTrainStage } from '../../core/train/weightfield/run.js';
import type { TrainingCurveKey } from './messages.js';

/** One phase of the internal run: a training stage and how many steps it trains. */
export interface TrainingCurvePhase {
	stage: WeightFieldTrainStage;
	steps: number;
}

/**
 * Training and validation loss of a real small transformer, step by step, with the phases
 * (pretraining, full or LoRA fine-tuning) marked; hover or use the keyboard to read any step.
 */
export interface TrainingCurveProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/**
	 * The run's history (a weight-field run's `history`). When absent, the component trains its
	 * own run through `schedule` in the browser. @default undefined
	 */
	history?: readonly WeightFieldHistoryPoint[];
	/** Phases the internal run trains, in order (up to 5,000 steps in all). @default pretraining 300, full fine-tuning 100, LoRA fine-tuning 100 */
	schedule?: TrainingCurvePhase[];
	/** Seed of the internal run. @default 42 */
	seed?: number;
	/** Training steps of the internal run per animation frame (1–20). @default 2 */
	stepsPerFrame?: number;
	/** Loss of a uniform guess over the vocabulary, drawn as a reference line; `null` hides it. @default ln 20 for the internal run, none for a given history */
	uniformLoss?: number | null;
	/** Index of the selected point in the history, or -1. Bindable. @default -1 */
	selected?: number;
	/** Height of the chart in pixels. @default 280 */
	height?: number;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<TrainingCurveKey, string>>;
	/** Called when the selected point changes. @default undefined */
	onSelect?: (point: WeightFieldHistoryPoint | null, index: number) => void;
	/** Called when the internal run has trained its whole schedule. @default undefined */
	onComplete?: (history: readonly WeightFieldHistoryPoint[]) => void;
}
