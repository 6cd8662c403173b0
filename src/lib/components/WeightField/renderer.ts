/**
 * The two ways a weight field reaches the screen, behind one interface: a Canvas 2D renderer
 * (one ImageData at field resolution, a Uint32 view written through the colour table, one
 * putImageData per frame, scaled up by CSS with `image-rendering: pixelated`), and a WebGPU
 * renderer (`webgpu-renderer.ts`) that draws a million cells in a fragment shader.
 */
import { fieldFromWeights, type WeightFieldSource } from '../../core/train/weightfield/field.js';
import type { WeightFieldGroup } from '../../core/train/weightfield/layout.js';
import { cellWeightMap, fieldGrid, frozenCells, frozenWeights, paintField } from './paint.js';

/** What one frame draws: the snapshot's weights and updates, and which groups train. */
export interface FieldFrame {
	source: WeightFieldSource;
	groups: readonly (WeightFieldGroup & { trainable: boolean })[];
	/** Fade the frozen groups (LoRA's frozen base). */
	dimFrozen: boolean;
}

/** A renderer of weight fields into one canvas. */
export interface FieldRenderer {
	readonly kind: 'canvas' | 'webgpu';
	/** Cells drawn. */
	readonly cells: number;
	readonly width: number;
	readonly height: number;
	/** Colour table (`palette.ts`) and the packed background colour. */
	setPalette(lut: Uint32Array, background: number): void;
	draw(frame: FieldFrame): void;
	/** Releases everything it holds; drawing afterwards does nothing. */
	destroy(): void;
}

/** Options shared by both renderers. */
export interface RendererOptions {
	cells: number;
	mode: 'tile' | 'sample';
	lut: Uint32Array;
	background: number;
}

/** The Canvas 2D renderer. Throws if the canvas has no 2-D context. */
export function createCanvasRenderer(canvas: HTMLCanvasElement, options: RendererOptions): FieldRenderer {
	const { cells, mode } = options;
	const { width, height } = fieldGrid(cells);
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d', { alpha: false });
	if (!ctx) throw new Error('this canvas has no 2-D context');
	const image = ctx.createImageData(width, height);
	const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, width * height);
	const out = { values: new Float32Array(cells), motion: new Float32Array(cells) };
	let lut = options.lut;
	let background = options.background;
	let map: Uint32Array | null = null;
	let mapFor = -1;
	let maskFor = -1;
	let frozenByCell: Uint8Array | null = null;
	let groupsSeen: FieldFrame['groups'] | null = null;
	let dimSeen = false;
	let alive = true;

	return {
		kind: 'canvas',
		cells,
		width,
		height,
		setPalette(next, bg) {
			lut = next;
			background = bg;
		},
		draw(frame) {
			if (!alive) return;
			const field = fieldFromWeights(frame.source, cells, { mode, out });
			// The frozen mask changes only with the stage: recompute it when the groups do.
			const p = field.weightCount;
			if (frame.groups !== groupsSeen || frame.dimFrozen !== dimSeen || maskFor !== p) {
				groupsSeen = frame.groups;
				dimSeen = frame.dimFrozen;
				maskFor = p;
				const frozen = frame.dimFrozen ? frozenWeights(frame.groups, p) : null;
				if (frozen) {
					if (!map || mapFor !== p) {
						map = cellWeightMap(cells, p, mode);
						mapFor = p;
					}
					frozenByCell = frozenCells(frozen, map, frozenByCell ?? undefined);
				} else frozenByCell = null;
			}
			paintField(
				pixels,
				field.values,
				field.motion,
				field.valueScale,
				field.motionScale,
				frozenByCell,
				lut,
				background
			);
			ctx.putImageData(image, 0, 0);
		},
		destroy() {
			alive = false;
		}
	};
}
