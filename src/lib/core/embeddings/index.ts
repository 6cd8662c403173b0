/**
 * Embeddings: seeded toy tables, a small vocabulary with meaningful geometry, cosine similarity,
 * nearest neighbours, analogies and a 2-D PCA projection.
 */
export {
	createEmbeddingTable,
	lookup,
	MAX_EMBEDDING_VOCAB,
	MAX_EMBEDDING_DIM,
	type EmbeddingTable,
	type EmbeddingTableOptions
} from './table.js';
export {
	cosineSimilarity,
	nearestNeighbours,
	MAX_NEIGHBOUR_SCAN,
	type Neighbour,
	type NearestOptions
} from './similarity.js';
export { analogy, type AnalogyOptions, type AnalogyResult } from './analogy.js';
export { pca2d, MAX_PCA_SIZE, type Pca2d } from './pca.js';
export {
	createToyVocabulary,
	wordId,
	TOY_FEATURES,
	TOY_WORDS,
	type ToyFeature,
	type ToyWord,
	type ToyVocabulary,
	type ToyVocabularyOptions
} from './vocabulary.js';
