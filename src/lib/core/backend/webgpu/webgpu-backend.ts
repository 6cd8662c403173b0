/**
 * The WebGPU backend: WGSL compute kernels behind the {@link Backend} interface.
 *
 * - Small inputs go to the CPU: an op whose work is below `minGpuWork` runs on the CPU twin and
 *   its result says `backend: 'cpu'`. Work counts multiply-adds for matmul (m·k·n) and attention
 *   (seq²·dHead), and elements for softmax, AdamW and int8. The default, 65 536, is where the
 *   JavaScript kernel still finishes in about a millisecond or less (on our 2-core CI machine
 *   `bench/backend.bench.ts` measures a 64³ matmul, 262 144 multiply-adds, at 0.2–0.4 ms and AdamW
 *   on 65 536 values at about 1 ms), which a GPU round trip (upload, dispatch, `mapAsync` readback)
 *   cannot beat by much; tune it per device with `minGpuWork`. Empty inputs, and inputs beyond the
 *   device's buffer or dispatch limits, also go to the CPU.
 * - Every op acquires its buffers from a {@link BufferPool} and releases them when its readback is
 *   done; `dispose()` destroys every buffer (and the device, when the backend created it).
 * - `debug: true` wraps each op in `validation` and `out-of-memory` error scopes and turns a
 *   captured error into an exception naming the op; ops are then run one at a time so that each
 *   error is charged to the right op.
 * - When the device is lost (`device.lost` resolves) the backend marks itself lost, destroys its
 *   buffers, calls its `onLost` callbacks, and any op in flight or started later rejects with
 *   `AnatomyError('device-lost')`, the signal `runOnBackend` uses to retry elsewhere.
 *
 * `navigator.gpu` is injected (`options.gpu`) or a device passed in (`options.device`); nothing is
 * read from globals.
 */
import { AnatomyError } from '../../errors.js';
import { createCpuBackend } from '../cpu/cpu-backend.js';
import type {
	AdamOptions,
	AdamResult,
	AttentionKernelResult,
	Backend,
	Int8Rows,
	KernelResult
} from '../types.js';
import {
	resolveAdamOptions,
	validateAdam,
	validateAttention,
	validateDequantize,
	validateMatmul,
	validateQuantize,
	validateSoftmax
} from '../validate.js';
import { acquireDevice, type DeviceRequest } from './adapter.js';
import { BufferPool, type BufferPoolStats } from './buffer-pool.js';
import {
	DEFAULT_MAX_WORKGROUPS_PER_DIMENSION,
	ceilDiv,
	elementwiseGrid,
	isEmptyGrid,
	matmulGrid,
	rowGrid,
	type Grid
} from './dispatch.js';
import { adamUniform } from './kernels/adam.js';
import { KERNELS } from './kernels/index.js';
import { matmulUniform } from './kernels/matmul.js';
import { int8Uniform, padToWords } from './kernels/quantize-int8.js';
import { softmaxUniform } from './kernels/softmax.js';
import { getPipeline, type CachedPipeline } from './pipelines.js';

/** Buffer usage bits (`GPUBufferUsage`), as literals: that global does not exist outside browsers. */
export const BufferUsage = {
	MAP_READ: 0x1,
	COPY_SRC: 0x4,
	COPY_DST: 0x8,
	UNIFORM: 0x40,
	STORAGE: 0x80
} as const;
const MAP_MODE_READ = 0x1;

const STORAGE_USAGE = BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC;
const UNIFORM_USAGE = BufferUsage.UNIFORM | BufferUsage.COPY_DST;
const READBACK_USAGE = BufferUsage.MAP_READ | BufferUsage.COPY_DST;

/** Default of {@link WebGpuBackendOptions.minGpuWork}: below 65 536 units of work an op runs on the CPU. */
export const DEFAULT_MIN_GPU_WORK = 65_536;

/** Options for {@link createWebGpuBackend}: an injected GPU or device, fallback-adapter policy, the CPU threshold, debug scopes and pool size. */
export interface WebGpuBackendOptions extends Partial<DeviceRequest> {
	/**
	 * Use this device instead of requesting one. The backend then does not destroy it on
	 * `dispose()` (its owner does), but still destroys every buffer it created.
	 */
	readonly device?: GPUDevice;
	/**
	 * Ops with less work than this run on the CPU backend (see the module notes for the units).
	 * 0 sends everything non-empty to the GPU, which the conformance tests use.
	 * @default 65536
	 */
	readonly minGpuWork?: number;
	/** Check the validation and out-of-memory error scopes around every op. @default false */
	readonly debug?: boolean;
	/** Bytes of released buffers kept for reuse. @default 64 MiB */
	readonly maxPooledBytes?: number;
	/** The backend small inputs are sent to. @default createCpuBackend() */
	readonly cpu?: Backend;
	/**
	 * After an op fails, how long to wait for `device.lost` to settle before deciding the failure
	 * was not a device loss, ms. @default 100
	 */
	readonly lossGraceMs?: number;
}

/** The WebGPU backend, with a few extras for diagnostics and tests. */
export interface WebGpuBackend extends Backend {
	readonly name: 'webgpu';
	readonly device: GPUDevice;
	/** True when running on a software fallback adapter. */
	readonly fallbackAdapter: boolean;
	/** A one-line description of the adapter. */
	readonly adapterDescription: string;
	/** Why the device was lost, once it was. */
	readonly lostReason: string | undefined;
	readonly minGpuWork: number;
	/** Counts of the buffers this backend created, in use and destroyed. */
	bufferStats(): BufferPoolStats;
}

interface Bound {
	readonly buffer: GPUBuffer;
	readonly size: number;
}

/** Buffers and dispatches of one op, submitted as one command buffer. */
class Job {
	readonly #device: GPUDevice;
	readonly #pool: BufferPool;
	readonly #held: GPUBuffer[] = [];
	readonly #steps: { pipe: CachedPipeline; bound: Bound[]; grid: Grid }[] = [];

	constructor(device: GPUDevice, pool: BufferPool) {
		this.#device = device;
		this.#pool = pool;
	}

	#acquire(size: number, usage: number, label: string): Bound {
		const buffer = this.#pool.acquire(size, usage, label);
		this.#held.push(buffer);
		return { buffer, size };
	}

	uniform(data: ArrayBuffer): Bound {
		const b = this.#acquire(data.byteLength, UNIFORM_USAGE, 'uniform');
		this.#device.queue.writeBuffer(b.buffer, 0, data);
		return b;
	}

	input(data: Float32Array | Uint8Array): Bound {
		const b = this.#acquire(data.byteLength, STORAGE_USAGE, 'input');
		this.#device.queue.writeBuffer(b.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
		return b;
	}

	output(bytes: number): Bound {
		return this.#acquire(bytes, STORAGE_USAGE, 'output');
	}

	dispatch(pipe: CachedPipeline, bound: Bound[], grid: Grid): void {
		if (pipe.bindings.length !== bound.length) {
			throw new AnatomyError(
				'invalid-config',
				`kernel expects ${pipe.bindings.length} bindings, got ${bound.length}`
			);
		}
		this.#steps.push({ pipe, bound, grid });
	}

	/** Encodes every dispatch, copies `reads` to mappable buffers, submits, and reads them back. */
	async run(reads: Bound[]): Promise<ArrayBuffer[]> {
		const device = this.#device;
		const encoder = device.createCommandEncoder({ label: 'llm-anatomy op' });
		const pass = encoder.beginComputePass();
		for (const { pipe, bound, grid } of this.#steps) {
			if (isEmptyGrid(grid)) continue;
			const bindGroup = device.createBindGroup({
				layout: pipe.layout,
				entries: pipe.bindings.map((binding, i) => ({
					binding,
					resource: { buffer: bound[i].buffer, offset: 0, size: bound[i].size }
				}))
			});
			pass.setPipeline(pipe.pipeline);
			pass.setBindGroup(0, bindGroup);
			pass.dispatchWorkgroups(grid[0], grid[1], grid[2]);
		}
		pass.end();
		const staging = reads.map((r) => {
			const s = this.#acquire(r.size, READBACK_USAGE, 'readback');
			encoder.copyBufferToBuffer(r.buffer, 0, s.buffer, 0, r.size);
			return s;
		});
		device.queue.submit([encoder.finish()]);
		await Promise.all(staging.map((s) => s.buffer.mapAsync(MAP_MODE_READ, 0, s.size)));
		return staging.map((s) => {
			const copy = s.buffer.getMappedRange(0, s.size).slice(0);
			s.buffer.unmap();
			return copy;
		});
	}

	release(): void {
		for (const b of this.#held) this.#pool.release(b);
		this.#held.length = 0;
	}
}

const aligned4 = (n: number) => Math.ceil(n / 4) * 4;

class WebGpuBackendImpl implements WebGpuBackend {
	readonly name = 'webgpu' as const;
	readonly device: GPUDevice;
	readonly fallbackAdapter: boolean;
	readonly adapterDescription: string;
	readonly minGpuWork: number;
	readonly #ownsDevice: boolean;
	readonly #cpu: Backend;
	readonly #pool: BufferPool;
	readonly #debug: boolean;
	readonly #lossGraceMs: number;
	readonly #listeners = new Set<(reason: string) => void>();
	readonly #lostSignal: Promise<void>;
	#lost = false;
	#disposed = false;
	#lostReason: string | undefined;
	#serial: Promise<unknown> = Promise.resolve();

	constructor(
		device: GPUDevice,
		owns: boolean,
		fallback: boolean,
		description: string,
		options: WebGpuBackendOptions
	) {
		this.device = device;
		this.#ownsDevice = owns;
		this.fallbackAdapter = fallback;
		this.adapterDescription = description;
		this.minGpuWork = options.minGpuWork ?? DEFAULT_MIN_GPU_WORK;
		if (!(this.minGpuWork >= 0)) {
			throw new AnatomyError('invalid-argument', `minGpuWork must be ≥ 0, got ${this.minGpuWork}`);
		}
		this.#cpu = options.cpu ?? createCpuBackend();
		this.#pool = new BufferPool(device, options.maxPooledBytes);
		this.#debug = options.debug ?? false;
		this.#lossGraceMs = options.lossGraceMs ?? 100;
		this.#lostSignal = Promise.resolve(device.lost).then(
			(info) => this.#markLost(`${info?.reason ?? 'unknown'}: ${info?.message || 'device lost'}`),
			(e) => this.#markLost(`device.lost rejected: ${String(e)}`)
		);
	}

	get lost(): boolean {
		return this.#lost || this.#disposed;
	}

	get lostReason(): string | undefined {
		return this.#lostReason;
	}

	onLost(callback: (reason: string) => void): () => void {
		if (this.#lost && this.#lostReason !== undefined) {
			callback(this.#lostReason);
			return () => {};
		}
		this.#listeners.add(callback);
		return () => this.#listeners.delete(callback);
	}

	bufferStats(): BufferPoolStats {
		return this.#pool.stats();
	}

	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		this.#listeners.clear();
		this.#pool.destroyAll();
		if (this.#ownsDevice) this.device.destroy();
	}

	#markLost(reason: string): void {
		if (this.#lost || this.#disposed) return;
		this.#lost = true;
		this.#lostReason = reason;
		this.#pool.destroyAll();
		const listeners = [...this.#listeners];
		this.#listeners.clear();
		for (const cb of listeners) cb(reason);
	}

	/** True when the op should run on the CPU: too little work, or too big for this device. */
	#toCpu(work: number, bytes: number[], grids: () => Grid[]): boolean {
		if (work === 0 || work < this.minGpuWork) return true;
		const limits = this.device.limits;
		const maxBinding = Math.min(
			limits?.maxStorageBufferBindingSize ?? 134_217_728,
			limits?.maxBufferSize ?? 268_435_456
		);
		if (bytes.some((b) => aligned4(b) > maxBinding)) return true;
		try {
			grids();
		} catch (e) {
			if (e instanceof AnatomyError && e.code === 'out-of-range') return true;
			throw e;
		}
		return false;
	}

	get #maxPerDim(): number {
		return this.device.limits?.maxComputeWorkgroupsPerDimension ?? DEFAULT_MAX_WORKGROUPS_PER_DIMENSION;
	}

	/** Runs one op: checks the backend is usable, wraps debug scopes, maps failures to AnatomyErrors. */
	#exec<T>(op: string, body: (job: Job) => Promise<T>): Promise<T> {
		const run = async (): Promise<T> => {
			if (this.#disposed) throw new AnatomyError('backend-unavailable', `WebGPU ${op}: backend was disposed`);
			if (this.#lost) {
				throw new AnatomyError('device-lost', `WebGPU ${op}: device lost (${this.#lostReason})`);
			}
			const device = this.device;
			const job = new Job(device, this.#pool);
			if (this.#debug) {
				device.pushErrorScope('out-of-memory');
				device.pushErrorScope('validation');
			}
			let result: T | undefined;
			let failure: unknown;
			let failed = false;
			try {
				result = await body(job);
			} catch (e) {
				failure = e;
				failed = true;
			} finally {
				job.release();
			}
			if (this.#debug) {
				const validation = await device.popErrorScope().catch(() => null);
				const oom = await device.popErrorScope().catch(() => null);
				const err = validation ?? oom;
				if (err && !failed) {
					failed = true;
					failure = new AnatomyError(
						'invalid-config',
						`WebGPU ${validation ? 'validation' : 'out-of-memory'} error in ${op}: ${err.message}`
					);
				}
			}
			if (failed) throw await this.#classify(op, failure);
			return result as T;
		};
		if (!this.#debug) return run();
		const next = this.#serial.then(run, run);
		this.#serial = next.catch(() => undefined);
		return next;
	}

	async #classify(op: string, failure: unknown): Promise<unknown> {
		if (failure instanceof AnatomyError && failure.code === 'device-lost') return failure;
		if (!this.#lost && !this.#disposed) {
			// mapAsync rejects (AbortError) before device.lost settles; give it a moment.
			let timer: ReturnType<typeof setTimeout> | undefined;
			await Promise.race([
				this.#lostSignal,
				new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#lossGraceMs)))
			]);
			clearTimeout(timer);
		}
		if (this.#lost) {
			return new AnatomyError('device-lost', `WebGPU device lost during ${op} (${this.#lostReason})`, {
				cause: failure
			});
		}
		if (failure instanceof AnatomyError) return failure;
		return new AnatomyError('backend-unavailable', `WebGPU ${op} failed: ${String(failure)}`, {
			cause: failure
		});
	}

	/** Work: m·k·n multiply-adds. */
	async matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<KernelResult> {
		validateMatmul(a, b, m, k, n);
		const maxDim = this.#maxPerDim;
		if (this.#toCpu(m * k * n, [a.byteLength, b.byteLength, m * n * 4], () => [matmulGrid(m, n, maxDim)])) {
			return this.#cpu.matmul(a, b, m, k, n);
		}
		return this.#exec('matmul', async (job) => {
			const pipe = await getPipeline(this.device, KERNELS.matmul, { TRANSPOSE_B: 0 });
			const c = job.output(m * n * 4);
			job.dispatch(
				pipe,
				[job.uniform(matmulUniform(m, k, n)), job.input(a), job.input(b), c],
				matmulGrid(m, n, maxDim)
			);
			const [out] = await job.run([c]);
			return { data: new Float32Array(out), backend: this.name };
		});
	}

	/** Work: rows·cols elements. */
	async softmaxRows(x: Float32Array, rows: number, cols: number): Promise<KernelResult> {
		validateSoftmax(x, rows, cols);
		const maxDim = this.#maxPerDim;
		if (this.#toCpu(rows * cols, [x.byteLength], () => [rowGrid(rows, maxDim)])) {
			return this.#cpu.softmaxRows(x, rows, cols);
		}
		return this.#exec('softmaxRows', async (job) => {
			const pipe = await getPipeline(this.device, KERNELS.softmax);
			const y = job.output(x.byteLength);
			job.dispatch(
				pipe,
				[job.uniform(softmaxUniform(rows, cols, false)), job.input(x), y],
				rowGrid(rows, maxDim)
			);
			const [out] = await job.run([y]);
			return { data: new Float32Array(out), backend: this.name };
		});
	}

	/**
	 * Three dispatches in one submission: scores = (1/√dHead)·Q·Kᵀ (the matmul kernel reading K
	 * transposed), softmax by rows with the causal mask applied by index, then weights·V.
	 * Work: seq²·dHead multiply-adds.
	 */
	async attention(
		q: Float32Array,
		k: Float32Array,
		v: Float32Array,
		seq: number,
		dHead: number,
		causal: boolean
	): Promise<AttentionKernelResult> {
		validateAttention(q, k, v, seq, dHead);
		const maxDim = this.#maxPerDim;
		const grids = () => [matmulGrid(seq, seq, maxDim), rowGrid(seq, maxDim), matmulGrid(seq, dHead, maxDim)];
		if (this.#toCpu(seq * seq * dHead, [q.byteLength, seq * seq * 4], grids)) {
			return this.#cpu.attention(q, k, v, seq, dHead, causal);
		}
		return this.#exec('attention', async (job) => {
			const [scoresPipe, softmaxPipe, matmulPipe] = await Promise.all([
				getPipeline(this.device, KERNELS.matmul, { TRANSPOSE_B: 1 }),
				getPipeline(this.device, KERNELS.softmax),
				getPipeline(this.device, KERNELS.matmul, { TRANSPOSE_B: 0 })
			]);
			const [g1, g2, g3] = grids();
			const scores = job.output(seq * seq * 4);
			const weights = job.output(seq * seq * 4);
			const output = job.output(seq * dHead * 4);
			const vBuf = job.input(v);
			job.dispatch(
				scoresPipe,
				[
					job.uniform(matmulUniform(seq, dHead, seq, 1 / Math.sqrt(dHead))),
					job.input(q),
					job.input(k),
					scores
				],
				g1
			);
			job.dispatch(softmaxPipe, [job.uniform(softmaxUniform(seq, seq, causal)), scores, weights], g2);
			job.dispatch(matmulPipe, [job.uniform(matmulUniform(seq, seq, dHead)), weights, vBuf, output], g3);
			const [s, w, o] = await job.run([scores, weights, output]);
			const scoreData = new Float32Array(s);
			if (causal) {
				for (let i = 0; i < seq; i++) scoreData.fill(-Infinity, i * seq + i + 1, (i + 1) * seq);
			}
			return {
				scores: scoreData,
				weights: new Float32Array(w),
				output: new Float32Array(o),
				backend: this.name
			};
		});
	}

	/** Work: n element updates. */
	async adamStep(
		params: Float32Array,
		grads: Float32Array,
		m: Float32Array,
		v: Float32Array,
		options: AdamOptions
	): Promise<AdamResult> {
		validateAdam(params, grads, m, v);
		resolveAdamOptions(options);
		const n = params.length;
		const maxDim = this.#maxPerDim;
		if (this.#toCpu(n, [params.byteLength], () => [elementwiseGrid(n, maxDim)])) {
			return this.#cpu.adamStep(params, grads, m, v, options);
		}
		return this.#exec('adamStep', async (job) => {
			const pipe = await getPipeline(this.device, KERNELS.adam);
			const p = job.input(params);
			const mb = job.input(m);
			const vb = job.input(v);
			job.dispatch(
				pipe,
				[job.uniform(adamUniform(n, options)), job.input(grads), p, mb, vb],
				elementwiseGrid(n, maxDim)
			);
			const [po, mo, vo] = await job.run([p, mb, vb]);
			return {
				params: new Float32Array(po, 0, n),
				m: new Float32Array(mo, 0, n),
				v: new Float32Array(vo, 0, n),
				backend: this.name
			};
		});
	}

	/** Work: rows·cols elements. */
	async quantizeInt8Rows(x: Float32Array, rows: number, cols: number): Promise<Int8Rows> {
		validateQuantize(x, rows, cols);
		const n = rows * cols;
		const words = ceilDiv(n, 4);
		const maxDim = this.#maxPerDim;
		const grids = () => [rowGrid(rows, maxDim), elementwiseGrid(words, maxDim)];
		if (this.#toCpu(n, [x.byteLength], grids)) return this.#cpu.quantizeInt8Rows(x, rows, cols);
		return this.#exec('quantizeInt8Rows', async (job) => {
			const [scalePipe, packPipe] = await Promise.all([
				getPipeline(this.device, KERNELS.rowScale),
				getPipeline(this.device, KERNELS.quantizePack)
			]);
			const [g1, g2] = grids();
			const xb = job.input(x);
			const scales = job.output(rows * 4);
			const codes = job.output(words * 4);
			job.dispatch(scalePipe, [job.uniform(int8Uniform(rows, cols)), xb, scales], g1);
			job.dispatch(packPipe, [job.uniform(int8Uniform(n, cols)), xb, scales, codes], g2);
			const [s, c] = await job.run([scales, codes]);
			return {
				codes: new Int8Array(c, 0, n),
				scales: new Float32Array(s, 0, rows),
				backend: this.name
			};
		});
	}

	/** Work: rows·cols elements. */
	async dequantizeInt8Rows(
		codes: Int8Array,
		scales: Float32Array,
		rows: number,
		cols: number
	): Promise<KernelResult> {
		validateDequantize(codes, scales, rows, cols);
		const n = rows * cols;
		const maxDim = this.#maxPerDim;
		if (this.#toCpu(n, [n * 4], () => [elementwiseGrid(n, maxDim)])) {
			return this.#cpu.dequantizeInt8Rows(codes, scales, rows, cols);
		}
		return this.#exec('dequantizeInt8Rows', async (job) => {
			const pipe = await getPipeline(this.device, KERNELS.dequantize);
			const y = job.output(n * 4);
			job.dispatch(
				pipe,
				[job.uniform(int8Uniform(n, cols)), job.input(padToWords(codes)), job.input(scales), y],
				elementwiseGrid(n, maxDim)
			);
			const [out] = await job.run([y]);
			return { data: new Float32Array(out, 0, n), backend: this.name };
		});
	}
}

/**
 * Creates a WebGPU backend: requests an adapter and a device from `options.gpu` (refusing a
 * software fallback adapter unless `allowFallbackAdapter`), or wraps `options.device`.
 * Rejects with `AnatomyError('backend-unavailable')` saying why when no device can be had.
 */
export async function createWebGpuBackend(options: WebGpuBackendOptions = {}): Promise<WebGpuBackend> {
	if (options.device) {
		return new WebGpuBackendImpl(options.device, false, false, 'device supplied by the caller', options);
	}
	const { device, fallback, description } = await acquireDevice({
		gpu: options.gpu,
		allowFallbackAdapter: options.allowFallbackAdapter,
		powerPreference: options.powerPreference
	});
	return new WebGpuBackendImpl(device, true, fallback, description, options);
}
