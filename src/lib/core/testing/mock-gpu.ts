/**
 * A recording stand-in for `navigator.gpu`, for Node tests of everything around the kernels:
 * adapter and device selection, dispatch sizes, buffer lifetimes, device loss. It executes no
 * shader: buffers hold what was written or copied into them, nothing more.
 */

export interface MockAdapterSpec {
	/** Report the adapter as a software fallback (`info.isFallbackAdapter`). @default false */
	readonly fallback?: boolean;
	/** Put the flag on the adapter itself (the older `adapter.isFallbackAdapter`). @default false */
	readonly legacyFallbackFlag?: boolean;
	/** Make `requestDevice()` reject with this error. */
	readonly requestDeviceError?: Error;
	/** Limits reported by the adapter and its devices. */
	readonly limits?: Partial<Record<string, number>>;
	/** Lose the device when the n-th command buffer (1-based) is submitted. */
	readonly loseOnSubmit?: number;
}

export interface MockGpuSpec {
	/** `null`: `requestAdapter()` resolves to null. @default {} (a hardware adapter) */
	readonly adapter?: MockAdapterSpec | null;
	/** Make `requestAdapter()` reject with this error. */
	readonly requestAdapterError?: Error;
}

export interface MockDispatch {
	readonly pipeline: string;
	readonly grid: readonly [number, number, number];
	/** Buffer sizes bound, by binding number. */
	readonly bindingSizes: readonly number[];
}

export interface MockDevice {
	readonly device: GPUDevice;
	readonly dispatches: MockDispatch[];
	readonly pipelines: string[];
	/** Buffers created and not destroyed. */
	readonly liveBuffers: Set<GPUBuffer>;
	created: number;
	destroyed: number;
	submits: number;
	/** Loses the device now (as a driver reset would). */
	lose(reason?: GPUDeviceLostReason, message?: string): void;
	readonly isLost: boolean;
}

export interface MockGpu {
	readonly gpu: GPU;
	readonly navigator: { gpu: GPU };
	readonly devices: MockDevice[];
	requestAdapterCalls: number;
}

const DEFAULT_LIMITS: Record<string, number> = {
	maxStorageBufferBindingSize: 134_217_728,
	maxBufferSize: 268_435_456,
	maxComputeWorkgroupsPerDimension: 65_535,
	maxComputeInvocationsPerWorkgroup: 256,
	maxStorageBuffersPerShaderStage: 8
};

function abortError(message: string): Error {
	const e = new Error(message);
	e.name = 'AbortError';
	return e;
}

function createMockDevice(spec: MockAdapterSpec): MockDevice {
	const limits = { ...DEFAULT_LIMITS, ...spec.limits };
	let resolveLost!: (info: GPUDeviceLostInfo) => void;
	const lost = new Promise<GPUDeviceLostInfo>((r) => (resolveLost = r));
	const state = {
		dispatches: [] as MockDispatch[],
		pipelines: [] as string[],
		liveBuffers: new Set<GPUBuffer>(),
		created: 0,
		destroyed: 0,
		submits: 0,
		isLost: false
	};
	const pendingMaps = new Set<(e: Error) => void>();
	const memory = new WeakMap<object, Uint8Array>();
	const errorScopes: string[] = [];

	const lose = (reason: GPUDeviceLostReason = 'unknown', message = 'mock device lost') => {
		if (state.isLost) return;
		state.isLost = true;
		for (const reject of [...pendingMaps]) reject(abortError('Device is lost'));
		pendingMaps.clear();
		resolveLost({ reason, message } as GPUDeviceLostInfo);
	};

	const createBuffer = (desc: GPUBufferDescriptor) => {
		const bytes = new Uint8Array(desc.size);
		let mapState: GPUBufferMapState = 'unmapped';
		let destroyed = false;
		const buffer = {
			label: desc.label ?? '',
			size: desc.size,
			usage: desc.usage,
			get mapState() {
				return mapState;
			},
			mapAsync(_mode: number, offset = 0, size = desc.size - offset) {
				if (state.isLost || destroyed) return Promise.reject(abortError('Device is lost'));
				mapState = 'pending';
				return new Promise<void>((resolve, reject) => {
					const fail = (e: Error) => {
						mapState = 'unmapped';
						reject(e);
					};
					pendingMaps.add(fail);
					queueMicrotask(() => {
						if (!pendingMaps.delete(fail)) return;
						if (offset + size > desc.size) return fail(new Error('OperationError: map range out of bounds'));
						mapState = 'mapped';
						resolve();
					});
				});
			},
			getMappedRange(offset = 0, size = desc.size - offset) {
				if (mapState !== 'mapped') throw new Error('OperationError: buffer is not mapped');
				return bytes.slice(offset, offset + size).buffer;
			},
			unmap() {
				mapState = 'unmapped';
			},
			destroy() {
				if (destroyed) return;
				destroyed = true;
				state.destroyed++;
				state.liveBuffers.delete(buffer as unknown as GPUBuffer);
			}
		};
		memory.set(buffer, bytes);
		state.created++;
		state.liveBuffers.add(buffer as unknown as GPUBuffer);
		return buffer as unknown as GPUBuffer;
	};

	const device = {
		label: 'mock device',
		limits,
		features: new Set<string>(),
		lost,
		queue: {
			writeBuffer(
				buf: GPUBuffer,
				offset: number,
				data: ArrayBuffer | ArrayBufferView,
				dataOffset = 0,
				size?: number
			) {
				const dst = memory.get(buf);
				if (!dst || state.isLost) return;
				const src = ArrayBuffer.isView(data)
					? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
					: new Uint8Array(data);
				dst.set(src.subarray(dataOffset, size === undefined ? undefined : dataOffset + size), offset);
			},
			submit(cmds: { copies: [GPUBuffer, number, GPUBuffer, number, number][] }[]) {
				state.submits++;
				if (spec.loseOnSubmit === state.submits) {
					queueMicrotask(() => lose('unknown', `mock device lost at submit ${state.submits}`));
					return;
				}
				for (const cmd of cmds) {
					for (const [src, so, dst, dOff, size] of cmd.copies) {
						const s = memory.get(src);
						const d = memory.get(dst);
						if (s && d) d.set(s.subarray(so, so + size), dOff);
					}
				}
			},
			onSubmittedWorkDone: () => Promise.resolve()
		},
		createBuffer,
		createShaderModule: (d: GPUShaderModuleDescriptor) => ({
			label: d.label ?? '',
			code: d.code,
			getCompilationInfo: async () => ({ messages: [] })
		}),
		createBindGroupLayout: (d: GPUBindGroupLayoutDescriptor) => ({
			label: d.label ?? '',
			entries: d.entries
		}),
		createPipelineLayout: (d: GPUPipelineLayoutDescriptor) => ({ label: d.label ?? '' }),
		createComputePipelineAsync: async (d: GPUComputePipelineDescriptor) => {
			state.pipelines.push(d.label ?? '');
			return { label: d.label ?? '', getBindGroupLayout: () => ({}) };
		},
		createBindGroup: (d: GPUBindGroupDescriptor) => ({ label: d.label ?? '', entries: d.entries }),
		createCommandEncoder: () => {
			const copies: [GPUBuffer, number, GPUBuffer, number, number][] = [];
			return {
				beginComputePass: () => {
					let pipeline = '';
					let sizes: number[] = [];
					return {
						setPipeline: (p: { label: string }) => (pipeline = p.label),
						setBindGroup: (_i: number, g: { entries: GPUBindGroupEntry[] }) =>
							(sizes = [...g.entries]
								.sort((a, b) => a.binding - b.binding)
								.map((e) => (e.resource as GPUBufferBinding).size ?? -1)),
						dispatchWorkgroups: (x: number, y = 1, z = 1) =>
							state.dispatches.push({ pipeline, grid: [x, y, z], bindingSizes: sizes }),
						end: () => {}
					};
				},
				copyBufferToBuffer: (src: GPUBuffer, so: number, dst: GPUBuffer, dOff: number, size: number) =>
					copies.push([src, so, dst, dOff, size]),
				finish: () => ({ copies })
			};
		},
		pushErrorScope: (filter: string) => errorScopes.push(filter),
		popErrorScope: async () => {
			if (!errorScopes.length) throw new Error('OperationError: error scope stack is empty');
			errorScopes.pop();
			return null;
		},
		destroy: () => {
			for (const b of [...state.liveBuffers]) b.destroy();
			lose('destroyed', 'device was destroyed');
		}
	};
	return Object.assign(state, { device: device as unknown as GPUDevice, lose }) as MockDevice;
}

/** Creates a mock `navigator.gpu`. */
export function createMockGpu(spec: MockGpuSpec = {}): MockGpu {
	const devices: MockDevice[] = [];
	const result: MockGpu = {
		devices,
		requestAdapterCalls: 0,
		gpu: undefined as unknown as GPU,
		navigator: undefined as unknown as { gpu: GPU }
	};
	const adapterSpec = spec.adapter === undefined ? {} : spec.adapter;
	const gpu = {
		async requestAdapter() {
			result.requestAdapterCalls++;
			if (spec.requestAdapterError) throw spec.requestAdapterError;
			if (adapterSpec === null) return null;
			const fallback = Boolean(adapterSpec.fallback);
			const adapter: Record<string, unknown> = {
				info: adapterSpec.legacyFallbackFlag
					? { vendor: 'mock', architecture: 'test' }
					: { vendor: 'mock', architecture: fallback ? 'swiftshader' : 'test', isFallbackAdapter: fallback },
				limits: { ...DEFAULT_LIMITS, ...adapterSpec.limits },
				features: new Set<string>(),
				async requestDevice() {
					if (adapterSpec.requestDeviceError) throw adapterSpec.requestDeviceError;
					const d = createMockDevice(adapterSpec);
					devices.push(d);
					return d.device;
				}
			};
			if (adapterSpec.legacyFallbackFlag) adapter.isFallbackAdapter = fallback;
			return adapter as unknown as GPUAdapter;
		},
		getPreferredCanvasFormat: () => 'bgra8unorm'
	} as unknown as GPU;
	Object.assign(result, { gpu, navigator: { gpu } });
	return result;
}
