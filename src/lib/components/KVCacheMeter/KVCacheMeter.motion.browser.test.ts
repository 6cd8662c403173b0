import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import KVCacheMeter from './KVCacheMeter.svelte';

// The reader asked for reduced motion.
vi.mock('svelte/motion', () => ({ prefersReducedMotion: { current: true } }));

describe('KVCacheMeter under prefers-reduced-motion', () => {
	it('offers Step and To the end only, and never animates', async () => {
		const raf = vi.spyOn(window, 'requestAnimationFrame');
		const screen = await render(KVCacheMeter, { autoplay: true });
		await expect.element(screen.getByText(/Reduced motion is on/)).toBeInTheDocument();
		expect(screen.container.querySelector('button')?.textContent).not.toBe('Play');
		expect([...screen.container.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain(
			'Play'
		);
		await screen.getByRole('button', { name: 'Step' }).click();
		await expect.element(screen.getByTestId('phase')).toHaveTextContent('Prefill');
		await screen.getByRole('button', { name: 'To the end' }).click();
		await expect.element(screen.getByTestId('rows-cache')).toHaveTextContent('8,192');
		expect(screen.container.querySelector('.la-kv-cache-meter')?.getAttribute('data-playing')).toBe('false');
		expect(raf).not.toHaveBeenCalled();
		raf.mockRestore();
	});
});
