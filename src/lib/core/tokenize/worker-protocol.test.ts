import { afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { AnatomyError } from '../errors.js';
import { loadTokenizer, type Tokenizer } from './tokenizer.js';
import {
	createTokenizerWorkerClient,
	handleTokenizerMessage,
	type TokenizerResponse,
	type TokenizerWorkerLike
} from './worker-protocol.js';

let o200k: Tokenizer;
beforeAll(async () => {
	o200k = await loadTokenizer('o200k_base');
}, 30_000);

describe('handleTokenizerMessage', () => {
	it('answers each request type with the tokenizer’s own result', async () => {
		const text = 'hello world';
		expect(await handleTokenizerMessage({ id: 1, type: 'load', encoding: 'o200k_base' })).toEqual({
			id: 1,
			type: 'load',
			ok: true,
			result: { encoding: 'o200k_base', vocabSize: 200019 }
		});
		expect(await handleTokenizerMessage({ id: 2, type: 'encode', encoding: 'o200k_base', text })).toEqual({
			id: 2,
			type: 'encode',
			ok: true,
			result: [24912, 2375] // tiktoken README
		});
		const tokens = await handleTokenizerMessage({ id: 3, type: 'tokens', encoding: 'o200k_base', text });
		expect(tokens).toEqual({ id: 3, type: 'tokens', ok: true, result: o200k.tokens(text) });
		const count = await handleTokenizerMessage({ id: 4, type: 'count', encoding: 'gpt2', text });
		expect(count).toMatchObject({ id: 4, ok: true, result: { tokens: 2, characters: 11, bytes: 11 } });
		expect(
			await handleTokenizerMessage({ id: 5, type: 'decode', encoding: 'o200k_base', ids: [24912, 2375] })
		).toEqual({ id: 5, type: 'decode', ok: true, result: text });
	});

	it('turns failures into error data and never throws', async () => {
		const cases: [unknown, number, string][] = [
			[null, -1, 'invalid-argument'],
			['encode', -1, 'invalid-argument'],
			[{ type: 'encode', encoding: 'o200k_base', text: 'x' }, -1, 'invalid-argument'],
			[{ id: 7, type: 'explode', encoding: 'o200k_base' }, 7, 'invalid-argument'],
			[{ id: 8, type: 'encode', encoding: 'klingon', text: 'x' }, 8, 'unknown-encoding'],
			[{ id: 9, type: 'encode', encoding: 'o200k_base', text: 42 }, 9, 'invalid-argument'],
			[{ id: 10, type: 'decode', encoding: 'o200k_base', ids: [-5] }, 10, 'out-of-range']
		];
		for (const [message, id, code] of cases) {
			const r = await handleTokenizerMessage(message);
			expect(r, JSON.stringify(message)).toMatchObject({ id, ok: false, error: { code } });
		}
		const broken = await handleTokenizerMessage({ id: 11, type: 'load', encoding: 'o200k_base' }, () =>
			Promise.reject(new TypeError('boom'))
		);
		expect(broken).toEqual({ id: 11, ok: false, error: { code: 'internal', message: 'boom' } });
	});
});

/** A worker stand-in: the handler on one end of a real MessageChannel (structured cloning included). */
function fakeWorker(): { port: MessagePort; close(): void } {
	const { port1, port2 } = new MessageChannel();
	port1.on('message', async (data: unknown) => port1.postMessage(await handleTokenizerMessage(data)));
	return { port: port2, close: () => (port1.close(), port2.close()) };
}

describe('createTokenizerWorkerClient', () => {
	let close = () => {};
	afterEach(() => close());

	it('round-trips every request through structured cloning', async () => {
		const w = fakeWorker();
		close = w.close;
		const client = createTokenizerWorkerClient(w.port as unknown as TokenizerWorkerLike);
		expect(await client.load('gpt2')).toEqual({ encoding: 'r50k_base', vocabSize: 50257 });
		const [ids, spans, count, text] = await Promise.all([
			client.encode('r50k_base', 'Hello world'),
			client.tokens('o200k_base', 'héllo 👋'),
			client.count('cl100k_base', 'hello world'),
			client.decode('r50k_base', [15496, 995])
		]);
		expect(ids).toEqual([15496, 995]); // GPT-2's "Hello" and " world"
		expect(text).toBe('Hello world');
		expect(count.tokens).toBe(2);
		const local = o200k.tokens('héllo 👋');
		expect(spans.map((s) => ({ ...s, bytes: Array.from(s.bytes) }))).toEqual(
			local.map((s) => ({ ...s, bytes: Array.from(s.bytes) }))
		);
		client.dispose();
	});

	it('rejects with the worker’s error code', async () => {
		const w = fakeWorker();
		close = w.close;
		const client = createTokenizerWorkerClient(w.port as unknown as TokenizerWorkerLike);
		const e = await client.encode('klingon' as 'gpt2', 'x').catch((err: unknown) => err);
		expect(e).toBeInstanceOf(AnatomyError);
		expect((e as AnatomyError).code).toBe('unknown-encoding');
		client.dispose();
	});

	it('dispose rejects pending requests and later calls', async () => {
		const posted: unknown[] = [];
		const listeners = new Set<unknown>();
		const worker: TokenizerWorkerLike = {
			postMessage: (m) => void posted.push(m),
			addEventListener: (_t, l) => void listeners.add(l),
			removeEventListener: (_t, l) => void listeners.delete(l)
		};
		const client = createTokenizerWorkerClient(worker);
		const pending = client.encode('o200k_base', 'never answered');
		expect(posted).toEqual([{ id: 1, type: 'encode', encoding: 'o200k_base', text: 'never answered' }]);
		client.dispose();
		expect(listeners.size).toBe(0);
		await expect(pending).rejects.toMatchObject({ code: 'backend-unavailable' });
		await expect(client.count('o200k_base', 'x')).rejects.toMatchObject({ code: 'backend-unavailable' });
	});

	it('a crashed worker rejects every pending request instead of leaving it waiting', async () => {
		const listeners = new Map<string, (e: MessageEvent) => void>();
		const client = createTokenizerWorkerClient({
			postMessage: () => {},
			addEventListener: (t, l) => void listeners.set(t, l),
			removeEventListener: () => {}
		});
		const a = client.encode('o200k_base', 'a');
		const b = client.tokens('o200k_base', 'b');
		listeners.get('error')!({ message: 'SyntaxError in worker' } as unknown as MessageEvent);
		await expect(a).rejects.toMatchObject({ code: 'backend-unavailable', message: /SyntaxError in worker/ });
		await expect(b).rejects.toMatchObject({ code: 'backend-unavailable' });
		const c = client.decode('o200k_base', [1]);
		listeners.get('messageerror')!({} as MessageEvent);
		await expect(c).rejects.toMatchObject({ code: 'backend-unavailable' });
	});

	it('ignores messages that answer nothing it asked', async () => {
		let deliver: (e: MessageEvent) => void = () => {};
		const client = createTokenizerWorkerClient({
			postMessage: () => {},
			addEventListener: (t, l) => void (t === 'message' && (deliver = l)),
			removeEventListener: () => {}
		});
		const p = client.decode('o200k_base', [13]);
		deliver({ data: null } as MessageEvent);
		deliver({ data: { id: 99, ok: true, type: 'decode', result: 'x' } } as MessageEvent);
		deliver({
			data: { id: 1, ok: true, type: 'decode', result: '.' } satisfies TokenizerResponse
		} as MessageEvent);
		expect(await p).toBe('.');
	});

	it('a DOM Worker fits TokenizerWorkerLike', () => {
		expectTypeOf<Worker>().toExtend<TokenizerWorkerLike>();
	});
});

describe('worker.ts', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('answers messages posted to the worker scope', async () => {
		let onMessage: (e: { data: unknown }) => void = () => {};
		const replies: TokenizerResponse[] = [];
		const replied = new Promise<void>((resolve) => {
			vi.stubGlobal('addEventListener', (_type: string, l: typeof onMessage) => (onMessage = l));
			vi.stubGlobal('postMessage', (r: TokenizerResponse) => {
				replies.push(r);
				resolve();
			});
		});
		await import('./worker.js');
		onMessage({ data: { id: 1, type: 'encode', encoding: 'cl100k_base', text: 'hello world' } });
		await replied;
		expect(replies).toEqual([{ id: 1, type: 'encode', ok: true, result: [15339, 1917] }]); // tiktoken README
	});
});
