import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.svx'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.svx'] })],
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		alias: { $site: 'src/site' },
		// Every stylesheet is small (the largest, WeightField's, is about 7 KB): written into the page
		// itself, none costs a render-blocking request before the first paint.
		inlineStyleThreshold: 8192,
		typescript: {
			// the consumer app is type-checked by its own build, against the packed tarball
			config: (tsconfig) => ({ ...tsconfig, exclude: [...tsconfig.exclude, '../tests/consumer/app/**'] })
		}
	}
};

export default config;
