import type { ToyFeature } from '../../core/embeddings/vocabulary.js';
import type { Catalogues } from '../../i18n/messages.js';

export type EmbeddingLookupKey =
	| 'title'
	| 'wordLabel'
	| 'pickLabel'
	| 'pickNone'
	| 'displayLabel'
	| 'displayBars'
	| 'displayHeat'
	| 'stepText'
	| 'stepId'
	| 'stepRow'
	| 'stepVector'
	| 'realNote'
	| 'loadingIds'
	| 'loadFailed'
	| 'retry'
	| 'idsMore'
	| 'multiToken'
	| 'spaceVariant'
	| 'realRow'
	| 'toyRow'
	| 'sameRow'
	| 'contextFree'
	| 'empty'
	| 'unknown'
	| 'listSeparator'
	| 'truncatedDims'
	| 'vectorLabel'
	| 'valueLabel'
	| 'sliceTitle'
	| 'sliceRow'
	| 'sliceTotal'
	| 'selected'
	| 'mapTitle'
	| 'mapLabel'
	| 'mapNote'
	| 'pointLabel'
	| 'neighboursTitle'
	| 'neighbourItem'
	| 'analogyTitle'
	| 'analogyA'
	| 'analogyB'
	| 'analogyC'
	| 'analogyQuestion'
	| 'analogyResult'
	| 'analogyPresets'
	| 'analogyUnknown'
	| 'analogyError'
	| 'summary'
	| 'summaryLoading'
	| 'summaryEmpty'
	| 'summaryUnknown'
	| 'badgeNote'
	| 'colDim'
	| 'colFeature'
	| 'colValue'
	| `feature.${ToyFeature}`;

export const embeddingLookupMessages: Catalogues<EmbeddingLookupKey> = {
	en: {
		title: 'From token ID to embedding vector',
		wordLabel: 'Word',
		pickLabel: 'Pick from the vocabulary',
		pickNone: '(not in the vocabulary)',
		displayLabel: 'Show the vector as',
		displayBars: 'Bars',
		displayHeat: 'Heat strip',
		stepText: 'Text',
		stepId: 'o200k_base token ID',
		stepRow: 'Row of the table',
		stepVector: 'Vector',
		realNote: 'From the real o200k_base tokenizer (GPT-4o).',
		loadingIds: 'Loading the o200k_base vocabulary…',
		loadFailed: 'Could not load o200k_base: {reason}',
		retry: 'Try again',
		idsMore: '… and {count} more',
		multiToken:
			'“{word}” is {count} tokens in o200k_base, so a real model looks up {count} rows. The toy table keeps one row per word.',
		spaceVariant:
			'After a space, as in running text, “·{word}” is {ids}: a different token, so a different row.',
		realRow: 'In a real model the ID is the row number: row {id} of a table with {vocab} rows.',
		toyRow: 'Here: row {row} of the toy table ({rows} words × {dims} dimensions).',
		sameRow:
			'The same token always maps to the same row: looking an embedding up is indexing, not computing. Look “{word}” up again and you get these same {dims} numbers.',
		contextFree:
			'This starting vector ignores context: “bank” gets the same row in “river bank” and “investment bank”; later layers rewrite it.',
		empty: 'Type a word or pick one from the vocabulary.',
		unknown: '“{word}” is not in the toy vocabulary. Known words: {known}.',
		listSeparator: ', ',
		truncatedDims: 'Showing the first {shown} of {total} dimensions.',
		vectorLabel: 'The {dims} numbers of “{word}”',
		valueLabel: '{feature}: {value}',
		sliceTitle: 'Rows around it in the table',
		sliceRow: 'row {row}',
		sliceTotal: '{rows} rows × {dims} columns in all',
		selected: 'selected',
		mapTitle: 'The vocabulary on a 2-D map (PCA)',
		mapLabel: 'Words of the toy vocabulary; arrow keys move to the nearest word in that direction',
		mapNote:
			'The two directions of greatest variance hold {variance} of it, so distances on the map are only a rough guide; the cosine similarities are exact.',
		pointLabel: '{word}, row {row}',
		neighboursTitle: 'Nearest to “{word}” by cosine similarity',
		neighbourItem: '{word}: {similarity}',
		analogyTitle: 'Analogy by vector arithmetic',
		analogyA: 'a',
		analogyB: 'b',
		analogyC: 'c',
		analogyQuestion: '{a} is to {b} as {c} is to ?',
		analogyResult: '{b} − {a} + {c} ≈ {answer} (cosine similarity {similarity})',
		analogyPresets: 'Try',
		analogyUnknown: '“{word}” is not in the toy vocabulary, so the analogy cannot be computed.',
		analogyError: 'No answer: {reason}',
		summary:
			'“{word}” is o200k_base token {id}; row {row} of the toy table gives its {dims}-number vector. Nearest words: {nearest}.',
		summaryLoading:
			'Row {row} of the toy table gives “{word}” its {dims}-number vector. Nearest words: {nearest}.',
		summaryEmpty: 'No word chosen yet.',
		summaryUnknown: '“{word}” has no row in the toy table.',
		badgeNote:
			'Token IDs are real (the o200k_base tokenizer). The vectors are illustrative: a hand-made table of {rows} words whose {dims} dimensions are named features plus seeded noise, not a trained model’s embeddings.',
		colDim: 'Dimension',
		colFeature: 'Feature',
		colValue: 'Value',
		'feature.animal': 'animal',
		'feature.feline': 'feline',
		'feature.canine': 'canine',
		'feature.equine': 'equine',
		'feature.wild': 'wild',
		'feature.young': 'young',
		'feature.person': 'person',
		'feature.royal': 'royal',
		'feature.gender': 'gender',
		'feature.place': 'place',
		'feature.capital': 'capital',
		'feature.country': 'country',
		'feature.france': 'France',
		'feature.japan': 'Japan',
		'feature.italy': 'Italy',
		'feature.germany': 'Germany',
		'feature.food': 'food',
		'feature.fruit': 'fruit',
		'feature.verb': 'verb',
		'feature.motion': 'motion',
		'feature.progressive': '-ing form',
		'feature.run': 'run',
		'feature.walk': 'walk',
		'feature.swim': 'swim',
		'feature.eat': 'eat',
		'feature.adjective': 'adjective',
		'feature.sentiment': 'sentiment',
		'feature.emotion': 'emotion'
	},
	zh: {
		title: '从词元 ID 到嵌入向量',
		wordLabel: '单词',
		pickLabel: '从词表中选择',
		pickNone: '（不在词表中）',
		displayLabel: '向量显示为',
		displayBars: '条形',
		displayHeat: '热力条',
		stepText: '文本',
		stepId: 'o200k_base 词元 ID',
		stepRow: '表中的行',
		stepVector: '向量',
		realNote: '来自真实的 o200k_base 分词器（GPT-4o）。',
		loadingIds: '正在加载 o200k_base 词表…',
		loadFailed: '无法加载 o200k_base：{reason}',
		retry: '重试',
		idsMore: '……另有 {count} 个',
		multiToken:
			'“{word}”在 o200k_base 中是 {count} 个词元，因此真实模型会查 {count} 行。示例表每个单词只有一行。',
		spaceVariant: '前面带空格时（如在句子中），“·{word}”是 {ids}：另一个词元，因此是另一行。',
		realRow: '在真实模型中，ID 就是行号：一张 {vocab} 行的表中的第 {id} 行。',
		toyRow: '这里：示例表（{rows} 个单词 × {dims} 维）的第 {row} 行。',
		sameRow:
			'同一个词元总是对应同一行：查找嵌入是取下标，而不是计算。再次查找“{word}”，得到的仍是这 {dims} 个数。',
		contextFree:
			'这个初始向量与上下文无关：“bank”在“river bank”和“investment bank”中取的是同一行；后面的层会改写它。',
		empty: '输入一个单词，或从词表中选择一个。',
		unknown: '“{word}”不在示例词表中。已知单词：{known}。',
		listSeparator: '、',
		truncatedDims: '显示 {total} 维中的前 {shown} 维。',
		vectorLabel: '“{word}”的 {dims} 个数',
		valueLabel: '{feature}：{value}',
		sliceTitle: '表中相邻的行',
		sliceRow: '第 {row} 行',
		sliceTotal: '共 {rows} 行 × {dims} 列',
		selected: '已选中',
		mapTitle: '词表的二维图（PCA）',
		mapLabel: '示例词表中的单词；方向键移到该方向上最近的单词',
		mapNote: '方差最大的两个方向只占总方差的 {variance}，所以图上的距离只是粗略参考；余弦相似度是精确的。',
		pointLabel: '{word}，第 {row} 行',
		neighboursTitle: '按余弦相似度与“{word}”最近的词',
		neighbourItem: '{word}：{similarity}',
		analogyTitle: '用向量运算做类比',
		analogyA: 'a',
		analogyB: 'b',
		analogyC: 'c',
		analogyQuestion: '{a} 之于 {b}，正如 {c} 之于？',
		analogyResult: '{b} − {a} + {c} ≈ {answer}（余弦相似度 {similarity}）',
		analogyPresets: '试试',
		analogyUnknown: '“{word}”不在示例词表中，无法计算类比。',
		analogyError: '没有答案：{reason}',
		summary:
			'“{word}”是 o200k_base 词元 {id}；示例表的第 {row} 行给出它的 {dims} 维向量。最近的词：{nearest}。',
		summaryLoading: '示例表的第 {row} 行给出“{word}”的 {dims} 维向量。最近的词：{nearest}。',
		summaryEmpty: '尚未选择单词。',
		summaryUnknown: '“{word}”在示例表中没有对应的行。',
		badgeNote:
			'词元 ID 是真实的（o200k_base 分词器）。向量是示意性的：一张手工构造的表，含 {rows} 个单词，{dims} 个维度是带名字的特征加上带种子的噪声，并非训练所得模型的嵌入。',
		colDim: '维度',
		colFeature: '特征',
		colValue: '数值',
		'feature.animal': '动物',
		'feature.feline': '猫科',
		'feature.canine': '犬科',
		'feature.equine': '马科',
		'feature.wild': '野生',
		'feature.young': '幼年',
		'feature.person': '人',
		'feature.royal': '王室',
		'feature.gender': '性别',
		'feature.place': '地点',
		'feature.capital': '首都',
		'feature.country': '国家',
		'feature.france': '法国',
		'feature.japan': '日本',
		'feature.italy': '意大利',
		'feature.germany': '德国',
		'feature.food': '食物',
		'feature.fruit': '水果',
		'feature.verb': '动词',
		'feature.motion': '运动',
		'feature.progressive': '进行时',
		'feature.run': '跑',
		'feature.walk': '走',
		'feature.swim': '游泳',
		'feature.eat': '吃',
		'feature.adjective': '形容词',
		'feature.sentiment': '情感倾向',
		'feature.emotion': '情绪'
	}
};
