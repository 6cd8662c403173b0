/**
 * Tokenizing off the main thread: the typed messages between a page and `worker.ts`, the handler the
 * worker runs (a plain async function of one message, tested in Node), and a promise-based client.
 *
 * ```ts
 * // from a module next to core/ (bundlers such as Vite recognise this pattern and emit the worker)
 * const worker = new Worker(new URL('./core/tokenize/worker.js', import.meta.url), { type: 'module' });
 * const client = createTokenizerWorkerClient(worker);
 * const spans = await client.tokens('o200k_base', text);
 * ```
 * Building o200k_base takes ~0.5 s of CPU; in a worker that pause never blocks input or rendering.
 */
import { AnatomyError, type AnatomyErrorCode } from '../errors.js';
import type { TokenizerEncoding, TokenizerEncodingName } from './encodings.js';
import type { TokenCounts, TokenSpan } from './spans.js';
import { loadTokenizer, type Tokenizer } from './tokenizer.js';

/** What each request type returns. */
export interface TokenizerResults {
	load: { encoding: TokenizerEncoding; vocabSize: number };
	encode: number[];
	decode: string;
	tokens: TokenSpan[];
	count: TokenCounts;
}

/** A message from the page to the worker. `id` pairs it with its response. */
export type TokenizerRequest =
	| { id: number; type: 'load'; encoding: TokenizerEncodingName }
	| { id: number; type: 'encode' | 'tokens' | 'count'; encoding: TokenizerEncodingName; text: string }
	| { id: number; type: 'decode'; encoding: TokenizerEncodingName; ids: number[] };

/** A failure, as plain data (an Error does not survive `postMessage` with its code). */
export interface TokenizerErrorData {
	code: AnatomyErrorCode | 'internal';
	message: string;
}

/** A message from the worker to the page. */
export type TokenizerResponse =
	| {
			[K in keyof TokenizerResults]: { id: number; type: K; ok: true; result: TokenizerResults[K] };
	  }[keyof TokenizerResults]
	| { id: number; ok: false; error: TokenizerErrorData };

const TYPES = new Set(['load', 'encode', 'tokens', 'count', 'decode']);

function toErrorData(e: unknown): TokenizerErrorData {
	if (e instanceof AnatomyError) return { code: e.code, message: e.message };
	return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Answers one request. Never throws: bad messages and failures come back as `{ ok: false, error }`
 * (`id` is −1 when the message had none).
 * @param load where tokenizers come from (the shared cache by default; tests inject their own).
 */
export async function handleTokenizerMessage(
	message: unknown,
	load: (encoding: string) => Promise<Tokenizer> = loadTokenizer
): Promise<TokenizerResponse> {
	const m = (message ?? {}) as Partial<Record<string, unknown>>;
	const id = typeof m.id === 'number' && Number.isFinite(m.id) ? m.id : -1;
	try {
		if (typeof message !== 'object' || message === null || id === -1 || !TYPES.has(m.type as string)) {
			throw new AnatomyError('invalid-argument', 'Not a tokenizer request');
		}
		const tokenizer = await load(m.encoding as string);
		const type = m.type as keyof TokenizerResults;
		switch (type) {
			case 'load':
				return {
					id,
					type,
					ok: true,
					result: { encoding: tokenizer.encoding, vocabSize: tokenizer.vocabSize }
				};
			case 'encode':
				return { id, type, ok: true, result: tokenizer.encode(m.text as string) };
			case 'tokens':
				return { id, type, ok: true, result: tokenizer.tokens(m.text as string) };
			case 'count':
				return { id, type, ok: true, result: tokenizer.count(m.text as string) };
			case 'decode':
				return { id, type, ok: true, result: tokenizer.decode(m.ids as number[]) };
		}
	} catch (e) {
		return { id, ok: false, error: toErrorData(e) };
	}
	return { id, ok: false, error: { code: 'invalid-argument', message: 'Not a tokenizer request' } };
}

/** The part of a `Worker` (or a `MessagePort`) the client uses. */
export interface TokenizerWorkerLike {
	postMessage(message: TokenizerRequest): void;
	addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent) => void): void;
	removeEventListener(
		type: 'message' | 'error' | 'messageerror',
		listener: (event: MessageEvent) => void
	): void;
}

/** Promise-based access to a tokenizer worker. */
export interface TokenizerWorkerClient {
	/** Loads (and builds) an encoding in the worker ahead of use. */
	load(encoding: TokenizerEncodingName): Promise<TokenizerResults['load']>;
	encode(encoding: TokenizerEncodingName, text: string): Promise<number[]>;
	decode(encoding: TokenizerEncodingName, ids: number[]): Promise<string>;
	tokens(encoding: TokenizerEncodingName, text: string): Promise<TokenSpan[]>;
	count(encoding: TokenizerEncodingName, text: string): Promise<TokenCounts>;
	/** Stops listening and rejects every pending request (does not terminate the worker). */
	dispose(): void;
}

/**
 * Wraps a worker running `worker.ts`. Each call posts one request and resolves with its response;
 * failures reject with an {@link AnatomyError} carrying the worker's error code (`internal` errors
 * become `backend-unavailable`). An `error` event (the worker failed to start or crashed) or a
 * `messageerror` event (a reply could not be deserialised, so it cannot be matched to its request)
 * rejects every pending request with `backend-unavailable`, so no call waits forever.
 */
export function createTokenizerWorkerClient(worker: TokenizerWorkerLike): TokenizerWorkerClient {
	let nextId = 1;
	let disposed = false;
	const pending = new Map<number, { resolve: (v: never) => void; reject: (e: unknown) => void }>();
	const onMessage = (event: MessageEvent) => {
		const r = event.data as TokenizerResponse;
		const entry = r && typeof r.id === 'number' ? pending.get(r.id) : undefined;
		if (!entry) return;
		pending.delete(r.id);
		if (r.ok) entry.resolve(r.result as never);
		else {
			const code = r.error.code === 'internal' ? 'backend-unavailable' : r.error.code;
			entry.reject(new AnatomyError(code, r.error.message));
		}
	};
	const failAll = (reason: string) => {
		for (const entry of pending.values()) entry.reject(new AnatomyError('backend-unavailable', reason));
		pending.clear();
	};
	const onError = (event: Event) => {
		const detail = (event as Event & { message?: unknown }).message;
		failAll(`The tokenizer worker failed${typeof detail === 'string' && detail ? `: ${detail}` : ''}`);
	};
	worker.addEventListener('message', onMessage);
	worker.addEventListener('error', onError);
	worker.addEventListener('messageerror', onError);
	const send = <K extends keyof TokenizerResults>(request: TokenizerRequest & { type: K }) =>
		new Promise<TokenizerResults[K]>((resolve, reject) => {
			if (disposed) {
				reject(new AnatomyError('backend-unavailable', 'The tokenizer worker client was disposed'));
				return;
			}
			pending.set(request.id, { resolve: resolve as (v: never) => void, reject });
			worker.postMessage(request);
		});
	return {
		load: (encoding) => send({ id: nextId++, type: 'load', encoding }),
		encode: (encoding, text) => send({ id: nextId++, type: 'encode', encoding, text }),
		tokens: (encoding, text) => send({ id: nextId++, type: 'tokens', encoding, text }),
		count: (encoding, text) => send({ id: nextId++, type: 'count', encoding, text }),
		decode: (encoding, ids) => send({ id: nextId++, type: 'decode', encoding, ids }),
		dispose() {
			if (disposed) return;
			disposed = true;
			worker.removeEventListener('message', onMessage);
			worker.removeEventListener('error', onError);
			worker.removeEventListener('messageerror', onError);
			failAll('The tokenizer worker client was disposed');
		}
	};
}
