/**
 * Test helpers for real WebGPU devices (browser tests), after webgpu-utils and TypeGPU:
 * `withDevice` skips when there is no adapter, checks the `validation` error scope and destroys
 * everything it created; `trackBuffers` counts the buffers a device creates and destroys.
 */

export interface BufferTracker {
	/** Buffers created through the device since tracking began. */
	readonly created: number;
	/** Of those, buffers destroyed. */
	readonly destroyed: number;
	/** Buffers created and not yet destroyed. */
	readonly live: number;
	/** Destroys every tracked buffer still alive; returns how many there were. */
	destroyAll(): number;
}

/**
 * Wraps `device.createBuffer` (as an own property of this device object) so that every buffer it
 * returns is counted, and wraps each buffer's `destroy` to count its destruction once.
 */
export function trackBuffers(device: GPUDevice): BufferTracker {
	const live = new Set<GPUBuffer>();
	let created = 0;
	let destroyed = 0;
	const create = device.createBuffer.bind(device);
	device.createBuffer = (descriptor: GPUBufferDescriptor) => {
		const buffer = create(descriptor);
		created++;
		live.add(buffer);
		const destroy = buffer.destroy.bind(buffer);
		buffer.destroy = () => {
			if (live.delete(buffer)) destroyed++;
			destroy();
		};
		return buffer;
	};
	return {
		get created() {
			return created;
		},
		get destroyed() {
			return destroyed;
		},
		get live() {
			return live.size;
		},
		destroyAll() {
			const n = live.size;
			for (const b of [...live]) b.destroy();
			return n;
		}
	};
}

export interface WithDeviceOptions {
	/** `navigator.gpu`, injected. */
	readonly gpu: GPU | undefined;
	/** Called (and expected to throw, as Vitest's `context.skip` does) when there is no device. */
	readonly skip?: (note?: string) => void;
	/** Accept a software fallback adapter (the only one in headless Chromium). @default true */
	readonly allowFallbackAdapter?: boolean;
}

/**
 * Runs `fn` with a fresh device and a buffer tracker inside a `validation` error scope, then
 * destroys every buffer still alive and the device. Throws if a validation error was captured
 * (after `fn` succeeded; an error thrown by `fn` wins). Without an adapter, calls `skip` and
 * returns undefined.
 */
export async function withDevice<T>(
	fn: (device: GPUDevice, buffers: BufferTracker) => Promise<T>,
	options: WithDeviceOptions
): Promise<T | undefined> {
	const skip = (why: string) => {
		options.skip?.(why);
		return undefined;
	};
	const { gpu } = options;
	if (!gpu) return skip('navigator.gpu is missing');
	const adapter = await gpu.requestAdapter();
	if (!adapter) return skip('no WebGPU adapter');
	const fallback = Boolean((adapter as { info?: { isFallbackAdapter?: boolean } }).info?.isFallbackAdapter);
	if (fallback && options.allowFallbackAdapter === false) return skip('only a software fallback adapter');
	const device = await adapter.requestDevice();
	const buffers = trackBuffers(device);
	device.pushErrorScope('validation');
	let result: T;
	try {
		result = await fn(device, buffers);
	} catch (e) {
		await device.popErrorScope().catch(() => null);
		buffers.destroyAll();
		device.destroy();
		throw e;
	}
	const error = await device.popErrorScope().catch(() => null);
	buffers.destroyAll();
	device.destroy();
	if (error) throw new Error(`WebGPU validation error: ${error.message}`);
	return result;
}
