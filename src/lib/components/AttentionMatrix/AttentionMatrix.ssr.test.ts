import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import AttentionMatrix from './AttentionMatrix.svelte';

describe('AttentionMatrix on the server', () => {
	it('renders the default sentence as SVG heat maps with a summary, touching no browser global', () => {
		const { body } = render(AttentionMatrix);
		expect(body).toContain('la-attention-matrix');
		expect(body).toContain('<figure');
		expect(body).toContain('role="grid"');
		expect(body).toContain('data-mode="svg"');
		// the default sentence and its selected query (index 2, "sat")
		expect(body).toContain('>sat<');
		expect(body).toMatch(/query “sat” attends most to/);
		expect(body).toContain('Illustrative');
	});
});
