import { canonicalWords } from '../taxonomy/skill-extractor.ts'

/**
 * The local provider's embeddings: no model, only the words. A text becomes a bag of features,
 * each hashed to one dimension with a hashed sign (the hashing trick; the sign makes collisions
 * cancel out on average instead of piling up):
 *
 * - each word, and each pair of adjacent words, so shared words and phrases weigh most;
 * - each character trigram of each word with boundary markers (`<ku`, `kub`, …, `es>`), so
 *   inflections and compounds still overlap (`engineer` / `engineering`).
 *
 * Skills are written as their canonical names first, so every spelling of a skill embeds the
 * same (`k8s` / `kubernetes`, `react.js` / `react`). Function words are left out: they would
 * make any two requirement phrases look alike.
 */

const WORD_WEIGHT = 1
const PAIR_WEIGHT = 0.5
const TRIGRAM_WEIGHT = 0.5

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as',
  'is', 'are', 'be', 'we', 'you', 'our', 'your', 'will'
])

/**
 * An L2-normalized vector of `dimensions` numbers, the same for the same text on every run and
 * machine. A text without words (empty, punctuation, only function words) has no features; it
 * embeds as the unit vector on dimension 0, as does the freak text whose features cancel out
 * exactly, since a zero vector cannot be normalized.
 */
export function embedLexically (text: string, dimensions: number): Float32Array {
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`)
  const vector = new Float32Array(dimensions)
  const words = canonicalWords(text).filter((word) => !FUNCTION_WORDS.has(word))
  words.forEach((word, i) => {
    addFeature(vector, `w ${word}`, WORD_WEIGHT)
    if (i > 0) addFeature(vector, `p ${words[i - 1] as string} ${word}`, PAIR_WEIGHT)
    const marked = `<${word}>`
    for (let start = 0; start + 3 <= marked.length; start++) addFeature(vector, `c ${marked.slice(start, start + 3)}`, TRIGRAM_WEIGHT)
  })
  return normalize(vector)
}

function addFeature (vector: Float32Array, feature: string, weight: number): void {
  const hash = hash32(feature)
  const index = hash % vector.length
  vector[index] = (vector[index] as number) + (hash & 0x80000000 ? -weight : weight)
}

function normalize (vector: Float32Array): Float32Array {
  let squares = 0
  for (const value of vector) squares += value * value
  if (squares === 0) {
    vector[0] = 1
    return vector
  }
  const norm = Math.sqrt(squares)
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm
  return vector
}

/**
 * FNV-1a over the UTF-16 code units, then murmur3's finalizer: FNV alone mixes the low bits of
 * short strings poorly, and the low bits pick the dimension. Unsigned 32-bit.
 */
function hash32 (text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}
