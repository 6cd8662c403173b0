import { describe, expect, it } from 'vitest';
import { createMockGpu } from '../../testing/mock-gpu.js';
import { BufferPool, sizeClass } from './buffer-pool.js';

async function mockDevice() {
	const mock = createMockGpu();
	const adapter = await mock.gpu.requestAdapter();
	const device = await adapter!.requestDevice();
	return { device, state: mock.devices[0] };
}

const STORAGE = 0x80 | 0x8 | 0x4;

describe('BufferPool', () => {
	it('size classes: powers of two from 256 bytes, exact (4-aligned) above the device limit', () => {
		expect(sizeClass(1)).toBe(256);
		expect(sizeClass(256)).toBe(256);
		expect(sizeClass(257)).toBe(512);
		expect(sizeClass(3 * 2 ** 20)).toBe(4 * 2 ** 20);
		expect(sizeClass(3 * 2 ** 20 + 2, 3.5 * 2 ** 20)).toBe(3 * 2 ** 20 + 4);
	});

	it('reuses a released buffer of the same class and usage', async () => {
		const { device, state } = await mockDevice();
		const pool = new BufferPool(device);
		const a = pool.acquire(300, STORAGE);
		pool.release(a);
		const b = pool.acquire(400, STORAGE);
		expect(b).toBe(a);
		const c = pool.acquire(400, 0x40 | 0x8);
		expect(c).not.toBe(a);
		expect(state.created).toBe(2);
		expect(pool.stats()).toMatchObject({ live: 2, inUse: 2, pooledBytes: 0 });
	});

	it('destroys released buffers beyond the pooled-bytes cap, and everything on destroyAll', async () => {
		const { device, state } = await mockDevice();
		const pool = new BufferPool(device, 1024);
		const bufs = [pool.acquire(1024, STORAGE), pool.acquire(1024, STORAGE), pool.acquire(10, STORAGE)];
		for (const b of bufs) pool.release(b);
		// The first 1024-byte buffer fills the cap; the other two are destroyed at once.
		expect(pool.stats()).toMatchObject({ live: 1, inUse: 0, pooledBytes: 1024, destroyed: 2 });
		pool.acquire(5000, STORAGE);
		pool.destroyAll();
		expect(pool.stats()).toMatchObject({ live: 0, inUse: 0, pooledBytes: 0, created: 4, destroyed: 4 });
		expect(state.liveBuffers.size).toBe(0);
		expect(state.destroyed).toBe(4);
	});

	it('a second release of the same buffer is ignored', async () => {
		const { device } = await mockDevice();
		const pool = new BufferPool(device);
		const a = pool.acquire(16, STORAGE);
		pool.release(a);
		pool.release(a);
		expect(pool.stats().pooledBytes).toBe(256);
	});
});
