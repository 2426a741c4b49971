/**
 * Child process of the memory section: `node --expose-gc fill-l1.ts <json|vector> <l1MaxBytes> <result.json>`.
 * Writes KEYS distinct keys through the cache (L1 only) with realistic values, sampling the L1
 * byte count after every write and the RSS every SAMPLE_EVERY writes, then measures what the
 * cache really retains: heap + external memory with the cache, minus the same without it.
 */
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { parseCvText } from '../../src/ai/local/cv-parser.ts'
import { embedLexically } from '../../src/ai/local/lexical-embedder.ts'
import { createCache } from '../../src/cache/index.ts'
import type { TwoTierCache } from '../../src/cache/index.ts'
import { CACHE_POLICY } from '../../src/cache-policy.ts'
import type { CachePolicy } from '../../src/cache-policy.ts'
import { parseConfig } from '../../src/config.ts'
import { sampleText } from '../../test/fixtures/texts/index.ts'

const KEYS = 100_000
const SAMPLE_EVERY = 500
const EMBEDDING_DIMENSIONS = 768

export type ValueKind = 'json' | 'vector'

export interface MemoryPoint {
  rss: number
  heapUsed: number
  /** Off-heap memory V8 knows of, ArrayBuffer backing stores (vectors) included. */
  external: number
}

export interface FillResult {
  kind: ValueKind
  keys: number
  /** Length of one value's JSON (the parsed CV) or its byte length (a vector). */
  valueBytes: number
  writeSeconds: number
  l1: { maxBytes: number, peakBytes: number, finalBytes: number, entries: number }
  /** After a full GC, before the first write. */
  baseline: MemoryPoint
  peakRss: number
  /** After a full GC with the cache full. */
  filled: MemoryPoint
  /** After a full GC once the cache is dropped. */
  emptied: MemoryPoint
}

interface Workload {
  policy: CachePolicy
  valueBytes: number
  value (index: number): unknown
}

const PLACEHOLDER = '\u0000name\u0000'

/**
 * Parsed CVs as an L2 hit hands them to L1: JSON.parse of the stored text, so every value has
 * strings of its own. Each one differs by its name.
 */
function parsedCvs (): Workload {
  const template = JSON.stringify({ ...parseCvText(sampleText('backend-engineer-cv')), name: PLACEHOLDER })
  const [before, after] = template.split(JSON.stringify(PLACEHOLDER)) as [string, string]
  return { policy: CACHE_POLICY.cv, valueBytes: template.length, value: (index) => JSON.parse(`${before}"candidate ${index}"${after}`) }
}

/** What the local provider returns: one Float32Array (own 3 KiB ArrayBuffer) per text. */
function vectors (): Workload {
  return {
    policy: CACHE_POLICY.embedding,
    valueBytes: EMBEDDING_DIMENSIONS * Float32Array.BYTES_PER_ELEMENT,
    value: (index) => embedLexically(`skill number ${index}`, EMBEDDING_DIMENSIONS)
  }
}

async function fullGc (): Promise<void> {
  const gc = globalThis.gc
  if (gc === undefined) throw new Error('run with --expose-gc')
  // Twice, a turn apart: backing stores of collected ArrayBuffers are released after the first.
  gc()
  await nextTurn()
  gc()
}

function memoryPoint (): MemoryPoint {
  const { rss, heapUsed, external } = process.memoryUsage()
  return { rss, heapUsed, external }
}

async function fill (kind: ValueKind, l1MaxBytes: number): Promise<FillResult> {
  const workload = kind === 'json' ? parsedCvs() : vectors()
  // The service's defaults (entry bound included), with the byte bound under test.
  const settings = { ...parseConfig({ REDIS_URL: '' }).cache, l1MaxBytes }
  await fullGc()
  const baseline = memoryPoint()
  let cache: TwoTierCache | undefined = createCache(settings)
  let peakBytes = 0
  let peakRss = baseline.rss
  const started = performance.now()
  for (let index = 0; index < KEYS; index++) {
    cache.safeSet(workload.policy.namespace, { text: `key ${index}` }, workload.value(index), workload.policy.ttlSeconds)
    peakBytes = Math.max(peakBytes, cache.stats().l1.bytes)
    if (index % SAMPLE_EVERY === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }
  const writeSeconds = (performance.now() - started) / 1000
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  await fullGc()
  const filled = memoryPoint()
  const { bytes: finalBytes, entries } = cache.stats().l1
  cache = undefined
  await fullGc()
  return {
    kind,
    keys: KEYS,
    valueBytes: workload.valueBytes,
    writeSeconds,
    l1: { maxBytes: l1MaxBytes, peakBytes, finalBytes, entries },
    baseline,
    peakRss,
    filled,
    emptied: memoryPoint()
  }
}

const [kind, maxBytes, resultFile] = process.argv.slice(2)
if ((kind !== 'json' && kind !== 'vector') || !(Number(maxBytes) > 0) || resultFile === undefined) {
  throw new Error('usage: fill-l1.ts <json|vector> <l1MaxBytes> <result.json>')
}
writeFileSync(resultFile, JSON.stringify(await fill(kind, Number(maxBytes))))
