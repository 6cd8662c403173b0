/**
 * An array whose elements are built on first read and then kept. TokenStrip's data table reads
 * the first rows of a 100,000-token text (the table shows 200) and the export reads them all;
 * building every row up front would cost about a millisecond per thousand tokens on each new text.
 *
 * It behaves as an ordinary array for reading (`length`, indexing, `slice`, `map`, iteration,
 * `JSON.stringify`, `Array.isArray`); an element is made by `make(i)` the first time it is read.
 */
export function lazyRows<T>(length: number, make: (index: number) => T): T[] {
	const n = Number.isFinite(length) && length > 0 ? Math.floor(length) : 0;
	const target: T[] = new Array(n);
	const built = new Uint8Array(n);
	const index = (p: string | symbol): number => {
		if (typeof p !== 'string') return -1;
		const i = Number(p);
		return Number.isInteger(i) && i >= 0 && i < n && String(i) === p ? i : -1;
	};
	const ensure = (i: number) => {
		if (!built[i]) {
			target[i] = make(i);
			built[i] = 1;
		}
	};
	return new Proxy(target, {
		get(t, p, receiver) {
			const i = index(p);
			if (i >= 0) ensure(i);
			return Reflect.get(t, p, receiver);
		},
		has(t, p) {
			return index(p) >= 0 || Reflect.has(t, p);
		},
		getOwnPropertyDescriptor(t, p) {
			const i = index(p);
			if (i >= 0) ensure(i);
			return Reflect.getOwnPropertyDescriptor(t, p);
		},
		ownKeys(t) {
			for (let i = 0; i < n; i++) ensure(i);
			return Reflect.ownKeys(t);
		}
	});
}
