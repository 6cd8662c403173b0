import type { TokenStripExample } from './types.js';

/** Default example sentences: prose, code, emoji, CJK, a name and numbers. */
export const defaultExamples: TokenStripExample[] = [
	{ label: 'Prose', text: 'Tokenization turns text into integers, one piece at a time.' },
	{ label: 'Code', text: 'def add(a, b):\n    return a + b  # 2 spaces, then a comment' },
	{ label: 'Emoji', text: 'I ❤️ tokens 👩🏽‍💻🚀 (one emoji can take several tokens)' },
	{ label: 'Chinese', text: '大型语言模型把文本切成词元。' },
	{ label: 'Name', text: 'Ada Lovelace met Charles Babbage in 1833.' },
	{ label: 'Numbers', text: '3.14159 × 2,048 = 6,433.98 and 1234567890' }
];
