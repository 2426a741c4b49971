/** Embeds a batch of texts: one vector per text, in order, each L2-normalized. */
export type EmbedFunction = (texts: string[]) => Promise<Float32Array[]>

/** The vectors of one scoring's texts, keyed by their `normalizeText` form. */
export type Embeddings = ReadonlyMap<string, Float32Array>

/**
 * The form texts are compared and embedded in: case and spacing never make two skills or titles
 * different, and one spelling per text means one cache entry per text.
 */
export function normalizeText (text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Embeds every text a scoring needs in a single call: each call goes through the cache and
 * possibly a remote API, so batching is what keeps a scoring at one round trip. Texts are
 * deduplicated in first-seen order, which keeps the batch (and its cache key) deterministic.
 * No call at all when there is nothing to embed.
 */
export async function embedOnce (texts: readonly string[], embed: EmbedFunction): Promise<Embeddings> {
  const unique = [...new Set(texts.map(normalizeText))].filter((text) => text !== '')
  if (unique.length === 0) return new Map()
  const vectors = await embed(unique)
  if (vectors.length !== unique.length) {
    throw new Error(`Asked for ${unique.length} embeddings, got ${vectors.length}`)
  }
  return new Map(unique.map((text, index) => [text, vectors[index]!]))
}

/** The vector of a text `embedOnce` was given; asking for any other text is a bug. */
export function vectorOf (embeddings: Embeddings, text: string): Float32Array {
  const vector = embeddings.get(normalizeText(text))
  if (vector === undefined) throw new Error(`No embedding for "${text}"`)
  return vector
}
