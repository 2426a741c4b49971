/**
 * How the local provider turns texts into vectors. Two implementations: the lexical embedder
 * (hashed words and n-grams, in process, no model) and the semantic one (a sentence-encoder model
 * in worker threads). `id` is part of every vector's cache key, so the two never share entries.
 */
export interface LocalEmbedder {
  /** Identity of the vectors, e.g. `jobfit-lexical-v1`. */
  readonly id: string
  /** One L2-normalized vector per text, in order, `dimensions` long. */
  embed (texts: readonly string[]): Promise<Float32Array[]>
  /** `loading` until the model answers; `failed` when it could not be loaded. */
  state (): EmbedderState
  /** Stops the embedder's threads, if any. */
  close (): Promise<void>
}

export type EmbedderState = 'ready' | 'loading' | 'failed'

export const LOCAL_EMBEDDERS = ['semantic', 'lexical'] as const
export type LocalEmbedderKind = (typeof LOCAL_EMBEDDERS)[number]
