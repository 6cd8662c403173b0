/**
 * Markup written as one string, for the few places where a figure has hundreds of identical
 * elements (heat-map cells, the options of a word list) and building each through the template
 * would cost several times more than letting the browser parse them. Every value goes through
 * {@link escapeMarkup}, so that no text can open an element or end an attribute.
 */

/** `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes. */
export function escapeMarkup(value: string): string {
	return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * `<option>` elements for `values`, each showing its value as its text (or no text, for a
 * `<datalist>`, when `withText` is false).
 */
export function optionsMarkup(values: readonly string[], withText = true): string {
	let out = '';
	for (const v of values) {
		const e = escapeMarkup(v);
		out += withText ? `<option value="${e}">${e}</option>` : `<option value="${e}"></option>`;
	}
	return out;
}
