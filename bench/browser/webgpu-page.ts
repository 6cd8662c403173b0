// Page side of bench/browser/webgpu.mjs: times each kernel on the CPU backend and on the WebGPU
// backend (forced by name, every input sent to the GPU) and returns medians. A timed GPU run is a
// full round trip: upload, dispatch, readback with mapAsync.
import { createCpuBackend } from '../../src/lib/core/backend/cpu/cpu-backend.js';
import type { Backend } from '../../src/lib/core/backend/types.js';
import { createWebGpuBackend } from '../../src/lib/core/backend/webgpu/webgpu-backend.js';
import { createRng } from '../../src/lib/core/rng.js';
import { closeTo, TOLERANCES } from '../../src/lib/core/testing/close.js';

interface BenchOptions {
	runs?: number;
	sizes?: 'small' | 'full';
	ops?: string[];
}

interface Row {
	op: string;
	size: string;
	work: number;
	cpuMs: number;
	gpuMs: number;
	gpuFirstMs: number;
	agrees: boolean;
	maxAbsError: number;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function randn(n: number, seed: number): Float32Array {
	const rng = createRng(seed);
	return Float32Array.from({ length: n }, () => rng.normal());
}

type Case = { op: string; size: string; work: number; run: (b: Backend) => Promise<Float32Array> };

function cases(sizes: 'small' | 'full'): Case[] {
	const out: Case[] = [];
	const mm = sizes === 'small' ? [64, 256] : [64, 256, 512, 1024];
	for (const s of mm) {
		const a = randn(s * s, 1);
		const b = randn(s * s, 2);
		out.push({
			op: 'matmul',
			size: `${s}×${s}×${s}`,
			work: s ** 3,
			run: async (be) => (await be.matmul(a, b, s, s, s)).data
		});
	}
	for (const [r, c] of sizes === 'small'
		? [[256, 256]]
		: [
				[256, 256],
				[1024, 4096]
			]) {
		const x = randn(r * c, 3);
		out.push({
			op: 'softmaxRows',
			size: `${r}×${c}`,
			work: r * c,
			run: async (be) => (await be.softmaxRows(x, r, c)).data
		});
	}
	for (const [seq, d] of sizes === 'small'
		? [[128, 64]]
		: [
				[128, 64],
				[512, 64]
			]) {
		const q = randn(seq * d, 4);
		const k = randn(seq * d, 5);
		const v = randn(seq * d, 6);
		out.push({
			op: 'attention',
			size: `seq ${seq}, dHead ${d}, causal`,
			work: seq * seq * d,
			run: async (be) => (await be.attention(q, k, v, seq, d, true)).output
		});
	}
	for (const n of sizes === 'small' ? [1 << 18] : [1 << 18, 1 << 22]) {
		const p = randn(n, 7);
		const g = randn(n, 8);
		const m = new Float32Array(n);
		const v = new Float32Array(n);
		out.push({
			op: 'adamStep',
			size: `${n} params`,
			work: n,
			run: async (be) => (await be.adamStep(p, g, m, v, { lr: 1e-3, weightDecay: 0.1, t: 1 })).params
		});
		out.push({
			op: 'quantizeInt8Rows',
			size: `${n / 1024}×1024`,
			work: n,
			run: async (be) => (await be.quantizeInt8Rows(p, n / 1024, 1024)).scales
		});
	}
	return out;
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<{ first: number; median: number }> {
	let t = performance.now();
	await fn();
	const first = performance.now() - t;
	const xs: number[] = [];
	for (let i = 0; i < runs; i++) {
		t = performance.now();
		await fn();
		xs.push(performance.now() - t);
	}
	return { first, median: median(xs) };
}

async function runBench(options: BenchOptions = {}) {
	const runs = options.runs ?? 5;
	const cpu = createCpuBackend();
	const adapter = await navigator.gpu?.requestAdapter();
	const info = adapter?.info;
	const gpu = await createWebGpuBackend({ gpu: navigator.gpu, allowFallbackAdapter: true, minGpuWork: 0 });
	const rows: Row[] = [];
	try {
		for (const c of cases(options.sizes ?? 'small')) {
			if (options.ops && !options.ops.includes(c.op)) continue;
			const cpuT = await time(() => c.run(cpu), runs);
			const gpuT = await time(() => c.run(gpu), runs);
			const check = closeTo(await c.run(gpu), await c.run(cpu), TOLERANCES.webgpu);
			rows.push({
				op: c.op,
				size: c.size,
				work: c.work,
				cpuMs: cpuT.median,
				gpuMs: gpuT.median,
				gpuFirstMs: gpuT.first,
				agrees: check.ok,
				maxAbsError: check.maxAbsError
			});
		}
	} finally {
		gpu.dispose();
	}
	return {
		adapter: gpu.adapterDescription,
		fallback: gpu.fallbackAdapter,
		vendor: info?.vendor ?? '',
		architecture: info?.architecture ?? '',
		userAgent: navigator.userAgent,
		runs,
		rows
	};
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
document.getElementById('out')!.textContent = 'ready';
