/**
 * What the micro-benchmarks read: the values and inputs, every cache instance compared, and the
 * writes that put each value where a case expects to find it (L1, or Redis only).
 */
import { LRUCache } from 'lru-cache'
import { parseJobText } from '../../src/ai/local/jd-parser.ts'
import type { CacheInput } from '../../src/cache/index.ts'
import { cacheKey } from '../../src/cache/keys.ts'
import { encode } from '../../src/cache/serializer.ts'
import { sampleText } from '../../test/fixtures/texts/index.ts'
import { BENTO_DEFAULTS, BENTO_TUNED, CACHEABLE_DEFAULTS, createBento, createCacheable, createJobfit, NAMESPACE, TTL_SECONDS } from '../alternatives/libraries.ts'
import type { BentoInstance, CacheableInstance, JobfitInstance } from '../alternatives/libraries.ts'

/** L2-hit cases cycle through this many keys with a one-entry L1, so that every read misses L1. */
export const L2_KEYS = 16
export const BATCH = 100
export const DIMENSIONS = 768
export const EMBEDDINGS_NAMESPACE = 'embedding'
const EMBEDDING_MODEL = 'jobfit-lexical-v1'

/** A real /api/parse result, from the sample backend JD: what the jd namespace caches (about 1.3 KB of JSON). */
const PARSED_JOB = parseJobText(sampleText('backend-engineer-jd'))

/** An embedding lookup (short text): the smallest input jobfit hashes. */
export const SHORT_INPUT: CacheInput = embeddingInput('typescript')

/** A job description as /api/parse caches it: the whole text is the input that gets hashed. */
export const JD_INPUT: CacheInput = {
  provider: 'local:jobfit-heuristics-v1',
  text: Array.from({ length: 24 }, (_, line) =>
    `Line ${line}: we are looking for a senior backend engineer with TypeScript, Node.js, PostgreSQL and Redis.`).join('\n')
}

function embeddingInput (text: string): CacheInput {
  return { model: EMBEDDING_MODEL, dimensions: DIMENSIONS, text }
}

function vector (seed: number): Float32Array {
  return Float32Array.from({ length: DIMENSIONS }, (_, index) => Math.sin(seed + index))
}

export interface Contenders {
  /** jobfit with its default L1: answers L1 hits, and writes what the others read. */
  hot: JobfitInstance
  /** jobfit with a one-entry L1: every read of a cycled key is an L2 hit. */
  cold: JobfitInstance
  /** jobfit's ioredis client without its command timeout: a loaded machine's stall must not make the baseline throw. */
  bare: JobfitInstance['client']
  /** A bare LRU configured like jobfit's MemoryTier. */
  lru: LRUCache<string, object>
  bentoL1: BentoInstance
  bentoL2: BentoInstance
  bentoTunedL2: BentoInstance
  cacheableL1: CacheableInstance
  cacheableL2: CacheableInstance
}

/** Each instance's close goes into `closers` as soon as it exists (close them in reverse). */
export async function connectContenders (url: string, closers: Array<() => Promise<void>>): Promise<Contenders> {
  const own = <T extends { close (): Promise<void> }>(instance: T): T => {
    closers.push(instance.close)
    return instance
  }
  const hot = own(await createJobfit(url))
  const cold = own(await createJobfit(url, { l1MaxEntries: 1 }))
  const bare = hot.client.duplicate({ commandTimeout: undefined })
  closers.push(async () => bare.disconnect())
  await bare.connect()
  return {
    hot,
    cold,
    bare,
    lru: new LRUCache({ max: hot.settings.l1MaxEntries, maxSize: hot.settings.l1MaxBytes, ttlAutopurge: false }),
    bentoL1: own(await createBento(url, BENTO_DEFAULTS)),
    bentoL2: own(await createBento(url, BENTO_DEFAULTS, 1)),
    bentoTunedL2: own(await createBento(url, BENTO_TUNED, 1)),
    cacheableL1: own(await createCacheable(url, CACHEABLE_DEFAULTS)),
    cacheableL2: own(await createCacheable(url, CACHEABLE_DEFAULTS, 1))
  }
}

export interface Seeded {
  /** jobfit's key for SHORT_INPUT, which the others are given as theirs. */
  shortKey: string
  l2Inputs: CacheInput[]
  l2Keys: string[]
  /** Two batches of embedding inputs, and their keys. */
  batches: CacheInput[][]
  batchKeys: string[][]
}

/** Puts every value where its case reads it: in each L1 for the L1 cases, in Redis for the others. */
export async function seed (contenders: Contenders): Promise<Seeded> {
  const { hot, lru, bentoL1, bentoL2, cacheableL1, cacheableL2 } = contenders
  const key = (namespace: string, input: CacheInput) => cacheKey(hot.settings.keyPrefix, namespace, input)
  const ttlMs = TTL_SECONDS * 1000

  const shortKey = key(NAMESPACE, SHORT_INPUT)
  hot.cache.safeSet(NAMESPACE, SHORT_INPUT, PARSED_JOB, TTL_SECONDS)
  hot.cache.safeSet(NAMESPACE, JD_INPUT, PARSED_JOB, TTL_SECONDS)
  lru.set(shortKey, PARSED_JOB, { ttl: ttlMs, size: encode(PARSED_JOB, 0).text.length * 2 })
  await bentoL1.bento.set({ key: shortKey, value: PARSED_JOB })
  await cacheableL1.cacheable.set(shortKey, PARSED_JOB, ttlMs)

  const l2Inputs = Array.from({ length: L2_KEYS }, (_, index) => ({ job: index }))
  const l2Keys = l2Inputs.map((input) => key(NAMESPACE, input))
  for (const input of l2Inputs) hot.cache.safeSet(NAMESPACE, input, PARSED_JOB, TTL_SECONDS)
  for (const l2Key of l2Keys) {
    await bentoL2.bento.set({ key: l2Key, value: PARSED_JOB })
    // Blocking for this write only: it must be in Redis before the first read.
    await cacheableL2.cacheable.set(l2Key, PARSED_JOB, { ttl: ttlMs, nonBlocking: false })
  }

  const skills = Array.from({ length: 2 * BATCH }, (_, index) => `skill number ${index}`)
  const batches = [skills.slice(0, BATCH), skills.slice(BATCH)].map((texts) => texts.map(embeddingInput))
  batches.forEach((inputs, batch) => hot.cache.safeMSet(EMBEDDINGS_NAMESPACE,
    inputs.map((input, index) => ({ input, value: vector(batch * BATCH + index) })), TTL_SECONDS))
  await hot.cache.flush()
  return { shortKey, l2Inputs, l2Keys, batches, batchKeys: batches.map((inputs) => inputs.map((input) => key(EMBEDDINGS_NAMESPACE, input))) }
}
