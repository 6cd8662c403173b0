import { getContext, hasContext, setContext } from 'svelte';
import { interpolate, resolveMessage, type Catalogue, type Catalogues, type Locale } from './messages.js';

const KEY = Symbol('llm-anatomy.messages');

export interface MessagesContext {
	/** The active locale. */
	readonly locale: Locale;
	/** Page-wide overrides, keyed as the components key their strings. */
	readonly overrides?: Catalogue;
}

/**
 * Sets the locale and page-wide string overrides for every llm-anatomy component below.
 * Pass a getter-backed object to keep it reactive: `setMessages({ get locale() { return lang } })`.
 */
export function setMessages(ctx: MessagesContext): void {
	setContext(KEY, ctx);
}

/** The message context, or English with no overrides. */
export function getMessagesContext(): MessagesContext {
	return hasContext(KEY) ? getContext<MessagesContext>(KEY) : { locale: 'en' };
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * Returns a translator for a component. Call during component initialisation.
 * `props` is a getter so a changed `messages` prop is picked up.
 */
export function useMessages<K extends string>(
	defaults: Catalogues<K>,
	props: () => Partial<Record<K, string>> | undefined,
	locale?: () => Locale | undefined
): Translate<K> {
	const ctx = getMessagesContext();
	return (key, params) =>
		interpolate(resolveMessage(key, defaults, locale?.() ?? ctx.locale, ctx.overrides, props()), params);
}
