import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import TokenStrip from './TokenStrip.svelte';

describe('TokenStrip on the server', () => {
	it('renders a labelled figure with the text box and a loading note, touching no browser global', () => {
		const { body } = render(TokenStrip, { props: { text: 'hello world' } });
		expect(body).toContain('la-token-strip');
		expect(body).toContain('<figure');
		expect(body).toContain('hello world');
		expect(body).toContain('Loading the o200k_base vocabulary');
	});
	it('renders read-only without a text box', () => {
		const { body } = render(TokenStrip, { props: { text: 'x', editable: false } });
		expect(body).not.toContain('<textarea');
	});
	it('accepts the deprecated pageSize without passing it on to the DOM', () => {
		const { body } = render(TokenStrip, { props: { text: 'x', pageSize: 500 } });
		expect(body).toContain('la-token-strip');
		expect(body.toLowerCase()).not.toContain('pagesize');
	});
});
