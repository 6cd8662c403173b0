/**
 * Compute pipelines, compiled once per device and kernel variant. The bind group layout of each
 * kernel is derived from its WGSL (see `wgsl-layout.ts`) rather than written out by hand.
 */
import { AnatomyError } from '../../errors.js';
import { layoutEntries, parseWgslBindings } from './wgsl-layout.js';

/** A kernel: a name (for labels and the cache key) and its WGSL, entry point `main`. */
export interface KernelSource {
	readonly name: string;
	readonly wgsl: string;
}

export interface CachedPipeline {
	readonly pipeline: GPUComputePipeline;
	readonly layout: GPUBindGroupLayout;
	/** Binding numbers of group 0, in order, as declared in the WGSL. */
	readonly bindings: readonly number[];
}

// Override constants; a WGSL `bool` override takes 0 or 1.
type Constants = Record<string, number>;

// Keyed by device so that a new device after a loss never sees pipelines of the old one.
const cache = new WeakMap<GPUDevice, Map<string, Promise<CachedPipeline>>>();

function cacheKey(kernel: KernelSource, constants?: Constants): string {
	if (!constants) return kernel.name;
	const parts = Object.keys(constants)
		.sort()
		.map((k) => `${k}=${constants[k]}`);
	return `${kernel.name}|${parts.join(',')}`;
}

/**
 * The pipeline for `kernel` on `device` with the given override constants, compiled on first use
 * (`createComputePipelineAsync`) and shared by every later call. A failed compilation is not
 * cached, and rejects with `AnatomyError('invalid-config')` naming the kernel.
 */
export function getPipeline(
	device: GPUDevice,
	kernel: KernelSource,
	constants?: Constants
): Promise<CachedPipeline> {
	let perDevice = cache.get(device);
	if (!perDevice) cache.set(device, (perDevice = new Map()));
	const key = cacheKey(kernel, constants);
	const hit = perDevice.get(key);
	if (hit) return hit;
	const created = compile(device, kernel, constants);
	perDevice.set(key, created);
	created.catch(() => perDevice.delete(key));
	return created;
}

/** Number of pipelines cached for `device` (compiled or compiling). */
export function cachedPipelineCount(device: GPUDevice): number {
	return cache.get(device)?.size ?? 0;
}

async function compile(
	device: GPUDevice,
	kernel: KernelSource,
	constants?: Constants
): Promise<CachedPipeline> {
	const bindings = parseWgslBindings(kernel.wgsl);
	const layout = device.createBindGroupLayout({
		label: `${kernel.name} bind group layout`,
		entries: layoutEntries(bindings, 0)
	});
	const module = device.createShaderModule({ label: kernel.name, code: kernel.wgsl });
	try {
		const pipeline = await device.createComputePipelineAsync({
			label: kernel.name,
			layout: device.createPipelineLayout({ label: `${kernel.name} layout`, bindGroupLayouts: [layout] }),
			compute: { module, entryPoint: 'main', constants }
		});
		return { pipeline, layout, bindings: bindings.filter((b) => b.group === 0).map((b) => b.binding) };
	} catch (cause) {
		let detail = '';
		try {
			const info = await module.getCompilationInfo();
			detail = info.messages
				.filter((m) => m.type === 'error')
				.map((m) => ` line ${m.lineNum}: ${m.message}`)
				.join(';');
		} catch {
			// compilation info is optional detail; the error below is raised either way
		}
		throw new AnatomyError(
			'invalid-config',
			`WebGPU kernel '${kernel.name}' failed to compile:${detail || ' ' + String(cause)}`,
			{
				cause
			}
		);
	}
}
