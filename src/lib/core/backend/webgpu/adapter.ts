/**
 * Getting a WebGPU device: adapter request, the software-fallback rule, device request. Every
 * failure becomes an `AnatomyError('backend-unavailable')` whose message says why, for the
 * registry's diagnostics.
 */
import { AnatomyError } from '../../errors.js';

export interface DeviceRequest {
	/** `navigator.gpu`, injected. */
	readonly gpu: GPU | undefined;
	/**
	 * Accept a software fallback adapter (SwiftShader in headless Chromium). Such an adapter is
	 * correct but slower than plain JavaScript, so it is refused unless asked for. @default false
	 */
	readonly allowFallbackAdapter?: boolean;
	/** @default 'high-performance' */
	readonly powerPreference?: GPUPowerPreference;
}

export interface AcquiredDevice {
	readonly adapter: GPUAdapter;
	readonly device: GPUDevice;
	/** True when the adapter is a software fallback. */
	readonly fallback: boolean;
	/** A one-line description of the adapter for diagnostics (vendor, architecture). */
	readonly description: string;
}

/**
 * True when the adapter says it is a software fallback: `adapter.info.isFallbackAdapter`
 * (current spec) or the older `adapter.isFallbackAdapter`.
 */
export function isFallbackAdapter(adapter: GPUAdapter): boolean {
	const legacy = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter;
	const info = (adapter as { info?: { isFallbackAdapter?: boolean } }).info;
	return Boolean(info?.isFallbackAdapter ?? legacy);
}

/** `vendor architecture (fallback)` for diagnostics; empty fields are left out. */
export function describeAdapter(adapter: GPUAdapter): string {
	const info = (adapter as { info?: Partial<GPUAdapterInfo> }).info ?? {};
	const parts = [info.vendor, info.architecture, info.device, info.description].filter(Boolean);
	const text = parts.length ? parts.join(' ') : 'unknown adapter';
	return isFallbackAdapter(adapter) ? `${text} (software fallback)` : text;
}

function unavailable(message: string, cause?: unknown): AnatomyError {
	return new AnatomyError('backend-unavailable', message, cause === undefined ? undefined : { cause });
}

/**
 * Requests an adapter and a device. The device asks for the adapter's own storage-buffer and
 * buffer size limits (the defaults are 128 MiB and 256 MiB), so large arrays fit when the
 * hardware allows them.
 */
export async function acquireDevice(req: DeviceRequest): Promise<AcquiredDevice> {
	const { gpu } = req;
	if (!gpu || typeof gpu.requestAdapter !== 'function') {
		throw unavailable('navigator.gpu is missing: this environment has no WebGPU');
	}
	let adapter: GPUAdapter | null;
	try {
		adapter = await gpu.requestAdapter({ powerPreference: req.powerPreference ?? 'high-performance' });
	} catch (cause) {
		throw unavailable(`requestAdapter() failed: ${String(cause)}`, cause);
	}
	if (!adapter) throw unavailable('requestAdapter() returned null: no WebGPU adapter is available');
	const fallback = isFallbackAdapter(adapter);
	const description = describeAdapter(adapter);
	if (fallback && !req.allowFallbackAdapter) {
		throw unavailable(
			`the only adapter is a software fallback (${description}), slower than the CPU backend; ` +
				`ask for 'webgpu' by name or pass allowFallbackAdapter to use it`
		);
	}
	const requiredLimits: Record<string, number> = {};
	for (const key of ['maxStorageBufferBindingSize', 'maxBufferSize'] as const) {
		const value = adapter.limits?.[key];
		if (typeof value === 'number') requiredLimits[key] = value;
	}
	let device: GPUDevice;
	try {
		device = await adapter.requestDevice({ label: 'llm-anatomy', requiredLimits });
	} catch (cause) {
		throw unavailable(`requestDevice() failed on ${description}: ${String(cause)}`, cause);
	}
	if (!device) throw unavailable(`requestDevice() returned nothing on ${description}`);
	return { adapter, device, fallback, description };
}
