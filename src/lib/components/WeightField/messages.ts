import type { Catalogues } from '../../i18n/messages.js';

export type WeightFieldKey =
	| 'title'
	| 'stage'
	| 'stage.pretrain'
	| 'stage.finetune-full'
	| 'stage.finetune-lora'
	| 'stage.inference'
	| 'play'
	| 'pause'
	| 'step'
	| 'reset'
	| 'progress'
	| 'progressTraining'
	| 'progressInference'
	| 'scale'
	| 'sequence'
	| 'sequenceValue'
	| 'precision'
	| 'checkpointing'
	| 'loss'
	| 'lossHint'
	| 'valLoss'
	| 'updateStrength'
	| 'updateHint'
	| 'attentionSpread'
	| 'attentionHint'
	| 'lr'
	| 'gradNorm'
	| 'kvTokens'
	| 'noValue'
	| 'loading'
	| 'summaryStatic'
	| 'summaryTraining'
	| 'summaryInference'
	| 'summaryLora'
	| 'diverged'
	| 'stageDone'
	| 'runError'
	| 'memoryError'
	| 'clampedScale'
	| 'invalidScale'
	| 'clampedSequence'
	| 'invalidSequence'
	| 'gpuFallback'
	| 'gpuLost'
	| 'rendererNote'
	| 'fieldLabel'
	| 'legendNegative'
	| 'legendZero'
	| 'legendPositive'
	| 'legendMotion'
	| 'legendFrozen'
	| 'legendAdapters'
	| 'toyNote'
	| 'badgeField'
	| 'memoryTitle'
	| 'badgeMemory'
	| 'card.weights'
	| 'card.training'
	| 'card.activations'
	| 'card.kvCache'
	| 'card.workingSet'
	| 'why.weights.train'
	| 'why.weights.lora'
	| 'why.weights.inference'
	| 'why.training.train'
	| 'why.training.lora'
	| 'why.training.inference'
	| 'why.activations.train'
	| 'why.activations.checkpointed'
	| 'why.activations.inference'
	| 'why.kvCache.train'
	| 'why.kvCache.inference'
	| 'why.workingSet'
	| 'precisionAdjusted'
	| 'ladderTitle'
	| 'ladderIntro'
	| 'ladderActive'
	| 'configLayers'
	| 'configHidden'
	| 'configHeads'
	| 'configKvHeads'
	| 'configParameters'
	| 'configActive'
	| 'colQuantity'
	| 'colValue'
	| 'colNote'
	| 'hover'
	| 'kvStrip'
	| 'tableRun'
	| 'tableMemory';

export const weightFieldMessages: Catalogues<WeightFieldKey> = {
	en: {
		title: 'Training Lab: the weights of a small transformer',
		stage: 'Stage',
		'stage.pretrain': 'Pretraining',
		'stage.finetune-full': 'Full fine-tuning',
		'stage.finetune-lora': 'LoRA fine-tuning',
		'stage.inference': 'Inference',
		play: 'Play',
		pause: 'Pause',
		step: 'Step',
		reset: 'Reset',
		progress: 'Progress',
		progressTraining: 'step {step} of {total}',
		progressInference: '{tokens} of {capacity} cache positions',
		scale: 'Parameter scale',
		sequence: 'Sequence length',
		sequenceValue: '{tokens} tokens',
		precision: 'Weight precision',
		checkpointing: 'Activation checkpointing',
		loss: 'Loss',
		lossHint: 'nats per token; lower is better',
		valLoss: 'Validation loss',
		updateStrength: 'Update strength',
		updateHint: 'how hard the weights moved: RMS(update) ÷ RMS(weights)',
		attentionSpread: 'Attention spread',
		attentionHint: '0% = each query looks at one token, 100% = evenly at all',
		lr: 'Learning rate',
		gradNorm: 'Gradient norm',
		kvTokens: 'KV cache',
		noValue: '—',
		loading: 'The model starts when the figure scrolls into view.',
		summaryStatic:
			'A field of {cells} cells showing the {weights} weights of a small one-block transformer. Colour is each weight’s value, glow how far it moved in the last step. It trains in the browser.',
		summaryTraining:
			'{stage}, step {step}: loss {loss} nats per token (validation {valLoss}), update strength {update}, attention spread {spread}.',
		summaryInference:
			'Inference: the weights are frozen; {tokens} of {capacity} positions are in the KV cache. Text so far: “{text}”.',
		summaryLora: 'Only rank-{rank} adapters on the attention projections train; the frozen base is faded.',
		diverged:
			'Training diverged: with a learning rate of {lr} the update blew up, so it was refused. Reset, or lower the learning rate.',
		stageDone:
			'{stage} schedule finished after {steps} steps. Press play to continue at the lowest learning rate, or choose the next stage.',
		runError: 'The training run could not start: {reason}',
		memoryError: 'Memory estimate unavailable: {reason}',
		clampedScale: 'The requested size {requested} is outside the ladder; showing {model}.',
		invalidScale: '“{requested}” is not a parameter count; showing {model}.',
		clampedSequence: 'Sequence length {requested} is outside 128–131,072 tokens; using {tokens}.',
		invalidSequence: '“{requested}” is not a sequence length; using {tokens}.',
		gpuFallback: 'WebGPU is not available ({reason}); the field is drawn on the CPU.',
		gpuLost: 'The GPU device was lost ({reason}); drawing carries on with Canvas 2D.',
		rendererNote: '{renderer}, {cells} cells',
		fieldLabel: 'Weight field of the toy model: colour is each weight’s value, glow its last update',
		legendNegative: 'negative',
		legendZero: '0',
		legendPositive: 'positive',
		legendMotion: 'moved in the last step',
		legendFrozen: 'frozen',
		legendAdapters: 'bright bands: attention weights moved by the LoRA adapters (W + s·A·B)',
		toyNote:
			'The field is a real toy transformer ({weights} weights: width {d}, {heads} heads, {context}-token context) trained on a made-up language in your browser. It is not {model}; the memory cards use {model}’s published configuration.',
		badgeField:
			'A real toy transformer trained in your browser stands in for the chosen model; its loss, updates and attention are measured, its size is not the LLM’s.',
		memoryTitle: 'Memory for {model} · {stage}',
		badgeMemory:
			'Published config.json of {model}; weights by format, mixed-precision AdamW (ZeRO paper), activations after Korthikanti et al. 2022.',
		'card.weights': 'Weights',
		'card.training': 'Training-only state',
		'card.activations': 'Activations',
		'card.kvCache': 'KV cache',
		'card.workingSet': 'Working set',
		'why.weights.train': '{params} parameters in {format}; every one of them is updated.',
		'why.weights.lora': '{params} parameters frozen in {format}; they only run forward.',
		'why.weights.inference': '{params} parameters in {format}, resident for every token generated.',
		'why.training.train': 'Gradients, fp32 master weights and Adam’s two moments for every parameter.',
		'why.training.lora': 'Only the {adapters} adapter parameters carry gradients and optimizer state.',
		'why.training.inference': 'None: inference keeps no gradients and no optimizer.',
		'why.activations.train':
			'Saved by the forward pass for the backward pass; attention’s share grows with length².',
		'why.activations.checkpointed': 'Checkpointing keeps only each layer’s input and recomputes the rest.',
		'why.activations.inference': 'Transient: computed and dropped layer by layer.',
		'why.kvCache.train': 'None: training sees whole sequences at once.',
		'why.kvCache.inference':
			'Keys and values of {tokens} tokens × {batch} in every layer, so no past token is recomputed.',
		'why.workingSet': 'Everything that must be resident at once on one copy of the model.',
		precisionAdjusted:
			'Full training keeps weights in bf16; {format} applies to inference and the LoRA base.',
		ladderTitle: 'Parameter growth',
		ladderIntro: 'Real models from {first} to {last}; weights in {format}. Choose one to size the cards.',
		ladderActive: '{active} active per token',
		configLayers: 'Layers',
		configHidden: 'Hidden size',
		configHeads: 'Attention heads',
		configKvHeads: 'KV heads',
		configParameters: 'Parameters',
		configActive: 'Active per token',
		colQuantity: 'Quantity',
		colValue: 'Value',
		colNote: 'Note',
		hover: '{group} [{row}, {col}] = {value}; last update {update}',
		kvStrip: 'KV cache of the toy model: one box per cached token',
		tableRun: 'toy run',
		tableMemory: 'real config'
	},
	zh: {
		title: '训练实验室：一个小型 Transformer 的权重',
		stage: '阶段',
		'stage.pretrain': '预训练',
		'stage.finetune-full': '全量微调',
		'stage.finetune-lora': 'LoRA 微调',
		'stage.inference': '推理',
		play: '播放',
		pause: '暂停',
		step: '单步',
		reset: '重置',
		progress: '进度',
		progressTraining: '第 {step} 步，共 {total} 步',
		progressInference: '缓存 {tokens} / {capacity} 个位置',
		scale: '参数规模',
		sequence: '序列长度',
		sequenceValue: '{tokens} 个词元',
		precision: '权重精度',
		checkpointing: '激活检查点',
		loss: '损失',
		lossHint: '每词元奈特数，越低越好',
		valLoss: '验证损失',
		updateStrength: '更新强度',
		updateHint: '权重移动的幅度：RMS(更新) ÷ RMS(权重)',
		attentionSpread: '注意力分散度',
		attentionHint: '0% = 每个查询只看一个词元，100% = 平均看所有词元',
		lr: '学习率',
		gradNorm: '梯度范数',
		kvTokens: 'KV 缓存',
		noValue: '—',
		loading: '图表滚动到视野内时，模型开始运行。',
		summaryStatic:
			'由 {cells} 个单元组成的权重场，显示一个单层小型 Transformer 的 {weights} 个权重。颜色表示权重值，亮光表示上一步的移动幅度。它在浏览器中训练。',
		summaryTraining:
			'{stage}，第 {step} 步：损失 {loss} 奈特/词元（验证 {valLoss}），更新强度 {update}，注意力分散度 {spread}。',
		summaryInference: '推理：权重已冻结；KV 缓存中有 {tokens} / {capacity} 个位置。目前的文本：“{text}”。',
		summaryLora: '只有注意力投影上秩为 {rank} 的适配器在训练；冻结的基座权重变淡显示。',
		diverged: '训练发散：学习率 {lr} 使更新失控，该更新已被拒绝。请重置或降低学习率。',
		stageDone: '{stage}计划在 {steps} 步后完成。按播放以最低学习率继续，或选择下一阶段。',
		runError: '训练无法开始：{reason}',
		memoryError: '无法估算内存：{reason}',
		clampedScale: '请求的规模 {requested} 超出阶梯范围；显示 {model}。',
		invalidScale: '“{requested}”不是参数数量；显示 {model}。',
		clampedSequence: '序列长度 {requested} 超出 128–131,072 词元；使用 {tokens}。',
		invalidSequence: '“{requested}”不是序列长度；使用 {tokens}。',
		gpuFallback: 'WebGPU 不可用（{reason}）；权重场在 CPU 上绘制。',
		gpuLost: 'GPU 设备丢失（{reason}）；改用 Canvas 2D 继续绘制。',
		rendererNote: '{renderer}，{cells} 个单元',
		fieldLabel: '玩具模型的权重场：颜色为权重值，亮光为上一步更新',
		legendNegative: '负',
		legendZero: '0',
		legendPositive: '正',
		legendMotion: '上一步中移动',
		legendFrozen: '冻结',
		legendAdapters: '亮带：被 LoRA 适配器改变的注意力权重（W + s·A·B）',
		toyNote:
			'权重场是一个真实的玩具 Transformer（{weights} 个权重：宽度 {d}，{heads} 个头，{context} 词元上下文），在你的浏览器中用一种虚构语言训练。它不是 {model}；内存卡片使用 {model} 公开的配置。',
		badgeField:
			'一个在浏览器中训练的真实玩具 Transformer 代表所选模型；其损失、更新和注意力为实测值，但规模不是大模型的规模。',
		memoryTitle: '{model} 的内存 · {stage}',
		badgeMemory:
			'{model} 公开的 config.json；按格式计算权重，混合精度 AdamW（ZeRO 论文），激活值依据 Korthikanti 等 2022。',
		'card.weights': '权重',
		'card.training': '仅训练时的状态',
		'card.activations': '激活值',
		'card.kvCache': 'KV 缓存',
		'card.workingSet': '工作集',
		'why.weights.train': '{params} 个参数，以 {format} 存储；每一个都会被更新。',
		'why.weights.lora': '{params} 个参数以 {format} 冻结；只做前向计算。',
		'why.weights.inference': '{params} 个参数以 {format} 存储，生成每个词元时都要常驻内存。',
		'why.training.train': '每个参数的梯度、fp32 主权重和 Adam 的两个矩。',
		'why.training.lora': '只有 {adapters} 个适配器参数带有梯度和优化器状态。',
		'why.training.inference': '无：推理不保存梯度和优化器。',
		'why.activations.train': '前向传播为反向传播保存；注意力部分随长度的平方增长。',
		'why.activations.checkpointed': '检查点只保存每层的输入，其余部分重新计算。',
		'why.activations.inference': '临时的：逐层计算后即丢弃。',
		'why.kvCache.train': '无：训练一次看到整个序列。',
		'why.kvCache.inference': '每层保存 {tokens} 个词元 × {batch} 的键和值，过去的词元无需重新计算。',
		'why.workingSet': '模型的一个副本必须同时常驻内存的全部内容。',
		precisionAdjusted: '全量训练以 bf16 保存权重；{format} 适用于推理和 LoRA 基座。',
		ladderTitle: '参数增长',
		ladderIntro: '从 {first} 到 {last} 的真实模型；权重以 {format} 计。选择一个来计算卡片。',
		ladderActive: '每词元激活 {active}',
		configLayers: '层数',
		configHidden: '隐藏维度',
		configHeads: '注意力头',
		configKvHeads: 'KV 头',
		configParameters: '参数',
		configActive: '每词元激活参数',
		colQuantity: '量',
		colValue: '值',
		colNote: '说明',
		hover: '{group} [{row}, {col}] = {value}；上一步更新 {update}',
		kvStrip: '玩具模型的 KV 缓存：每个缓存的词元一个方框',
		tableRun: '玩具运行',
		tableMemory: '真实配置'
	}
};
