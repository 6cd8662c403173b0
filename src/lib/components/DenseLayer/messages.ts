import type { Catalogues } from '../../i18n/messages.js';

export type DenseLayerKey =
	| 'title'
	| 'badgeNote'
	| 'activation'
	| 'inputsGroup'
	| 'inputN'
	| 'graphTitle'
	| 'matricesTitle'
	| 'graphLabel'
	| 'inspectorTitle'
	| 'matrixButtons'
	| 'layerInputs'
	| 'layerHidden'
	| 'layerOutputs'
	| 'nodeInput'
	| 'nodeHidden'
	| 'nodeOutput'
	| 'fires'
	| 'suppressed'
	| 'legendPositive'
	| 'legendNegative'
	| 'legendFiring'
	| 'legendSuppressed'
	| 'explainX'
	| 'explainW1'
	| 'explainZ1'
	| 'explainA1'
	| 'explainW2'
	| 'explainZ2'
	| 'explainInput'
	| 'explainHidden'
	| 'explainOutput'
	| 'firingList'
	| 'noneFiring'
	| 'summary'
	| 'sizeClamped'
	| 'ragged'
	| 'tooLarge'
	| 'emptyMatrix'
	| 'shapeMismatch'
	| 'biasLength'
	| 'xLength'
	| 'notFinite'
	| 'unknownActivation'
	| 'colMatrix'
	| 'colRow'
	| 'colColumn'
	| 'colValue'
	| 'matrixCaption';

export const denseLayerMessages: Catalogues<DenseLayerKey> = {
	en: {
		title: 'A dense layer, as a graph and as matrices',
		badgeNote: 'Toy sizes with seeded weights (or the ones passed in), not taken from a trained model.',
		activation: 'Activation',
		inputsGroup: 'Inputs X',
		inputN: 'x{n}',
		graphTitle: 'Neuron graph',
		matricesTitle: 'Matrices',
		graphLabel:
			'A network with {inputs} inputs, {hidden} hidden units ({firing} firing) and {outputs} outputs; every unit connects to every unit of the next layer.',
		inspectorTitle: 'Inspector',
		matrixButtons: 'Inspect a matrix',
		layerInputs: 'inputs',
		layerHidden: 'hidden',
		layerOutputs: 'outputs',
		nodeInput: 'Input x{n} = {value}',
		nodeHidden: 'Hidden unit h{n}: z = {z}, a = {a}, {state}',
		nodeOutput: 'Output o{n} = {value}',
		fires: 'fires',
		suppressed: 'suppressed',
		legendPositive: 'positive weight',
		legendNegative: 'negative weight',
		legendFiring: 'firing unit',
		legendSuppressed: 'suppressed unit',
		explainX: 'X ({rows}×{cols}) is the input row: one value per input feature.',
		explainW1:
			'W1 ({rows}×{cols}): column j holds the weights into hidden unit j, row i the weights out of input i. X·W1 does all {cols} weighted sums at once.',
		explainZ1: 'Z1 = X·W1 + b1 ({rows}×{cols}): each entry is one hidden unit’s weighted sum.',
		explainA1: 'A1 = {activation}(Z1), applied to each entry on its own. {firing}',
		explainW2:
			'W2 ({rows}×{cols}): column k holds the weights from every hidden unit into output k. A1·W2 does all {cols} sums at once.',
		explainZ2: 'Z2 = A1·W2 + b2 ({rows}×{cols}): the layer’s output, one value per output unit.',
		explainInput: 'x{n} = {value} reaches every hidden unit through row {n} of W1:',
		explainHidden: 'Hidden unit h{n} reads column {n} of W1:',
		explainOutput: 'Output o{n} reads column {n} of W2:',
		firingList: 'Firing: {list}.',
		noneFiring: 'No hidden unit fires.',
		summary:
			'X·W1 + b1 gives Z1 = [{z1}]; {activation} lets {firing} of {hidden} hidden units fire; A1·W2 + b2 gives Z2 = [{z2}].',
		sizeClamped: '{what} must be a whole number from 1 to {max}; using {value}.',
		ragged: '{name}: row {row} has {got} values, expected {expected}.',
		tooLarge: '{name} is {rows}×{cols}; this figure draws at most {max} units per layer.',
		emptyMatrix: '{name} must be a non-empty array of rows of numbers.',
		shapeMismatch:
			'{left} is {lr}×{lc} but {right} is {rr}×{rc}; the inner sizes ({lc} and {rr}) must match.',
		biasLength: '{name} has {got} values but the layer has {expected} units.',
		xLength: 'X has {got} values for {expected} inputs; missing ones count as 0, extra ones are ignored.',
		notFinite: 'Some values were not finite numbers and are treated as 0.',
		unknownActivation: 'Unknown activation “{name}”; using {fallback}.',
		colMatrix: 'Matrix',
		colRow: 'Row',
		colColumn: 'Column',
		colValue: 'Value',
		matrixCaption: '{name} ({rows}×{cols})'
	},
	zh: {
		title: '全连接层：神经元图与矩阵',
		badgeNote: '玩具尺寸，权重由种子生成（或使用传入的权重），并非来自训练好的模型。',
		activation: '激活函数',
		inputsGroup: '输入 X',
		inputN: 'x{n}',
		graphTitle: '神经元图',
		matricesTitle: '矩阵',
		graphLabel:
			'一个网络：{inputs} 个输入，{hidden} 个隐藏单元（{firing} 个激活），{outputs} 个输出；每个单元都连接到下一层的所有单元。',
		inspectorTitle: '检视器',
		matrixButtons: '检视一个矩阵',
		layerInputs: '输入',
		layerHidden: '隐藏层',
		layerOutputs: '输出',
		nodeInput: '输入 x{n} = {value}',
		nodeHidden: '隐藏单元 h{n}：z = {z}，a = {a}，{state}',
		nodeOutput: '输出 o{n} = {value}',
		fires: '激活',
		suppressed: '被抑制',
		legendPositive: '正权重',
		legendNegative: '负权重',
		legendFiring: '激活的单元',
		legendSuppressed: '被抑制的单元',
		explainX: 'X（{rows}×{cols}）是输入行：每个输入特征一个值。',
		explainW1:
			'W1（{rows}×{cols}）：第 j 列是进入隐藏单元 j 的权重，第 i 行是从输入 i 出发的权重。X·W1 一次完成全部 {cols} 个加权和。',
		explainZ1: 'Z1 = X·W1 + b1（{rows}×{cols}）：每一项是一个隐藏单元的加权和。',
		explainA1: 'A1 = {activation}(Z1)，逐元素计算。{firing}',
		explainW2:
			'W2（{rows}×{cols}）：第 k 列是从每个隐藏单元进入输出 k 的权重。A1·W2 一次完成全部 {cols} 个和。',
		explainZ2: 'Z2 = A1·W2 + b2（{rows}×{cols}）：这一层的输出，每个输出单元一个值。',
		explainInput: 'x{n} = {value} 通过 W1 的第 {n} 行到达每个隐藏单元：',
		explainHidden: '隐藏单元 h{n} 读取 W1 的第 {n} 列：',
		explainOutput: '输出 o{n} 读取 W2 的第 {n} 列：',
		firingList: '激活的单元：{list}。',
		noneFiring: '没有隐藏单元被激活。',
		summary:
			'X·W1 + b1 得到 Z1 = [{z1}]；{activation} 让 {hidden} 个隐藏单元中的 {firing} 个激活；A1·W2 + b2 得到 Z2 = [{z2}]。',
		sizeClamped: '{what} 必须是 1 到 {max} 的整数；改用 {value}。',
		ragged: '{name}：第 {row} 行有 {got} 个值，应为 {expected} 个。',
		tooLarge: '{name} 是 {rows}×{cols}；此图每层最多绘制 {max} 个单元。',
		emptyMatrix: '{name} 必须是非空的数值行数组。',
		shapeMismatch: '{left} 是 {lr}×{lc}，而 {right} 是 {rr}×{rc}；内侧尺寸（{lc} 与 {rr}）必须相等。',
		biasLength: '{name} 有 {got} 个值，但该层有 {expected} 个单元。',
		xLength: 'X 有 {got} 个值，而输入有 {expected} 个；缺少的按 0 计，多余的忽略。',
		notFinite: '部分数值不是有限数，按 0 处理。',
		unknownActivation: '未知的激活函数“{name}”；改用 {fallback}。',
		colMatrix: '矩阵',
		colRow: '行',
		colColumn: '列',
		colValue: '数值',
		matrixCaption: '{name}（{rows}×{cols}）'
	}
};
