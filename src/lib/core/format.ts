/**
 * The one formatter for quantities shown to readers, so that the same number reads the same in
 * every component: parameters with SI suffixes (8.03 B), bytes in binary units (GiB, 2^30) unless
 * decimal units (GB, 10^9) are asked for, and plain numbers with a fixed number of significant digits.
 */

export interface FormatOptions {
	/** Significant digits. @default 3 */
	digits?: number;
	/** BCP 47 locale for digit grouping and decimal separator. @default 'en' */
	locale?: string;
}

const SI = [
	{ v: 1e12, s: 'T' },
	{ v: 1e9, s: 'B' },
	{ v: 1e6, s: 'M' },
	{ v: 1e3, s: 'K' }
];

// `toLocaleString` with options builds a new Intl.NumberFormat on every call (tens of µs each in
// V8, more for the first one of a locale), which adds up to tens of milliseconds when a figure
// labels a thousand cells. English, the default, is written here directly, exactly as Intl writes
// it: Intl rounds the shortest decimal that reads back as the number (what `String(n)` gives, so
// 0.85 × 0.25 is "0.2125" and rounds to "0.213"), half away from zero. Other locales get one
// cached Intl.NumberFormat per locale and number of decimals.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, decimals: number): Intl.NumberFormat {
	const key = `${locale}|${decimals}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		if (formatters.size > 256) formatters.clear();
		formatters.set(key, f);
	}
	return f;
}

/** `n` with exactly `decimals` fraction digits, grouped by thousands, in `locale`. */
function fixed(n: number, decimals: number, locale: string): string {
	const shortest = String(Math.abs(n));
	// exponent forms (below 1e-6, from 1e21) and other locales: Intl itself
	if (locale !== 'en' || shortest.includes('e')) return formatter(locale, decimals).format(n);
	const dot = shortest.indexOf('.');
	let int = dot < 0 ? shortest : shortest.slice(0, dot);
	let frac = dot < 0 ? '' : shortest.slice(dot + 1);
	if (frac.length > decimals) {
		const up = frac.charCodeAt(decimals) >= 53; // the first digit dropped is 5 or more
		frac = frac.slice(0, decimals);
		if (up) {
			// add one in the last kept place, carrying through the digits
			const digits = (int + frac).split('');
			let i = digits.length - 1;
			while (i >= 0 && digits[i] === '9') digits[i--] = '0';
			if (i >= 0) digits[i] = String(Number(digits[i]) + 1);
			else digits.unshift('1');
			const all = digits.join('');
			int = all.slice(0, all.length - decimals);
			frac = all.slice(all.length - decimals);
		}
	} else frac = frac.padEnd(decimals, '0');
	let grouped = int;
	if (int.length > 3) {
		const head = int.length % 3 || 3;
		grouped = int.slice(0, head);
		for (let i = head; i < int.length; i += 3) grouped += ',' + int.slice(i, i + 3);
	}
	// Intl keeps the sign of values that round to zero: -0.001 → "-0.00", -0 → "-0"
	return (n < 0 || Object.is(n, -0) ? '-' : '') + grouped + (decimals > 0 ? '.' + frac : '');
}

function sig(n: number, digits: number, locale: string): string {
	if (n === 0) return '0';
	const mag = Math.floor(Math.log10(Math.abs(n)));
	return fixed(n, Math.min(100, Math.max(0, digits - 1 - mag)), locale);
}

/** Formats a count with an SI suffix: 8030261248 → "8.03 B", 124439808 → "124 M". */
export function formatCount(n: number, { digits = 3, locale = 'en' }: FormatOptions = {}): string {
	if (!Number.isFinite(n)) return String(n);
	for (const { v, s } of SI) if (Math.abs(n) >= v) return `${sig(n / v, digits, locale)} ${s}`;
	return fixed(Math.round(n), 0, locale);
}

/**
 * Formats a whole number with thousands separators, as `toLocaleString` writes it
 * (1234567 → "1,234,567"), without building an Intl.NumberFormat per call. Fractions are rounded
 * half away from zero.
 */
export function formatInteger(n: number, { locale = 'en' }: Pick<FormatOptions, 'locale'> = {}): string {
	if (!Number.isFinite(n)) return String(n);
	return fixed(n, 0, locale);
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Formats a byte count. Binary units (KiB = 1024 B, GiB = 2^30 B) by default; `decimal: true`
 * gives kB/MB/GB (powers of 1000) as disk and GPU vendors quote them.
 */
export function formatBytes(
	bytes: number,
	{ digits = 3, locale = 'en', decimal = false }: FormatOptions & { decimal?: boolean } = {}
): string {
	if (!Number.isFinite(bytes)) return String(bytes);
	const base = decimal ? 1000 : 1024;
	const units = decimal ? DECIMAL : BINARY;
	let i = 0;
	let v = Math.abs(bytes);
	while (v >= base && i < units.length - 1) {
		v /= base;
		i++;
	}
	const shown = i === 0 ? fixed(Math.round(v), 0, locale) : sig(v, digits, locale);
	return `${bytes < 0 ? '-' : ''}${shown} ${units[i]}`;
}

/** Formats a plain number to `digits` significant digits, switching to exponent form outside [1e-3, 1e6). */
export function formatNumber(n: number, { digits = 3, locale = 'en' }: FormatOptions = {}): string {
	if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '−∞';
	if (n === 0) return '0';
	const a = Math.abs(n);
	if (a < 1e-3 || a >= 1e6) return n.toExponential(digits - 1).replace('-', '−');
	return sig(n, digits, locale).replace(/^-/, '−');
}

/** Formats a probability in [0, 1] as a percentage: 0.4213 → "42.1%". */
export function formatPercent(p: number, { digits = 3, locale = 'en' }: FormatOptions = {}): string {
	if (!Number.isFinite(p)) return String(p);
	return `${sig(p * 100, digits, locale)}%`;
}
