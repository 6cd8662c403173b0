/**
 * The WebGPU weight-field renderer: a million cells per frame from a few kilobytes of upload.
 * The cell → weight map is uploaded once; each frame writes the model's P weights and updates
 * and draws one full-screen triangle (`field-shader.ts`). Device loss (or a validation error)
 * calls `onLost`, after which the owner switches to the Canvas 2D renderer; the training run
 * lives on the CPU, so nothing of it is lost.
 */
import { acquireDevice } from '../../core/backend/webgpu/adapter.js';
import { fieldFromWeights } from '../../core/train/weightfield/field.js';
import { FIELD_PARAMS_BYTES, FIELD_WGSL } from './field-shader.js';
import { cellWeightMap, fieldGrid, frozenWeights } from './paint.js';
import type { FieldFrame, FieldRenderer, RendererOptions } from './renderer.js';

/** Options of {@link createWebGpuRenderer}. */
export interface WebGpuRendererOptions extends RendererOptions {
	/** `navigator.gpu`, injected. */
	gpu: GPU | undefined;
	/** Accept a software fallback adapter (asked for by name). */
	allowFallback: boolean;
	/** Called once if the device is lost or reports an error; the renderer is then unusable. */
	onLost: (reason: string) => void;
}

/** The WebGPU renderer, with what the owner may want to know or test. */
export interface WebGpuFieldRenderer extends FieldRenderer {
	readonly kind: 'webgpu';
	readonly device: GPUDevice;
	/** The adapter in words. */
	readonly adapter: string;
	/** Whether the adapter is a software fallback. */
	readonly fallback: boolean;
	/** Draws `frame` into an offscreen texture and returns its RGBA bytes, row by row (tests). */
	readback(frame: FieldFrame): Promise<Uint8Array>;
}

/** Creates the renderer; rejects (an `AnatomyError('backend-unavailable')`, or the GPU's error) when it cannot. */
export async function createWebGpuRenderer(
	canvas: HTMLCanvasElement,
	options: WebGpuRendererOptions
): Promise<WebGpuFieldRenderer> {
	const { cells, mode, gpu } = options;
	const acquired = await acquireDevice({ gpu, allowFallbackAdapter: options.allowFallback });
	const { device } = acquired;
	let alive = true;
	let lostCalled = false;
	const lost = (reason: string) => {
		if (lostCalled) return;
		lostCalled = true;
		alive = false;
		options.onLost(reason);
	};
	device.lost.then((info) => {
		if (alive) lost(info.message || `device lost (${info.reason})`);
	});
	device.addEventListener('uncapturederror', (e) => {
		const err = (e as GPUUncapturedErrorEvent).error;
		if (alive) lost(err?.message || 'WebGPU error');
	});

	try {
		const { width, height } = fieldGrid(cells);
		canvas.width = width;
		canvas.height = height;
		const context = canvas.getContext('webgpu');
		if (!context) throw new Error('this canvas has no WebGPU context');
		const format = gpu!.getPreferredCanvasFormat();
		context.configure({ device, format, alphaMode: 'opaque' });

		device.pushErrorScope('validation');
		const module = device.createShaderModule({ label: 'weight-field', code: FIELD_WGSL });
		const pipelines = new Map<GPUTextureFormat, GPURenderPipeline>();
		const pipelineFor = (f: GPUTextureFormat) => {
			let p = pipelines.get(f);
			if (!p) {
				p = device.createRenderPipeline({
					label: `weight-field ${f}`,
					layout: 'auto',
					vertex: { module, entryPoint: 'vs' },
					fragment: { module, entryPoint: 'fs', targets: [{ format: f }] },
					primitive: { topology: 'triangle-list' }
				});
				pipelines.set(f, p);
			}
			return p;
		};
		pipelineFor(format);
		const STORAGE = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST;
		const params = device.createBuffer({
			label: 'weight-field params',
			size: FIELD_PARAMS_BYTES,
			usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST
		});
		const lutBuffer = device.createBuffer({
			label: 'weight-field lut',
			size: options.lut.byteLength,
			usage: STORAGE
		});
		device.queue.writeBuffer(lutBuffer, 0, options.lut);
		const error = await device.popErrorScope();
		if (error) throw new Error(error.message);

		let background = options.background;
		let weightCount = -1;
		let mapBuffer: GPUBuffer | null = null;
		let valuesBuffer: GPUBuffer | null = null;
		let motionBuffer: GPUBuffer | null = null;
		let frozenBuffer: GPUBuffer | null = null;
		const bindGroups = new Map<GPUTextureFormat, GPUBindGroup>();
		let groupsSeen: FieldFrame['groups'] | null = null;
		let dimSeen = false;
		const scratch = { values: new Float32Array(0), motion: new Float32Array(0) };
		const paramData = new ArrayBuffer(FIELD_PARAMS_BYTES);
		const paramU32 = new Uint32Array(paramData);
		const paramF32 = new Float32Array(paramData);

		const sized = (p: number) => {
			if (p === weightCount) return;
			for (const b of [mapBuffer, valuesBuffer, motionBuffer, frozenBuffer]) b?.destroy();
			weightCount = p;
			mapBuffer = device.createBuffer({ label: 'weight-field cell map', size: cells * 4, usage: STORAGE });
			device.queue.writeBuffer(mapBuffer, 0, cellWeightMap(cells, p, mode));
			valuesBuffer = device.createBuffer({ label: 'weight-field values', size: p * 4, usage: STORAGE });
			motionBuffer = device.createBuffer({ label: 'weight-field motion', size: p * 4, usage: STORAGE });
			frozenBuffer = device.createBuffer({ label: 'weight-field frozen', size: p * 4, usage: STORAGE });
			scratch.values = new Float32Array(p);
			scratch.motion = new Float32Array(p);
			bindGroups.clear();
			groupsSeen = null;
		};

		const bindGroupFor = (f: GPUTextureFormat) => {
			let g = bindGroups.get(f);
			if (!g) {
				g = device.createBindGroup({
					label: 'weight-field',
					layout: pipelineFor(f).getBindGroupLayout(0),
					entries: [params, mapBuffer!, valuesBuffer!, motionBuffer!, frozenBuffer!, lutBuffer].map(
						(buffer, binding) => ({ binding, resource: { buffer } })
					)
				});
				bindGroups.set(f, g);
			}
			return g;
		};

		/** Uploads a frame; returns false if there is nothing to draw. */
		const upload = (frame: FieldFrame) => {
			const p = frame.source.weights.length;
			sized(p);
			// n = P in 'sample' mode is the identity map: the real weights, checked finite, and their scales.
			const field = fieldFromWeights(frame.source, p, { mode: 'sample', out: scratch });
			device.queue.writeBuffer(valuesBuffer!, 0, field.values);
			device.queue.writeBuffer(motionBuffer!, 0, field.motion);
			if (frame.groups !== groupsSeen || frame.dimFrozen !== dimSeen) {
				groupsSeen = frame.groups;
				dimSeen = frame.dimFrozen;
				const frozen = frame.dimFrozen ? frozenWeights(frame.groups, p) : null;
				device.queue.writeBuffer(frozenBuffer!, 0, frozen ? Uint32Array.from(frozen) : new Uint32Array(p));
			}
			paramU32[0] = width;
			paramU32[1] = height;
			paramU32[2] = cells;
			paramU32[3] = p;
			paramF32[4] = field.valueScale > 0 ? 1 / field.valueScale : 0;
			paramF32[5] = field.motionScale > 0 ? 1 / field.motionScale : 0;
			paramU32[6] = background;
			paramU32[7] = 0;
			device.queue.writeBuffer(params, 0, paramData);
		};

		const encode = (view: GPUTextureView, f: GPUTextureFormat) => {
			const encoder = device.createCommandEncoder({ label: 'weight-field' });
			const pass = encoder.beginRenderPass({
				colorAttachments: [
					{ view, loadOp: 'clear', storeOp: 'store', clearValue: { r: 0, g: 0, b: 0, a: 1 } }
				]
			});
			pass.setPipeline(pipelineFor(f));
			pass.setBindGroup(0, bindGroupFor(f));
			pass.draw(3);
			pass.end();
			return encoder;
		};

		const destroyAll = () => {
			for (const b of [params, lutBuffer, mapBuffer, valuesBuffer, motionBuffer, frozenBuffer]) b?.destroy();
			try {
				context.unconfigure();
			} catch {
				/* already gone */
			}
			device.destroy();
		};

		return {
			kind: 'webgpu',
			cells,
			width,
			height,
			device,
			adapter: acquired.description,
			fallback: acquired.fallback,
			setPalette(lut, bg) {
				if (!alive) return;
				background = bg;
				device.queue.writeBuffer(lutBuffer, 0, lut);
			},
			draw(frame) {
				if (!alive) return;
				upload(frame);
				const encoder = encode(context.getCurrentTexture().createView(), format);
				device.queue.submit([encoder.finish()]);
			},
			async readback(frame) {
				if (!alive) throw new Error('the renderer was destroyed');
				upload(frame);
				const texture = device.createTexture({
					size: [width, height],
					format: 'rgba8unorm',
					usage: GPUTextureUsage.RENDER_ATTACHMENT | GPUTextureUsage.COPY_SRC
				});
				const bytesPerRow = Math.ceil((width * 4) / 256) * 256;
				const buffer = device.createBuffer({
					size: bytesPerRow * height,
					usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ
				});
				const encoder = encode(texture.createView(), 'rgba8unorm');
				encoder.copyTextureToBuffer({ texture }, { buffer, bytesPerRow }, [width, height]);
				device.queue.submit([encoder.finish()]);
				await buffer.mapAsync(GPUMapMode.READ);
				const padded = new Uint8Array(buffer.getMappedRange());
				const out = new Uint8Array(width * height * 4);
				for (let y = 0; y < height; y++) {
					out.set(padded.subarray(y * bytesPerRow, y * bytesPerRow + width * 4), y * width * 4);
				}
				buffer.unmap();
				buffer.destroy();
				texture.destroy();
				return out;
			},
			destroy() {
				alive = false;
				destroyAll();
			}
		};
	} catch (e) {
		alive = false;
		device.destroy();
		throw e;
	}
}
