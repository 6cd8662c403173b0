import type { Catalogues } from '../../i18n/messages.js';

export type QuantMatrixKey =
	| 'title'
	| 'badgeNote'
	| 'format'
	| 'scheme'
	| 'symmetric'
	| 'asymmetric'
	| 'granularity'
	| 'perTensor'
	| 'perChannel'
	| 'perGroup'
	| 'groupSize'
	| 'show'
	| 'showCode'
	| 'showValue'
	| 'showError'
	| 'gridLabel'
	| 'col'
	| 'row'
	| 'scaleCol'
	| 'zeroCol'
	| 'unscaled'
	| 'tensorScale'
	| 'tensorScaleZero'
	| 'cellDetail'
	| 'cellScale'
	| 'summary'
	| 'summaryScale.tensor'
	| 'summaryScale.channel'
	| 'summaryScale.group'
	| 'summaryScale.none'
	| 'bitsPerWeight'
	| 'uniqueValues'
	| 'uniqueOf'
	| 'range'
	| 'codeRange'
	| 'mse'
	| 'maxAbs'
	| 'snr'
	| 'exact'
	| 'modelSize'
	| 'sizeLine'
	| 'sizeBaseline'
	| 'saved'
	| 'more'
	| 'sizeNote'
	| 'legendValue'
	| 'legendError'
	| 'invalid'
	| 'modelInvalid'
	| 'colRow'
	| 'colCol'
	| 'colOriginal'
	| 'colCode'
	| 'colStored'
	| 'colError'
	| 'colScale';

export const quantMatrixMessages: Catalogues<QuantMatrixKey> = {
	en: {
		title: 'A weight matrix at lower precision',
		badgeNote:
			'A seeded example matrix (or your values), quantised bit-exactly by the core; model sizes from the published config.',
		format: 'Format',
		scheme: 'Scheme',
		symmetric: 'symmetric',
		asymmetric: 'asymmetric (zero point)',
		granularity: 'Scales',
		perTensor: 'one per tensor',
		perChannel: 'one per row (channel)',
		perGroup: 'one per group',
		groupSize: 'Group size',
		show: 'Cells show',
		showCode: 'stored code',
		showValue: 'dequantised value',
		showError: 'error',
		gridLabel: '{rows} × {cols} weight matrix in {format}; arrow keys move between cells',
		col: 'column {col}',
		row: 'row {row}',
		scaleCol: 'scale',
		zeroCol: 'zero point',
		unscaled: 'No scale: each value is stored as a {format} number on its own.',
		tensorScale: 'One scale for the whole tensor: s = {scale}.',
		tensorScaleZero: 'One scale and zero point for the whole tensor: s = {scale}, z = {zero}.',
		cellDetail:
			'Row {row}, column {col}: original {value}; stored code {code}; dequantised {stored}; error {error}.',
		cellScale: 'Its group’s scale is {scale}{zero}.',
		summary:
			'{format}, {scales}: {count} weights at {bits} bits each land on {unique} distinct values; largest error {maxAbs}, SNR {snr}.',
		'summaryScale.tensor': 'one scale for the tensor',
		'summaryScale.channel': 'one scale per row',
		'summaryScale.group': 'one scale per {size} values',
		'summaryScale.none': 'no scales',
		bitsPerWeight: 'Bits per weight (with scales)',
		uniqueValues: 'Distinct values',
		uniqueOf: '{unique} of {count}',
		range: 'Range of the originals',
		codeRange: 'Codes allowed',
		mse: 'Mean squared error',
		maxAbs: 'Largest error',
		snr: 'Signal-to-noise ratio',
		exact: 'exact',
		modelSize: 'A whole model at this precision',
		sizeLine: '{model} in {format}: {size} of weights.',
		sizeBaseline: 'In BF16: {size}.',
		saved: 'Saves {saved} ({percent}).',
		more: 'Takes {more} more than BF16.',
		sizeNote:
			'Weights only (no KV cache or activations); GiB = 2³⁰ bytes. Uses the format’s usual scale layout: INT8 one scale per row, INT4 one per 128 weights, NF4 one per 64, FP8 one per tensor; norms stay 16-bit.',
		legendValue: 'Colour: dequantised value (blue positive, red negative)',
		legendError: 'Colour: error (blue stored too high, red too low), scaled to the largest error',
		invalid: 'Cannot quantise this matrix: {reason}',
		modelInvalid: 'Cannot size this model: {reason}',
		colRow: 'Row',
		colCol: 'Column',
		colOriginal: 'Original',
		colCode: 'Code',
		colStored: 'Dequantised',
		colError: 'Error',
		colScale: 'Scale'
	},
	zh: {
		title: '低精度下的权重矩阵',
		badgeNote: '带种子的示例矩阵（或你的数值），由核心逐位精确量化；模型大小来自已发布的配置。',
		format: '格式',
		scheme: '方案',
		symmetric: '对称',
		asymmetric: '非对称（零点）',
		granularity: '缩放因子',
		perTensor: '整个张量一个',
		perChannel: '每行（通道）一个',
		perGroup: '每组一个',
		groupSize: '组大小',
		show: '单元格显示',
		showCode: '存储的编码',
		showValue: '反量化值',
		showError: '误差',
		gridLabel: '{format} 格式的 {rows} × {cols} 权重矩阵；用方向键在单元格间移动',
		col: '第 {col} 列',
		row: '第 {row} 行',
		scaleCol: '缩放',
		zeroCol: '零点',
		unscaled: '没有缩放因子：每个值单独存为一个 {format} 数。',
		tensorScale: '整个张量共用一个缩放因子：s = {scale}。',
		tensorScaleZero: '整个张量共用一个缩放因子和零点：s = {scale}，z = {zero}。',
		cellDetail: '第 {row} 行第 {col} 列：原值 {value}；存储编码 {code}；反量化为 {stored}；误差 {error}。',
		cellScale: '所在组的缩放因子为 {scale}{zero}。',
		summary:
			'{format}，{scales}：{count} 个权重每个 {bits} 位，落在 {unique} 个不同的值上；最大误差 {maxAbs}，信噪比 {snr}。',
		'summaryScale.tensor': '整个张量一个缩放因子',
		'summaryScale.channel': '每行一个缩放因子',
		'summaryScale.group': '每 {size} 个值一个缩放因子',
		'summaryScale.none': '无缩放因子',
		bitsPerWeight: '每个权重的位数（含缩放因子）',
		uniqueValues: '不同值的个数',
		uniqueOf: '{count} 个中的 {unique} 个',
		range: '原值范围',
		codeRange: '允许的编码',
		mse: '均方误差',
		maxAbs: '最大误差',
		snr: '信噪比',
		exact: '精确',
		modelSize: '整个模型在此精度下',
		sizeLine: '{model} 使用 {format}：权重共 {size}。',
		sizeBaseline: 'BF16 下为 {size}。',
		saved: '节省 {saved}（{percent}）。',
		more: '比 BF16 多 {more}。',
		sizeNote:
			'只计权重（不含 KV 缓存和激活）；GiB = 2³⁰ 字节。采用该格式常见的缩放布局：INT8 每行一个，INT4 每 128 个权重一个，NF4 每 64 个一个，FP8 每个张量一个；归一化权重保持 16 位。',
		legendValue: '颜色：反量化值（蓝为正，红为负）',
		legendError: '颜色：误差（蓝为存得偏大，红为偏小），按最大误差缩放',
		invalid: '无法量化此矩阵：{reason}',
		modelInvalid: '无法计算此模型的大小：{reason}',
		colRow: '行',
		colCol: '列',
		colOriginal: '原值',
		colCode: '编码',
		colStored: '反量化值',
		colError: '误差',
		colScale: '缩放因子'
	}
};
