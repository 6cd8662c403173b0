import { error } from '@sveltejs/kit';
import api from '../api.generated.json';
import { REFERENCE } from '../catalogue.js';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => REFERENCE.map((r) => ({ name: r.name }));

export const load: PageLoad = async ({ params }) => {
	const entry = REFERENCE.find((r) => r.name === params.name);
	if (!entry) error(404, `No component called ${params.name}`);
	const component = (await entry.load()).default;
	const info = (api as Record<string, (typeof api)[keyof typeof api]>)[entry.name];
	return { entry, component, api: info };
};
