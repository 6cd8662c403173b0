/**
 * A small pool of GPU buffers. Sizes are rounded up to a power of two (at least 256 bytes) so a
 * buffer released by one op can serve the next op of similar size; released buffers beyond
 * `maxPooledBytes` are destroyed at once, and {@link BufferPool.destroyAll} destroys every buffer
 * the pool ever created, in use or not. Nothing is left for the garbage collector.
 */

/** Smallest size class, bytes. */
export const MIN_BUFFER_BYTES = 256;

/**
 * Rounds a byte count up to the pool's size class: max(256, next power of two), or, when that
 * would exceed `maxBytes` (the device's buffer size limit), the count rounded up to 4 bytes.
 */
export function sizeClass(bytes: number, maxBytes = Infinity): number {
	let s = MIN_BUFFER_BYTES;
	while (s < bytes) s *= 2;
	return s <= maxBytes ? s : Math.ceil(bytes / 4) * 4;
}

export interface BufferPoolStats {
	/** Buffers created by the pool and not yet destroyed. */
	readonly live: number;
	/** Of those, buffers handed out and not released. */
	readonly inUse: number;
	/** Bytes held by released buffers waiting for reuse. */
	readonly pooledBytes: number;
	readonly created: number;
	readonly destroyed: number;
}

export class BufferPool {
	readonly #device: GPUDevice;
	readonly #maxPooledBytes: number;
	readonly #free = new Map<string, GPUBuffer[]>();
	readonly #all = new Set<GPUBuffer>();
	readonly #inUse = new Set<GPUBuffer>();
	#pooledBytes = 0;
	#created = 0;
	#destroyed = 0;

	/** @param maxPooledBytes bytes of released buffers kept for reuse (0 disables pooling). */
	constructor(device: GPUDevice, maxPooledBytes = 64 * 2 ** 20) {
		this.#device = device;
		this.#maxPooledBytes = maxPooledBytes;
	}

	/** A buffer of at least `bytes` bytes with exactly `usage`. */
	acquire(bytes: number, usage: GPUBufferUsageFlags, label?: string): GPUBuffer {
		const size = sizeClass(bytes, this.#device.limits?.maxBufferSize ?? Infinity);
		const key = `${size}:${usage}`;
		const reuse = this.#free.get(key)?.pop();
		if (reuse) {
			this.#pooledBytes -= size;
			this.#inUse.add(reuse);
			return reuse;
		}
		const buf = this.#device.createBuffer({ size, usage, label });
		this.#created++;
		this.#all.add(buf);
		this.#inUse.add(buf);
		return buf;
	}

	/** Returns a buffer to the pool, or destroys it when the pool is full or the buffer is mapped. */
	release(buf: GPUBuffer): void {
		if (!this.#inUse.delete(buf)) return;
		const size = buf.size;
		if (buf.mapState !== 'unmapped' || this.#pooledBytes + size > this.#maxPooledBytes) {
			this.#destroy(buf);
			return;
		}
		const key = `${size}:${buf.usage}`;
		let list = this.#free.get(key);
		if (!list) this.#free.set(key, (list = []));
		list.push(buf);
		this.#pooledBytes += size;
	}

	/** Destroys every buffer this pool created, including buffers still in use. */
	destroyAll(): void {
		for (const buf of [...this.#all]) this.#destroy(buf);
		this.#free.clear();
		this.#inUse.clear();
		this.#pooledBytes = 0;
	}

	stats(): BufferPoolStats {
		return {
			live: this.#all.size,
			inUse: this.#inUse.size,
			pooledBytes: this.#pooledBytes,
			created: this.#created,
			destroyed: this.#destroyed
		};
	}

	#destroy(buf: GPUBuffer): void {
		if (!this.#all.delete(buf)) return;
		buf.destroy();
		this.#destroyed++;
	}
}
