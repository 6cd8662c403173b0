import type { Catalogues } from '../../i18n/messages.js';

export type NeuronPlotKey =
	| 'title'
	| 'badgeNote'
	| 'activation'
	| 'showDerivative'
	| 'parameters'
	| 'inputN'
	| 'weightN'
	| 'bias'
	| 'weightedSum'
	| 'output'
	| 'slope'
	| 'pictureLabel'
	| 'xAxis'
	| 'yAxis'
	| 'derivative'
	| 'summary'
	| 'offChart'
	| 'notFinite'
	| 'tooMany'
	| 'noInputs'
	| 'lengthMismatch'
	| 'unknownActivation'
	| 'colPart'
	| 'colValue'
	| 'colWeight'
	| 'colProduct'
	| 'rowInput'
	| 'rowBias'
	| 'rowSum'
	| 'rowOutput'
	| 'descRelu'
	| 'descGelu'
	| 'descGeluTanh'
	| 'descSilu'
	| 'descSigmoid'
	| 'descTanh'
	| 'descLinear';

export const neuronPlotMessages: Catalogues<NeuronPlotKey> = {
	en: {
		title: 'One neuron',
		badgeNote: 'Toy inputs and weights set by the sliders, not taken from a trained model.',
		activation: 'Activation',
		showDerivative: 'Show the derivative',
		parameters: 'Inputs, weights and bias',
		inputN: 'Input x{n}',
		weightN: 'Weight w{n}',
		bias: 'Bias b',
		weightedSum: 'Weighted sum',
		output: 'Output',
		slope: 'Slope there',
		pictureLabel:
			'A neuron with {count} inputs feeding a weighted sum z = {z}, then the {name} curve with a marker at z; output {a}.',
		xAxis: 'weighted input z',
		yAxis: 'activation',
		derivative: 'derivative',
		summary:
			'The weighted sum is z = {z}. {name} turns it into {a}; the curve’s slope there is {slope}, which is how strongly a change in z would pass through.',
		offChart: 'z = {z} lies beyond the drawn range; the marker sits at the edge.',
		notFinite: 'Some values were not finite numbers and are treated as 0.',
		tooMany: 'Only the first {max} inputs are shown.',
		noInputs: 'No inputs were given; showing a single input set to 0.',
		lengthMismatch:
			'{inputs} inputs but {weights} weights: missing weights count as 0, extra ones are ignored.',
		unknownActivation: 'Unknown activation “{name}”; using {fallback}.',
		colPart: 'Part',
		colValue: 'Value',
		colWeight: 'Weight',
		colProduct: 'Contribution',
		rowInput: 'x{n}',
		rowBias: 'bias b',
		rowSum: 'z (weighted sum)',
		rowOutput: 'output {name}(z)',
		descRelu:
			'Passes positive values unchanged and sets negative ones to 0. Cheap, and sparse: many units output exactly 0.',
		descGelu:
			'Weights z by the probability that a standard normal variable is below it: smooth near 0, lets a little negative signal through. Used in GPT-2 and BERT.',
		descGeluTanh:
			'The tanh approximation of GELU that GPT-2’s code uses; it never strays more than 0.0005 from the exact curve.',
		descSilu:
			'z times sigmoid(z), also called swish. Smooth, dips slightly below 0 for negative z. The gate inside SwiGLU (Llama, Mistral, Qwen).',
		descSigmoid:
			'Squashes any z into (0, 1). Its slope is at most 0.25, so gradients shrink through many layers.',
		descTanh: 'Squashes z into (−1, 1), centred on 0. Saturates for large |z|, where its slope goes to 0.',
		descLinear:
			'The identity: no bend at all. Layers joined by it collapse into a single matrix multiplication.'
	},
	zh: {
		title: '单个神经元',
		badgeNote: '输入和权重由滑块设定，是示意数值，并非来自训练好的模型。',
		activation: '激活函数',
		showDerivative: '显示导数',
		parameters: '输入、权重和偏置',
		inputN: '输入 x{n}',
		weightN: '权重 w{n}',
		bias: '偏置 b',
		weightedSum: '加权和',
		output: '输出',
		slope: '该处斜率',
		pictureLabel:
			'一个有 {count} 个输入的神经元，加权和 z = {z}，然后是 {name} 曲线并在 z 处标记；输出 {a}。',
		xAxis: '加权输入 z',
		yAxis: '激活值',
		derivative: '导数',
		summary: '加权和为 z = {z}。{name} 将其变为 {a}；曲线在该处的斜率为 {slope}，即 z 的变化能传递多少。',
		offChart: 'z = {z} 超出了绘制范围；标记停在边缘。',
		notFinite: '部分数值不是有限数，按 0 处理。',
		tooMany: '只显示前 {max} 个输入。',
		noInputs: '没有给出输入；显示一个值为 0 的输入。',
		lengthMismatch: '有 {inputs} 个输入但有 {weights} 个权重：缺少的权重按 0 计，多余的忽略。',
		unknownActivation: '未知的激活函数“{name}”；改用 {fallback}。',
		colPart: '部分',
		colValue: '数值',
		colWeight: '权重',
		colProduct: '贡献',
		rowInput: 'x{n}',
		rowBias: '偏置 b',
		rowSum: 'z（加权和）',
		rowOutput: '输出 {name}(z)',
		descRelu: '正值原样通过，负值置为 0。计算便宜且稀疏：许多单元的输出恰好为 0。',
		descGelu: '用标准正态变量小于 z 的概率给 z 加权：在 0 附近平滑，允许少量负信号通过。用于 GPT-2 和 BERT。',
		descGeluTanh: 'GPT-2 代码中使用的 GELU 的 tanh 近似；与精确曲线的差距始终不超过 0.0005。',
		descSilu:
			'z 乘以 sigmoid(z)，也叫 swish。平滑，z 为负时略低于 0。是 SwiGLU（Llama、Mistral、Qwen）中的门控。',
		descSigmoid: '把任意 z 压缩到 (0, 1)。斜率最大为 0.25，因此梯度经过多层会变小。',
		descTanh: '把 z 压缩到 (−1, 1)，以 0 为中心。|z| 很大时饱和，斜率趋于 0。',
		descLinear: '恒等函数：完全不弯曲。用它连接的多层会合并成一次矩阵乘法。'
	}
};
