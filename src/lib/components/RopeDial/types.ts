import type { HTMLAttributes } from 'svelte/elements';
import type { RopeScaling } from '../../core/ops/rope.js';
import type { RopeDialKey } from './messages.js';

/** Which position the dials are drawn relative to. */
export type RopeDialFrame = 'origin' | 'query' | 'key';

/**
 * Rotary position embedding (RoPE) as dials: each pair of a query's and a key's dimensions turns
 * by position × θᵢ, fast pairs first. Position sliders for the query and the key, the score q·k
 * before and after rotation, a shift of both positions that leaves the score unchanged, and the
 * score against the offset m − n.
 */
export interface RopeDialProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
	/** Position m of the query token. Bindable. @default 5 */
	positionQ?: number;
	/** Position n of the key token. Bindable. @default 2 */
	positionK?: number;
	/** Amount s added to both positions to show the score stays the same. Bindable. @default 3 */
	shift?: number;
	/** Largest position offered by the sliders (and the chart's offset range), 1–100000. @default 32 */
	maxPosition?: number;
	/** RoPE base b in θᵢ = b^(−2i/d). Bindable. @default 10000 */
	base?: number;
	/** Head width d (even, 2–256): there are d/2 rotating pairs. Bindable. @default 8 */
	dHead?: number;
	/** Which position the dials are drawn from: that token's pairs stay still. Bindable. @default 'origin' */
	frame?: RopeDialFrame;
	/** The query vector (length `dHead`); seeded random when omitted. @default undefined */
	q?: number[];
	/** The key vector (length `dHead`); seeded random when omitted. @default undefined */
	k?: number[];
	/** Seed of the random q and k. @default 7 */
	seed?: number;
	/** Dials drawn at most; with more pairs, an even spread from fastest to slowest is shown. @default 8 */
	maxDials?: number;
	/**
	 * Frequency scaling for context extension (`linear`, `ntk` or Llama 3.1's `llama3`), passed to
	 * the core's `ropeFrequencies`.
	 * @default undefined
	 */
	scaling?: RopeScaling;
	/** Whether the score-against-offset chart is shown. @default true */
	showChart?: boolean;
	/** Whether the position, base and width controls are shown. @default true */
	showControls?: boolean;
	/** Title of the figure. @default from the message catalogue */
	title?: string;
	/** Heading level of the title. @default 3 */
	headingLevel?: 2 | 3 | 4 | 5 | 6;
	/** Locale of the strings; otherwise the page's `<Messages>` locale. @default undefined */
	locale?: string;
	/** Overrides for any of this component's strings. @default undefined */
	messages?: Partial<Record<RopeDialKey, string>>;
	/** Called when the query position changes. @default undefined */
	onPositionQChange?: (m: number) => void;
	/** Called when the key position changes. @default undefined */
	onPositionKChange?: (n: number) => void;
	/** Called when the shift changes. @default undefined */
	onShiftChange?: (s: number) => void;
}
