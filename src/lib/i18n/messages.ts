/**
 * Message catalogues. Every user-visible string in a component comes from a catalogue so that a
 * page can switch language or reword any string. Each component ships its own `{ en, zh }`
 * defaults; a page overrides them for every component with `<Messages>` (or `setMessages`), and a
 * single component with its `messages` prop. Strings may hold `{name}` placeholders.
 */
export type Locale = 'en' | 'zh' | (string & {});
export type Catalogue = Record<string, string>;
export type Catalogues<K extends string = string> = { en: Record<K, string> } & Partial<
	Record<Locale, Partial<Record<K, string>>>
>;

/** Fills `{name}` placeholders from `params`; unknown placeholders are left as they are. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * Resolves one string: the component's `messages` prop, then page-wide overrides for the locale,
 * then the component's catalogue for the locale, then English.
 */
export function resolveMessage<K extends string>(
	key: K,
	defaults: Catalogues<K>,
	locale: Locale,
	pageOverrides?: Catalogue,
	propOverrides?: Partial<Record<K, string>>
): string {
	return propOverrides?.[key] ?? pageOverrides?.[key] ?? defaults[locale]?.[key] ?? defaults.en[key] ?? key;
}
