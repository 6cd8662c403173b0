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

function sig(n: number, digits: number, locale: string): string {
	if (n === 0) return '0';
	const mag = Math.floor(Math.log10(Math.abs(n)));
	const decimals = Math.max(0, digits - 1 - mag);
	return n.toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Formats a count with an SI suffix: 8030261248 → "8.03 B", 124439808 → "124 M". */
export function formatCount(n: number, { digits = 3, locale = 'en' }: FormatOptions = {}): string {
	if (!Number.isFinite(n)) return String(n);
	for (const { v, s } of SI) if (Math.abs(n) >= v) return `${sig(n / v, digits, locale)} ${s}`;
	return Math.round(n).toLocaleString(locale);
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
	const shown = i === 0 ? Math.round(v).toLocaleString(locale) : sig(v, digits, locale);
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
