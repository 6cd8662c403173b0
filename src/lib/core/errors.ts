/** What went wrong, for code that reacts to an {@link AnatomyError}. */
export type AnatomyErrorCode =
	| 'invalid-argument'
	| 'shape-mismatch'
	| 'non-finite'
	| 'out-of-range'
	| 'unknown-encoding'
	| 'unknown-model'
	| 'invalid-config'
	| 'backend-unavailable'
	| 'device-lost';

/**
 * Every error the core throws on bad input is an `AnatomyError` with a machine-readable
 * `code`, so that a UI can show a clear message (or clamp) instead of crashing.
 */
export class AnatomyError extends Error {
	readonly code: AnatomyErrorCode;
	constructor(code: AnatomyErrorCode, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'AnatomyError';
		this.code = code;
	}
}

/** Throws `invalid-argument` unless `cond` holds. */
export function check(
	cond: unknown,
	message: string,
	code: AnatomyErrorCode = 'invalid-argument'
): asserts cond {
	if (!cond) throw new AnatomyError(code, message);
}

/** Throws `non-finite` if any value is NaN or ±Infinity. */
export function checkFinite(values: ArrayLike<number>, what: string): void {
	for (let i = 0; i < values.length; i++) {
		if (!Number.isFinite(values[i])) {
			throw new AnatomyError(
				'non-finite',
				`${what} contains a non-finite value (${values[i]}) at index ${i}`
			);
		}
	}
}

/** Throws `out-of-range` unless `n` is an integer in [min, max]. */
export function checkInt(n: number, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): void {
	if (!Number.isInteger(n) || n < min || n > max) {
		throw new AnatomyError('out-of-range', `${what} must be an integer in [${min}, ${max}], got ${n}`);
	}
}
