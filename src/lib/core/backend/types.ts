/**
 * The contract every compute backend fulfils. Kernels take flat row-major `Float32Array`s and
 * return fresh arrays; inputs are never modified, so an op interrupted by a lost GPU device can be
 * run again on another backend with the same arguments (see `runOnBackend`).
 *
 * Every result carries the name of the backend that actually computed it (`backend`), so a UI can
 * show it: a WebGPU backend sends small inputs to its CPU twin, and says so.
 */

/** Names of the built-in backends. */
export type BackendName = 'cpu' | 'webgpu';

/** A flat result of one kernel, with the backend that produced it. */
export interface KernelResult {
	/** Row-major float32 output. */
	readonly data: Float32Array;
	/** The backend that computed `data` (`'cpu'` when a GPU backend routed a small input to the CPU). */
	readonly backend: BackendName;
}

/** Result of {@link Backend.attention} for one head. */
export interface AttentionKernelResult {
	/**
	 * Scaled scores `S = Q·Kᵀ / √dHead`, `seq × seq`; masked (future) positions hold `-Infinity`
	 * when `causal` is set.
	 */
	readonly scores: Float32Array;
	/** `softmax(S)` row by row, `seq × seq`; every row sums to 1, masked entries are 0. */
	readonly weights: Float32Array;
	/** `weights · V`, `seq × dHead`. */
	readonly output: Float32Array;
	readonly backend: BackendName;
}

/** Hyper-parameters of one AdamW step (decoupled weight decay, Loshchilov & Hutter 2019). */
export interface AdamOptions {
	/** Learning rate η (> 0). */
	readonly lr: number;
	/** First-moment decay β₁ in [0, 1). @default 0.9 */
	readonly beta1?: number;
	/** Second-moment decay β₂ in [0, 1). @default 0.999 */
	readonly beta2?: number;
	/** ε added to √v̂ (> 0). @default 1e-8 */
	readonly eps?: number;
	/** Decoupled weight decay λ (≥ 0); 0 gives plain Adam. @default 0 */
	readonly weightDecay?: number;
	/** Step number t, starting at 1 (used for bias correction). */
	readonly t: number;
}

/**
 * State after one AdamW step: new parameters and moments, as new arrays.
 *
 * m' = β₁·m + (1−β₁)·g, v' = β₂·v + (1−β₂)·g², m̂ = m'/(1−β₁ᵗ), v̂ = v'/(1−β₂ᵗ),
 * p' = p − η·(m̂/(√v̂ + ε) + λ·p).
 */
export interface AdamResult {
	readonly params: Float32Array;
	readonly m: Float32Array;
	readonly v: Float32Array;
	readonly backend: BackendName;
}

/** Per-row symmetric int8 codes: x ≈ code · scale[row]. */
export interface Int8Rows {
	/** Codes in [−127, 127], row-major `rows × cols`. */
	readonly codes: Int8Array;
	/** One scale per row: max|x| / 127 (0 for an all-zero row). */
	readonly scales: Float32Array;
	readonly backend: BackendName;
}

/**
 * A compute backend. All methods are async (a GPU backend reads results back from the device)
 * and validate their arguments, throwing `AnatomyError` (`shape-mismatch`, `out-of-range`, …)
 * before any work starts. A backend whose device was lost throws `AnatomyError('device-lost')`.
 */
export interface Backend {
	readonly name: BackendName;
	/** True once the backend can no longer compute (GPU device lost or backend disposed). */
	readonly lost: boolean;
	/**
	 * Registers a callback called once when the backend becomes unusable (device lost).
	 * Returns a function that removes the callback.
	 */
	onLost(callback: (reason: string) => void): () => void;

	/** C = A·B for row-major A (m×k) and B (k×n); C is m×n. Work: m·k·n multiply-adds. */
	matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<KernelResult>;

	/**
	 * Numerically stable softmax of each row: yᵢ = exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x).
	 * A row of only `-Infinity` gives all zeros.
	 */
	softmaxRows(x: Float32Array, rows: number, cols: number): Promise<KernelResult>;

	/**
	 * One attention head: S = Q·Kᵀ/√dHead, future positions (j > i) masked to −∞ when `causal`,
	 * W = softmax(S) by rows, O = W·V. Q, K and V are `seq × dHead`.
	 */
	attention(
		q: Float32Array,
		k: Float32Array,
		v: Float32Array,
		seq: number,
		dHead: number,
		causal: boolean
	): Promise<AttentionKernelResult>;

	/**
	 * One AdamW step on flat arrays of equal length. Inputs are left untouched; the new params and
	 * moments are returned as new arrays (so a failed step can be retried).
	 */
	adamStep(
		params: Float32Array,
		grads: Float32Array,
		m: Float32Array,
		v: Float32Array,
		options: AdamOptions
	): Promise<AdamResult>;

	/**
	 * Per-row symmetric int8 quantization: scale = max|x|/127, code = clamp(roundEven(x/scale), −127, 127);
	 * an all-zero row gets scale 0 and codes 0. Ties round to even (as WGSL `round` does).
	 */
	quantizeInt8Rows(x: Float32Array, rows: number, cols: number): Promise<Int8Rows>;

	/** x = code · scale[row], row-major `rows × cols`. */
	dequantizeInt8Rows(
		codes: Int8Array,
		scales: Float32Array,
		rows: number,
		cols: number
	): Promise<KernelResult>;

	/** Releases every resource (GPU buffers, the device). The backend is unusable afterwards. */
	dispose(): void;
}

/**
 * The slice of `navigator` the backends read. Injected (never read from a global at module level)
 * so that the core runs in Node, in workers and under test with a mocked GPU.
 */
export interface NavigatorLike {
	readonly gpu?: GPU | undefined;
}
