import type { Preview } from '@storybook/sveltekit';
import '../src/lib/theme/tokens.css';

const preview: Preview = {
	parameters: {
		controls: { matchers: { color: /(background|color)$/i } },
		a11y: { test: 'error' }
	}
};
export default preview;
