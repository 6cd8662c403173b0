import type { StorybookConfig } from '@storybook/sveltekit';

const config: StorybookConfig = {
	stories: ['../src/**/*.mdx', '../src/**/*.stories.@(js|ts|svelte)'],
	addons: ['@storybook/addon-svelte-csf', '@storybook/addon-vitest', '@storybook/addon-docs'],
	framework: '@storybook/sveltekit',
	core: { disableTelemetry: true }
};
export default config;
