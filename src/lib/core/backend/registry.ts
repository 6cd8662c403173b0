/**
 * Backend registry: backends registered with a priority, initialised lazily and asynchronously in
 * priority order, the first that works selected; every failure recorded with its reason.
 *
 * - Initialisation is cached (one promise per backend and set of options), failures included, so
 *   a missing GPU costs one adapter request, not one per op. `resetBackends()` starts over.
 * - WebGPU is tried only when `navigator.gpu` exists, and a software fallback adapter (SwiftShader)
 *   is refused unless WebGPU is asked for by name (`prefer: 'webgpu'`) or `allowFallbackAdapter`.
 * - When a backend's device is lost it is marked lost and never selected again (until a reset):
 *   the next selection falls through to the next backend, normally the CPU. `runOnBackend` also
 *   re-runs the op that was in flight on that next backend, so a run goes on from where it was.
 * - When nothing works, one `AnatomyError('backend-unavailable')` lists every reason.
 *
 * Small inputs are sent to the CPU by the WebGPU backend itself (`minGpuWork`, 65 536 units of
 * work by default; see `webgpu/webgpu-backend.ts`), and its results say `backend: 'cpu'`.
 */
import { AnatomyError } from '../errors.js';
import { createCpuBackend } from './cpu/cpu-backend.js';
import type { Backend, BackendName, NavigatorLike } from './types.js';
import { createWebGpuBackend } from './webgpu/webgpu-backend.js';

/** What a factory is given to create its backend. */
export interface BackendInitContext {
	/** The injected navigator (`options.navigator`, else `globalThis.navigator` at call time). */
	readonly navigator: NavigatorLike | undefined;
	/** True when a software fallback GPU adapter is acceptable. */
	readonly allowFallbackAdapter: boolean;
	/** Check GPU error scopes around every op. */
	readonly debug: boolean;
	/** Work below which a GPU backend sends an op to the CPU (undefined: the backend's default). */
	readonly minGpuWork: number | undefined;
}

/** Creates a backend, or throws (any error; an `AnatomyError` message reads best) saying why not. */
export type BackendFactory = (context: BackendInitContext) => Backend | Promise<Backend>;

/** Options for {@link registerBackend}: why a backend is unavailable on this platform, if it is. */
export interface RegisterOptions {
	/**
	 * Returns why the backend cannot be tried in this context (it is then skipped without calling
	 * the factory), or undefined when it can.
	 */
	readonly unavailableReason?: (context: BackendInitContext) => string | undefined;
}

/** Options for {@link selectBackend}: which backend to prefer, whether to accept a software adapter, and the navigator to use. */
export interface SelectOptions {
	/**
	 * `'auto'` tries backends by priority; a name tries that backend first (accepting a fallback
	 * GPU adapter for it) and then the others. @default 'auto'
	 */
	readonly prefer?: 'auto' | BackendName;
	/** Only the preferred backend: throw instead of falling back. @default false */
	readonly strict?: boolean;
	/** Accept a software fallback GPU adapter even under `'auto'`. @default false */
	readonly allowFallbackAdapter?: boolean;
	/** The navigator to read `gpu` from. @default globalThis.navigator, read at call time */
	readonly navigator?: NavigatorLike;
	/** @default false */
	readonly debug?: boolean;
	/** Passed to GPU backends; see `WebGpuBackendOptions.minGpuWork`. */
	readonly minGpuWork?: number;
}

/** Options for {@link runOnBackend}: selection options plus how many backends to try before giving up. */
export interface RunOptions extends SelectOptions {
	/** How many backends to try the op on before giving up after device losses. @default 3 */
	readonly maxAttempts?: number;
}

/** One backend's part in the latest selection. */
export interface BackendAttempt {
	readonly name: BackendName;
	readonly priority: number;
	/**
	 * `selected`: chosen; `failed`: its initialisation threw (now or, `cached`, earlier);
	 * `skipped`: not available here; `lost`: its device was lost; `not-tried`: a backend before it
	 * was selected.
	 */
	readonly outcome: 'selected' | 'failed' | 'skipped' | 'lost' | 'not-tried';
	readonly reason?: string;
	/** True when the outcome came from the initialisation cache. */
	readonly cached: boolean;
}

/** What the registry tried, chose and lost, for a UI that explains which backend runs and why. */
export interface BackendDiagnostics {
	/** Registered backends, highest priority first. */
	readonly registered: readonly { readonly name: BackendName; readonly priority: number }[];
	/** The backend the latest selection returned, if any. */
	readonly selected: BackendName | undefined;
	/** Every backend in the order the latest selection considered it. */
	readonly attempts: readonly BackendAttempt[];
	/** Device losses since the last reset, oldest first. */
	readonly losses: readonly { readonly name: BackendName; readonly reason: string }[];
}

interface Registration {
	readonly name: BackendName;
	readonly factory: BackendFactory;
	readonly priority: number;
	readonly unavailableReason?: (context: BackendInitContext) => string | undefined;
}

interface Entry {
	readonly name: BackendName;
	readonly promise: Promise<Backend>;
	state: 'pending' | 'ready' | 'failed' | 'lost';
	backend?: Backend;
	reason?: string;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** True when `e` (thrown by `backend`) means the backend's device is gone. */
export function isDeviceLoss(e: unknown, backend?: Backend): boolean {
	return (e instanceof AnatomyError && e.code === 'device-lost') || Boolean(backend?.lost);
}

/** A registry instance. The functions `registerBackend`, `selectBackend`, … use a shared default. */
export class BackendRegistry {
	readonly #registrations = new Map<BackendName, Registration>();
	readonly #entries = new Map<string, Entry>();
	readonly #navigatorIds = new WeakMap<object, number>();
	#nextNavigatorId = 1;
	#attempts: BackendAttempt[] = [];
	#selected: BackendName | undefined;
	#losses: { name: BackendName; reason: string }[] = [];

	/**
	 * Registers (or replaces) a backend. Higher `priority` is tried first under `'auto'`.
	 * Replacing a backend drops its cached instances.
	 */
	register(
		name: BackendName,
		factory: BackendFactory,
		priority: number,
		options: RegisterOptions = {}
	): void {
		if (typeof factory !== 'function') {
			throw new AnatomyError('invalid-argument', `registerBackend('${name}'): factory must be a function`);
		}
		if (!Number.isFinite(priority)) {
			throw new AnatomyError('invalid-argument', `registerBackend('${name}'): priority must be finite`);
		}
		this.#drop((e) => e.name === name);
		this.#registrations.set(name, { name, factory, priority, unavailableReason: options.unavailableReason });
	}

	/** Removes a backend and disposes its instances. */
	unregister(name: BackendName): void {
		this.#drop((e) => e.name === name);
		this.#registrations.delete(name);
	}

	/**
	 * Resolves a backend: the preferred one if it initialises, else the others by priority.
	 * Rejects with one `AnatomyError('backend-unavailable')` naming every reason when none works.
	 */
	async select(options: SelectOptions = {}): Promise<Backend> {
		const prefer = options.prefer ?? 'auto';
		if (prefer !== 'auto' && !this.#registrations.has(prefer)) {
			throw new AnatomyError(
				'backend-unavailable',
				`no backend named '${prefer}' is registered (registered: ${[...this.#registrations.keys()].join(', ') || 'none'})`
			);
		}
		let order = [...this.#registrations.values()].sort((a, b) => b.priority - a.priority);
		if (prefer !== 'auto') {
			order = options.strict
				? order.filter((r) => r.name === prefer)
				: [...order.filter((r) => r.name === prefer), ...order.filter((r) => r.name !== prefer)];
		}
		const navigator =
			'navigator' in options ? options.navigator : (globalThis as { navigator?: NavigatorLike }).navigator;
		const attempts: BackendAttempt[] = [];
		this.#attempts = attempts;
		this.#selected = undefined;
		for (let i = 0; i < order.length; i++) {
			const reg = order[i];
			const context: BackendInitContext = {
				navigator,
				allowFallbackAdapter: Boolean(options.allowFallbackAdapter) || reg.name === prefer,
				debug: Boolean(options.debug),
				minGpuWork: options.minGpuWork
			};
			const skip = reg.unavailableReason?.(context);
			if (skip !== undefined) {
				attempts.push({
					name: reg.name,
					priority: reg.priority,
					outcome: 'skipped',
					reason: skip,
					cached: false
				});
				continue;
			}
			const key = this.#key(reg.name, context);
			const existing = this.#entries.get(key);
			const entry = existing ?? this.#create(key, reg, context);
			try {
				const backend = await entry.promise;
				if (backend.lost || entry.state === 'lost') {
					attempts.push({
						name: reg.name,
						priority: reg.priority,
						outcome: 'lost',
						reason: entry.reason ?? 'device lost',
						cached: Boolean(existing)
					});
					continue;
				}
				attempts.push({
					name: reg.name,
					priority: reg.priority,
					outcome: 'selected',
					cached: Boolean(existing)
				});
				for (const rest of order.slice(i + 1)) {
					attempts.push({ name: rest.name, priority: rest.priority, outcome: 'not-tried', cached: false });
				}
				this.#selected = reg.name;
				return backend;
			} catch (e) {
				attempts.push({
					name: reg.name,
					priority: reg.priority,
					outcome: 'failed',
					reason: message(e),
					cached: Boolean(existing)
				});
			}
		}
		const reasons = attempts.map((a) => `${a.name}: ${a.outcome}${a.reason ? ` (${a.reason})` : ''}`);
		throw new AnatomyError(
			'backend-unavailable',
			`no compute backend is available${prefer !== 'auto' && options.strict ? ` (only '${prefer}' was allowed)` : ''}: ${reasons.join('; ') || 'none registered'}`
		);
	}

	/**
	 * Runs `fn` on the selected backend. If it fails because the backend's device was lost, the
	 * backend is marked lost and `fn` runs again on the next backend (normally the CPU), up to
	 * `maxAttempts` backends. `fn` must be safe to repeat: our kernels never modify their inputs,
	 * so re-running the op that was in flight is enough for a run to go on where it was.
	 */
	async run<T>(fn: (backend: Backend) => Promise<T>, options: RunOptions = {}): Promise<T> {
		const maxAttempts = options.maxAttempts ?? 3;
		for (let attempt = 1; ; attempt++) {
			const backend = await this.select(options);
			try {
				return await fn(backend);
			} catch (e) {
				if (!isDeviceLoss(e, backend) || attempt >= maxAttempts) throw e;
				this.#markLost(backend, message(e));
			}
		}
	}

	diagnostics(): BackendDiagnostics {
		return {
			registered: [...this.#registrations.values()]
				.sort((a, b) => b.priority - a.priority)
				.map(({ name, priority }) => ({ name, priority })),
			selected: this.#selected,
			attempts: [...this.#attempts],
			losses: [...this.#losses]
		};
	}

	/** Disposes every backend created so far and forgets every cached result and loss. */
	reset(): void {
		this.#drop(() => true);
		this.#attempts = [];
		this.#selected = undefined;
		this.#losses = [];
	}

	#key(name: BackendName, c: BackendInitContext): string {
		let navId = 0;
		if (c.navigator && typeof c.navigator === 'object') {
			navId = this.#navigatorIds.get(c.navigator) ?? 0;
			if (!navId) this.#navigatorIds.set(c.navigator, (navId = this.#nextNavigatorId++));
		}
		return `${name}|nav${navId}|fallback=${c.allowFallbackAdapter}|debug=${c.debug}|min=${c.minGpuWork ?? ''}`;
	}

	#create(key: string, reg: Registration, context: BackendInitContext): Entry {
		const promise = (async () => reg.factory(context))();
		const entry: Entry = { name: reg.name, promise, state: 'pending' };
		this.#entries.set(key, entry);
		promise.then(
			(backend) => {
				if (this.#entries.get(key) !== entry) {
					backend.dispose();
					return;
				}
				entry.backend = backend;
				if (entry.state === 'pending') entry.state = 'ready';
				backend.onLost((reason) => this.#markLost(backend, reason));
			},
			(e) => {
				entry.state = 'failed';
				entry.reason = message(e);
			}
		);
		return entry;
	}

	#markLost(backend: Backend, reason: string): void {
		for (const entry of this.#entries.values()) {
			if (entry.backend !== backend || entry.state === 'lost') continue;
			entry.state = 'lost';
			entry.reason = reason;
			this.#losses.push({ name: backend.name, reason });
			// The lost backend keeps nothing worth keeping; free what it still holds.
			backend.dispose();
		}
	}

	#drop(match: (e: Entry) => boolean): void {
		for (const [key, entry] of [...this.#entries]) {
			if (!match(entry)) continue;
			this.#entries.delete(key);
			entry.backend?.dispose();
		}
	}
}

/** Priorities of the built-in backends: WebGPU before the CPU. */
export const BUILTIN_PRIORITY = { webgpu: 2, cpu: 1 } as const;

/** Registers the CPU backend and (when `navigator.gpu` exists at selection time) WebGPU. */
export function registerBuiltinBackends(registry: BackendRegistry): void {
	registry.register('cpu', () => createCpuBackend(), BUILTIN_PRIORITY.cpu);
	registry.register(
		'webgpu',
		(c) =>
			createWebGpuBackend({
				gpu: c.navigator?.gpu,
				allowFallbackAdapter: c.allowFallbackAdapter,
				debug: c.debug,
				minGpuWork: c.minGpuWork
			}),
		BUILTIN_PRIORITY.webgpu,
		{ unavailableReason: (c) => (c.navigator?.gpu ? undefined : 'navigator.gpu is missing (no WebGPU here)') }
	);
}

/** A registry with the built-in backends registered. */
export function createBackendRegistry({ builtins = true } = {}): BackendRegistry {
	const registry = new BackendRegistry();
	if (builtins) registerBuiltinBackends(registry);
	return registry;
}

// The shared registry behind the functions below, created on first use.
let shared: BackendRegistry | undefined;
const defaultRegistry = () => (shared ??= createBackendRegistry());

/** Registers (or replaces) a backend in the shared registry; higher priority is tried first. */
export function registerBackend(
	name: BackendName,
	factory: BackendFactory,
	priority: number,
	options?: RegisterOptions
): void {
	defaultRegistry().register(name, factory, priority, options);
}

/** Resolves a backend from the shared registry (see {@link BackendRegistry.select}). */
export function selectBackend(options?: SelectOptions): Promise<Backend> {
	return defaultRegistry().select(options);
}

/** Runs an op on the shared registry's backend, moving on after a device loss (see {@link BackendRegistry.run}). */
export function runOnBackend<T>(fn: (backend: Backend) => Promise<T>, options?: RunOptions): Promise<T> {
	return defaultRegistry().run(fn, options);
}

/** What the shared registry tried in its latest selection, and why each backend failed. */
export function getBackendDiagnostics(): BackendDiagnostics {
	return defaultRegistry().diagnostics();
}

/** Disposes the shared registry's backends and forgets cached results (tests, or after a fix). */
export function resetBackends(): void {
	defaultRegistry().reset();
}
