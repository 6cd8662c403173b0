/** The explainer's chapters in reading order: anchors are stable and used in deep links. */
export const CHAPTERS = [
	{ id: 'tokenization', number: '01', title: 'Tokenization' },
	{ id: 'embeddings', number: '02', title: 'Embeddings' },
	{ id: 'neuron', number: '03', title: 'A neuron and its activation' },
	{ id: 'feed-forward', number: '04', title: 'The feed-forward network' },
	{ id: 'sampling', number: '05', title: 'Logits and sampling' },
	{ id: 'backprop', number: '06', title: 'Backpropagation' },
	{ id: 'optimizers', number: '07', title: 'Optimizers' },
	{ id: 'attention', number: '08', title: 'Attention: queries, keys and values' },
	{ id: 'multi-head', number: '09', title: 'Multi-head attention and GQA' },
	{ id: 'rope', number: '10', title: 'Rotary position embeddings' },
	{ id: 'block', number: '11', title: 'The transformer block' },
	{ id: 'training', number: '12', title: 'Training phases' },
	{ id: 'post-training', number: '13', title: 'Post-training' },
	{ id: 'kv-cache', number: '14', title: 'Context and the KV cache' },
	{ id: 'quantization', number: '15', title: 'Quantization' },
	{ id: 'weights', number: '16', title: 'Where the weights live' },
	{ id: 'scaling', number: '17', title: 'Scaling laws and compute' },
	{ id: 'inference', number: '18', title: 'The inference stack' },
	{ id: 'closing', number: '', title: 'Putting it together' }
] as const;

export type ChapterId = (typeof CHAPTERS)[number]['id'];
