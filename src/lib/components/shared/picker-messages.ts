import type { Catalogues } from '../../i18n/messages.js';

export type ModelPickerKey =
	| 'picker.model'
	| 'picker.custom'
	| 'picker.config'
	| 'picker.configHint'
	| 'picker.empty'
	| 'picker.invalidJson'
	| 'picker.notObject';

export const modelPickerMessages: Catalogues<ModelPickerKey> = {
	en: {
		'picker.model': 'Model',
		'picker.custom': 'Paste a config.json…',
		'picker.config': 'config.json',
		'picker.configHint':
			'Paste the config.json of a Hugging Face model (Llama, Mistral, Mixtral, Qwen, Gemma, Phi-3 or GPT-2).',
		'picker.empty': 'The config is empty: paste the contents of a config.json.',
		'picker.invalidJson': 'This is not valid JSON ({reason}); the figure keeps the last valid config.',
		'picker.notObject': 'A config.json holds one JSON object {…}, not {value}.'
	},
	zh: {
		'picker.model': '模型',
		'picker.custom': '粘贴 config.json…',
		'picker.config': 'config.json',
		'picker.configHint':
			'粘贴 Hugging Face 模型的 config.json（Llama、Mistral、Mixtral、Qwen、Gemma、Phi-3 或 GPT-2）。',
		'picker.empty': '配置为空：请粘贴 config.json 的内容。',
		'picker.invalidJson': '这不是有效的 JSON（{reason}）；图中仍使用上一个有效配置。',
		'picker.notObject': 'config.json 应是一个 JSON 对象 {…}，而不是 {value}。'
	}
};
