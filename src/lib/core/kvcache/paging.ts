/**
 * Paged KV-cache allocation, as in vLLM's PagedAttention (Kwon et al. 2023): a sequence's cache
 * lives in fixed-size blocks of `blockSize` token slots, allocated on demand, so the only waste is
 * the unfilled tail of each sequence's last block:
 *
 *   blocks = ⌈tokens / blockSize⌉,  wasted slots = blocks · blockSize − tokens  (< blockSize)
 */
import { checkInt } from '../errors.js';

/** Blocks and slots of one sequence's paged cache. */
export interface PagedAllocation {
	blocks: number;
	/** blocks · blockSize. */
	slots: number;
	/** Empty slots in the last block. */
	wasted: number;
}

/** Blocks one sequence of `tokens` cached tokens occupies with `blockSize` slots per block. */
export function pagedBlocks(tokens: number, blockSize = 16): PagedAllocation {
	checkInt(tokens, 'tokens', 0);
	checkInt(blockSize, 'blockSize', 1);
	const blocks = Math.ceil(tokens / blockSize);
	return { blocks, slots: blocks * blockSize, wasted: blocks * blockSize - tokens };
}
