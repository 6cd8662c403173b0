import type { Catalogues } from '../../i18n/messages.js';

export type KVCacheMeterKey =
	| 'title'
	| 'badgeReal'
	| 'badgePasted'
	| 'context'
	| 'prompt'
	| 'batch'
	| 'dtype'
	| 'blockSize'
	| 'speed'
	| 'speedSlow'
	| 'speedFast'
	| 'clamp.nan'
	| 'clamp.low'
	| 'clamp.high'
	| 'clamp.highModel'
	| 'play'
	| 'pause'
	| 'step'
	| 'reset'
	| 'toEnd'
	| 'reducedMotion'
	| 'loopHeading'
	| 'phase.idle'
	| 'phase.prefill'
	| 'phase.decode'
	| 'stepOf'
	| 'contextNow'
	| 'timelineLabel'
	| 'promptPart'
	| 'generatedPart'
	| 'withoutCache'
	| 'withCache'
	| 'withoutCacheHow'
	| 'withCacheHow'
	| 'rowsThisStep'
	| 'rowsSoFar'
	| 'flopsSoFar'
	| 'lessWork'
	| 'memoryHeading'
	| 'memoryNow'
	| 'memoryAtContext'
	| 'perToken'
	| 'binaryNote'
	| 'windowNote'
	| 'pagedHeading'
	| 'pagedSummary'
	| 'pagedCell'
	| 'pagedCells'
	| 'lastBlock'
	| 'lastBlockEmpty'
	| 'pagedGridLabel'
	| 'lastBlockLabel'
	| 'variantsHeading'
	| 'variantsIntro'
	| 'kvHeads'
	| 'bytesPerToken'
	| 'atContext'
	| 'actual'
	| 'hypothetical'
	| 'gqaHeads'
	| 'ofMha'
	| 'summaryIdle'
	| 'summaryStep'
	| 'summaryPlaying'
	| 'invalidModel'
	| 'colStep'
	| 'colPhase'
	| 'colContext'
	| 'colRowsNoCache'
	| 'colRowsCache'
	| 'colCacheBytes'
	| 'colBlocks';

export const kvCacheMeterMessages: Catalogues<KVCacheMeterKey> = {
	en: {
		title: 'The KV cache, token by token',
		badgeReal: 'Layers, KV heads and head width from the published config.json of {source}.',
		badgePasted: 'Dimensions from a pasted config.json; not checked against a published model.',
		context: 'Context length (tokens)',
		prompt: 'Prompt tokens',
		batch: 'Batch (sequences)',
		dtype: 'Cache precision',
		blockSize: 'Block size (slots)',
		speed: 'Speed',
		speedSlow: 'one token at a time',
		speedFast: 'whole run in about 10 s',
		'clamp.nan': '{field}: not a number; using {value}.',
		'clamp.low': '{field}: at least {value}; using {value}.',
		'clamp.high': '{field}: at most {value}; using {value}.',
		'clamp.highModel': '{field}: {model} reads at most {value} positions; using {value}.',
		play: 'Play',
		pause: 'Pause',
		step: 'Step',
		reset: 'Reset',
		toEnd: 'To the end',
		reducedMotion: 'Reduced motion is on: use Step and To the end.',
		loopHeading: 'The decode loop',
		'phase.idle': 'Nothing computed yet',
		'phase.prefill': 'Prefill: the whole prompt at once',
		'phase.decode': 'Decode: one new token',
		stepOf: 'Step {step} of {steps}',
		contextNow: '{tokens} tokens in context',
		timelineLabel: 'Prompt and generated tokens so far',
		promptPart: 'prompt',
		generatedPart: 'generated',
		withoutCache: 'Without a cache',
		withCache: 'With a KV cache',
		withoutCacheHow: 'Every step recomputes keys and values for the whole context.',
		withCacheHow: 'Keys and values are computed once per token and kept; a step computes only the new one.',
		rowsThisStep: 'K/V rows this step',
		rowsSoFar: 'K/V rows so far',
		flopsSoFar: 'FLOPs so far',
		lessWork: '{ratio}× less repeated work with the cache',
		memoryHeading: 'Cache memory',
		memoryNow: 'Now: {bytes}',
		memoryAtContext: 'At {tokens} tokens: {bytes}',
		perToken:
			'{bytes} per token and sequence = 2 (K and V) × {layers} layers × {kvHeads} KV heads × {headDim} × {element} bytes',
		binaryNote: 'GiB, MiB and KiB are binary: 1 GiB = 2³⁰ bytes.',
		windowNote:
			'This model’s sliding window ({window} tokens) would cap some layers’ caches; it is not applied here.',
		pagedHeading: 'Paged blocks',
		pagedSummary:
			'{blocks} blocks of {size} slots per sequence ({total} for the batch); {wasted} empty slots in the last block.',
		pagedCell: 'Each square is one block of {size} slots.',
		pagedCells: 'Each square stands for {count} blocks of {size} slots.',
		lastBlock: 'Last block: {used} of {size} slots used, {wasted} reserved but empty.',
		lastBlockEmpty: 'No block allocated yet.',
		pagedGridLabel: 'Paged blocks of one sequence: {allocated} of {total} allocated',
		lastBlockLabel: 'Slots of the last block: {used} used, {wasted} empty',
		variantsHeading: 'MHA, GQA and MQA for these dimensions',
		variantsIntro: '{heads} query heads. Only the key/value heads are cached:',
		kvHeads: '{count} KV heads',
		bytesPerToken: 'per token',
		atContext: 'at {tokens} tokens × {batch}',
		actual: 'this model',
		hypothetical: 'hypothetical',
		gqaHeads: 'KV heads for GQA',
		ofMha: '{percent} of MHA',
		summaryIdle:
			'{model}: prompt of {prompt} tokens, generating to {context}. Press Step or Play to run the prefill. At {context} tokens the cache holds {bytes}.',
		summaryStep:
			'{model}, step {step} of {steps} ({phase}): {tokens} tokens in context. K/V rows computed so far: {noCache} without a cache, {cache} with one. The cache holds {now}; at {context} tokens it will hold {bytes}.',
		summaryPlaying: 'Playing the decode loop of {model}.',
		invalidModel: 'Cannot use this model: {reason}',
		colStep: 'Step',
		colPhase: 'Phase',
		colContext: 'Tokens in context',
		colRowsNoCache: 'K/V rows, no cache',
		colRowsCache: 'K/V rows, cache',
		colCacheBytes: 'Cache bytes',
		colBlocks: 'Blocks (batch)'
	},
	zh: {
		title: '逐个词元看 KV 缓存',
		badgeReal: '层数、KV 头数和头宽来自 {source} 发布的 config.json。',
		badgePasted: '维度来自粘贴的 config.json，未与已发布的模型核对。',
		context: '上下文长度（词元）',
		prompt: '提示词元数',
		batch: '批大小（序列数）',
		dtype: '缓存精度',
		blockSize: '块大小（槽位）',
		speed: '速度',
		speedSlow: '一次一个词元',
		speedFast: '整段约 10 秒',
		'clamp.nan': '{field}：不是数字；改用 {value}。',
		'clamp.low': '{field}：至少为 {value}；改用 {value}。',
		'clamp.high': '{field}：最多为 {value}；改用 {value}。',
		'clamp.highModel': '{field}：{model} 最多读取 {value} 个位置；改用 {value}。',
		play: '播放',
		pause: '暂停',
		step: '单步',
		reset: '重置',
		toEnd: '跳到结尾',
		reducedMotion: '已开启减少动态效果：请使用“单步”和“跳到结尾”。',
		loopHeading: '解码循环',
		'phase.idle': '尚未计算',
		'phase.prefill': '预填充：一次处理整个提示',
		'phase.decode': '解码：一个新词元',
		stepOf: '第 {step} 步，共 {steps} 步',
		contextNow: '上下文中有 {tokens} 个词元',
		timelineLabel: '目前的提示词元和生成词元',
		promptPart: '提示',
		generatedPart: '生成',
		withoutCache: '不用缓存',
		withCache: '使用 KV 缓存',
		withoutCacheHow: '每一步都为整个上下文重新计算键和值。',
		withCacheHow: '每个词元的键和值只算一次并保存；每一步只计算新词元的。',
		rowsThisStep: '本步计算的 K/V 行',
		rowsSoFar: '累计 K/V 行',
		flopsSoFar: '累计 FLOPs',
		lessWork: '使用缓存后重复计算减少 {ratio} 倍',
		memoryHeading: '缓存内存',
		memoryNow: '当前：{bytes}',
		memoryAtContext: '{tokens} 个词元时：{bytes}',
		perToken:
			'每个序列每个词元 {bytes} = 2（K 和 V）× {layers} 层 × {kvHeads} 个 KV 头 × {headDim} × {element} 字节',
		binaryNote: 'GiB、MiB、KiB 为二进制单位：1 GiB = 2³⁰ 字节。',
		windowNote: '该模型的滑动窗口（{window} 个词元）会限制部分层的缓存；此处未计入。',
		pagedHeading: '分页块',
		pagedSummary:
			'每个序列 {blocks} 个块，每块 {size} 个槽位（整批 {total} 个）；最后一块有 {wasted} 个空槽位。',
		pagedCell: '每个方格是一个 {size} 槽位的块。',
		pagedCells: '每个方格代表 {count} 个 {size} 槽位的块。',
		lastBlock: '最后一块：{size} 个槽位中用了 {used} 个，{wasted} 个已预留但为空。',
		lastBlockEmpty: '尚未分配任何块。',
		pagedGridLabel: '一个序列的分页块：已分配 {total} 个中的 {allocated} 个',
		lastBlockLabel: '最后一块的槽位：已用 {used} 个，空 {wasted} 个',
		variantsHeading: '这些维度下的 MHA、GQA 和 MQA',
		variantsIntro: '{heads} 个查询头。缓存中只存键/值头：',
		kvHeads: '{count} 个 KV 头',
		bytesPerToken: '每个词元',
		atContext: '{tokens} 个词元 × {batch}',
		actual: '本模型',
		hypothetical: '假设',
		gqaHeads: 'GQA 的 KV 头数',
		ofMha: '为 MHA 的 {percent}',
		summaryIdle:
			'{model}：提示 {prompt} 个词元，生成到 {context} 个。按“单步”或“播放”运行预填充。{context} 个词元时缓存占 {bytes}。',
		summaryStep:
			'{model}，第 {step} 步，共 {steps} 步（{phase}）：上下文中有 {tokens} 个词元。累计计算的 K/V 行：不用缓存 {noCache}，使用缓存 {cache}。缓存当前占 {now}；到 {context} 个词元时将占 {bytes}。',
		summaryPlaying: '正在播放 {model} 的解码循环。',
		invalidModel: '无法使用此模型：{reason}',
		colStep: '步',
		colPhase: '阶段',
		colContext: '上下文词元数',
		colRowsNoCache: 'K/V 行（无缓存）',
		colRowsCache: 'K/V 行（有缓存）',
		colCacheBytes: '缓存字节',
		colBlocks: '块数（整批）'
	}
};
