/**
 * Web Worker entry: builds encoders off the main thread and answers {@link TokenizerRequest}s.
 * Not re-exported by any index (importing it would install a message handler); construct it with
 * `new Worker(new URL('…/core/tokenize/worker.js', import.meta.url), { type: 'module' })` and talk
 * to it through `createTokenizerWorkerClient`.
 */
import { handleTokenizerMessage, type TokenizerRequest, type TokenizerResponse } from './worker-protocol.js';

interface WorkerScope {
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	postMessage(message: TokenizerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
	// Requests are answered in the order their work finishes; each carries its own id.
	void handleTokenizerMessage(event.data as TokenizerRequest).then((response) => scope.postMessage(response));
});
