import { it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import '../../theme/tokens.css';
import EmbeddingLookup from './EmbeddingLookup.svelte';
const shot = async (el: Element | null, name: string) => {
	if (el) await page.elementLocator(el).screenshot({ path: `./__screenshots__/el-${name}.png` });
};
it('shot', async () => {
	await page.viewport(1200, 700);
	const s = await render(EmbeddingLookup, {});
	await new Promise((r) => setTimeout(r, 2500));
	const c = s.container;
	await shot(c.querySelector('.la-head')?.parentElement?.querySelector('.la-controls') ?? null, 'controls');
	await shot(c.querySelector('.chain')?.parentElement ?? null, 'top');
	await shot(c.querySelector('.map-wrap'), 'map');
	await shot(c.querySelector('.side'), 'side');
	s.unmount();
	await page.viewport(360, 700);
	const n = await render(EmbeddingLookup, { display: 'heat', word: 'queen' });
	await new Promise((r) => setTimeout(r, 2500));
	await shot(n.container.querySelector('.vector'), 'n-vector');
	await shot(n.container.querySelector('.map-wrap'), 'n-map');
	await shot(n.container.querySelector('.chain'), 'n-chain');
});
