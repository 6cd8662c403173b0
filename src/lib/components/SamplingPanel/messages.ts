import type { Catalogues } from '../../i18n/messages.js';

export type SamplingPanelKey =
	| 'title'
	| 'badgeNote'
	| 'badgeNoteGiven'
	| 'temperature'
	| 'topK'
	| 'topP'
	| 'minP'
	| 'off'
	| 'decoding'
	| 'modeSample'
	| 'modeGreedy'
	| 'generate'
	| 'stop'
	| 'step'
	| 'reset'
	| 'seed'
	| 'chartLabel'
	| 'logitHead'
	| 'probHead'
	| 'keptLegend'
	| 'removedLegend'
	| 'drawnLegend'
	| 'cutTopK'
	| 'cutTopP'
	| 'cutMinP'
	| 'more'
	| 'sequenceLabel'
	| 'sequenceEmpty'
	| 'sequenceCount'
	| 'sequenceEnded'
	| 'stepButton'
	| 'drawDetail'
	| 'greedyDetail'
	| 'greedyAtZero'
	| 'summaryDist'
	| 'summaryGreedy'
	| 'summaryStep'
	| 'empty'
	| 'lengthMismatch'
	| 'badLogit'
	| 'temperatureClamped'
	| 'topKClamped'
	| 'topKTooLarge'
	| 'topPClamped'
	| 'minPClamped'
	| 'colRank'
	| 'colToken'
	| 'colLogit'
	| 'colProb'
	| 'colCumulative'
	| 'colFiltered'
	| 'colKept'
	| 'yes'
	| 'no';

export const samplingPanelMessages: Catalogues<SamplingPanelKey> = {
	en: {
		title: 'From logits to a sampled token',
		badgeNote:
			'A toy next-token table with made-up logits; the softmax, filters and draws are computed exactly.',
		badgeNoteGiven: 'Logits as given; the softmax, filters and draws are computed exactly.',
		temperature: 'Temperature T',
		topK: 'Top-k',
		topP: 'Top-p',
		minP: 'Min-p',
		off: 'off',
		decoding: 'Decoding',
		modeSample: 'Sample',
		modeGreedy: 'Greedy',
		generate: 'Generate',
		stop: 'Stop',
		step: 'Step',
		reset: 'Reset',
		seed: 'Seed',
		chartLabel:
			'Candidate next tokens after “{context}”, highest probability first: their logits and their probabilities at T = {t}; {kept} of {n} are kept by the filters.',
		logitHead: 'logit',
		probHead: 'probability at T = {t}',
		keptLegend: 'kept',
		removedLegend: 'removed by a filter',
		drawnLegend: 'drawn',
		cutTopK: 'top-k = {k}',
		cutTopP: 'top-p = {p}',
		cutMinP: 'min-p: {threshold}',
		more: '… {count} more, {p} in all',
		sequenceLabel: 'Generated text',
		sequenceEmpty: 'Press Generate or Step to sample a continuation.',
		sequenceCount: '{count} of at most {length} tokens',
		sequenceEnded: 'ended at “{token}”',
		stepButton: 'Step {n}: “{token}”',
		drawDetail:
			'Step {n} drew u = {u} in [0, 1); “{token}” is where the kept probabilities, added up from the top, first pass u ({p} after the filters).',
		greedyDetail: 'Step {n}: greedy decoding takes the highest logit, “{token}”.',
		greedyAtZero: 'At T = 0 all the probability sits on the highest logit: sampling becomes greedy decoding.',
		summaryDist:
			'After “{context}”, at T = {t}, “{best}” is the most likely next token ({p}); the filters keep {kept} of {n} candidates.',
		summaryGreedy: 'After “{context}”, greedy decoding takes “{best}”, the highest logit ({p} at T = {t}).',
		summaryStep: 'Step {n} chose “{token}”.',
		empty: 'There are no candidate tokens to choose from.',
		lengthMismatch: '{tokens} tokens but {logits} logits: only the first {used} pairs are used.',
		badLogit: 'The logit of “{token}” is not a number; that token is left out.',
		temperatureClamped: 'Temperature {value} is outside 0–{max}; using {used}.',
		topKClamped: 'Top-k must be a whole number ≥ 0 (0 = off); got {value}, so top-k is off.',
		topKTooLarge: 'Top-k = {value} is more than the {n} candidates: it keeps them all.',
		topPClamped: 'Top-p must be in (0, 1]; got {value}, using {used}.',
		minPClamped: 'Min-p must be in [0, 1]; got {value}, using {used}.',
		colRank: 'Rank',
		colToken: 'Token',
		colLogit: 'Logit',
		colProb: 'Probability',
		colCumulative: 'Cumulative',
		colFiltered: 'After filters',
		colKept: 'Kept',
		yes: 'yes',
		no: 'no'
	},
	zh: {
		title: '从 logits 到采样出的词元',
		badgeNote: '玩具下一词元表，logit 为虚构数值；softmax、过滤和抽样均为精确计算。',
		badgeNoteGiven: '使用给定的 logit；softmax、过滤和抽样均为精确计算。',
		temperature: '温度 T',
		topK: 'Top-k',
		topP: 'Top-p',
		minP: 'Min-p',
		off: '关闭',
		decoding: '解码方式',
		modeSample: '采样',
		modeGreedy: '贪心',
		generate: '生成',
		stop: '停止',
		step: '单步',
		reset: '重置',
		seed: '种子',
		chartLabel:
			'在“{context}”之后的候选下一词元，按概率从高到低：它们的 logit 与 T = {t} 时的概率；过滤后保留 {n} 个中的 {kept} 个。',
		logitHead: 'logit',
		probHead: 'T = {t} 时的概率',
		keptLegend: '保留',
		removedLegend: '被过滤掉',
		drawnLegend: '抽中',
		cutTopK: 'top-k = {k}',
		cutTopP: 'top-p = {p}',
		cutMinP: 'min-p：{threshold}',
		more: '… 另有 {count} 个，合计 {p}',
		sequenceLabel: '生成的文本',
		sequenceEmpty: '点击“生成”或“单步”来采样续写。',
		sequenceCount: '{count} 个词元，最多 {length} 个',
		sequenceEnded: '在“{token}”处结束',
		stepButton: '第 {n} 步：“{token}”',
		drawDetail:
			'第 {n} 步抽到 u = {u}（[0, 1) 内）；从最高概率开始累加保留的概率，首次超过 u 的是“{token}”（过滤后概率 {p}）。',
		greedyDetail: '第 {n} 步：贪心解码选取 logit 最高的“{token}”。',
		greedyAtZero: 'T = 0 时全部概率落在 logit 最高的词元上：采样变成贪心解码。',
		summaryDist:
			'在“{context}”之后，T = {t} 时最可能的下一词元是“{best}”（{p}）；过滤后保留 {n} 个候选中的 {kept} 个。',
		summaryGreedy: '在“{context}”之后，贪心解码选 logit 最高的“{best}”（T = {t} 时为 {p}）。',
		summaryStep: '第 {n} 步选了“{token}”。',
		empty: '没有可供选择的候选词元。',
		lengthMismatch: '有 {tokens} 个词元但有 {logits} 个 logit：只使用前 {used} 对。',
		badLogit: '“{token}”的 logit 不是数字；该词元被排除。',
		temperatureClamped: '温度 {value} 超出 0–{max}；改用 {used}。',
		topKClamped: 'Top-k 必须是 ≥ 0 的整数（0 表示关闭）；收到 {value}，因此关闭 top-k。',
		topKTooLarge: 'Top-k = {value} 超过了 {n} 个候选：全部保留。',
		topPClamped: 'Top-p 必须在 (0, 1] 内；收到 {value}，改用 {used}。',
		minPClamped: 'Min-p 必须在 [0, 1] 内；收到 {value}，改用 {used}。',
		colRank: '排名',
		colToken: '词元',
		colLogit: 'Logit',
		colProb: '概率',
		colCumulative: '累计',
		colFiltered: '过滤后',
		colKept: '保留',
		yes: '是',
		no: '否'
	}
};
