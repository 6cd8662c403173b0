/**
 * Softmax and its relatives: turning scores (logits) into a probability distribution.
 *
 *   softmax(z / T)ᵢ = exp((zᵢ − max z) / T) / Σⱼ exp((zⱼ − max z) / T)
 *
 * Subtracting the maximum first changes nothing mathematically (it cancels in the ratio) but keeps
 * every exponent ≤ 0, so logits of ±1e4 neither overflow nor underflow to 0/0.
 *
 * Special values, shared with the GPU kernel:
 * - a `-Infinity` logit is a mask: its probability is exactly 0;
 * - `+Infinity` logits take all the mass, split evenly among them (the limit of the softmax);
 * - `softmax` (one vector) rejects NaN logits and an all-masked vector with an `AnatomyError`;
 * - `softmaxRows` (the batched kernel) never throws on values: a row holding NaN becomes all NaN
 *   (the NaN is not hidden), and a row of only `-Infinity` becomes all zeros.
 */
import { AnatomyError } from '../errors.js';

/** Temperatures at or below this are treated as T → 0: all mass on the argmax (ties split evenly). */
export const MIN_TEMPERATURE = 1e-6;

function checkTemperature(t: number, what: string): void {
	if (Number.isNaN(t) || t < 0 || t === Infinity) {
		throw new AnatomyError('invalid-argument', `${what}: temperature must be a finite number ≥ 0, got ${t}`);
	}
}

/**
 * Probabilities from logits at temperature `T` (dimensionless), in float64.
 *
 * `pᵢ = exp((zᵢ − max z)/T) / Σⱼ exp((zⱼ − max z)/T)`. For `T ≤ 1e-6` (including 0) the limit is
 * returned: probability 1 on the largest logit, or split evenly across tied maxima.
 *
 * @throws AnatomyError `invalid-argument` for an empty input, a negative/NaN/infinite temperature or
 *   a vector whose logits are all `-Infinity`; `non-finite` for a NaN logit.
 */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
	checkTemperature(temperature, 'softmax');
	const n = logits.length;
	if (n === 0) throw new AnatomyError('invalid-argument', 'softmax: logits are empty');
	let max = -Infinity;
	let posInf = 0;
	for (let i = 0; i < n; i++) {
		const z = logits[i];
		if (Number.isNaN(z)) {
			throw new AnatomyError('non-finite', `softmax: logit ${i} is NaN`);
		}
		if (z === Infinity) posInf++;
		else if (z > max) max = z;
	}
	const p = new Float64Array(n);
	if (posInf > 0) {
		for (let i = 0; i < n; i++) if (logits[i] === Infinity) p[i] = 1 / posInf;
		return p;
	}
	if (max === -Infinity) {
		throw new AnatomyError('invalid-argument', 'softmax: every logit is -Infinity (all masked)');
	}
	if (temperature <= MIN_TEMPERATURE) {
		let ties = 0;
		for (let i = 0; i < n; i++) if (logits[i] === max) ties++;
		for (let i = 0; i < n; i++) if (logits[i] === max) p[i] = 1 / ties;
		return p;
	}
	let sum = 0;
	for (let i = 0; i < n; i++) {
		const e = Math.exp((logits[i] - max) / temperature);
		p[i] = e;
		sum += e;
	}
	for (let i = 0; i < n; i++) p[i] /= sum;
	return p;
}

/**
 * Log-probabilities `log pᵢ = (zᵢ − max z)/T − log Σⱼ exp((zⱼ − max z)/T)` (natural log, nats),
 * computed without forming `pᵢ`, so tiny probabilities keep their precision (−1e4, not −Infinity).
 * Masked (`-Infinity`) logits give `-Infinity`. Same checks as {@link softmax}; `T` must be
 * above {@link MIN_TEMPERATURE} (the T → 0 limit has log-probabilities of 0 and −∞ only).
 */
export function logSoftmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
	checkTemperature(temperature, 'logSoftmax');
	if (temperature <= MIN_TEMPERATURE) {
		return softmax(logits, temperature).map(Math.log);
	}
	const n = logits.length;
	if (n === 0) throw new AnatomyError('invalid-argument', 'logSoftmax: logits are empty');
	let max = -Infinity;
	for (let i = 0; i < n; i++) {
		const z = logits[i];
		if (Number.isNaN(z)) throw new AnatomyError('non-finite', `logSoftmax: logit ${i} is NaN`);
		if (z > max) max = z;
	}
	if (max === Infinity) return softmax(logits, temperature).map(Math.log);
	if (max === -Infinity) {
		throw new AnatomyError('invalid-argument', 'logSoftmax: every logit is -Infinity (all masked)');
	}
	let sum = 0;
	for (let i = 0; i < n; i++) sum += Math.exp((logits[i] - max) / temperature);
	const lse = Math.log(sum);
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = (logits[i] - max) / temperature - lse;
	return out;
}

/**
 * Shannon entropy `H(p) = −Σᵢ pᵢ log pᵢ` of a distribution, in nats (natural log); terms with
 * `pᵢ = 0` contribute 0. Divide by `ln 2` (or use {@link entropyBits}) for bits.
 *
 * @throws AnatomyError `non-finite` for NaN/∞, `invalid-argument` for a negative probability, an
 *   empty input or a sum further than 1e-6 from 1.
 */
export function entropy(probs: ArrayLike<number>): number {
	const n = probs.length;
	if (n === 0) throw new AnatomyError('invalid-argument', 'entropy: probabilities are empty');
	let sum = 0;
	let h = 0;
	for (let i = 0; i < n; i++) {
		const p = probs[i];
		if (!Number.isFinite(p)) throw new AnatomyError('non-finite', `entropy: probability ${i} is ${p}`);
		if (p < 0) throw new AnatomyError('invalid-argument', `entropy: probability ${i} is negative (${p})`);
		sum += p;
		if (p > 0) h -= p * Math.log(p);
	}
	if (Math.abs(sum - 1) > 1e-6) {
		throw new AnatomyError('invalid-argument', `entropy: probabilities sum to ${sum}, not 1`);
	}
	return h === 0 ? 0 : h;
}

/** Entropy in bits: `H(p) / ln 2`. A uniform distribution over n outcomes has log₂ n bits. */
export function entropyBits(probs: ArrayLike<number>): number {
	return entropy(probs) / Math.LN2;
}

/**
 * Row-wise softmax of a row-major `rows × cols` float32 matrix: the CPU twin of the GPU kernel.
 * Each row is computed in float64 and rounded to float32 once.
 *
 * Never throws on values: `-Infinity` entries get 0, a row of only `-Infinity` becomes all zeros
 * (so an all-masked row contributes nothing downstream), a row with NaN becomes all NaN, and a row
 * with `+Infinity` entries splits its mass evenly among them.
 *
 * @param out optional destination of length `rows·cols` (may be `data` itself: rows are done in place).
 * @throws AnatomyError `shape-mismatch` when a size is not a non-negative integer or a buffer length
 *   disagrees with `rows × cols`.
 */
export function softmaxRows(
	data: Float32Array,
	rows: number,
	cols: number,
	out?: Float32Array
): Float32Array {
	if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
		throw new AnatomyError(
			'shape-mismatch',
			`softmaxRows: rows and cols must be non-negative integers, got ${rows} × ${cols}`
		);
	}
	const len = rows * cols;
	if (data.length !== len) {
		throw new AnatomyError(
			'shape-mismatch',
			`softmaxRows: data has ${data.length} values, expected ${rows} × ${cols} = ${len}`
		);
	}
	if (out && out.length !== len) {
		throw new AnatomyError(
			'shape-mismatch',
			`softmaxRows: out has ${out.length} values, expected ${rows} × ${cols} = ${len}`
		);
	}
	const y = out ?? new Float32Array(len);
	const e = new Float64Array(cols);
	for (let r = 0; r < rows; r++) softmaxRowInto(data, r * cols, cols, y, e);
	return y;
}

/**
 * One row of {@link softmaxRows}: `width` values of `x` from `base`, written to `y` at `base`.
 * `e` is float64 scratch of at least `width`. Exposed for the attention kernel, which softmaxes only
 * the causal prefix of each row.
 */
export function softmaxRowInto(
	x: Float32Array,
	base: number,
	width: number,
	y: Float32Array,
	e: Float64Array
): void {
	let max = -Infinity;
	let nan = false;
	let posInf = 0;
	for (let j = 0; j < width; j++) {
		const v = x[base + j];
		if (v !== v) nan = true;
		else if (v === Infinity) posInf++;
		else if (v > max) max = v;
	}
	if (nan) {
		y.fill(NaN, base, base + width);
		return;
	}
	if (posInf > 0) {
		const share = 1 / posInf;
		for (let j = 0; j < width; j++) y[base + j] = x[base + j] === Infinity ? share : 0;
		return;
	}
	if (max === -Infinity) {
		y.fill(0, base, base + width);
		return;
	}
	let sum = 0;
	for (let j = 0; j < width; j++) {
		const v = Math.exp(x[base + j] - max);
		e[j] = v;
		sum += v;
	}
	const inv = 1 / sum;
	for (let j = 0; j < width; j++) y[base + j] = e[j] * inv;
}
