/**
 * Rotary position embedding (RoPE, Su et al. 2021): each pair of coordinates of a query or key
 * vector is rotated by an angle proportional to the token's position m,
 *
 *   θᵢ = base^(−2i/d),  i = 0 … d/2 − 1,   angle = m·θᵢ,
 *   (x′ₐ, x′ᵦ) = (xₐ·cos mθᵢ − xᵦ·sin mθᵢ,  xₐ·sin mθᵢ + xᵦ·cos mθᵢ),
 *
 * so the dot product of a rotated query at m and a rotated key at n depends only on m − n.
 * Pairing: `'interleaved'` rotates (2i, 2i+1) as in the RoFormer paper and Meta's Llama code;
 * `'half'` rotates (i, i + d/2), the `rotate_half` convention of Hugging Face transformers.
 *
 * Context extension by scaling the frequencies:
 * - `linear` (position interpolation, Chen et al. 2023): θᵢ / s;
 * - `ntk` (NTK-aware): base′ = base · s^(d/(d−2)), which leaves θ₀ = 1 and divides the lowest
 *   frequency by exactly s;
 * - `llama3` (Llama 3.1's `rope_scaling`): with wavelength λᵢ = 2π/θᵢ, L = original context,
 *   λ < L/high_freq_factor keeps θᵢ, λ > L/low_freq_factor uses θᵢ/factor, and in between
 *   θᵢ·((1 − σ)/factor + σ) with σ = (L/λ − low_freq_factor)/(high_freq_factor − low_freq_factor).
 */
import { AnatomyError, check, checkFinite, checkInt } from '../errors.js';

/** A frequency-scaling rule for context extension. */
export type RopeScaling =
	| { readonly type: 'none' }
	| { readonly type: 'linear'; readonly factor: number }
	| { readonly type: 'ntk'; readonly factor: number }
	| {
			readonly type: 'llama3';
			/** @default 8 */
			readonly factor?: number;
			/** @default 1 */
			readonly lowFreqFactor?: number;
			/** @default 4 */
			readonly highFreqFactor?: number;
			/** @default 8192 */
			readonly originalMaxPositionEmbeddings?: number;
	  };

/** Llama 3.1's published `rope_scaling` (config.json of Llama-3.1-8B) with `rope_theta` 500 000. */
export const LLAMA31_ROPE = {
	base: 500_000,
	scaling: {
		type: 'llama3',
		factor: 8,
		lowFreqFactor: 1,
		highFreqFactor: 4,
		originalMaxPositionEmbeddings: 8192
	}
} as const satisfies { base: number; scaling: RopeScaling };

/** Options shared by the RoPE functions. */
export interface RopeOptions {
	/** Base of the frequencies (`rope_theta`), > 1. @default 10000 */
	readonly base?: number;
	/** Frequency scaling. @default { type: 'none' } */
	readonly scaling?: RopeScaling;
	/** Which coordinates form a rotated pair. @default 'interleaved' */
	readonly pairing?: 'interleaved' | 'half';
}

function checkDHead(dHead: number): void {
	checkInt(dHead, 'RoPE: dHead', 2, 1 << 16);
	if (dHead % 2 !== 0) throw new AnatomyError('invalid-argument', `RoPE: dHead must be even, got ${dHead}`);
}

function checkFactor(f: number, what: string): void {
	if (!(Number.isFinite(f) && f >= 1)) {
		throw new AnatomyError('out-of-range', `RoPE: ${what} must be a finite number ≥ 1, got ${f}`);
	}
}

/**
 * The d/2 rotation frequencies θᵢ (radians per position) after scaling.
 *
 * @throws AnatomyError for an odd or non-positive `dHead`, a base ≤ 1 or non-finite, or a scaling
 *   factor < 1; `invalid-config` for llama3 factors with high ≤ low.
 */
export function ropeFrequencies(
	dHead: number,
	base = 10000,
	options: { readonly scaling?: RopeScaling } = {}
): Float64Array {
	checkDHead(dHead);
	if (!(Number.isFinite(base) && base > 1)) {
		throw new AnatomyError('out-of-range', `RoPE: base must be a finite number > 1, got ${base}`);
	}
	const scaling = options.scaling ?? { type: 'none' };
	const half = dHead / 2;
	let b = base;
	if (scaling.type === 'ntk') {
		checkFactor(scaling.factor, 'ntk factor');
		b = base * Math.pow(scaling.factor, dHead / (dHead - 2));
		if (dHead === 2) b = base; // d/(d−2) is undefined for d = 2; a single pair has θ₀ = 1 anyway
	}
	const theta = new Float64Array(half);
	for (let i = 0; i < half; i++) theta[i] = Math.pow(b, (-2 * i) / dHead);
	if (scaling.type === 'linear') {
		checkFactor(scaling.factor, 'linear factor');
		for (let i = 0; i < half; i++) theta[i] /= scaling.factor;
	} else if (scaling.type === 'llama3') {
		const factor = scaling.factor ?? 8;
		const low = scaling.lowFreqFactor ?? 1;
		const high = scaling.highFreqFactor ?? 4;
		const L = scaling.originalMaxPositionEmbeddings ?? 8192;
		checkFactor(factor, 'llama3 factor');
		if (!(low > 0 && high > low && Number.isFinite(high))) {
			throw new AnatomyError(
				'invalid-config',
				`RoPE: llama3 needs 0 < lowFreqFactor < highFreqFactor, got ${low} and ${high}`
			);
		}
		checkInt(L, 'RoPE: originalMaxPositionEmbeddings', 1);
		const lowWavelen = L / low;
		const highWavelen = L / high;
		for (let i = 0; i < half; i++) {
			const wavelen = (2 * Math.PI) / theta[i];
			if (wavelen < highWavelen) continue;
			if (wavelen > lowWavelen) {
				theta[i] /= factor;
			} else {
				const smooth = (L / wavelen - low) / (high - low);
				theta[i] = (1 - smooth) * (theta[i] / factor) + smooth * theta[i];
			}
		}
	} else if (scaling.type !== 'none' && scaling.type !== 'ntk') {
		throw new AnatomyError(
			'invalid-config',
			`RoPE: unknown scaling type "${(scaling as { type: string }).type}"`
		);
	}
	return theta;
}

/** Wavelengths 2π/θᵢ in positions (tokens): how far apart two positions are before pair i comes round again. */
export function ropeWavelengths(
	dHead: number,
	base = 10000,
	options: { scaling?: RopeScaling } = {}
): Float64Array {
	return ropeFrequencies(dHead, base, options).map((t) => (2 * Math.PI) / t);
}

/** The rotation angles m·θᵢ (radians) at `position` m, one per pair. */
export function ropeAngles(position: number, dHead: number, options: RopeOptions = {}): Float64Array {
	if (!Number.isFinite(position)) throw new AnatomyError('non-finite', `RoPE: position is ${position}`);
	return ropeFrequencies(dHead, options.base ?? 10000, options).map((t) => position * t);
}

/**
 * Rotates `vec` (length d, even) to `position` m: pair i turns by m·θᵢ. Norm-preserving; position 0
 * is the identity.
 *
 * @throws AnatomyError `non-finite` for NaN/∞ in `vec` or `position`, plus those of {@link ropeFrequencies}.
 */
export function rope(vec: ArrayLike<number>, position: number, options: RopeOptions = {}): Float64Array {
	const d = vec.length;
	check(
		options.pairing === undefined || options.pairing === 'half' || options.pairing === 'interleaved',
		`RoPE: pairing must be 'interleaved' or 'half'`
	);
	checkDHead(d);
	checkFinite(vec, 'RoPE: vector');
	const angles = ropeAngles(position, d, options);
	const half = d / 2;
	const halfSplit = (options.pairing ?? 'interleaved') === 'half';
	const out = new Float64Array(d);
	for (let i = 0; i < half; i++) {
		const a = halfSplit ? i : 2 * i;
		const b = halfSplit ? i + half : 2 * i + 1;
		const c = Math.cos(angles[i]);
		const s = Math.sin(angles[i]);
		out[a] = vec[a] * c - vec[b] * s;
		out[b] = vec[a] * s + vec[b] * c;
	}
	return out;
}

/**
 * The attention logit of a query at position m and a key at position n after RoPE:
 * rope(q, m)·rope(k, n), which equals Σᵢ over pairs of |qᵢ||kᵢ|·cos((m − n)θᵢ + φ) and so depends only on m − n.
 */
export function ropeDot(
	q: ArrayLike<number>,
	k: ArrayLike<number>,
	m: number,
	n: number,
	options: RopeOptions = {}
): number {
	if (q.length !== k.length) {
		throw new AnatomyError('shape-mismatch', `ropeDot: q has ${q.length} values, k has ${k.length}`);
	}
	const a = rope(q, m, options);
	const b = rope(k, n, options);
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}
