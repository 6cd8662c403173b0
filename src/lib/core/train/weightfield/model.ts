/**
 * Forward and backward pass of the weight-field model on a batch, with gradients written by hand.
 *
 * For a batch of B rows of S + 1 tokens (inputs t₀…t_{S−1}, targets t₁…t_S), N = B·S positions:
 *
 *     x₀ = E[tok] + P[pos]
 *     x₁ = x₀ + Attn(LN₁(x₀))            Attn: causal softmax(q·kᵀ/√(d/H))·v per head, then ·W_o
 *     x₂ = x₁ + W_down·GELU(W_up·LN₂(x₁) + b_up) + b_down
 *     logits = LN_f(x₂)·W_u
 *     loss = (1/N)·Σ −ln softmax(logits)[target]                                    (nats / token)
 *
 * The backward pass applies the chain rule to each line in reverse (formulas beside the code).
 * Gradients are computed only for the groups marked trainable, which is what makes the LoRA
 * stage cheap: frozen weights get no gradient at all.
 */
import { AnatomyError } from '../../errors.js';
import type { FloatBuf } from './kernels.js';
import {
	colSumAcc,
	geluGrad,
	geluTanh,
	layerNorm,
	layerNormBackward,
	matmul,
	matmulNT,
	matmulTNAcc
} from './kernels.js';
import type { WeightFieldGroupName, WeightFieldLayout, WeightFieldModelConfig } from './layout.js';

/** Buffers for one batch shape, allocated once and reused every step. */
export interface BatchWorkspace {
	readonly batch: number;
	readonly seqLen: number;
	readonly f64: boolean;
	/** Attention probabilities of the last forward pass, `B × H × S × S` (zero above the diagonal). */
	readonly att: FloatBuf;
	/** @internal activations and their gradients */
	readonly buf: Record<string, FloatBuf>;
}

/** Allocates the buffers for batches of `batch` rows of `seqLen` input positions (seqLen ≤ context). */
export function createWorkspace(
	cfg: WeightFieldModelConfig,
	batch: number,
	seqLen: number,
	{ f64 = false }: { f64?: boolean } = {}
): BatchWorkspace {
	if (
		!Number.isInteger(batch) ||
		batch < 1 ||
		!Number.isInteger(seqLen) ||
		seqLen < 1 ||
		seqLen > cfg.context
	) {
		throw new AnatomyError(
			'out-of-range',
			`batch must be ≥ 1 and seqLen in [1, ${cfg.context}], got ${batch} × ${seqLen}`
		);
	}
	const N = batch * seqLen;
	const { dModel: d, ff: f, vocab: V, heads: H } = cfg;
	const alloc = (n: number) => (f64 ? new Float64Array(n) : new Float32Array(n));
	const sizes: Record<string, number> = {
		x0: N * d,
		xh1: N * d,
		rs1: N,
		a1: N * d,
		q: N * d,
		k: N * d,
		v: N * d,
		o: N * d,
		x1: N * d,
		xh2: N * d,
		rs2: N,
		a2: N * d,
		u: N * f,
		h: N * f,
		gt: N * f,
		x2: N * d,
		xh3: N * d,
		rs3: N,
		a3: N * d,
		logits: N * V,
		dx: N * d,
		da: N * d,
		dq: N * d,
		dk: N * d,
		dv: N * d,
		dh: N * f,
		dp: seqLen
	};
	const buf: Record<string, FloatBuf> = {};
	for (const [k, n] of Object.entries(sizes)) buf[k] = alloc(n);
	return { batch, seqLen, f64, att: alloc(batch * H * seqLen * seqLen), buf };
}

/** Loss and attention statistics of one forward pass. */
export interface BatchResult {
	/** Mean next-token cross-entropy, nats per token. */
	loss: number;
	/**
	 * Mean normalised attention entropy: for every head and query position t ≥ 1, the entropy of
	 * its attention row divided by ln(t + 1), the entropy of attending uniformly to all t + 1 visible
	 * positions; averaged. 0 = every query looks at one position, 1 = uniform over its context.
	 */
	attentionSpread: number;
}

function views(layout: WeightFieldLayout, w: FloatBuf) {
	const v = {} as Record<WeightFieldGroupName, FloatBuf>;
	for (const g of layout.groups) v[g.name] = w.subarray(g.offset, g.offset + g.length);
	return v;
}

function checkTokens(cfg: WeightFieldModelConfig, tokens: Int32Array, ws: BatchWorkspace) {
	const need = ws.batch * (ws.seqLen + 1);
	if (tokens.length !== need) {
		throw new AnatomyError(
			'shape-mismatch',
			`tokens have length ${tokens.length}, expected ${ws.batch} × ${ws.seqLen + 1} = ${need}`
		);
	}
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i] < 0 || tokens[i] >= cfg.vocab) {
			throw new AnatomyError('out-of-range', `token ${tokens[i]} at ${i} is outside [0, ${cfg.vocab})`);
		}
	}
}

function forward(
	cfg: WeightFieldModelConfig,
	layout: WeightFieldLayout,
	w: FloatBuf,
	tokens: Int32Array,
	ws: BatchWorkspace,
	wantGrad: boolean
): BatchResult {
	checkTokens(cfg, tokens, ws);
	if (w.length !== layout.count) {
		throw new AnatomyError('shape-mismatch', `weights have length ${w.length}, layout needs ${layout.count}`);
	}
	const { dModel: d, ff: f, vocab: V, heads: H } = cfg;
	const B = ws.batch;
	const S = ws.seqLen;
	const N = B * S;
	const dh = d / H;
	const scale = 1 / Math.sqrt(dh);
	const W = views(layout, w);
	const { x0, xh1, rs1, a1, q, k, v, o, x1, xh2, rs2, a2, u, h, gt, x2, xh3, rs3, a3, logits } = ws.buf;
	const att = ws.att;

	// x₀ = E[tok] + P[pos]
	for (let b = 0; b < B; b++) {
		for (let t = 0; t < S; t++) {
			const n = b * S + t;
			const tok = tokens[b * (S + 1) + t];
			for (let j = 0; j < d; j++) x0[n * d + j] = W.embedding[tok * d + j] + W.position[t * d + j];
		}
	}
	layerNorm(x0, W['ln1.gain'], W['ln1.bias'], xh1, rs1, a1, N, d);
	matmul(a1, W['attn.q'], q, N, d, d);
	matmul(a1, W['attn.k'], k, N, d, d);
	matmul(a1, W['attn.v'], v, N, d, d);

	// Causal attention per row and head; o = softmax(q·kᵀ·scale)·v.
	o.fill(0);
	let spread = 0;
	let rows = 0;
	for (let b = 0; b < B; b++) {
		for (let hd = 0; hd < H; hd++) {
			const c0 = hd * dh;
			for (let t = 0; t < S; t++) {
				const row = ((b * H + hd) * S + t) * S;
				const qt = (b * S + t) * d + c0;
				let max = -Infinity;
				for (let s = 0; s <= t; s++) {
					const ks = (b * S + s) * d + c0;
					let dot = 0;
					for (let c = 0; c < dh; c++) dot += q[qt + c] * k[ks + c];
					const sc = dot * scale;
					att[row + s] = sc;
					if (sc > max) max = sc;
				}
				let sum = 0;
				for (let s = 0; s <= t; s++) {
					const e = Math.exp(att[row + s] - max);
					att[row + s] = e;
					sum += e;
				}
				let ent = 0;
				for (let s = 0; s <= t; s++) {
					const p = att[row + s] / sum;
					att[row + s] = p;
					if (p > 0) ent -= p * Math.log(p);
					const vs = (b * S + s) * d + c0;
					for (let c = 0; c < dh; c++) o[qt + c] += p * v[vs + c];
				}
				for (let s = t + 1; s < S; s++) att[row + s] = 0;
				if (t > 0) {
					spread += ent / Math.log(t + 1);
					rows++;
				}
			}
		}
	}
	matmul(o, W['attn.o'], x1, N, d, d);
	for (let i = 0; i < N * d; i++) x1[i] += x0[i];

	layerNorm(x1, W['ln2.gain'], W['ln2.bias'], xh2, rs2, a2, N, d);
	matmul(a2, W['mlp.up'], u, N, d, f, W['mlp.up.bias']);
	for (let i = 0; i < N * f; i++) {
		const t = geluTanh(u[i]);
		gt[i] = t;
		h[i] = 0.5 * u[i] * (1 + t);
	}
	matmul(h, W['mlp.down'], x2, N, f, d, W['mlp.down.bias']);
	for (let i = 0; i < N * d; i++) x2[i] += x1[i];

	layerNorm(x2, W['lnf.gain'], W['lnf.bias'], xh3, rs3, a3, N, d);
	matmul(a3, W.unembedding, logits, N, d, V);

	// Cross-entropy; when a gradient follows, logits become dL/dlogits = (softmax − onehot)/N.
	let loss = 0;
	for (let b = 0; b < B; b++) {
		for (let t = 0; t < S; t++) {
			const n = b * S + t;
			const y = tokens[b * (S + 1) + t + 1];
			const r = n * V;
			let max = -Infinity;
			for (let j = 0; j < V; j++) if (logits[r + j] > max) max = logits[r + j];
			let sum = 0;
			for (let j = 0; j < V; j++) sum += Math.exp(logits[r + j] - max);
			const lse = max + Math.log(sum);
			loss += lse - logits[r + y];
			if (wantGrad) {
				for (let j = 0; j < V; j++) logits[r + j] = (Math.exp(logits[r + j] - lse) - (j === y ? 1 : 0)) / N;
			}
		}
	}
	return { loss: loss / N, attentionSpread: rows > 0 ? spread / rows : 0 };
}

/** Mean next-token loss and attention spread of `w` on `tokens` (`batch × (seqLen + 1)`), no gradients. */
export function batchLoss(
	cfg: WeightFieldModelConfig,
	layout: WeightFieldLayout,
	w: FloatBuf,
	tokens: Int32Array,
	ws: BatchWorkspace
): BatchResult {
	return forward(cfg, layout, w, tokens, ws, false);
}

/**
 * Forward and backward pass. Writes dL/dw into `grads` (same layout as `w`, overwritten) for the
 * groups in `trainable` (all groups when omitted); the other groups' gradients are set to zero
 * and not computed.
 */
export function batchLossAndGradients(
	cfg: WeightFieldModelConfig,
	layout: WeightFieldLayout,
	w: FloatBuf,
	tokens: Int32Array,
	ws: BatchWorkspace,
	grads: FloatBuf,
	trainable?: ReadonlySet<WeightFieldGroupName>
): BatchResult {
	if (grads.length !== layout.count) {
		throw new AnatomyError(
			'shape-mismatch',
			`gradients have length ${grads.length}, layout needs ${layout.count}`
		);
	}
	const result = forward(cfg, layout, w, tokens, ws, true);
	const { dModel: d, ff: f, vocab: V, heads: H } = cfg;
	const B = ws.batch;
	const S = ws.seqLen;
	const N = B * S;
	const dh = d / H;
	const scale = 1 / Math.sqrt(dh);
	const W = views(layout, w);
	const G = views(layout, grads);
	const on = (name: WeightFieldGroupName) => !trainable || trainable.has(name);
	const gOf = (name: WeightFieldGroupName) => (on(name) ? G[name] : null);
	grads.fill(0);
	const {
		xh1,
		rs1,
		a1,
		q,
		k,
		v,
		o,
		xh2,
		rs2,
		a2,
		u,
		h,
		gt,
		xh3,
		rs3,
		a3,
		logits,
		dx,
		da,
		dq,
		dk,
		dv,
		dh: dH,
		dp
	} = ws.buf;
	const att = ws.att;
	const dlogits = logits;
	// Whether anything below a point needs a gradient, so that the backward pass stops early.
	const belowAttn = on('embedding') || on('position') || on('ln1.gain') || on('ln1.bias');
	const attnOrBelow = belowAttn || on('attn.q') || on('attn.k') || on('attn.v') || on('attn.o');
	const mlpOrBelow = attnOrBelow || on('ln2.gain') || on('ln2.bias') || on('mlp.up') || on('mlp.up.bias');
	const lnfInput = mlpOrBelow || on('mlp.down') || on('mlp.down.bias');

	// logits = a₃·W_u: dW_u = a₃ᵀ·dlogits, da₃ = dlogits·W_uᵀ.
	if (on('unembedding')) matmulTNAcc(a3, dlogits, G.unembedding, N, d, V);
	if (!lnfInput && !on('lnf.gain') && !on('lnf.bias')) return result;
	matmulNT(dlogits, W.unembedding, da, N, V, d, false);
	// dx now carries dL/dx₂ (the residual stream gradient).
	dx.fill(0);
	layerNormBackward(da, xh3, rs3, W['lnf.gain'], dx, gOf('lnf.gain'), gOf('lnf.bias'), N, d);
	if (!lnfInput) return result;

	// x₂ = x₁ + h·W_down + b_down: dW_down = hᵀ·dx₂, db_down = Σ dx₂, dh = dx₂·W_downᵀ.
	if (on('mlp.down')) matmulTNAcc(h, dx, G['mlp.down'], N, f, d);
	if (on('mlp.down.bias')) colSumAcc(dx, G['mlp.down.bias'], N, d);
	if (mlpOrBelow) {
		matmulNT(dx, W['mlp.down'], dH, N, d, f, false);
		// h = GELU(u): du = dh ⊙ GELU'(u).
		for (let i = 0; i < N * f; i++) dH[i] *= geluGrad(u[i], gt[i]);
		if (on('mlp.up')) matmulTNAcc(a2, dH, G['mlp.up'], N, d, f);
		if (on('mlp.up.bias')) colSumAcc(dH, G['mlp.up.bias'], N, f);
		if (attnOrBelow || on('ln2.gain') || on('ln2.bias')) {
			matmulNT(dH, W['mlp.up'], da, N, f, d, false);
			// dx += LN₂ backward (the residual path already carries dx₂ into dx₁).
			layerNormBackward(
				da,
				xh2,
				rs2,
				W['ln2.gain'],
				attnOrBelow ? dx : null,
				gOf('ln2.gain'),
				gOf('ln2.bias'),
				N,
				d
			);
		}
	}
	if (!attnOrBelow) return result;

	// x₁ = x₀ + o·W_o: dW_o = oᵀ·dx₁, do = dx₁·W_oᵀ (stored in da).
	if (on('attn.o')) matmulTNAcc(o, dx, G['attn.o'], N, d, d);
	const dO = da;
	matmulNT(dx, W['attn.o'], dO, N, d, d, false);

	// Attention: dP[s] = do_t·v_s; dS = P ⊙ (dP − Σ P·dP); dq_t += scale·Σ dS·k_s; dk_s += scale·dS·q_t; dv_s += P·do_t.
	dq.fill(0);
	dk.fill(0);
	dv.fill(0);
	for (let b = 0; b < B; b++) {
		for (let hd = 0; hd < H; hd++) {
			const c0 = hd * dh;
			for (let t = 0; t < S; t++) {
				const row = ((b * H + hd) * S + t) * S;
				const qt = (b * S + t) * d + c0;
				let dot = 0;
				for (let s = 0; s <= t; s++) {
					const vs = (b * S + s) * d + c0;
					let g = 0;
					for (let c = 0; c < dh; c++) g += dO[qt + c] * v[vs + c];
					dp[s] = g;
					dot += att[row + s] * g;
				}
				for (let s = 0; s <= t; s++) {
					const p = att[row + s];
					const ds = p * (dp[s] - dot) * scale;
					const ks = (b * S + s) * d + c0;
					for (let c = 0; c < dh; c++) {
						dq[qt + c] += ds * k[ks + c];
						dk[ks + c] += ds * q[qt + c];
						dv[ks + c] += p * dO[qt + c];
					}
				}
			}
		}
	}
	if (on('attn.q')) matmulTNAcc(a1, dq, G['attn.q'], N, d, d);
	if (on('attn.k')) matmulTNAcc(a1, dk, G['attn.k'], N, d, d);
	if (on('attn.v')) matmulTNAcc(a1, dv, G['attn.v'], N, d, d);
	if (!belowAttn) return result;

	// da₁ = dq·W_qᵀ + dk·W_kᵀ + dv·W_vᵀ, then LN₁ backward into dx₀ (dx already holds dx₁ via the residual).
	matmulNT(dq, W['attn.q'], da, N, d, d, false);
	matmulNT(dk, W['attn.k'], da, N, d, d, true);
	matmulNT(dv, W['attn.v'], da, N, d, d, true);
	layerNormBackward(da, xh1, rs1, W['ln1.gain'], dx, gOf('ln1.gain'), gOf('ln1.bias'), N, d);

	// x₀ = E[tok] + P[pos]: scatter dx₀ into the rows that were read.
	const dE = gOf('embedding');
	const dP = gOf('position');
	for (let b = 0; b < B; b++) {
		for (let t = 0; t < S; t++) {
			const n = b * S + t;
			const tok = tokens[b * (S + 1) + t];
			for (let j = 0; j < d; j++) {
				if (dE) dE[tok * d + j] += dx[n * d + j];
				if (dP) dP[t * d + j] += dx[n * d + j];
			}
		}
	}
	return result;
}
