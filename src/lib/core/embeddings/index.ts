/**
 * Embeddings: seeded toy tables, a small vocabulary with meaningful geometry, cosine similarity,
 * nearest neighbours, analogies and a 2-D PCA projection.
 */
export * from './table.js';
export * from './similarity.js';
export * from './analogy.js';
export * from './pca.js';
export * from './vocabulary.js';
