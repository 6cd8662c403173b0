import type { Catalogues } from '../../i18n/messages.js';

export type PostTrainingKey =
	| 'title'
	| 'intro'
	| 'stagesLabel'
	| 'stepN'
	| 'stage.base'
	| 'stage.sft'
	| 'stage.preference'
	| 'stageSub.base'
	| 'stageSub.sft'
	| 'stageSub.preference'
	| 'objective.base'
	| 'objective.sft'
	| 'objective.preference'
	| 'learns.base'
	| 'learns.sft'
	| 'learns.preference'
	| 'promptLabel'
	| 'promptHeading'
	| 'outputHeading'
	| 'outputNote.base'
	| 'outputNote.sft'
	| 'outputNote.preference'
	| 'behaviour.base'
	| 'behaviour.sft'
	| 'behaviour.preference'
	| 'dataHeading'
	| 'data.base'
	| 'data.sft'
	| 'data.preference'
	| 'webSample'
	| 'maskLegend'
	| 'chosenLabel'
	| 'rejectedLabel'
	| 'reasonLabel'
	| 'lossHeading'
	| 'lossWhere.base'
	| 'lossWhere.sft'
	| 'lossWhere.preference'
	| 'rlhfHeading'
	| 'rlhfReward'
	| 'rlhfPolicy'
	| 'rlhfNote'
	| 'optional'
	| 'workedHeading'
	| 'workedPretrain'
	| 'workedSft'
	| 'colToken'
	| 'colP'
	| 'colTerm'
	| 'notCounted'
	| 'meanLine'
	| 'countedLine'
	| 'dpoIntro'
	| 'policyChosen'
	| 'policyRejected'
	| 'referenceChosen'
	| 'referenceRejected'
	| 'beta'
	| 'dpoChosenRatio'
	| 'dpoRejectedRatio'
	| 'dpoMargin'
	| 'dpoSigma'
	| 'dpoLoss'
	| 'dpoStart'
	| 'dpoPush'
	| 'betaClamped'
	| 'logClamped'
	| 'noExamples'
	| 'unknownExample'
	| 'lossError'
	| 'nextStage'
	| 'summary'
	| 'summaryNoExample'
	| 'badgeNote'
	| 'colStage'
	| 'colData'
	| 'colLoss'
	| 'colOutput'
	| 'listSeparator';

export const postTrainingMessages: Catalogues<PostTrainingKey> = {
	en: {
		title: 'From base model to assistant: post-training',
		intro: 'Pre-training gives a model its capability; post-training shapes how that capability behaves.',
		stagesLabel: 'Training stages',
		stepN: 'Stage {n}',
		'stage.base': 'Base model',
		'stage.sft': 'Supervised fine-tuning',
		'stage.preference': 'Preference tuning',
		'stageSub.base': 'after pre-training',
		'stageSub.sft': 'SFT, instruction tuning',
		'stageSub.preference': 'RLHF or DPO',
		'objective.base': 'Predict the next token of trillions of tokens of text and code.',
		'objective.sft':
			'Imitate good answers: predict the assistant’s reply, token by token, given the conversation so far.',
		'objective.preference':
			'Of two answers to one prompt, make the preferred one more likely than the rejected one, while staying close to the SFT model.',
		'learns.base':
			'Language, facts, code and reasoning patterns. It is a completion engine: asked a question, it may continue the page instead of answering.',
		'learns.sft': 'To follow instructions and answer in the assistant’s voice and format.',
		'learns.preference':
			'Which of several plausible answers people prefer: clearer, safer, better formatted, less rambling. Not every model goes through this stage; some stop after SFT.',
		promptLabel: 'Example prompt',
		promptHeading: 'Prompt',
		outputHeading: 'Output after this stage',
		'outputNote.base': 'The base model continues the document it thinks it is reading.',
		'outputNote.sft': 'After SFT the model answers the instruction.',
		'outputNote.preference': 'After preference tuning its answers lean towards what raters preferred.',
		'behaviour.base': 'continues the text instead of answering',
		'behaviour.sft': 'answers the instruction',
		'behaviour.preference': 'gives the kind of answer raters preferred',
		dataHeading: 'What it trains on',
		'data.base':
			'Raw text with no labels: web pages, books, code, papers — trillions of tokens. A sample, markup and all:',
		'data.sft':
			'About 10 000 to 1 000 000 (instruction, response) pairs, written by people or generated and filtered, laid out in the model’s chat template:',
		'data.preference':
			'Pairs of answers to the same prompt, one chosen (y_w) and one rejected (y_l), ranked by people or by another model:',
		webSample:
			'<title>Why is the sky blue? | Ask a Scientist</title>\nHome › Physics › Light\nThe sky looks blue because the molecules in air scatter the blue part of sunlight much more than the red part…\nShare · Tweet · 47 comments\n© 2019 Ask a Scientist. All rights reserved.',
		maskLegend:
			'Highlighted: the tokens the loss counts (the reply and the end marker that teaches the model to stop). Greyed: the template and the prompt, read but not scored.',
		chosenLabel: 'Chosen (y_w)',
		rejectedLabel: 'Rejected (y_l)',
		reasonLabel: 'Why',
		lossHeading: 'The loss it minimises',
		'lossWhere.base':
			'Next-token cross-entropy over every token: log is the natural log and pθ the model’s probability of the token that actually came next.',
		'lossWhere.sft':
			'The same cross-entropy, but only over A, the assistant’s tokens: the prompt is given, not learned.',
		'lossWhere.preference':
			'Direct Preference Optimization (DPO): πθ is the model being trained, π_ref the frozen SFT model, σ the sigmoid and β how far πθ may move away from π_ref.',
		rlhfHeading: 'RLHF, the route before DPO',
		rlhfReward: 'First train a reward model r on the same pairs:',
		rlhfPolicy:
			'then optimise the model with reinforcement learning (usually PPO), a KL penalty keeping it near π_ref:',
		rlhfNote: 'DPO reaches the same optimum without a separate reward model or sampling during training.',
		optional: 'optional',
		workedHeading: 'Worked example',
		workedPretrain: 'After “{context}”, the probability the model gave each next token:',
		workedSft: 'The same conversation, scored only where the mask is on:',
		colToken: 'Token',
		colP: 'p',
		colTerm: '−log p',
		notCounted: 'not counted',
		meanLine: 'Loss = {total} ÷ {count} = {mean} nats per token (perplexity {perplexity}).',
		countedLine: '{count} of {total} tokens counted.',
		dpoIntro:
			'Sequence log-probabilities in nats (illustrative). Move the policy’s values to see the loss respond:',
		policyChosen: 'log πθ(y_w|x), policy on the chosen answer',
		policyRejected: 'log πθ(y_l|x), policy on the rejected answer',
		referenceChosen: 'log π_ref(y_w|x), reference on the chosen answer',
		referenceRejected: 'log π_ref(y_l|x), reference on the rejected answer',
		beta: 'β',
		dpoChosenRatio: 'Chosen log-ratio: {policy} − ({reference}) = {value}',
		dpoRejectedRatio: 'Rejected log-ratio: {policy} − ({reference}) = {value}',
		dpoMargin: 'z = β × (chosen − rejected) = {beta} × ({chosen} − ({rejected})) = {z}',
		dpoSigma: 'σ(z) = {p}: how strongly the model’s own log-ratios prefer y_w to y_l',
		dpoLoss: 'Loss = −log σ(z) = {loss} nats',
		dpoStart: 'At the start of training πθ = π_ref, so z = 0 and the loss is log 2 = {start}.',
		dpoPush:
			'This pair pushes with weight σ(−z) = {weight}: pairs the model already ranks right barely move it.',
		betaClamped: 'β = {given} is outside 0.01–1; using {used}.',
		logClamped: 'A log-probability of {given} is outside −40 to 0; using {used}.',
		noExamples: 'No example prompts were given, so there are no outputs to show.',
		unknownExample: 'There is no example “{id}”; showing “{first}”. Examples: {ids}.',
		lossError: 'Cannot compute the loss: {reason}',
		nextStage: 'Next: {stage} →',
		summary: 'Stage {n} of 3, {stage}: {objective} Asked “{prompt}”, the model {behaviour}.',
		summaryNoExample: 'Stage {n} of 3, {stage}: {objective}',
		badgeNote:
			'The example outputs and token probabilities are hand-written for teaching, not produced by a model; the losses are computed from them exactly.',
		colStage: 'Stage',
		colData: 'Trains on',
		colLoss: 'Loss',
		colOutput: 'Output for the prompt',
		listSeparator: ', '
	},
	zh: {
		title: '从基础模型到助手：后训练',
		intro: '预训练赋予模型能力；后训练决定这种能力如何表现。',
		stagesLabel: '训练阶段',
		stepN: '阶段 {n}',
		'stage.base': '基础模型',
		'stage.sft': '监督微调',
		'stage.preference': '偏好微调',
		'stageSub.base': '预训练之后',
		'stageSub.sft': 'SFT，指令微调',
		'stageSub.preference': 'RLHF 或 DPO',
		'objective.base': '在数万亿词元的文本和代码上预测下一个词元。',
		'objective.sft': '模仿好的回答：根据已有对话，逐个词元地预测助手的回复。',
		'objective.preference':
			'对同一提示的两个回答，让更受偏好的那个比被拒绝的更可能出现，同时不偏离 SFT 模型太远。',
		'learns.base': '语言、事实、代码和推理模式。它是一个续写引擎：问它问题，它可能接着写页面，而不是回答。',
		'learns.sft': '遵循指令，并以助手的口吻和格式回答。',
		'learns.preference':
			'在几个都说得通的回答中，人们更喜欢哪一个：更清楚、更安全、格式更好、更少啰嗦。并非每个模型都经过这一阶段；有些在 SFT 后就停止了。',
		promptLabel: '示例提示',
		promptHeading: '提示',
		outputHeading: '这一阶段后的输出',
		'outputNote.base': '基础模型会续写它以为自己正在读的文档。',
		'outputNote.sft': '经过 SFT，模型会回答指令。',
		'outputNote.preference': '经过偏好微调，它的回答更接近评审者偏好的样子。',
		'behaviour.base': '续写文本而不是回答',
		'behaviour.sft': '回答了指令',
		'behaviour.preference': '给出了评审者偏好的那种回答',
		dataHeading: '训练数据',
		'data.base': '没有标注的原始文本：网页、书籍、代码、论文——数万亿词元。一个样本，连同标记：',
		'data.sft': '约 1 万到 100 万对（指令，回复），由人撰写或生成后筛选，按模型的对话模板排列：',
		'data.preference': '同一提示的成对回答，一个被选中（y_w），一个被拒绝（y_l），由人或另一个模型排序：',
		webSample:
			'<title>天空为什么是蓝色的？| 问问科学家</title>\n首页 › 物理 › 光\n天空看起来是蓝色的，因为空气分子对阳光中蓝色部分的散射远多于红色部分……\n分享 · 转发 · 47 条评论\n© 2019 问问科学家。保留所有权利。',
		maskLegend:
			'高亮：损失计入的词元（回复，以及教模型停止的结束标记）。灰色：模板和提示，会被读入但不计分。',
		chosenLabel: '被选中（y_w）',
		rejectedLabel: '被拒绝（y_l）',
		reasonLabel: '原因',
		lossHeading: '最小化的损失',
		'lossWhere.base': '对每个词元求下一词元交叉熵：log 是自然对数，pθ 是模型给实际下一个词元的概率。',
		'lossWhere.sft': '同样的交叉熵，但只对 A（助手的词元）求：提示是给定的，不需要学。',
		'lossWhere.preference':
			'直接偏好优化（DPO）：πθ 是正在训练的模型，π_ref 是冻结的 SFT 模型，σ 是 sigmoid 函数，β 控制 πθ 可以偏离 π_ref 多远。',
		rlhfHeading: 'RLHF：DPO 之前的做法',
		rlhfReward: '先在同样的成对数据上训练一个奖励模型 r：',
		rlhfPolicy: '再用强化学习（通常是 PPO）优化模型，用 KL 惩罚让它靠近 π_ref：',
		rlhfNote: 'DPO 不需要单独的奖励模型，也不需要在训练中采样，就能达到同样的最优解。',
		optional: '可选',
		workedHeading: '算例',
		workedPretrain: '在“{context}”之后，模型给每个下一个词元的概率：',
		workedSft: '同一段对话，只在掩码打开的位置计分：',
		colToken: '词元',
		colP: 'p',
		colTerm: '−log p',
		notCounted: '不计入',
		meanLine: '损失 = {total} ÷ {count} = 每词元 {mean} 奈特（困惑度 {perplexity}）。',
		countedLine: '{total} 个词元中计入 {count} 个。',
		dpoIntro: '以奈特为单位的序列对数概率（示意）。移动策略模型的数值，看损失如何变化：',
		policyChosen: 'log πθ(y_w|x)，策略模型对被选中回答',
		policyRejected: 'log πθ(y_l|x)，策略模型对被拒绝回答',
		referenceChosen: 'log π_ref(y_w|x)，参考模型对被选中回答',
		referenceRejected: 'log π_ref(y_l|x)，参考模型对被拒绝回答',
		beta: 'β',
		dpoChosenRatio: '被选中的对数比：{policy} − ({reference}) = {value}',
		dpoRejectedRatio: '被拒绝的对数比：{policy} − ({reference}) = {value}',
		dpoMargin: 'z = β × (被选中 − 被拒绝) = {beta} × ({chosen} − ({rejected})) = {z}',
		dpoSigma: 'σ(z) = {p}：模型自身的对数比偏向 y_w 而非 y_l 的程度',
		dpoLoss: '损失 = −log σ(z) = {loss} 奈特',
		dpoStart: '训练开始时 πθ = π_ref，所以 z = 0，损失为 log 2 = {start}。',
		dpoPush: '这一对样本的推动权重为 σ(−z) = {weight}：模型已经排对的样本几乎不再推动它。',
		betaClamped: 'β = {given} 超出 0.01–1 的范围；改用 {used}。',
		logClamped: '对数概率 {given} 超出 −40 到 0 的范围；改用 {used}。',
		noExamples: '没有提供示例提示，因此没有输出可以展示。',
		unknownExample: '没有示例“{id}”；显示“{first}”。可选示例：{ids}。',
		lossError: '无法计算损失：{reason}',
		nextStage: '下一步：{stage} →',
		summary: '第 {n} 阶段（共 3 个），{stage}：{objective}问它“{prompt}”，模型{behaviour}。',
		summaryNoExample: '第 {n} 阶段（共 3 个），{stage}：{objective}',
		badgeNote: '示例输出和词元概率是为教学手写的，并非模型生成；损失是据此精确计算的。',
		colStage: '阶段',
		colData: '训练数据',
		colLoss: '损失',
		colOutput: '对提示的输出',
		listSeparator: '、'
	}
};
