import { it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import '../../theme/tokens.css';
import DecoderBlock from './DecoderBlock.svelte';
it('shot', async () => {
	await page.viewport(1200, 1000);
	const s = await render(DecoderBlock, { model: 'gemma-2-9b', part: 'mlp' });
	await new Promise((r) => setTimeout(r, 300));
	await page.screenshot({ path: './__shots__/decoder-wide.png' });
	s.unmount();
	await page.viewport(360, 1400);
	await render(DecoderBlock, { model: 'gpt2', part: 'attention' });
	await new Promise((r) => setTimeout(r, 300));
	await page.screenshot({ path: './__shots__/decoder-narrow.png' });
});
