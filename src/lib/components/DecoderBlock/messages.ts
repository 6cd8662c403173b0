import type { Catalogues } from '../../i18n/messages.js';

export type DecoderBlockKey =
	| 'title'
	| 'diagramLabel'
	| 'summary'
	| 'badgeReal'
	| 'badgePasted'
	| 'layersBracket'
	| 'part.input'
	| 'part.output'
	| 'part.add'
	| 'part.postNorm'
	| 'part.attention'
	| 'part.mlp'
	| 'part.moe'
	| 'dims.attention'
	| 'dims.mlp'
	| 'dims.moe'
	| 'partDetails'
	| 'explain.input.rope'
	| 'explain.input.learned'
	| 'explain.rmsnorm'
	| 'explain.layernorm'
	| 'explain.postNorm'
	| 'explain.attention'
	| 'explain.rope'
	| 'explain.learned'
	| 'explain.mha'
	| 'explain.gqa'
	| 'explain.mqa'
	| 'explain.window'
	| 'explain.qkNorm'
	| 'explain.add'
	| 'explain.mlp.gated'
	| 'explain.mlp.standard'
	| 'explain.moe'
	| 'explain.output'
	| 'noWeights'
	| 'colTensor'
	| 'colShape'
	| 'colPerLayer'
	| 'colModel'
	| 'colPart'
	| 'partTotal'
	| 'activeNote'
	| 'blockLine'
	| 'outsideLine'
	| 'invalidModel';

export const decoderBlockMessages: Catalogues<DecoderBlockKey> = {
	en: {
		title: 'One decoder block',
		diagramLabel: 'Decoder block of {model}: choose a part to see its weights',
		summary:
			'{model}: one decoder block holds {perLayer} parameters and is repeated {layers} times, {block} parameters in all ({share} of {total}). Open: {part}.',
		badgeReal: 'Dimensions and counts from the published config.json of {source}.',
		badgePasted: 'Dimensions from a pasted config.json; not checked against a published model.',
		layersBracket: '× {layers} layers',
		'part.input': 'Input x',
		'part.output': 'Output y',
		'part.add': 'Residual add',
		'part.postNorm': 'Post-norm ({norm})',
		'part.attention': 'Causal {kind}{rope}',
		'part.mlp': '{mlp} MLP',
		'part.moe': 'MoE: {experts} × {mlp}, top {k}',
		'dims.attention': '{heads} Q · {kvHeads} KV heads × {headDim}',
		'dims.mlp': '{d} → {f} → {d}',
		'dims.moe': '{d} → {f} → {d} per expert',
		partDetails: '{dims}; {count} parameters per layer ({exact})',
		'explain.input.rope':
			'The residual stream enters: one vector of {d} numbers for each of the {tokens} positions. The block reads it and adds its results back; the shape [{tokens} × {d}] never changes.',
		'explain.input.learned':
			'The residual stream enters: one vector of {d} numbers for each of the {tokens} positions. Before the first block each vector was the token embedding plus a learned position vector (one of {positions}); the shape [{tokens} × {d}] never changes.',
		'explain.rmsnorm':
			'RMSNorm rescales each token vector to unit root mean square and multiplies it by a learned gain of {d} numbers: y = x / √(mean(x²) + ε) · g. It subtracts no mean and has no bias, so it is a little cheaper than LayerNorm.',
		'explain.layernorm':
			'LayerNorm subtracts each token vector’s mean, divides by its standard deviation and applies a learned gain and bias of {d} numbers each: y = (x − μ) / √(σ² + ε) · g + b.',
		'explain.postNorm':
			'This model also normalises the sublayer’s output before adding it to the residual stream (a post-norm), with its own gain of {d} numbers.',
		'explain.attention':
			'Each position is projected to {heads} query heads and {kvHeads} key/value heads of width {headDim} (q_proj, k_proj, v_proj). A position attends to itself and earlier positions only (causal mask); the heads’ outputs are concatenated to {qDim} numbers and o_proj maps them back to {d}.',
		'explain.rope':
			'RoPE rotates every query and key pair of dimensions by an angle proportional to the position (base θ = {theta}), so a query–key dot product depends on how far apart the two tokens are. It has no weights.',
		'explain.learned':
			'There is no rotation: positions entered once, as learned vectors added to the token embeddings. The GPT-2 checkpoint stores q, k and v as one fused matrix c_attn; here it is split into its three parts.',
		'explain.mha': 'Every query head has its own key/value head (multi-head attention).',
		'explain.gqa':
			'{group} query heads share each key/value head (grouped-query attention), so the KV cache keeps {kvHeads} heads per layer instead of {heads}.',
		'explain.mqa':
			'All {heads} query heads share a single key/value head (multi-query attention): the smallest possible KV cache.',
		'explain.window':
			'In {windowLayers} of the {layers} layers a position sees only the last {window} positions (sliding window).',
		'explain.qkNorm': 'Queries and keys are RMS-normalised per head before RoPE (q_norm, k_norm).',
		'explain.add':
			'Residual add: the sublayer’s output is added to its input, x + f(x). The sum carries what earlier layers wrote forward, and gives gradients a direct path through all {layers} layers. No weights.',
		'explain.mlp.gated':
			'{mlp} feed-forward: gate_proj and up_proj both widen each position to {f} numbers; the gate passes through {act} and multiplies the up projection element by element; down_proj brings the result back to {d}. Positions do not mix here.',
		'explain.mlp.standard':
			'Feed-forward: up_proj widens each position to {f} numbers, {act} bends them, down_proj brings them back to {d}; both have biases. Positions do not mix here.',
		'explain.moe':
			'Mixture of experts: a router scores {experts} experts for each token and sends it to the best {k}; their {mlp} outputs (each {d} → {f} → {d}) are added, weighted by the router’s softmax. All {experts} experts are stored; {k} run per token.',
		'explain.output':
			'The output has the input’s shape, [{tokens} × {d}], and feeds the next of the {layers} blocks. After the last block a final norm and the LM head ({vocab} logits per position) turn it into next-token scores.',
		noWeights: 'No weights of its own.',
		colTensor: 'Tensor',
		colShape: 'Shape [out, in]',
		colPerLayer: 'Per layer',
		colModel: 'In the model',
		colPart: 'Part',
		partTotal: 'This part: {perLayer} per layer × {layers} layers = {total}.',
		activeNote: 'A token uses {active} of them per layer.',
		blockLine: 'One block: {perLayer} × {layers} layers = {block} parameters.',
		outsideLine: 'Outside the blocks: {outside} more ({names}); {total} in the model.',
		invalidModel: 'Cannot draw this model: {reason}'
	},
	zh: {
		title: '一个解码器块',
		diagramLabel: '{model} 的解码器块：选择一个部分查看其权重',
		summary:
			'{model}：一个解码器块有 {perLayer} 个参数，重复 {layers} 次，共 {block} 个参数（占 {total} 的 {share}）。当前：{part}。',
		badgeReal: '维度和参数量来自 {source} 发布的 config.json。',
		badgePasted: '维度来自粘贴的 config.json，未与已发布的模型核对。',
		layersBracket: '× {layers} 层',
		'part.input': '输入 x',
		'part.output': '输出 y',
		'part.add': '残差相加',
		'part.postNorm': '后归一化（{norm}）',
		'part.attention': '因果 {kind}{rope}',
		'part.mlp': '{mlp} MLP',
		'part.moe': 'MoE：{experts} × {mlp}，取前 {k}',
		'dims.attention': '{heads} 个 Q · {kvHeads} 个 KV 头 × {headDim}',
		'dims.mlp': '{d} → {f} → {d}',
		'dims.moe': '每个专家 {d} → {f} → {d}',
		partDetails: '{dims}；每层 {count} 个参数（{exact}）',
		'explain.input.rope':
			'残差流进入本块：{tokens} 个位置各有一个 {d} 维向量。块读取它并把结果加回去；形状 [{tokens} × {d}] 始终不变。',
		'explain.input.learned':
			'残差流进入本块：{tokens} 个位置各有一个 {d} 维向量。在第一个块之前，每个向量是词元嵌入加上一个学习得到的位置向量（共 {positions} 个）；形状 [{tokens} × {d}] 始终不变。',
		'explain.rmsnorm':
			'RMSNorm 把每个词元向量缩放到均方根为 1，再乘以 {d} 维的可学习增益：y = x / √(mean(x²) + ε) · g。它不减均值、没有偏置，比 LayerNorm 略省计算。',
		'explain.layernorm':
			'LayerNorm 先减去每个词元向量的均值，再除以标准差，然后应用各 {d} 维的可学习增益和偏置：y = (x − μ) / √(σ² + ε) · g + b。',
		'explain.postNorm': '该模型在把子层输出加回残差流之前还会再归一化一次（后归一化），有自己的 {d} 维增益。',
		'explain.attention':
			'每个位置被投影为 {heads} 个查询头和 {kvHeads} 个键/值头，每头宽 {headDim}（q_proj、k_proj、v_proj）。每个位置只关注自己和之前的位置（因果掩码）；各头输出拼接成 {qDim} 维，再由 o_proj 映射回 {d} 维。',
		'explain.rope':
			'RoPE 按位置成比例的角度（基数 θ = {theta}）旋转查询和键的每对维度，使查询与键的点积只取决于两个词元的相对距离。它没有权重。',
		'explain.learned':
			'这里没有旋转：位置信息只在开头以可学习向量的形式加到词元嵌入上。GPT-2 检查点把 q、k、v 存为一个融合矩阵 c_attn，这里拆成三部分显示。',
		'explain.mha': '每个查询头都有自己的键/值头（多头注意力）。',
		'explain.gqa':
			'每 {group} 个查询头共享一个键/值头（分组查询注意力），因此 KV 缓存每层只存 {kvHeads} 个头，而不是 {heads} 个。',
		'explain.mqa': '全部 {heads} 个查询头共享同一个键/值头（多查询注意力）：KV 缓存最小。',
		'explain.window':
			'在 {layers} 层中的 {windowLayers} 层里，每个位置只看最近的 {window} 个位置（滑动窗口）。',
		'explain.qkNorm': '查询和键在 RoPE 之前按头做 RMS 归一化（q_norm、k_norm）。',
		'explain.add':
			'残差相加：子层输出加到它的输入上，x + f(x)。这个和把前面各层写入的信息向前传递，也为梯度提供了穿过全部 {layers} 层的直接通路。没有权重。',
		'explain.mlp.gated':
			'{mlp} 前馈网络：gate_proj 和 up_proj 都把每个位置扩展到 {f} 维；门控分支经过 {act} 后与 up 投影逐元素相乘；down_proj 再映射回 {d} 维。这里各位置之间不交互。',
		'explain.mlp.standard':
			'前馈网络：up_proj 把每个位置扩展到 {f} 维，经过 {act} 非线性，down_proj 再映射回 {d} 维；两者都有偏置。这里各位置之间不交互。',
		'explain.moe':
			'混合专家：路由器为每个词元给 {experts} 个专家打分，并选出最好的 {k} 个；它们的 {mlp} 输出（每个 {d} → {f} → {d}）按路由器 softmax 加权相加。{experts} 个专家全部存储，每个词元只运行 {k} 个。',
		'explain.output':
			'输出与输入形状相同，为 [{tokens} × {d}]，送入 {layers} 个块中的下一个。最后一个块之后，最终归一化和 LM 头（每个位置 {vocab} 个 logits）把它变成下一个词元的分数。',
		noWeights: '本部分没有权重。',
		colTensor: '张量',
		colShape: '形状 [输出, 输入]',
		colPerLayer: '每层',
		colModel: '全模型',
		colPart: '部分',
		partTotal: '本部分：每层 {perLayer} × {layers} 层 = {total}。',
		activeNote: '每个词元每层只使用其中 {active} 个。',
		blockLine: '一个块：{perLayer} × {layers} 层 = {block} 个参数。',
		outsideLine: '块之外还有 {outside} 个（{names}）；全模型共 {total} 个。',
		invalidModel: '无法绘制此模型：{reason}'
	}
};
