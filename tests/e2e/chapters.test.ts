import { expect, test } from './fixtures.js';
import {
	CHAPTERS,
	ROOT_CLASS_EXCEPTIONS,
	availableFigures,
	chapter,
	chapterFigures,
	figure,
	loadChapter,
	rootClass
} from './site.js';

test('every chapter is on the page in reading order, with its anchor, and the contents link to it', async ({
	page,
	errors
}) => {
	await page.goto('/');
	const ids = await page
		.locator('article.explainer > section.chapter')
		.evaluateAll((sections) => sections.map((s) => s.id));
	expect(ids).toEqual(CHAPTERS.map((c) => c.id));
	for (const c of CHAPTERS) {
		await expect(chapter(page, c.id).getByRole('heading', { level: 2 })).toContainText(c.title);
	}
	const links = page.getByRole('navigation', { name: 'Chapters' }).getByRole('link');
	expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
		CHAPTERS.map((c) => `#${c.id}`)
	);
	for (const [i, c] of CHAPTERS.entries()) await expect(links.nth(i)).toContainText(c.title);
	expect(errors).toEqual([]);
});

test('each contents link scrolls to its chapter, and the chapter then loads its figures', async ({
	page,
	errors
}) => {
	const figures = chapterFigures();
	const available = availableFigures();
	await page.goto('/');
	const frames = (id: string) => chapter(page, id).locator(':scope > .lazy, :scope > .static-figure');

	// figures far below the first screen have not been fetched yet: the frame waits with its title
	const height = page.viewportSize()!.height;
	for (const c of CHAPTERS) {
		const names = figures.get(c.id) ?? [];
		await expect(frames(c.id)).toHaveCount(names.length);
		for (const [i, name] of names.entries()) {
			const frame = frames(c.id).nth(i);
			if (!available.has(name)) continue;
			const top = (await frame.boundingBox())!.y;
			if (top < 3 * height) continue; // near enough to load at once (frames look ahead of the viewport)
			await expect(frame.locator('[aria-busy="true"]'), `${c.id}: ${name} waits`).toHaveCount(1);
			await expect(figure(frame, name)).toHaveCount(0);
		}
	}

	const toc = page.getByRole('navigation', { name: 'Chapters' });
	for (const c of CHAPTERS) {
		await toc.locator(`a[href="#${c.id}"]`).click();
		await expect(page).toHaveURL(new RegExp(`#${c.id}$`));
		await expect(chapter(page, c.id).getByRole('heading', { level: 2 })).toBeInViewport();
		for (const [i, name] of (figures.get(c.id) ?? []).entries()) {
			const frame = frames(c.id).nth(i);
			if (available.has(name)) {
				await expect(figure(frame, name), `${c.id}: ${name} loads`).toBeVisible({ timeout: 20_000 });
				await expect(frame.locator('[aria-busy]')).toHaveCount(0);
			} else {
				// not in the registry yet: a static description stands in for it
				await expect(frame, `${c.id}: ${name} is described`).toHaveAttribute('role', 'note');
				await expect(frame).toBeVisible();
			}
		}
	}
	expect(errors).toEqual([]);
});

test("every figure's root element has the class la-<kebab-name>", async ({ page }) => {
	const available = availableFigures();
	await page.goto('/');
	for (const [id, names] of chapterFigures()) {
		const section = await loadChapter(page, id);
		for (const name of names.filter((n) => available.has(n)))
			await expect(section.locator(`.${rootClass(name)}`), name).toBeVisible();
	}
	expect(ROOT_CLASS_EXCEPTIONS).toEqual({});
});
