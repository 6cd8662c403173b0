import type { HTMLAttributes } from 'svelte/elements';
import type { OptimizerName } from '../../core/train/optimizers.js';
import type { RaceReading } from '../../core/train/race.js';
import type { ContourScale } from './contours.js';
import type { OptimizerRaceKey } from './messages.js';

/** The optimizers OptimizerRace can race (the core's optimizer names). */
export type OptimizerId = OptimizerName;

/** Where each optimizer stands at the step shown, as in the readout table. */
export type OptimizerRaceReading = RaceReading;

/** Six optimizers race down one 2-D loss surface from the same start, on the same gradients. */
export interface OptimizerRaceProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** Id of the loss surface: 'bowl', 'valley', 'rosenbrock', 'himmelblau', 'saddle' or 'beale'. Bindable. @default 'himmelblau' */
	surface?: string;
	/** Optimizers in the race. Bindable. @default all six */
	optimizers?: OptimizerId[];
	/**
	 * Learning rate shared by all optimizers, or `undefined` for the surface's suggested rate. The
	 * slider covers 1e-4 … 10 on a log scale; any value ≥ 0 may be typed or passed (0 stands still,
	 * 1e6 diverges). Picking another surface in the selector goes back to its suggested rate. Bindable.
	 * @default undefined
	 */
	lr?: number;
	/** β1: decay of the running mean of gradients; also the momentum μ of Momentum and Nesterov. Bindable. @default 0.9 */
	beta1?: number;
	/** β2: decay of Adam's and AdamW's running mean of squared gradients. Bindable. @default 0.999 */
	beta2?: number;
	/** Decoupled weight decay of AdamW. @default 0.01 */
	weightDecay?: number;
	/** Decay ρ of RMSProp's running mean of squared gradients. @default 0.9 */
	rho?: number;
	/** Steps in the race (0 … 5000). @default 300 */
	steps?: number;
	/** The shared start (x, y), or `undefined` for the surface's suggested start. Bindable. @default undefined */
	start?: [number, number];
	/** The step shown, 0 … `steps`. Bindable. @default 0 */
	step?: number;
	/** Whether the race is running. Bindable. @default `autoplay` unless reduced motion is asked for */
	playing?: boolean;
	/** Start playing when first shown (never under `prefers-reduced-motion`). @default true */
	autoplay?: boolean;
	/** Steps per second while playing. @default 30 */
	speed?: number;
	/** Samples per side of the grid the contours are traced on (20 … 400). @default 200 */
	gridSize?: number;
	/** Number of contour levels. @default 18 */
	levels?: number;
	/** Spacing of contour levels: 'log' for surfaces whose walls climb by decades, 'auto' to follow the surface. @default 'auto' */
	contourScale?: ContourScale;
	/** Whether the controls are shown. @default true */
	controls?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. */
	locale?: string;
	/** Overrides for any of this component's strings. */
	messages?: Partial<Record<OptimizerRaceKey, string>>;
	/** Called when the surface changes. */
	onSurfaceChange?: (surface: string) => void;
	/** Called when the set of optimizers changes. */
	onOptimizersChange?: (optimizers: OptimizerId[]) => void;
	/** Called when the learning rate changes. */
	onLrChange?: (lr: number) => void;
	/** Called when β1 or β2 changes. */
	onBetasChange?: (betas: [number, number]) => void;
	/** Called when a new start is chosen. */
	onStartChange?: (start: [number, number]) => void;
	/** Called when the step shown changes. */
	onStepChange?: (step: number) => void;
	/** Called when playing starts or stops. */
	onPlayingChange?: (playing: boolean) => void;
	/** Called with the readings whenever the step shown or the race changes. */
	onReadings?: (readings: OptimizerRaceReading[]) => void;
}
