import type { Catalogues } from '../../i18n/messages.js';

export type TokenStripKey =
	| 'title'
	| 'input'
	| 'encoding'
	| 'compare'
	| 'compareNone'
	| 'examples'
	| 'copyIds'
	| 'copied'
	| 'copyFailed'
	| 'loading'
	| 'loadFailed'
	| 'retry'
	| 'empty'
	| 'characters'
	| 'tokens'
	| 'charsPerToken'
	| 'summary'
	| 'token'
	| 'tokenDetail'
	| 'partial'
	// 'showMore' and 'truncated' are no longer shown (the strip scrolls through every token); they stay
	// so that existing message overrides still type-check.
	| 'showMore'
	| 'truncated'
	| 'tooLong'
	| 'working'
	| 'colId'
	| 'colText'
	| 'colBytes'
	| 'colStart'
	| 'colEnd'
	| 'stripLabel';

export const tokenStripMessages: Catalogues<TokenStripKey> = {
	en: {
		title: 'Text to tokens',
		input: 'Text',
		encoding: 'Encoding',
		compare: 'Compare with',
		compareNone: 'nothing',
		examples: 'Examples',
		copyIds: 'Copy IDs',
		copied: 'Copied {count} token IDs.',
		copyFailed: 'Could not copy: select the IDs in the data table instead.',
		loading: 'Loading the {encoding} vocabulary…',
		loadFailed: 'Could not load {encoding}: {reason}',
		retry: 'Try again',
		empty: 'Type or paste some text to see its tokens.',
		characters: 'characters',
		tokens: 'tokens',
		charsPerToken: 'characters per token',
		summary: '{encoding} splits {characters} characters into {tokens} tokens ({ratio} characters per token).',
		token: 'token',
		tokenDetail: 'Token {index}: ID {id}, text “{text}”, bytes {bytes}, characters {start}–{end}.',
		partial: 'holds part of a multi-byte character',
		showMore: 'Show {count} more tokens',
		truncated: 'Showing {shown} of {total} tokens.',
		tooLong: 'The text is {length} characters long; only the first {max} are tokenized.',
		working: 'Tokenizing… {percent}%',
		colId: 'ID',
		colText: 'Text',
		colBytes: 'UTF-8 bytes',
		colStart: 'Start',
		colEnd: 'End',
		stripLabel: 'Tokens of the text with {encoding}'
	},
	zh: {
		title: '从文本到词元',
		input: '文本',
		encoding: '编码',
		compare: '对比',
		compareNone: '无',
		examples: '示例',
		copyIds: '复制 ID',
		copied: '已复制 {count} 个词元 ID。',
		copyFailed: '无法复制：请在数据表中选择 ID。',
		loading: '正在加载 {encoding} 词表…',
		loadFailed: '无法加载 {encoding}：{reason}',
		retry: '重试',
		empty: '输入或粘贴一些文本以查看其词元。',
		characters: '字符',
		tokens: '词元',
		charsPerToken: '每词元字符数',
		summary: '{encoding} 将 {characters} 个字符切分为 {tokens} 个词元（每个词元 {ratio} 个字符）。',
		token: '词元',
		tokenDetail: '第 {index} 个词元：ID {id}，文本“{text}”，字节 {bytes}，字符 {start}–{end}。',
		partial: '只包含多字节字符的一部分',
		showMore: '再显示 {count} 个词元',
		truncated: '显示 {total} 个词元中的 {shown} 个。',
		tooLong: '文本长 {length} 个字符，只对前 {max} 个字符进行分词。',
		working: '分词中… {percent}%',
		colId: 'ID',
		colText: '文本',
		colBytes: 'UTF-8 字节',
		colStart: '起始',
		colEnd: '结束',
		stripLabel: '使用 {encoding} 得到的文本词元'
	}
};
