/** Copy-paste snippets shown on the blog guide page. */
export const page = `<script>
import { TokenStrip } from 'llm-anatomy';
import 'llm-anatomy/theme.css';
</script>

<TokenStrip text="Hello, tokens!" />`;

export const svelteConfig = `import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

export default {
extensions: ['.svelte', '.svx'],
preprocess: [vitePreprocess(), mdsvex({ extensions: ['.svx'] })],
kit: { adapter: adapter() }
};`;

export const post = `---
title: How a tokenizer reads this post
---

<script>
import { TokenStrip } from 'llm-anatomy';
</script>

A model never sees letters, only token IDs:

<TokenStrip text="How a tokenizer reads this post." editable={false} />`;

export const zh = `<script>
import { Messages, TokenStrip } from 'llm-anatomy';
</script>

<Messages locale="zh">
<TokenStrip text="你好，世界" />
</Messages>`;

export const core = `import { loadTokenizer, countParameters, MODELS } from 'llm-anatomy/core';

const tok = await loadTokenizer('cl100k_base');
tok.encode('hello world'); // [15339, 1917]
countParameters(MODELS['llama-3-8b']).total; // 8030261248`;

export const theme = `<div style="--la-accent: rebeccapurple; --la-font: Georgia, serif">
<TokenStrip />
</div>`;
