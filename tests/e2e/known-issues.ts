import type { KnownViolation } from './fixtures.js';

/** A known axe violation, optionally one that shows only in the dark theme. */
export type KnownIssue = KnownViolation & { theme?: 'dark' };

/**
 * Accessibility faults found by these tests in components, tolerated where they are until they are
 * fixed so that the rest of each page stays checked. accessibility.test.ts holds a fixme test for
 * each; remove an entry when its component is fixed and that test passes.
 */
export const KNOWN_AXE: readonly KnownIssue[] = [];

/** The known axe violations that apply in a theme. */
export const knownAxe = (theme: 'light' | 'dark' = 'light') =>
	KNOWN_AXE.filter((k) => !k.theme || k.theme === theme);

/** Pages that scroll sideways at 360 px, and why. */
export const KNOWN_OVERFLOW: Record<string, string> = {};
