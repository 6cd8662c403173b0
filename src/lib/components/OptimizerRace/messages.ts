import type { Catalogues } from '../../i18n/messages.js';

export type OptimizerRaceKey =
	| 'title'
	| 'badgeNote'
	| 'surface'
	| 'optimizers'
	| 'lr'
	| 'lrTyped'
	| 'beta1'
	| 'beta2'
	| 'play'
	| 'pause'
	| 'step'
	| 'reset'
	| 'stepOf'
	| 'mapLabel'
	| 'mapHelp'
	| 'crosshair'
	| 'startSet'
	| 'start'
	| 'minimum'
	| 'diverged'
	| 'onCourse'
	| 'readoutCaption'
	| 'colOptimizer'
	| 'colStep'
	| 'colX'
	| 'colY'
	| 'colLoss'
	| 'colDistance'
	| 'colStatus'
	| 'colPosition'
	| 'summary'
	| 'summaryDiverged'
	| 'summaryPlaying'
	| 'summaryNone'
	| 'noOptimizers'
	| 'unknownSurface'
	| 'stepsClamped'
	| 'lrInvalid'
	| 'lrTypedInvalid'
	| 'badSetting'
	| 'formula'
	| 'suggested'
	| 'axisX'
	| 'axisY'
	| 'divergedBadge'
	| 'surface.bowl'
	| 'surface.valley'
	| 'surface.rosenbrock'
	| 'surface.himmelblau'
	| 'surface.saddle'
	| 'surface.beale'
	| 'opt.sgd'
	| 'opt.momentum'
	| 'opt.nesterov'
	| 'opt.rmsprop'
	| 'opt.adam'
	| 'opt.adamw';

export const optimizerRaceMessages: Catalogues<OptimizerRaceKey> = {
	en: {
		title: 'Same gradients, different paths',
		badgeNote: 'exact gradients of a 2-D toy surface; every optimizer is given the same ones',
		surface: 'Loss surface',
		optimizers: 'Optimizers',
		lr: 'Learning rate',
		lrTyped: 'Learning rate (type a value)',
		beta1: 'β1 = momentum μ (average of gradients)',
		beta2: 'β2 (Adam’s average of squared gradients)',
		play: 'Play',
		pause: 'Pause',
		step: 'Step',
		reset: 'Reset',
		stepOf: 'Step {step} of {steps}',
		mapLabel: 'Contour map of {surface} with each optimizer’s path. Choose the start here.',
		mapHelp:
			'Click the map to start every optimizer there, or focus it, move the crosshair with the arrow keys (Shift for bigger moves) and press Enter.',
		crosshair: 'Crosshair at x {x}, y {y}, loss {loss}. Press Enter to start here.',
		startSet: 'Start moved to x {x}, y {y}.',
		start: 'start',
		minimum: 'min',
		diverged: 'diverged',
		onCourse: 'running',
		readoutCaption: 'Each optimizer after {step} of {steps} steps',
		colOptimizer: 'Optimizer',
		colStep: 'Step',
		colX: 'x',
		colY: 'y',
		colLoss: 'Loss',
		colDistance: 'Distance to nearest min',
		colStatus: 'Status',
		colPosition: 'Position (x, y)',
		summary:
			'{surface}, learning rate {lr}, from ({x}, {y}): after {step} of {steps} steps {leader} is closest to a minimum ({distance} away, loss {loss}).',
		summaryDiverged: 'Diverged: {names}.',
		summaryPlaying: '{count} optimizers race down {surface} from ({x}, {y}) with learning rate {lr}.',
		summaryNone: 'No optimizer is selected: tick at least one to see its path.',
		noOptimizers: 'Tick at least one optimizer.',
		unknownSurface: 'There is no surface called “{id}”; showing {fallback} instead.',
		stepsClamped: 'Steps must be a whole number from 0 to {max}; using {value}.',
		lrInvalid: 'The race cannot run: {reason}',
		lrTypedInvalid: 'Type a number of 0 or more, such as 0.01 or 1e-3.',
		badSetting: 'A setting was out of range and has been adjusted: {what}.',
		formula: 'f(x, y) = {formula}',
		suggested: 'Suggested for SGD: {lr}',
		axisX: 'x',
		axisY: 'y',
		divergedBadge: '{name} diverged at step {step}',
		'surface.bowl': 'Bowl',
		'surface.valley': 'Narrow valley',
		'surface.rosenbrock': 'Rosenbrock',
		'surface.himmelblau': 'Himmelblau',
		'surface.saddle': 'Saddle',
		'surface.beale': 'Beale',
		'opt.sgd': 'SGD',
		'opt.momentum': 'Momentum',
		'opt.nesterov': 'Nesterov',
		'opt.rmsprop': 'RMSProp',
		'opt.adam': 'Adam',
		'opt.adamw': 'AdamW'
	},
	zh: {
		title: '同样的梯度，不同的路径',
		badgeNote: '二维玩具曲面的精确梯度；每个优化器得到的梯度完全相同',
		surface: '损失曲面',
		optimizers: '优化器',
		lr: '学习率',
		lrTyped: '学习率（直接输入）',
		beta1: 'β1 = 动量 μ（梯度的平均）',
		beta2: 'β2（Adam 的梯度平方平均）',
		play: '播放',
		pause: '暂停',
		step: '单步',
		reset: '重置',
		stepOf: '第 {step} 步，共 {steps} 步',
		mapLabel: '{surface} 的等高线图及各优化器的路径。可在此选择起点。',
		mapHelp:
			'点击地图即可让所有优化器从该处出发；或聚焦地图，用方向键移动十字准星（按住 Shift 移动更多），再按 Enter。',
		crosshair: '十字准星位于 x {x}，y {y}，损失 {loss}。按 Enter 从这里出发。',
		startSet: '起点已移到 x {x}，y {y}。',
		start: '起点',
		minimum: '最小值',
		diverged: '已发散',
		onCourse: '运行中',
		readoutCaption: '{steps} 步中的第 {step} 步时各优化器的位置',
		colOptimizer: '优化器',
		colStep: '步数',
		colX: 'x',
		colY: 'y',
		colLoss: '损失',
		colDistance: '到最近最小值的距离',
		colStatus: '状态',
		colPosition: '位置 (x, y)',
		summary:
			'{surface}，学习率 {lr}，起点 ({x}, {y})：{steps} 步中的第 {step} 步时，{leader} 离最小值最近（距离 {distance}，损失 {loss}）。',
		summaryDiverged: '已发散：{names}。',
		summaryPlaying: '{count} 个优化器以学习率 {lr} 从 ({x}, {y}) 出发，沿 {surface} 下降。',
		summaryNone: '没有选中任何优化器：请至少勾选一个以查看其路径。',
		noOptimizers: '请至少勾选一个优化器。',
		unknownSurface: '没有名为“{id}”的曲面；改为显示 {fallback}。',
		stepsClamped: '步数必须是 0 到 {max} 之间的整数；现使用 {value}。',
		lrInvalid: '无法运行：{reason}',
		lrTypedInvalid: '请输入大于或等于 0 的数，例如 0.01 或 1e-3。',
		badSetting: '有设置超出范围，已调整：{what}。',
		formula: 'f(x, y) = {formula}',
		suggested: 'SGD 建议值：{lr}',
		axisX: 'x',
		axisY: 'y',
		divergedBadge: '{name} 在第 {step} 步发散',
		'surface.bowl': '碗形',
		'surface.valley': '狭长山谷',
		'surface.rosenbrock': 'Rosenbrock 函数',
		'surface.himmelblau': 'Himmelblau 函数',
		'surface.saddle': '鞍点',
		'surface.beale': 'Beale 函数',
		'opt.sgd': 'SGD',
		'opt.momentum': '动量法',
		'opt.nesterov': 'Nesterov',
		'opt.rmsprop': 'RMSProp',
		'opt.adam': 'Adam',
		'opt.adamw': 'AdamW'
	}
};
