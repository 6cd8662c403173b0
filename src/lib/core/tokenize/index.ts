/**
 * Tokenization: real tiktoken encodings loaded lazily, token spans, counts, chunked tokenization
 * and a worker protocol. `worker.ts` is deliberately not exported here (it is a worker entry).
 */
export {
	TOKENIZER_ENCODINGS,
	ENCODING_ALIASES,
	RANK_LOADERS,
	resolveEncoding,
	type TokenizerEncoding,
	type TokenizerEncodingName,
	type RankLoader
} from './encodings.js';
export {
	MAX_TOKENIZE_CHARS,
	createTokenizer,
	createTokenizerCache,
	loadTokenizer,
	type Tokenizer,
	type TokenizerCache
} from './tokenizer.js';
export { measureText, toWellFormed, type TokenSpan, type TokenCounts } from './spans.js';
export {
	tokenizeInChunks,
	tokenizeAllInChunks,
	type TokenChunk,
	type TokenizeInChunksOptions
} from './chunked.js';
export {
	handleTokenizerMessage,
	createTokenizerWorkerClient,
	type TokenizerRequest,
	type TokenizerResponse,
	type TokenizerResults,
	type TokenizerErrorData,
	type TokenizerWorkerLike,
	type TokenizerWorkerClient
} from './worker-protocol.js';
export { isSafeCut, nextCut } from './boundaries.js';
