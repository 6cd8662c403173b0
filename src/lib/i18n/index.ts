export { default as Messages } from './Messages.svelte';
export {
	setMessages,
	getMessagesContext,
	useMessages,
	type MessagesContext,
	type Translate
} from './context.js';
export { interpolate, resolveMessage, type Catalogue, type Catalogues, type Locale } from './messages.js';
