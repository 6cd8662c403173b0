/**
 * Export helpers shared by every component's export menu: the data as CSV or JSON, the picture as
 * SVG (when drawn in SVG) or PNG. The string builders are pure; the download and rasterise helpers
 * take the document they work in so that they never touch globals at import time.
 */
export interface Column {
	/** Key into each row. */
	key: string;
	/** Header text. */
	label: string;
}
export type Row = Record<string, string | number | boolean | null | undefined>;

/** The data behind a figure, as shown in its data table and exported as CSV/JSON. */
export interface FigureData {
	columns: Column[];
	rows: Row[];
}

function csvCell(v: Row[string]): string {
	if (v === null || v === undefined) return '';
	const s = typeof v === 'number' && !Number.isFinite(v) ? String(v) : String(v);
	return /[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; quotes cells holding commas, quotes, newlines or edge spaces. */
export function toCsv({ columns, rows }: FigureData): string {
	const lines = [columns.map((c) => csvCell(c.label)).join(',')];
	for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key])).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** Pretty JSON of the rows keyed by column key; non-finite numbers become strings ("NaN", "Infinity"). */
export function toJson({ columns, rows }: FigureData): string {
	const clean = rows.map((r) =>
		Object.fromEntries(
			columns.map((c) => {
				const v = r[c.key];
				return [c.key, typeof v === 'number' && !Number.isFinite(v) ? String(v) : (v ?? null)];
			})
		)
	);
	return JSON.stringify(clean, null, 2);
}

/** Serialises an SVG element with its namespace and computed theme colours inlined on the root. */
export function svgToString(svg: SVGSVGElement, win: Window = svg.ownerDocument.defaultView!): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const cs = win.getComputedStyle(svg);
	const vars = [
		'--la-ink',
		'--la-bg',
		'--la-positive',
		'--la-negative',
		'--la-zero',
		'--la-accent',
		'--la-muted',
		'--la-border'
	];
	const style = vars.map((v) => `${v}:${cs.getPropertyValue(v)}`).join(';');
	clone.setAttribute(
		'style',
		`${clone.getAttribute('style') ?? ''};${style};color:${cs.color};font-family:${cs.fontFamily}`
	);
	return new XMLSerializer().serializeToString(clone);
}

/** Saves a blob under `filename` by clicking a temporary link. */
export function download(blob: Blob, filename: string, doc: Document = document): void {
	const url = URL.createObjectURL(blob);
	const a = doc.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	doc.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rasterises an SVG to a PNG blob at `scale` × its on-screen size. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const doc = svg.ownerDocument;
	const { width, height } = svg.getBoundingClientRect();
	const img = new Image();
	const src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgToString(svg));
	await new Promise<void>((resolve, reject) => {
		img.onload = () => resolve();
		img.onerror = () => reject(new Error('could not rasterise the SVG'));
		img.src = src;
	});
	const canvas = doc.createElement('canvas');
	canvas.width = Math.max(1, Math.round(width * scale));
	canvas.height = Math.max(1, Math.round(height * scale));
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = doc.defaultView!.getComputedStyle(svg).getPropertyValue('--la-bg') || '#fff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	return canvasToPng(canvas);
}

/** A canvas's pixels as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not encode the PNG'))), 'image/png')
	);
}

/**
 * Renders HTML content (a grid of chips, say) to PNG by wrapping it in an SVG foreignObject.
 * Used where a figure is made of HTML rather than SVG or canvas.
 */
export async function htmlToPng(el: HTMLElement, scale = 2): Promise<Blob> {
	const doc = el.ownerDocument;
	const { width, height } = el.getBoundingClientRect();
	const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
	svg.setAttribute('width', String(Math.ceil(width)));
	svg.setAttribute('height', String(Math.ceil(height)));
	const fo = doc.createElementNS('http://www.w3.org/2000/svg', 'foreignObject');
	fo.setAttribute('width', '100%');
	fo.setAttribute('height', '100%');
	const clone = el.cloneNode(true) as HTMLElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/1999/xhtml');
	inlineStyles(el, clone);
	fo.appendChild(clone);
	svg.appendChild(fo);
	doc.body.appendChild(svg);
	try {
		return await svgToPng(svg as SVGSVGElement, scale);
	} finally {
		svg.remove();
	}
}

function inlineStyles(src: Element, dst: Element): void {
	const cs = src.ownerDocument.defaultView!.getComputedStyle(src);
	let text = '';
	for (const p of [
		'color',
		'background-color',
		'font',
		'padding',
		'margin',
		'border',
		'display',
		'gap',
		'flex-wrap',
		'white-space',
		'border-radius'
	])
		text += `${p}:${cs.getPropertyValue(p)};`;
	(dst as HTMLElement).setAttribute('style', text);
	for (let i = 0; i < src.children.length; i++) inlineStyles(src.children[i], dst.children[i]);
}
