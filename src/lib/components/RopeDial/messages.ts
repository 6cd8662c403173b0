import type { Catalogues } from '../../i18n/messages.js';

export type RopeDialKey =
	| 'title'
	| 'positionQ'
	| 'positionK'
	| 'shift'
	| 'base'
	| 'headWidth'
	| 'frame'
	| 'frameOrigin'
	| 'frameQuery'
	| 'frameKey'
	| 'dialsLabel'
	| 'dialLabel'
	| 'pair'
	| 'theta'
	| 'query'
	| 'key'
	| 'shifted'
	| 'before'
	| 'after'
	| 'afterShift'
	| 'equal'
	| 'notEqual'
	| 'chartTitle'
	| 'chartLabel'
	| 'offset'
	| 'score'
	| 'unrotated'
	| 'summary'
	| 'badgeNote'
	| 'oddWidth'
	| 'badBase'
	| 'badVector'
	| 'coreError'
	| 'colPair'
	| 'colTheta'
	| 'colAngleQ'
	| 'colAngleK'
	| 'colContribution'
	| 'dialsShown';

export const ropeDialMessages: Catalogues<RopeDialKey> = {
	en: {
		title: 'RoPE: position as rotation',
		positionQ: 'Query position m',
		positionK: 'Key position n',
		shift: 'Shift both by s',
		base: 'Base',
		headWidth: 'Head width',
		frame: 'Seen from',
		frameOrigin: 'position 0',
		frameQuery: 'the query',
		frameKey: 'the key',
		dialsLabel: 'One dial per pair of dimensions: the query’s pair and the key’s pair, rotated by position.',
		dialLabel:
			'Pair {pair}, θ = {theta} radians per position: the query turns {angleQ} and the key {angleK}, {gap} apart.',
		pair: 'pair {pair}',
		theta: 'θ = {theta}',
		query: 'q',
		key: 'k',
		shifted: 'shifted',
		before: 'q · k without rotation',
		after: 'after RoPE at m = {m}, n = {n}',
		afterShift: 'both shifted to m = {m}, n = {n}',
		equal: 'the same: only m − n = {offset} matters',
		notEqual: 'different',
		chartTitle: 'Score against offset m − n',
		chartLabel:
			'Line chart of the rotated score for offsets from {from} to {to}; the current offset {offset} gives {score}.',
		offset: 'offset m − n',
		score: 'score',
		unrotated: 'no rotation',
		summary:
			'With the query at {m} and the key at {n}, the score moves from {before} to {after}; shifting both by {s} keeps it at {shifted}, because it depends only on the offset {offset}.',
		badgeNote: 'Seeded random q and k (seed {seed}); the rotation is the exact RoPE formula.',
		oddWidth: 'RoPE rotates pairs of numbers, so the head width must be even: using {used}.',
		badBase: 'The base must be a number above 1 (got {base}): using {used}.',
		badVector: 'q and k must each have {dHead} finite numbers: {reason}. Using seeded vectors instead.',
		coreError: 'Cannot compute the rotation: {reason}',
		colPair: 'Pair',
		colTheta: 'θ (rad per position)',
		colAngleQ: 'Query angle m·θ (rad)',
		colAngleK: 'Key angle n·θ (rad)',
		colContribution: 'Contribution to the score',
		dialsShown: 'Showing {shown} of {total} pairs, fastest to slowest.'
	},
	zh: {
		title: 'RoPE：用旋转表示位置',
		positionQ: '查询位置 m',
		positionK: '键位置 n',
		shift: '两者同时平移 s',
		base: '底数',
		headWidth: '头宽度',
		frame: '参照',
		frameOrigin: '位置 0',
		frameQuery: '查询',
		frameKey: '键',
		dialsLabel: '每对维度一个表盘：查询和键的这对分量按位置旋转。',
		dialLabel: '第 {pair} 对，θ = 每个位置 {theta} 弧度：查询转过 {angleQ}，键转过 {angleK}，相差 {gap}。',
		pair: '第 {pair} 对',
		theta: 'θ = {theta}',
		query: 'q',
		key: 'k',
		shifted: '平移后',
		before: '未旋转的 q · k',
		after: 'RoPE 后，m = {m}，n = {n}',
		afterShift: '两者平移到 m = {m}，n = {n}',
		equal: '相同：只有 m − n = {offset} 起作用',
		notEqual: '不同',
		chartTitle: '分数随偏移 m − n 的变化',
		chartLabel: '折线图：偏移从 {from} 到 {to} 的旋转后分数；当前偏移 {offset} 的分数为 {score}。',
		offset: '偏移 m − n',
		score: '分数',
		unrotated: '未旋转',
		summary:
			'查询在位置 {m}、键在位置 {n} 时，分数从 {before} 变为 {after}；两者同时平移 {s} 后仍为 {shifted}，因为它只取决于偏移 {offset}。',
		badgeNote: '带种子的随机 q 和 k（种子 {seed}）；旋转使用精确的 RoPE 公式。',
		oddWidth: 'RoPE 旋转成对的数，所以头宽度必须是偶数：改用 {used}。',
		badBase: '底数必须是大于 1 的数（得到 {base}）：改用 {used}。',
		badVector: 'q 和 k 都必须有 {dHead} 个有限数：{reason}。改用带种子的向量。',
		coreError: '无法计算旋转：{reason}',
		colPair: '维度对',
		colTheta: 'θ（每个位置的弧度）',
		colAngleQ: '查询角 m·θ（弧度）',
		colAngleK: '键角 n·θ（弧度）',
		colContribution: '对分数的贡献',
		dialsShown: '显示 {total} 对中的 {shown} 对，从最快到最慢。'
	}
};
