/**
 * Independent random streams from one seed: the weight-field run draws its initial weights, its
 * training batches and its inference prompts from separate generators so that, for example,
 * reading a validation batch never shifts the training data.
 */

/**
 * A 32-bit seed for stream `stream` of `seed`, by the murmur3 finaliser (fmix32) applied to the
 * seed mixed with the stream number times the golden-ratio constant 0x9e3779b9. Deterministic and
 * well spread: neighbouring seeds or streams give unrelated values.
 */
export function subseed(seed: number, stream: number): number {
	let h = (Math.floor(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}
