import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectApi, collectCoreApi } from './api.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('generated API reference', () => {
	it('matches the components’ types.ts (run `npm run gen:api` if this fails)', () => {
		const saved = JSON.parse(readFileSync(join(root, 'src/routes/reference/api.generated.json'), 'utf8'));
		expect(saved).toEqual(collectApi(root));
	});
	it('matches the core’s exports (run `npm run gen:api` if this fails)', () => {
		const saved = JSON.parse(
			readFileSync(join(root, 'src/routes/reference/core-api.generated.json'), 'utf8')
		);
		expect(saved).toEqual(collectCoreApi(root));
	}, 60_000);
	it('documents every public core export', () => {
		const missing = collectCoreApi(root)
			.filter((e) => !e.doc)
			.map((e) => `${e.module}:${e.name}`);
		expect(missing).toEqual([]);
	}, 60_000);
	it('documents every prop with a description, and optional props with a default', () => {
		for (const c of Object.values(collectApi(root))) {
			for (const p of c.props) {
				expect(p.description, `${c.name}.${p.name} has no description`).not.toBe('');
				if (p.optional && p.kind === 'prop' && !/^(class|locale|messages|title)$/.test(p.name)) {
					expect(p.default, `${c.name}.${p.name} has no @default`).toBeDefined();
				}
			}
		}
	});
});
