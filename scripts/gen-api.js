#!/usr/bin/env node
// Writes src/routes/reference/api.generated.json from the components' types.ts files.
// `npm run gen:api` after changing a component's props; a unit test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectApi, collectCoreApi } from './api.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'src/routes/reference/api.generated.json');
writeFileSync(file, JSON.stringify(collectApi(root), null, '\t') + '\n');
console.log(`wrote ${file}`);
const coreFile = join(root, 'src/routes/reference/core-api.generated.json');
writeFileSync(coreFile, JSON.stringify(collectCoreApi(root), null, '\t') + '\n');
console.log(`wrote ${coreFile}`);
