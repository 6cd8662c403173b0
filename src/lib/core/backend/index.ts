/**
 * Compute backends: the contract, the registry that picks one, and the CPU and WebGPU backends.
 * Re-exports only.
 */
export type {
	AdamOptions,
	AdamResult,
	AttentionKernelResult,
	Backend,
	BackendName,
	Int8Rows,
	KernelResult,
	NavigatorLike
} from './types.js';
export {
	BackendRegistry,
	BUILTIN_PRIORITY,
	createBackendRegistry,
	getBackendDiagnostics,
	isDeviceLoss,
	registerBackend,
	registerBuiltinBackends,
	resetBackends,
	runOnBackend,
	selectBackend,
	type BackendAttempt,
	type BackendDiagnostics,
	type BackendFactory,
	type BackendInitContext,
	type RegisterOptions,
	type RunOptions,
	type SelectOptions
} from './registry.js';
export { createCpuBackend } from './cpu/cpu-backend.js';
export { adamStepCpu } from './cpu/adam.js';
export { dequantizeInt8RowsCpu, quantizeInt8RowsCpu } from './cpu/quantize-int8.js';
export {
	createWebGpuBackend,
	DEFAULT_MIN_GPU_WORK,
	type WebGpuBackend,
	type WebGpuBackendOptions
} from './webgpu/webgpu-backend.js';
export { describeAdapter, isFallbackAdapter } from './webgpu/adapter.js';
export { MAX_ELEMENTS } from './validate.js';
