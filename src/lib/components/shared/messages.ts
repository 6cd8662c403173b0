import type { Catalogues } from '../../i18n/messages.js';

export type SharedKey =
	| 'figure.data'
	| 'figure.export'
	| 'figure.exportPng'
	| 'figure.exportSvg'
	| 'figure.exportCsv'
	| 'figure.exportJson'
	| 'figure.exportFailed'
	| 'figure.rowsShown'
	| 'badge.real'
	| 'badge.illustrative'
	| 'badge.realTitle'
	| 'badge.illustrativeTitle';

export const sharedMessages: Catalogues<SharedKey> = {
	en: {
		'figure.data': 'Data table',
		'figure.export': 'Export',
		'figure.exportPng': 'Picture (PNG)',
		'figure.exportSvg': 'Picture (SVG)',
		'figure.exportCsv': 'Data (CSV)',
		'figure.exportJson': 'Data (JSON)',
		'figure.exportFailed': 'Export failed: {reason}',
		'figure.rowsShown': 'Showing the first {shown} of {total} rows.',
		'badge.real': 'Real',
		'badge.illustrative': 'Illustrative',
		'badge.realTitle': 'These numbers come from a real tokenizer, model configuration or computation.',
		'badge.illustrativeTitle':
			'These numbers are a small, seeded example chosen to teach, not taken from a real model.'
	},
	zh: {
		'figure.data': '数据表',
		'figure.export': '导出',
		'figure.exportPng': '图片（PNG）',
		'figure.exportSvg': '图片（SVG）',
		'figure.exportCsv': '数据（CSV）',
		'figure.exportJson': '数据（JSON）',
		'figure.exportFailed': '导出失败：{reason}',
		'figure.rowsShown': '显示前 {shown} 行，共 {total} 行。',
		'badge.real': '真实',
		'badge.illustrative': '示意',
		'badge.realTitle': '这些数字来自真实的分词器、模型配置或计算。',
		'badge.illustrativeTitle': '这些数字是为教学而选的小型带种子示例，并非来自真实模型。'
	}
};
