/**
 * How each optimizer is told apart on the map without relying on colour alone: a colour from the
 * Okabe–Ito palette (distinguishable with the common colour-vision deficiencies) and a marker
 * shape of its own, also used in the legend and the readout table.
 */
import type { OptimizerId } from './types.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';

export interface OptimizerStyle {
	/** CSS colour (a custom property with an Okabe–Ito fallback). */
	colour: string;
	shape: MarkerShape;
	/** Dash pattern of the trail, so trails differ in print and in greyscale too. */
	dash: string;
}

/** Okabe & Ito (2008), "Color Universal Design": vermillion, blue, bluish green, reddish purple, orange, sky blue. */
export const OPTIMIZER_STYLES: Record<OptimizerId, OptimizerStyle> = {
	sgd: { colour: 'var(--la-optimizer-sgd, #d55e00)', shape: 'circle', dash: '' },
	momentum: { colour: 'var(--la-optimizer-momentum, #0072b2)', shape: 'square', dash: '6 3' },
	nesterov: { colour: 'var(--la-optimizer-nesterov, #009e73)', shape: 'triangle', dash: '2 3' },
	rmsprop: { colour: 'var(--la-optimizer-rmsprop, #cc79a7)', shape: 'diamond', dash: '8 3 2 3' },
	adam: { colour: 'var(--la-optimizer-adam, #e69f00)', shape: 'cross', dash: '' },
	adamw: { colour: 'var(--la-optimizer-adamw, #56b4e9)', shape: 'star', dash: '4 2' }
};

/** SVG path of a marker of radius `r` centred on (0, 0); place it with a transform. */
export function markerPath(shape: MarkerShape, r = 5): string {
	const f = (v: number) => Math.round(v * 100) / 100;
	switch (shape) {
		case 'circle':
			return `M${f(-r)},0A${f(r)},${f(r)} 0 1 0 ${f(r)},0A${f(r)},${f(r)} 0 1 0 ${f(-r)},0Z`;
		case 'square': {
			const s = r * 0.85;
			return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
		}
		case 'triangle': {
			const h = r * 1.1;
			return `M0,${f(-h)}L${f(h * 0.95)},${f(h * 0.7)}L${f(-h * 0.95)},${f(h * 0.7)}Z`;
		}
		case 'diamond':
			return `M0,${f(-r * 1.15)}L${f(r)},0L0,${f(r * 1.15)}L${f(-r)},0Z`;
		case 'cross': {
			const a = r * 0.35;
			return (
				`M${f(-a)},${f(-r)}H${f(a)}V${f(-a)}H${f(r)}V${f(a)}H${f(a)}V${f(r)}` +
				`H${f(-a)}V${f(a)}H${f(-r)}V${f(-a)}H${f(-a)}Z`
			);
		}
		case 'star': {
			let d = '';
			for (let k = 0; k < 10; k++) {
				const rad = k % 2 ? r * 0.5 : r * 1.2;
				const ang = -Math.PI / 2 + (k * Math.PI) / 5;
				d += `${k ? 'L' : 'M'}${f(rad * Math.cos(ang))},${f(rad * Math.sin(ang))}`;
			}
			return d + 'Z';
		}
	}
}
