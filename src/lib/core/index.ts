/**
 * llm-anatomy/core: framework-free maths behind every figure the components show.
 * Re-exports only; each module documents its own formulas and units.
 */
export * from './errors.js';
export * from './rng.js';
export * from './tensor.js';
export * from './format.js';
export * from './train/weightfield/index.js';
// Model catalogue and estimators
export * from './models/config.js';
export * from './models/catalogue.js';
export * from './models/parameters.js';
export * from './models/kv-cache.js';
export * from './models/flops.js';
export * from './models/activations.js';
export * from './models/memory.js';
export * from './models/scaling.js';
export * from './models/ladder.js';
export * from './models/stage-memory.js';
// Number formats and quantisation
export * from './quant/minifloat.js';
export * from './quant/fp16.js';
export * from './quant/bf16.js';
export * from './quant/fp8.js';
export * from './quant/int.js';
export * from './quant/nf4.js';
export * from './quant/storage.js';
export * from './quant/quantize.js';
// KV-cache simulation
export * from './kvcache/paging.js';
export * from './kvcache/simulate.js';
// Compute backends (CPU, WebGPU) and the registry that picks one
export * from './backend/index.js';
// Tokenization (real tiktoken encodings, lazily loaded) and embeddings (toy tables, PCA, analogies)
export * from './tokenize/index.js';
export * from './embeddings/index.js';
// Ops: CPU reference kernels and the maths behind the figures
export * from './ops/matmul.js';
export * from './ops/softmax.js';
export * from './ops/attention.js';
export * from './ops/activations.js';
export * from './ops/dense.js';
export * from './ops/sampling.js';
export * from './ops/rope.js';
// Training: backprop on a tiny MLP, optimizers, 2-D loss surfaces
export * from './train/backprop.js';
export * from './train/optimizers.js';
export * from './train/surfaces.js';
export * from './train/race.js';
// Training losses: masked sequence cross-entropy (pre-training, SFT) and DPO
export * from './train/sequence-loss.js';
export * from './train/preference.js';
