// The main interaction of each chapter's figure, driven as a reader would: by role and label.
// Figures not yet in src/site/explainer/figures.ts are skipped (the chapter shows a placeholder).
import { get_encoding } from 'tiktoken';
import { expect, test } from './fixtures.js';
import { figure, isAvailable, loadChapter } from './site.js';

/** Skips the test while the explainer cannot load `name` yet. */
function needs(name: string) {
	test.skip(!isAvailable(name), `${name} is not in src/site/explainer/figures.ts yet`);
}

test('TokenStrip: typed text becomes its real o200k_base token IDs', async ({ page, errors }) => {
	needs('TokenStrip');
	await page.goto('/');
	const strip = figure(await loadChapter(page, 'tokenization'), 'TokenStrip');
	await strip.getByRole('textbox', { name: 'Text' }).fill('hello world');
	// o200k_base, as printed by OpenAI's tiktoken: "hello world" → [24912, 2375]
	const ids = strip.getByRole('listbox').getByRole('option');
	await expect(ids).toHaveCount(2, { timeout: 20_000 });
	expect(await ids.evaluateAll((o) => o.map((x) => x.getAttribute('data-token-id')))).toEqual([
		'24912',
		'2375'
	]);
	// the same IDs from the tiktoken package (Rust BPE, independent of the js-tiktoken the site uses)
	const enc = get_encoding('o200k_base');
	expect([...enc.encode('hello world')]).toEqual([24912, 2375]);
	enc.free();
	await expect(strip.locator('figcaption')).toContainText('2 tokens');
	expect(errors).toEqual([]);
});

test('AttentionMatrix: a query row picked with the keyboard changes the summary', async ({
	page,
	errors
}) => {
	needs('AttentionMatrix');
	await page.goto('/');
	const matrix = figure(await loadChapter(page, 'attention'), 'AttentionMatrix');
	const grid = matrix.getByRole('grid', { name: /Attention weights/ });
	const summary = matrix.locator('figcaption');
	const before = await summary.textContent();
	const query = Number(await matrix.getAttribute('data-query'));

	// one cell of the map is in the tab order (roving tabindex); arrows move, Enter picks its row
	const cell = grid.locator('[role="gridcell"][tabindex="0"]');
	await cell.focus();
	const [row] = (await cell.getAttribute('data-cell'))!.split('-').map(Number);
	const target = row + 1 === query ? row + 2 : row + 1;
	for (let r = row; r < target; r++) await page.keyboard.press('ArrowDown');
	await expect(grid.locator(':focus')).toHaveAttribute('data-cell', new RegExp(`^${target}-`));
	await page.keyboard.press('Enter');

	await expect(matrix).toHaveAttribute('data-query', String(target));
	const token = (await grid.getByRole('rowheader').nth(target).textContent())!.trim();
	await expect(summary).toContainText(`query “${token}” attends most to`);
	expect(await summary.textContent()).not.toBe(before);
	expect(errors).toEqual([]);
});

test('RopeDial: moving the query position turns the dials; shifting both keeps the score', async ({
	page,
	errors
}) => {
	needs('RopeDial');
	await page.goto('/');
	const dial = figure(await loadChapter(page, 'rope'), 'RopeDial');
	const offset = Number(await dial.getAttribute('data-offset'));
	const summary = dial.locator('figcaption');
	const before = await summary.textContent();

	const m = dial.getByRole('slider', { name: 'Query position m' });
	await m.focus();
	await page.keyboard.press('ArrowRight');
	await expect(dial).toHaveAttribute('data-offset', String(offset + 1));
	await expect(summary).not.toHaveText(before!);

	// the score depends only on m − n: shifting both positions together leaves it unchanged
	const shift = dial.getByRole('slider', { name: 'Shift both by s' });
	await shift.focus();
	await page.keyboard.press('ArrowRight');
	await expect(dial).toHaveAttribute('data-offset', String(offset + 1));
	await expect(dial).toHaveAttribute('data-equal', 'true');
	expect(errors).toEqual([]);
});

test('OptimizerRace: Step advances the race by one step and Play runs it on', async ({ page, errors }) => {
	needs('OptimizerRace');
	await page.goto('/');
	const race = figure(await loadChapter(page, 'optimizers'), 'OptimizerRace');
	const pause = race.getByRole('button', { name: 'Pause', exact: true });
	if (await pause.isVisible()) await pause.click();
	const readout = race.getByText(/^Step \d+ of \d+$/).first();
	await expect(readout).toBeVisible();
	const stepOf = async () => Number(/Step (\d+)/.exec((await readout.textContent())!)![1]);
	const n = await stepOf();
	await race.getByRole('button', { name: 'Step', exact: true }).click();
	await expect(readout).toHaveText(new RegExp(`^Step ${n + 1} of`));
	await race.getByRole('button', { name: 'Play', exact: true }).click();
	await expect.poll(stepOf, { timeout: 10_000 }).toBeGreaterThan(n + 1);
	expect(errors).toEqual([]);
});

test('Training Lab: the parameter-scale slider resizes the memory cards', async ({ page, errors }) => {
	await page.goto('/training-lab');
	const lab = figure(page, 'WeightField');
	const slider = lab.getByRole('slider', { name: 'Parameter scale' });
	await slider.scrollIntoViewIfNeeded();
	const card = lab.locator('[data-card="workingSet"]');
	const model = await lab.getAttribute('data-model');
	const bytes = Number(await card.getAttribute('data-bytes'));
	// pressed again if the page had not hydrated yet the first time
	await expect(async () => {
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await expect(lab).not.toHaveAttribute('data-model', model!, { timeout: 1000 });
	}).toPass();
	// a bigger rung of the ladder needs more memory
	await expect.poll(async () => Number(await card.getAttribute('data-bytes'))).toBeGreaterThan(bytes);
	await expect(page.getByRole('heading', { name: 'What changes between stages' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('KVCacheMeter: Step runs the prefill, then one decode step at a time', async ({ page, errors }) => {
	needs('KVCacheMeter');
	await page.goto('/');
	const meter = figure(await loadChapter(page, 'kv-cache'), 'KVCacheMeter');
	const loop = meter.getByRole('group', { name: 'The decode loop' });
	const step = loop.getByRole('button', { name: 'Step', exact: true });
	const reset = loop.getByRole('button', { name: 'Reset', exact: true });
	if (await reset.isEnabled()) await reset.click();
	await expect(meter).toHaveAttribute('data-step', '-1');
	const memory = meter.getByTestId('memory-now');
	await step.click();
	await expect(meter).toHaveAttribute('data-step', '0');
	await expect(meter).toHaveAttribute('data-phase', 'prefill');
	const afterPrefill = await memory.textContent();
	await step.click();
	await expect(meter).toHaveAttribute('data-step', '1');
	await expect(meter).toHaveAttribute('data-phase', 'decode');
	await expect(memory).not.toHaveText(afterPrefill!);
	expect(errors).toEqual([]);
});

test('QuantMatrix: switching the format requantizes the matrix', async ({ page, errors }) => {
	needs('QuantMatrix');
	await page.goto('/');
	const quant = figure(await loadChapter(page, 'quantization'), 'QuantMatrix');
	const format = quant.getByRole('combobox', { name: 'Format' });
	const next = (await quant.getAttribute('data-format')) === 'int4' ? 'int8' : 'int4';
	const summary = await quant.locator('figcaption').textContent();
	await format.selectOption(next);
	await expect(quant).toHaveAttribute('data-format', next);
	await expect(quant.locator('figcaption')).not.toHaveText(summary!);
	await expect(quant.locator('figcaption')).toContainText(next.toUpperCase());
	expect(errors).toEqual([]);
});

test('BackpropStepper: Next walks through the four steps, and the update lowers the loss', async ({
	page,
	errors
}) => {
	needs('BackpropStepper');
	await page.goto('/');
	const stepper = figure(await loadChapter(page, 'backprop'), 'BackpropStepper');
	const steps = ['Select target', 'Forward pass', 'Backward pass', 'Apply update'];
	await stepper.getByRole('button', { name: 'Reset', exact: true }).click();
	await expect(stepper).toHaveAttribute('data-step', '1');
	for (let s = 2; s <= 4; s++) {
		await stepper.getByRole('button', { name: 'Next', exact: true }).click();
		await expect(stepper).toHaveAttribute('data-step', String(s));
		await expect(stepper.getByRole('tab', { selected: true })).toContainText(steps[s - 1]);
	}
	await expect(stepper.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
	const before = Number(await stepper.getAttribute('data-loss-before'));
	const after = Number(await stepper.getAttribute('data-loss-after'));
	expect(after).toBeLessThan(before);
	// the next training step starts from the updated weights: its loss before is this step's loss after
	await stepper.getByRole('button', { name: 'Train again with the new weights' }).click();
	await expect(stepper).toHaveAttribute('data-round', '2');
	expect(Number(await stepper.getAttribute('data-loss-before'))).toBeCloseTo(after, 12);
	expect(errors).toEqual([]);
});

test('SamplingPanel: a higher temperature flattens the distribution', async ({ page, errors }) => {
	needs('SamplingPanel');
	await page.goto('/');
	const panel = figure(await loadChapter(page, 'sampling'), 'SamplingPanel');
	const summary = panel.locator('figcaption');
	// the summary names the most likely token and its probability, e.g. "(41.2%)"
	const top = async () => Number(/\((\d+(?:\.\d+)?)\s*%/.exec((await summary.textContent())!)![1]);
	const t0 = Number(await panel.getAttribute('data-temperature'));
	const p0 = await top();
	const temperature = panel.getByRole('slider', { name: 'Temperature T' });
	await temperature.focus();
	await page.keyboard.press('End');
	await expect(panel).toHaveAttribute('data-temperature', '2');
	expect(t0).toBeLessThan(2);
	// softmax(z / T): the largest probability falls as T grows (logits not all equal)
	await expect.poll(top).toBeLessThan(p0);
	expect(errors).toEqual([]);
});

test('EmbeddingLookup: a typed word gets its real o200k_base ID and its row', async ({ page, errors }) => {
	needs('EmbeddingLookup');
	await page.goto('/');
	const lookup = figure(await loadChapter(page, 'embeddings'), 'EmbeddingLookup');
	// a text input with a list of suggestions is a combobox
	const word = lookup.getByRole('combobox', { name: 'Word', exact: true });
	await word.fill('kitten');
	await expect(lookup).toHaveAttribute('data-word', 'kitten');
	// the ID from the tiktoken package, not from the site's tokenizer
	const enc = get_encoding('o200k_base');
	const id = String(enc.encode('kitten')[0]);
	enc.free();
	await expect(lookup).toHaveAttribute('data-token-id', id, { timeout: 20_000 });
	await expect(lookup.locator('figcaption')).toContainText(id);
	expect(errors).toEqual([]);
});

test('NeuronPlot: the bias slider moves z, and ReLU passes only its positive part', async ({
	page,
	errors
}) => {
	needs('NeuronPlot');
	await page.goto('/');
	const neuron = figure(await loadChapter(page, 'neuron'), 'NeuronPlot');
	await neuron.getByRole('combobox', { name: 'Activation' }).selectOption('relu');
	await expect(neuron).toHaveAttribute('data-activation', 'relu');
	const z = async () => Number(await neuron.getAttribute('data-z'));
	const z0 = await z();
	const bias = neuron.getByRole('slider', { name: 'Bias b' });
	await bias.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(z).toBeGreaterThan(z0);
	await page.keyboard.press('End'); // the largest bias: z > 0, so ReLU(z) = z
	await expect.poll(z).toBeGreaterThan(0);
	expect(Number(await neuron.getAttribute('data-output'))).toBeCloseTo(await z(), 12);
	await page.keyboard.press('Home'); // the smallest bias: z < 0, so ReLU(z) = 0
	await expect.poll(z).toBeLessThan(0);
	expect(Number(await neuron.getAttribute('data-output'))).toBe(0);
	expect(errors).toEqual([]);
});

test('DenseLayer: moving an input slider recomputes the layer', async ({ page, errors }) => {
	needs('DenseLayer');
	await page.goto('/');
	const dense = figure(await loadChapter(page, 'feed-forward'), 'DenseLayer');
	const summary = await dense.locator('figcaption').textContent();
	const x1 = dense.getByRole('slider', { name: 'x1' });
	await x1.focus();
	await page.keyboard.press('End');
	await expect(dense.locator('figcaption')).not.toHaveText(summary!);
	expect(errors).toEqual([]);
});

test('DecoderBlock: choosing a part of the diagram opens its explanation', async ({ page, errors }) => {
	needs('DecoderBlock');
	await page.goto('/');
	const block = figure(await loadChapter(page, 'block'), 'DecoderBlock');
	const name = (await block
		.locator('[role="button"][data-part]:not([aria-pressed="true"])')
		.first()
		.getAttribute('data-part'))!;
	const part = block.locator(`[role="button"][data-part="${name}"]`);
	await part.focus();
	await page.keyboard.press('Enter');
	await expect(block).toHaveAttribute('data-part', name);
	await expect(part).toHaveAttribute('aria-pressed', 'true');
	expect(errors).toEqual([]);
});

test('PostTrainingPipeline: each stage is a tab that shows its own panel', async ({ page, errors }) => {
	needs('PostTrainingPipeline');
	await page.goto('/');
	const pipeline = figure(await loadChapter(page, 'post-training'), 'PostTrainingPipeline');
	const tabs = pipeline.getByRole('tab');
	await expect(tabs).toHaveCount(3);
	for (const [i, stage] of ['Base model', 'Supervised fine-tuning', 'Preference tuning'].entries()) {
		await tabs.nth(i).click();
		await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
		await expect(tabs.nth(i)).toContainText(stage);
		await expect(pipeline.getByRole('tabpanel')).toBeVisible();
	}
	await expect(pipeline).toHaveAttribute('data-stage', 'preference');
	expect(errors).toEqual([]);
});
