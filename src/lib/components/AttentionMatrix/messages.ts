import type { Catalogues } from '../../i18n/messages.js';

export type AttentionMatrixKey =
	| 'title'
	| 'sentence'
	| 'causal'
	| 'heads'
	| 'kvHeads'
	| 'head'
	| 'headOption'
	| 'qkvTitle'
	| 'qLabel'
	| 'kLabel'
	| 'vLabel'
	| 'qkvNote'
	| 'scoresTitle'
	| 'scoresNote'
	| 'weightsTitle'
	| 'weightsNote'
	| 'mixTitle'
	| 'mixNote'
	| 'outputLabel'
	| 'headsTitle'
	| 'headsNote'
	| 'headButton'
	| 'groupNote'
	| 'queryHeads'
	| 'kvHeadsRow'
	| 'queryAxis'
	| 'keyAxis'
	| 'dimAxis'
	| 'cell'
	| 'cellMasked'
	| 'readout'
	| 'readoutWeights'
	| 'readoutHint'
	| 'summary'
	| 'summaryThen'
	| 'summaryMasked'
	| 'illustrativeNote'
	| 'realNote'
	| 'tooManyTokens'
	| 'gqaMismatch'
	| 'badWeights'
	| 'empty'
	| 'largeNote'
	| 'mapLabel'
	| 'topKeys'
	| 'colQuery'
	| 'colKey'
	| 'colWeight'
	| 'colRank'
	| 'legendLow'
	| 'legendHigh'
	| 'selectedRow';

export const attentionMatrixMessages: Catalogues<AttentionMatrixKey> = {
	en: {
		title: 'Attention: who looks at whom',
		sentence: 'Sentence',
		causal: 'Causal mask (no peeking ahead)',
		heads: 'Query heads',
		kvHeads: 'K/V heads',
		head: 'Head shown',
		headOption: 'Head {head}',
		qkvTitle: 'Each token’s query, key and value (head {head})',
		qLabel: 'Q: what it looks for',
		kLabel: 'K: what it offers to be matched on',
		vLabel: 'V: what it hands over',
		qkvNote: 'Q = X·Wq, K = X·Wk, V = X·Wv, each {dHead} numbers wide.',
		scoresTitle: 'Raw scores: Q·Kᵀ / √{dHead}',
		scoresNote:
			'Each cell compares one query with one key. These are not weights yet; −∞ marks a future token hidden by the causal mask.',
		weightsTitle: 'Attention weights: softmax of each row',
		weightsNote:
			'Each row sums to 1. Click a row, or focus the map and use the arrow keys, to pick a query token; Enter selects the focused row.',
		mixTitle: 'Value mix for “{token}”',
		mixNote: 'Line thickness is the weight: output = Σ weight × V.',
		outputLabel: 'Output for “{token}”: Σ weight × V',
		headsTitle: 'Heads side by side',
		headsNote:
			'{heads} query heads share {kv} K/V heads: the KV cache stores {kv} heads’ keys and values instead of {heads}.',
		headButton: 'Head {head}, uses K/V head {kv}',
		groupNote: 'Query heads {heads} share K/V head {kv}.',
		queryHeads: 'Query heads',
		kvHeadsRow: 'K/V heads',
		queryAxis: 'query',
		keyAxis: 'key',
		dimAxis: 'dimension',
		cell: '“{query}” → “{key}”: {value}',
		cellMasked: '“{query}” → “{key}”: masked',
		readout: 'Query {qi} “{query}” → key {ki} “{key}”: weight {weight}, score {score}',
		readoutWeights: 'Query {qi} “{query}” → key {ki} “{key}”: weight {weight}',
		readoutHint: 'Hover or focus a cell to read it.',
		summary: 'Head {head}: query “{query}” attends most to “{top}” ({weight}){rest}.',
		summaryThen: ', then “{token}” ({weight})',
		summaryMasked: ' It cannot see the {count} tokens after it.',
		illustrativeNote:
			'Seeded random weights (seed {seed}): they show how attention works, not what a trained model attends to.',
		realNote: 'Attention weights passed in by the page.',
		tooManyTokens: '{count} tokens given; only the first {max} are shown.',
		gqaMismatch:
			'{heads} query heads cannot share {kv} K/V heads evenly; showing {fallback} K/V heads instead.',
		badWeights: 'These weights cannot be shown: {reason}',
		empty: 'Type a sentence to see how its tokens attend to each other.',
		largeNote:
			'Q, K, V, the raw scores and the value lines are drawn for up to {max} tokens. The map below is drawn on a canvas: hover it, or focus it and use the arrow keys, to read a cell.',
		mapLabel: 'Attention weights, {seq} by {seq}: rows are queries, columns are keys.',
		topKeys: 'Strongest keys for “{token}”',
		colQuery: 'Query',
		colKey: 'Key',
		colWeight: 'Weight',
		colRank: 'Rank',
		legendLow: '0',
		legendHigh: '{max}',
		selectedRow: 'selected query'
	},
	zh: {
		title: '注意力：谁在看谁',
		sentence: '句子',
		causal: '因果掩码（不能偷看后文）',
		heads: '查询头数',
		kvHeads: 'K/V 头数',
		head: '显示的头',
		headOption: '第 {head} 头',
		qkvTitle: '每个词元的查询、键和值（第 {head} 头）',
		qLabel: 'Q：它在找什么',
		kLabel: 'K：它可被匹配的特征',
		vLabel: 'V：它交出的信息',
		qkvNote: 'Q = X·Wq，K = X·Wk，V = X·Wv，各有 {dHead} 个数。',
		scoresTitle: '原始分数：Q·Kᵀ / √{dHead}',
		scoresNote: '每个格子比较一个查询和一个键。这还不是权重；−∞ 表示被因果掩码遮住的后文词元。',
		weightsTitle: '注意力权重：每行做 softmax',
		weightsNote: '每行之和为 1。点击一行，或聚焦热图后用方向键选择查询词元；按 Enter 选中当前行。',
		mixTitle: '“{token}”的值混合',
		mixNote: '线的粗细就是权重：输出 = Σ 权重 × V。',
		outputLabel: '“{token}”的输出：Σ 权重 × V',
		headsTitle: '各个头并排',
		headsNote: '{heads} 个查询头共享 {kv} 个 K/V 头：KV 缓存只需保存 {kv} 个头的键和值，而不是 {heads} 个。',
		headButton: '第 {head} 头，使用第 {kv} 个 K/V 头',
		groupNote: '查询头 {heads} 共享第 {kv} 个 K/V 头。',
		queryHeads: '查询头',
		kvHeadsRow: 'K/V 头',
		queryAxis: '查询',
		keyAxis: '键',
		dimAxis: '维度',
		cell: '“{query}” → “{key}”：{value}',
		cellMasked: '“{query}” → “{key}”：已掩码',
		readout: '查询 {qi}“{query}” → 键 {ki}“{key}”：权重 {weight}，分数 {score}',
		readoutWeights: '查询 {qi}“{query}” → 键 {ki}“{key}”：权重 {weight}',
		readoutHint: '悬停或聚焦一个格子以读出数值。',
		summary: '第 {head} 头：查询“{query}”最关注“{top}”（{weight}）{rest}。',
		summaryThen: '，其次是“{token}”（{weight}）',
		summaryMasked: '它看不到后面的 {count} 个词元。',
		illustrativeNote: '带种子的随机权重（种子 {seed}）：演示注意力如何运作，而非训练好的模型关注什么。',
		realNote: '由页面传入的注意力权重。',
		tooManyTokens: '给出了 {count} 个词元；只显示前 {max} 个。',
		gqaMismatch: '{heads} 个查询头无法均分到 {kv} 个 K/V 头；改为显示 {fallback} 个 K/V 头。',
		badWeights: '无法显示这些权重：{reason}',
		empty: '输入一个句子，看看其中的词元如何相互关注。',
		largeNote:
			'Q、K、V、原始分数和值混合连线只在不超过 {max} 个词元时绘制。下面的热图用画布绘制：悬停或聚焦后用方向键读出格子。',
		mapLabel: '注意力权重，{seq} × {seq}：行是查询，列是键。',
		topKeys: '“{token}”最强的键',
		colQuery: '查询',
		colKey: '键',
		colWeight: '权重',
		colRank: '名次',
		legendLow: '0',
		legendHigh: '{max}',
		selectedRow: '选中的查询'
	}
};
