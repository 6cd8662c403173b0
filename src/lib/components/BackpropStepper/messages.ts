import type { Catalogues } from '../../i18n/messages.js';

export type BackpropStepperKey =
	| 'title'
	| 'badgeNote'
	| 'stepsLabel'
	| 'step1'
	| 'step2'
	| 'step3'
	| 'step4'
	| 'step1Text'
	| 'step2Text'
	| 'step3Text'
	| 'step4Text'
	| 'next'
	| 'back'
	| 'reset'
	| 'again'
	| 'round'
	| 'announce'
	| 'announceLoss'
	| 'announceUpdate'
	| 'context'
	| 'target'
	| 'lr'
	| 'weight'
	| 'loss'
	| 'lossBefore'
	| 'lossAfter'
	| 'lossChange'
	| 'chainTitle'
	| 'chainOutput'
	| 'chainHidden'
	| 'chainSum'
	| 'diagramLabel'
	| 'show.weights'
	| 'show.values'
	| 'show.gradients'
	| 'show.updates'
	| 'input'
	| 'targetVector'
	| 'weights'
	| 'biases'
	| 'preActivation'
	| 'activation'
	| 'probabilities'
	| 'gradient'
	| 'updated'
	| 'layer0'
	| 'layer1'
	| 'hiddenLayer'
	| 'outputLayer'
	| 'key1'
	| 'key2'
	| 'key3'
	| 'key4'
	| 'updateTitle'
	| 'updateLead'
	| 'colName'
	| 'colRole'
	| 'colBefore'
	| 'colGradient'
	| 'colAfter'
	| 'role.input'
	| 'role.target'
	| 'role.weight'
	| 'role.bias'
	| 'role.z'
	| 'role.a'
	| 'role.output'
	| 'role.loss'
	| 'summary'
	| 'badLr'
	| 'badInput'
	| 'badTokens'
	| 'adjusted';

export const backpropStepperMessages: Catalogues<BackpropStepperKey> = {
	en: {
		title: 'Backpropagation on one example',
		badgeNote: 'a tiny seeded network, computed live; the numbers teach, they are not from a real model',
		stepsLabel: 'The four steps of one training step',
		step1: 'Select target',
		step2: 'Forward pass',
		step3: 'Backward pass',
		step4: 'Apply update',
		step1Text:
			'The context “{context}” enters as the numbers {input}. The text says the next token is “{token}”, so the target is {target}: all probability on “{token}”.',
		step2Text:
			'Each hidden unit adds up its inputs times their weights plus a bias (z) and passes the sum through {activation} (a). Softmax turns the output scores into probabilities. The loss is −ln p(“{token}”) = −ln {p} = {loss}.',
		step3Text:
			'The error starts at the output as p − target and flows backwards along the same edges. Each gradient says how fast the loss grows when that number grows; arrows point back towards the input.',
		step4Text:
			'Every weight and bias takes a step against its gradient: θ ← θ − {lr} × ∂L/∂θ. Running the forward pass again, the loss goes from {before} to {after}.',
		next: 'Next',
		back: 'Back',
		reset: 'Reset',
		again: 'Train again with the new weights',
		round: 'Training step {n}',
		announce: 'Step {step} of 4: {name}.',
		announceLoss: 'Loss {loss}.',
		announceUpdate: 'Loss {before} before the update, {after} after.',
		context: 'Context',
		target: 'Correct next token',
		lr: 'Learning rate',
		weight: 'Weight for the chain rule',
		loss: 'Loss',
		lossBefore: 'Loss before',
		lossAfter: 'Loss after',
		lossChange: 'Change',
		chainTitle: 'The chain rule for {weight}',
		chainOutput: 'This weight feeds an output score, so its gradient is the output error times its input:',
		chainHidden:
			'This weight feeds a hidden unit: the error reaching {unit} from every output, times the slope of {activation} at z, times the weight’s input:',
		chainSum: 'the error reaching {unit}',
		diagramLabel: 'The network: {inputs} inputs, {hidden} hidden units, {outputs} outputs, showing {what}.',
		'show.weights': 'its weights and the target',
		'show.values': 'the values of the forward pass',
		'show.gradients': 'the gradients flowing backwards',
		'show.updates': 'the updated weights',
		input: 'Input x',
		targetVector: 'Target t',
		weights: 'Weights W',
		biases: 'Biases b',
		preActivation: 'Pre-activation z',
		activation: 'Activation a',
		probabilities: 'Probabilities p',
		gradient: 'Gradient',
		updated: 'Updated',
		layer0: 'Input → hidden',
		layer1: 'Hidden → output',
		hiddenLayer: 'Hidden layer',
		outputLayer: 'Output layer',
		key1: 'Units: the input x and the target t. Edges: the weights w.',
		key2: 'Units: the input x, the hidden activations a and the output probabilities p. Edges: the weights w.',
		key3: 'Units: the error ∂L/∂z arriving at each unit. Arrows: the gradient ∂L/∂w of each weight, pointing backwards; blue positive, red negative.',
		key4: 'Units: the activations and probabilities with the new weights. Edges: the updated weights.',
		updateTitle: 'The update of {weight}',
		updateLead: 'The weight moves against its gradient, scaled by the learning rate:',
		colName: 'Name',
		colRole: 'Role',
		colBefore: 'Value',
		colGradient: '∂L/∂·',
		colAfter: 'After update',
		'role.input': 'input',
		'role.target': 'target',
		'role.weight': 'weight',
		'role.bias': 'bias',
		'role.z': 'pre-activation',
		'role.a': 'activation',
		'role.output': 'probability',
		'role.loss': 'loss',
		summary:
			'Step {step} of 4 ({name}). Training towards “{token}” with learning rate {lr} takes the loss from {before} to {after}.',
		badLr: 'Learning rate {value} cannot be used ({reason}); no update is applied.',
		badInput: 'The input must be 1 to 6 finite numbers; the default input is used.',
		badTokens: 'Give 2 to 6 tokens; the default tokens are used.',
		adjusted: 'Adjusted to fit: {what}.'
	},
	zh: {
		title: '在一个样本上做反向传播',
		badgeNote: '一个带种子的小网络，实时计算；这些数字用于教学，并非来自真实模型',
		stepsLabel: '一次训练的四个步骤',
		step1: '选择目标',
		step2: '前向传播',
		step3: '反向传播',
		step4: '更新参数',
		step1Text:
			'上下文“{context}”以数字 {input} 输入。文本中的下一个词元是“{token}”，因此目标是 {target}：全部概率都应落在“{token}”上。',
		step2Text:
			'每个隐藏单元把输入乘以权重再加上偏置得到 z，再经过 {activation} 得到 a。softmax 把输出分数变为概率。损失为 −ln p(“{token}”) = −ln {p} = {loss}。',
		step3Text:
			'误差从输出端以 p − 目标 开始，沿着同样的连线向后传播。每个梯度表示该数值增大时损失增长得有多快；箭头指回输入端。',
		step4Text:
			'每个权重和偏置都沿梯度的反方向走一步：θ ← θ − {lr} × ∂L/∂θ。再做一次前向传播，损失从 {before} 变为 {after}。',
		next: '下一步',
		back: '上一步',
		reset: '重置',
		again: '用新权重再训练一次',
		round: '第 {n} 次训练',
		announce: '第 {step} 步，共 4 步：{name}。',
		announceLoss: '损失 {loss}。',
		announceUpdate: '更新前损失 {before}，更新后 {after}。',
		context: '上下文',
		target: '正确的下一个词元',
		lr: '学习率',
		weight: '展开链式法则的权重',
		loss: '损失',
		lossBefore: '更新前损失',
		lossAfter: '更新后损失',
		lossChange: '变化',
		chainTitle: '{weight} 的链式法则',
		chainOutput: '这个权重连到输出分数，因此它的梯度等于输出误差乘以它的输入：',
		chainHidden:
			'这个权重连到隐藏单元：从各输出传回 {unit} 的误差，乘以 {activation} 在 z 处的斜率，再乘以该权重的输入：',
		chainSum: '传回 {unit} 的误差',
		diagramLabel: '网络：{inputs} 个输入、{hidden} 个隐藏单元、{outputs} 个输出，显示{what}。',
		'show.weights': '权重和目标',
		'show.values': '前向传播的数值',
		'show.gradients': '反向流动的梯度',
		'show.updates': '更新后的权重',
		input: '输入 x',
		targetVector: '目标 t',
		weights: '权重 W',
		biases: '偏置 b',
		preActivation: '激活前 z',
		activation: '激活值 a',
		probabilities: '概率 p',
		gradient: '梯度',
		updated: '更新后',
		layer0: '输入 → 隐藏层',
		layer1: '隐藏层 → 输出',
		hiddenLayer: '隐藏层',
		outputLayer: '输出层',
		key1: '单元：输入 x 与目标 t。连线：权重 w。',
		key2: '单元：输入 x、隐藏层激活值 a 与输出概率 p。连线：权重 w。',
		key3: '单元：到达各单元的误差 ∂L/∂z。箭头：每个权重的梯度 ∂L/∂w，指向后方；蓝色为正，红色为负。',
		key4: '单元：使用新权重后的激活值与概率。连线：更新后的权重。',
		updateTitle: '{weight} 的更新',
		updateLead: '权重沿梯度的反方向移动，步长由学习率缩放：',
		colName: '名称',
		colRole: '角色',
		colBefore: '数值',
		colGradient: '∂L/∂·',
		colAfter: '更新后',
		'role.input': '输入',
		'role.target': '目标',
		'role.weight': '权重',
		'role.bias': '偏置',
		'role.z': '激活前',
		'role.a': '激活值',
		'role.output': '概率',
		'role.loss': '损失',
		summary: '第 {step} 步，共 4 步（{name}）。以学习率 {lr} 朝“{token}”训练，损失从 {before} 变为 {after}。',
		badLr: '学习率 {value} 无法使用（{reason}）；不做更新。',
		badInput: '输入必须是 1 到 6 个有限数值；改用默认输入。',
		badTokens: '请给出 2 到 6 个词元；改用默认词元。',
		adjusted: '已调整：{what}。'
	}
};
