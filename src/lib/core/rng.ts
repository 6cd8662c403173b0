/**
 * Seeded pseudo-random numbers. All randomness in the core goes through an {@link Rng} so that
 * every demo is reproducible from its seed; nothing here calls `Math.random()`.
 *
 * The generator is mulberry32 (32-bit state, period 2^32), which is fast, has good statistical
 * quality for visualisation work, and gives identical streams in every JavaScript engine.
 */
export interface Rng {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform integer in [0, n). */
	int(n: number): number;
	/** Standard normal N(0, 1) by the Box–Muller transform. */
	normal(): number;
	/** The seed this generator was created with. */
	readonly seed: number;
}

/** Creates a mulberry32 generator. Any finite number is accepted as a seed (it is hashed to 32 bits). */
export function createRng(seed = 42): Rng {
	const s0 = Number.isFinite(seed) ? Math.floor(seed) : 42;
	let state = (s0 ^ 0x9e3779b9) >>> 0;
	let spare: number | null = null;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		seed: s0,
		next,
		int: (n: number) => Math.floor(next() * n),
		normal() {
			if (spare !== null) {
				const v = spare;
				spare = null;
				return v;
			}
			let u = 0;
			while (u === 0) u = next();
			const v = next();
			const r = Math.sqrt(-2 * Math.log(u));
			spare = r * Math.sin(2 * Math.PI * v);
			return r * Math.cos(2 * Math.PI * v);
		}
	};
}
