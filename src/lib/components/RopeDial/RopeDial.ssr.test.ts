import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RopeDial from './RopeDial.svelte';

describe('RopeDial on the server', () => {
	it('renders the dials, the three scores and the chart, touching no browser global', () => {
		const { body } = render(RopeDial);
		expect(body).toContain('la-rope-dial');
		expect(body).toContain('<figure');
		expect(body.match(/class="dial"/g)?.length).toBe(4); // d = 8 → 4 pairs
		expect(body).toContain('data-testid="score-after"');
		expect(body).toContain('the same: only m − n = 3 matters');
		expect(body).toContain('Score against offset m − n');
	});

	it('shows cos(1) for (1, 0) rotated by one radian', () => {
		const { body } = render(RopeDial, { props: { q: [1, 0], k: [1, 0], positionQ: 1, positionK: 0 } });
		// cos(1) = 0.5403…
		expect(body).toMatch(/data-testid="score-after"[^>]*>0\.540</);
	});
});
