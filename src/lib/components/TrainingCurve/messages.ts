import type { Catalogues } from '../../i18n/messages.js';

export type TrainingCurveKey =
	| 'title'
	| 'xAxis'
	| 'yAxis'
	| 'train'
	| 'validation'
	| 'uniform'
	| 'stage.pretrain'
	| 'stage.finetune-full'
	| 'stage.finetune-lora'
	| 'summary'
	| 'summaryEmpty'
	| 'training'
	| 'waiting'
	| 'readout'
	| 'readoutNoVal'
	| 'plotLabel'
	| 'dropped'
	| 'runError'
	| 'badge'
	| 'colStep'
	| 'colStage'
	| 'colLoss'
	| 'colValLoss'
	| 'colLr';

export const trainingCurveMessages: Catalogues<TrainingCurveKey> = {
	en: {
		title: 'Loss during training',
		xAxis: 'Training step',
		yAxis: 'Loss (nats per token)',
		train: 'training loss',
		validation: 'validation loss',
		uniform: 'uniform guess',
		'stage.pretrain': 'Pretraining',
		'stage.finetune-full': 'Full fine-tuning',
		'stage.finetune-lora': 'LoRA fine-tuning',
		summary:
			'{steps} training steps in {phases}. Training loss went from {first} to {last} nats per token; the last validation loss is {val}.',
		summaryEmpty: 'No training steps yet.',
		training: 'Training a small transformer in your browser: step {step} of {total}…',
		waiting: 'A small transformer trains in your browser when this figure scrolls into view.',
		readout: 'Step {step} ({stage}): training loss {loss}, validation loss {val}, learning rate {lr}',
		readoutNoVal: 'Step {step} ({stage}): training loss {loss}, learning rate {lr}',
		plotLabel: 'Loss by training step; use the arrow keys to read each step',
		dropped: '{count} history entries could not be drawn (missing or non-finite values) and were left out.',
		runError: 'The training run could not start: {reason}',
		badge:
			'Measured on a real toy transformer (about 10⁴ weights) trained on a made-up language in your browser.',
		colStep: 'Step',
		colStage: 'Phase',
		colLoss: 'Training loss',
		colValLoss: 'Validation loss',
		colLr: 'Learning rate'
	},
	zh: {
		title: '训练过程中的损失',
		xAxis: '训练步数',
		yAxis: '损失（奈特/词元）',
		train: '训练损失',
		validation: '验证损失',
		uniform: '均匀猜测',
		'stage.pretrain': '预训练',
		'stage.finetune-full': '全量微调',
		'stage.finetune-lora': 'LoRA 微调',
		summary:
			'{phases}共 {steps} 个训练步。训练损失从 {first} 降到 {last} 奈特/词元；最近的验证损失为 {val}。',
		summaryEmpty: '还没有训练步。',
		training: '正在浏览器中训练一个小型 Transformer：第 {step} / {total} 步…',
		waiting: '当此图滚动到视野内时，一个小型 Transformer 会在浏览器中训练。',
		readout: '第 {step} 步（{stage}）：训练损失 {loss}，验证损失 {val}，学习率 {lr}',
		readoutNoVal: '第 {step} 步（{stage}）：训练损失 {loss}，学习率 {lr}',
		plotLabel: '各训练步的损失；用方向键逐步读取',
		dropped: '有 {count} 条历史记录无法绘制（缺失或非有限值），已略去。',
		runError: '训练无法开始：{reason}',
		badge: '在你的浏览器中用虚构语言训练的真实玩具 Transformer（约 10⁴ 个权重）上测得。',
		colStep: '步',
		colStage: '阶段',
		colLoss: '训练损失',
		colValLoss: '验证损失',
		colLr: '学习率'
	}
};
