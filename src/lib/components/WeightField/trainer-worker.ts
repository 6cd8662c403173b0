/**
 * Starts the Web Worker that trains the weight-field run (`core/train/weightfield/worker.ts`).
 *
 * `new Worker(new URL('…', import.meta.url), { type: 'module' })` is the pattern bundlers
 * recognise and emit as a worker chunk. The URL names `worker.js`: in this repository Vite
 * resolves it to the `.ts` source (dev and build); in the packaged library (`dist/`) it is the
 * compiled file at the same relative place, which the consuming app's bundler emits in turn.
 */
import type { TrainerWorker } from './weight-field.svelte.js';

/**
 * A module worker running the weight-field run, or null where `Worker` does not exist (the
 * server, Node). Throws where the page forbids workers (a content security policy); the caller
 * then trains on the main thread.
 */
export function startTrainerWorker(): TrainerWorker | null {
	if (typeof Worker !== 'function') return null;
	return new Worker(new URL('../../core/train/weightfield/worker.js', import.meta.url), {
		type: 'module',
		name: 'llm-anatomy-weight-field'
	});
}
