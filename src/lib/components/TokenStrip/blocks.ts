/**
 * Where the blocks of a long token strip lie, for rendering only those near the viewport.
 *
 * A long text's tokens are cut into fixed blocks (`BLOCK_TOKENS` each, the last one shorter). A block
 * that has been rendered has a measured height in CSS pixels; one that has not is estimated as
 * (its tokens) × (measured pixels per token over all measured blocks), or × `guessPerToken` before
 * anything is measured. Block b starts at top(b) = Σ_{j<b} height(j) and the strip is top(count) tall.
 * Pure: no DOM, so the arithmetic is tested in Node.
 */

/** A text of at most this many tokens is shown as one flowing list, every chip rendered. */
export const FLOW_LIMIT = 1500;

/**
 * Tokens per block of a longer text. A block is both the unit rendered at once and a place where a
 * line of chips ends early, so: small enough that a block entering the view is cheap, large enough
 * that those breaks are rare. Against 64 and 256 in `bench/browser/token-strip.mjs` (100,000 tokens,
 * 1280 px wide), 128 kept the DOM to about 512 chips while scrolling and halved the slow frames of a
 * scroll-bar drag compared with 256.
 */
export const BLOCK_TOKENS = 128;

/**
 * Pixels per token assumed before any block is measured: high on purpose (about five chips on a
 * 40 px line), so that the first render holds few blocks and measuring adds the rest.
 */
export const GUESS_PER_TOKEN = 8;

/** Blocks of `tokens` tokens, `size` per block: ⌈tokens / size⌉ (0 for no tokens). */
export function blockCount(tokens: number, size = BLOCK_TOKENS): number {
	return tokens > 0 ? Math.ceil(tokens / size) : 0;
}

/** Heights and offsets of the blocks of one strip, from the heights measured so far. */
export class BlockLayout {
	/** Tokens in the strip. */
	readonly tokens: number;
	/** Tokens per block. */
	readonly size: number;
	/** Number of blocks, ⌈tokens / size⌉. */
	readonly count: number;
	/** Pixels per token: measured pixels / measured tokens, or the guess when nothing is measured. */
	readonly perToken: number;
	#heights: ArrayLike<number>;
	#tops: Float64Array;

	/**
	 * @param tokens tokens in the strip (a negative or non-finite count is taken as 0)
	 * @param measured measured height of block b at index b; NaN, missing or negative = not measured
	 * @param size tokens per block (an integer ≥ 1)
	 * @param guessPerToken pixels per token before anything is measured
	 */
	constructor(
		tokens: number,
		measured: ArrayLike<number> = [],
		size = BLOCK_TOKENS,
		guessPerToken = GUESS_PER_TOKEN
	) {
		this.tokens = Number.isFinite(tokens) && tokens > 0 ? Math.floor(tokens) : 0;
		this.size = Number.isFinite(size) && size >= 1 ? Math.floor(size) : BLOCK_TOKENS;
		this.count = blockCount(this.tokens, this.size);
		this.#heights = measured;
		let px = 0;
		let n = 0;
		for (let b = 0; b < this.count; b++) {
			if (this.measured(b)) {
				px += measured[b];
				n += this.tokensIn(b);
			}
		}
		this.perToken = n > 0 ? px / n : guessPerToken;
		this.#tops = new Float64Array(this.count + 1);
		for (let b = 0; b < this.count; b++) this.#tops[b + 1] = this.#tops[b] + this.height(b);
	}

	/** Tokens in block b: `size`, except the last block, which holds the rest. */
	tokensIn(b: number): number {
		if (b < 0 || b >= this.count) return 0;
		return Math.min(this.size, this.tokens - b * this.size);
	}

	/** Index of block b's first token. */
	start(b: number): number {
		return b * this.size;
	}

	/** Block holding token `index` (clamped to the strip). */
	blockOf(index: number): number {
		if (this.count === 0) return 0;
		return Math.min(this.count - 1, Math.max(0, Math.floor(index / this.size)));
	}

	/** Whether block b has a measured height. */
	measured(b: number): boolean {
		const h = this.#heights[b];
		return typeof h === 'number' && h >= 0;
	}

	/** Height of block b: measured, or estimated as tokensIn(b) × perToken. */
	height(b: number): number {
		return this.measured(b) ? this.#heights[b] : this.tokensIn(b) * this.perToken;
	}

	/** Offset of block b's top from the strip's top, Σ_{j<b} height(j); top(count) is the total. */
	top(b: number): number {
		return this.#tops[Math.min(this.count, Math.max(0, b))];
	}

	/** Height of the whole strip. */
	total(): number {
		return this.#tops[this.count];
	}

	/** The block at offset y: the last b with top(b) ≤ y, clamped to [0, count − 1]. */
	blockAt(y: number): number {
		if (this.count === 0 || !(y > 0)) return 0;
		let lo = 0;
		let hi = this.count - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.#tops[mid] <= y) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}
