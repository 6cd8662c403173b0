// The Training Lab's WeightField on the prerendered site: its toy transformer trains in a Web
// Worker (the worker chunk the build emits) while the page only draws.
import { expect, test } from './fixtures.js';
import { figure } from './site.js';

test('Training Lab: WeightField trains in a Web Worker and its loss goes down', async ({ page, errors }) => {
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	await page.goto('/training-lab');
	const lab = figure(page, 'WeightField');
	await lab.scrollIntoViewIfNeeded();
	await expect(lab).toHaveAttribute('data-trainer', 'worker', { timeout: 20_000 });
	expect(workers.filter((u) => /\/_app\/immutable\/workers\/[\w-]+\.js$/.test(u))).toHaveLength(1);
	await expect(lab).toHaveAttribute('data-playing', 'true');
	const loss = async () => Number(await lab.locator('[data-readout="loss"]').textContent());
	const step = async () => Number(await lab.getAttribute('data-step'));
	// A fresh model predicts about uniformly: ln 20 ≈ 3.0 nats per token.
	expect(await step()).toBeLessThan(40);
	const first = await loss();
	expect(first).toBeGreaterThan(2.5);
	await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(120);
	expect(await loss()).toBeLessThan(first - 0.5);
	// The loss curve below loads as it is scrolled to and plots the lab's run, not a run of its own.
	const curve = figure(page, 'TrainingCurve');
	await expect(curve).toHaveCount(0);
	await page.getByRole('heading', { name: 'The loss as it trains' }).scrollIntoViewIfNeeded();
	await expect(curve).toHaveAttribute('data-status', 'given', { timeout: 10_000 });
	await expect.poll(async () => Number(await curve.getAttribute('data-points'))).toBeGreaterThan(100);
	// Pausing stops the worker: the step count holds.
	await lab.getByRole('button', { name: 'Pause', exact: true }).click();
	await expect(lab).toHaveAttribute('data-playing', 'false');
	const paused = await step();
	await page.waitForTimeout(500);
	expect(await step()).toBe(paused);
	expect(errors).toEqual([]);
});
