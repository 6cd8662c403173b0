/**
 * Web Worker entry: owns one weight-field run and answers {@link WeightFieldWorkerRequest}s, posting
 * frames with transferred weight buffers. Not re-exported by any index (importing it would install
 * a message handler); construct it with
 * `new Worker(new URL('…/core/train/weightfield/worker.js', import.meta.url), { type: 'module' })` and
 * talk to it through `createWeightFieldWorkerClient`.
 */
import {
	createWeightFieldWorkerHandler,
	type WeightFieldWorkerRequest,
	type WeightFieldWorkerResponse
} from './worker-protocol.js';

interface WorkerScope {
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	postMessage(message: WeightFieldWorkerResponse, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const handler = createWeightFieldWorkerHandler((response, transfer) => scope.postMessage(response, transfer));

scope.addEventListener('message', (event) => handler.handle(event.data as WeightFieldWorkerRequest));
