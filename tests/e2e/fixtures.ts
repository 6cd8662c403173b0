import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** A page that records console errors and uncaught exceptions; the test fails if any occur. */
export const test = base.extend<{ errors: string[] }>({
	errors: async ({ page }, use) => {
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		await use(errors);
		expect(errors, 'console errors').toEqual([]);
	}
});
export { expect };

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];
const describe = (violations: Violations) =>
	violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** An axe violation already reported, tolerated inside one component until it is fixed. */
export interface KnownViolation {
	/** The axe rule id. */
	rule: string;
	/** CSS selector of the elements it is tolerated in, usually a component's root class. */
	within: string;
	/** A page that shows it. */
	page: string;
	/** What is wrong, in a sentence. */
	reason: string;
}

/**
 * Runs axe on the page (WCAG 2.1 AA rules and best practices, or only the rules in `only`) and
 * returns violations with their targets. A rule named in `known` still runs on the whole page
 * except inside that entry's `within`.
 */
export async function axe(page: Page, known: readonly KnownViolation[] = [], only?: string[]) {
	const rules = [...new Set(known.map((k) => k.rule))].filter((r) => !only || only.includes(r));
	const all = new AxeBuilder({ page });
	if (only) all.withRules(only.filter((r) => !rules.includes(r)));
	else all.withTags(AXE_TAGS).disableRules(rules);
	const out = only && only.every((r) => rules.includes(r)) ? [] : describe((await all.analyze()).violations);
	for (const rule of rules) {
		const builder = new AxeBuilder({ page }).withRules([rule]);
		for (const k of known.filter((x) => x.rule === rule)) builder.exclude(k.within);
		out.push(...describe((await builder.analyze()).violations));
	}
	return out;
}

/** Violations of one axe rule inside the elements matching `within`. */
export async function axeRule(page: Page, rule: string, within: string) {
	return describe((await new AxeBuilder({ page }).withRules([rule]).include(within).analyze()).violations);
}
