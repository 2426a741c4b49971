/**
 * Section "micro": cache operations side by side in one process, one run, one private Redis:
 * jobfit's cache against the bare structures under it (lru-cache, an ioredis GET) and against
 * bentocache and cacheable doing the same L1 and L2 hits.
 */
import { startRedisServer } from '../../test/helpers/redis-server.ts'
import { cacheKey } from '../../src/cache/keys.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { ratio, table } from '../lib/report.ts'
import { NAMESPACE } from '../alternatives/libraries.ts'
import { BATCH, connectContenders, DIMENSIONS, EMBEDDINGS_NAMESPACE, JD_INPUT, L2_KEYS, seed, SHORT_INPUT } from './fixtures.ts'
import type { Contenders, Seeded } from './fixtures.ts'
import { measure } from './harness.ts'
import type { BenchCase } from './harness.ts'

const HARNESS = { rounds: 7, durationMs: 300, warmupMs: 200 }
const CONCURRENCY = 10
const JD_KB = (JSON.stringify(JD_INPUT).length / 1024).toFixed(1)

function cycle<T> (items: readonly T[]): () => T {
  let next = 0
  return () => items[next++ % items.length]!
}

interface Results {
  opsPerSecond: Map<string, number>
  /** Misses seen while measuring L2 cases, by case. */
  misses: Map<string, number>
}

interface Group {
  title: string
  baseline: string
  cases: readonly BenchCase[]
  /** Redis is involved: a read that times out on a loaded machine opens the breaker, and misses are faster than hits. */
  countMisses?: boolean
}

function isMiss (value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.some((item) => item === undefined || item === null))
}

/** The same case, counting the misses among its results into `misses`. */
function countingMisses (benchCase: BenchCase, misses: Map<string, number>): BenchCase {
  const { operation, name } = benchCase
  misses.set(name, 0)
  const count = (value: unknown): unknown => {
    if (isMiss(value)) misses.set(name, misses.get(name)! + 1)
    return value
  }
  return { ...benchCase, operation: () => Promise.resolve(operation()).then(count) }
}

function opsCell (value: number): string {
  return value >= 1000 ? `${Math.round(value).toLocaleString('en-US')}` : value.toFixed(1)
}

function timeCell (value: number): string {
  const microseconds = 1e6 / value
  return microseconds >= 1000 ? `${(microseconds / 1000).toFixed(2)} ms` : `${microseconds.toFixed(microseconds < 1 ? 3 : 2)} µs`
}

function renderGroup (group: Group, results: Results): string {
  const base = results.opsPerSecond.get(group.baseline)!
  const rows = group.cases.map((benchCase) => {
    const value = results.opsPerSecond.get(benchCase.name)!
    const cells = [benchCase.name, opsCell(value), timeCell(value), ratio(base / value)]
    return group.countMisses === true ? [...cells, String(results.misses.get(benchCase.name) ?? 0)] : cells
  })
  const header = ['case', 'ops/s', 'time/op', `time vs "${group.baseline}"`, ...(group.countMisses === true ? ['misses'] : [])]
  return [`**${group.title}**`, '', table(header, rows)].join('\n')
}

/** `why`: what to say when jobfit is not faster (and every read was a hit). */
function faster (name: string, ours: string, theirs: string, results: Results, why?: string): TargetResult {
  const a = results.opsPerSecond.get(ours)!
  const b = results.opsPerSecond.get(theirs)!
  const misses = (results.misses.get(ours) ?? 0) + (results.misses.get(theirs) ?? 0)
  const result: TargetResult = {
    name,
    target: '> 1.00x (jobfit ops/s ÷ theirs)',
    measured: `${ratio(a / b)} (${opsCell(a)} vs ${opsCell(b)} ops/s)`,
    met: a > b && misses === 0
  }
  if (misses > 0) result.note = `not comparable: ${misses} reads missed during the measurement (a timeout opened a breaker)`
  else if (a <= b && why !== undefined) result.note = why
  return result
}

function speedRatio (results: Results, ours: string, theirs: string): string {
  return ratio(results.opsPerSecond.get(ours)! / results.opsPerSecond.get(theirs)!)
}

function l2Cases ({ bare, cold, bentoL2, bentoTunedL2, cacheableL2 }: Contenders, seeded: Seeded, concurrency: number): BenchCase[] {
  const nextInput = cycle(seeded.l2Inputs)
  const nextKey = cycle(seeded.l2Keys)
  const suffix = concurrency === 1 ? '' : `, ${concurrency} concurrent`
  return [
    { name: `ioredis GET (bare)${suffix}`, async: true, concurrency, operation: () => bare.get(nextKey()) },
    { name: `jobfit safeGet (L2)${suffix}`, async: true, concurrency, operation: () => cold.cache.safeGet(NAMESPACE, nextInput()) },
    { name: `bentocache get (L2)${suffix}`, async: true, concurrency, operation: () => bentoL2.bento.get({ key: nextKey() }) },
    { name: `bentocache (tuned) get (L2)${suffix}`, async: true, concurrency, operation: () => bentoTunedL2.bento.get({ key: nextKey() }) },
    { name: `cacheable get (L2)${suffix}`, async: true, concurrency, operation: () => cacheableL2.cacheable.get(nextKey()) }
  ]
}

function l1Group ({ hot, lru, bentoL1, cacheableL1 }: Contenders, { shortKey }: Seeded): Group {
  return {
    title: 'L1 hit (value already in memory)',
    baseline: 'lru-cache get (bare)',
    cases: [
      { name: 'lru-cache get (bare)', async: false, operation: () => lru.get(shortKey) },
      { name: 'lru-cache get, awaited', async: true, operation: async () => lru.get(shortKey) },
      { name: 'lru-cache get + jobfit key derivation', async: false, operation: () => lru.get(cacheKey(hot.settings.keyPrefix, NAMESPACE, SHORT_INPUT)) },
      { name: 'jobfit safeGet (L1)', async: true, operation: () => hot.cache.safeGet(NAMESPACE, SHORT_INPUT) },
      { name: `jobfit safeGet (L1), ${JD_KB} KB JD text as input`, async: true, operation: () => hot.cache.safeGet(NAMESPACE, JD_INPUT) },
      { name: 'bentocache get (L1)', async: true, operation: () => bentoL1.bento.get({ key: shortKey }) },
      { name: 'cacheable get (L1)', async: true, operation: () => cacheableL1.cacheable.get(shortKey) }
    ]
  }
}

function batchGroup ({ bare, cold }: Contenders, seeded: Seeded): Group {
  const nextBatch = cycle(seeded.batches)
  const nextKeys = cycle(seeded.batchKeys)
  const sequential = async (): Promise<string | null> => {
    let last: string | null = null
    for (const key of nextKeys()) last = await bare.get(key)
    return last
  }
  return {
    title: `${BATCH} embeddings (${DIMENSIONS}-dim Float32Array, all L2 hits)`,
    baseline: `${BATCH} sequential ioredis GETs`,
    countMisses: true,
    cases: [
      { name: `${BATCH} sequential ioredis GETs`, async: true, operation: sequential },
      { name: 'one ioredis MGET (bare)', async: true, operation: () => bare.mget(...nextKeys()) },
      { name: `jobfit safeMGet of ${BATCH}`, async: true, operation: () => cold.cache.safeMGet(EMBEDDINGS_NAMESPACE, nextBatch()) }
    ]
  }
}

function groups (contenders: Contenders, seeded: Seeded): Group[] {
  return [
    l1Group(contenders, seeded),
    { title: 'L2 hit (in Redis, not in L1), sequential', baseline: 'ioredis GET (bare)', cases: l2Cases(contenders, seeded, 1), countMisses: true },
    {
      title: `L2 hit, ${CONCURRENCY} concurrent callers`,
      baseline: `ioredis GET (bare), ${CONCURRENCY} concurrent`,
      cases: l2Cases(contenders, seeded, CONCURRENCY),
      countMisses: true
    },
    batchGroup(contenders, seeded)
  ]
}

async function run (): Promise<{ markdown: string, targets: TargetResult[] }> {
  const redis = await startRedisServer()
  const closers: Array<() => Promise<void>> = []
  try {
    const contenders = await connectContenders(redis.url, closers)
    const measured = groups(contenders, await seed(contenders))
    await verifyHits(measured)
    const misses = new Map<string, number>()
    const cases = measured.flatMap((group) => group.countMisses === true
      ? group.cases.map((benchCase) => countingMisses(benchCase, misses))
      : group.cases)
    const results = { opsPerSecond: await measure(cases, HARNESS), misses }
    return { markdown: render(measured, results), targets: targets(results) }
  } finally {
    for (const close of closers.reverse()) await close()
    await redis.stop()
  }
}

/** Every case must really be a hit: a miss (say, a write that never landed) would be measured as fast. */
async function verifyHits (measured: readonly Group[]): Promise<void> {
  for (const benchCase of measured.flatMap((group) => group.cases)) {
    if (isMiss(await benchCase.operation())) throw new Error(`micro: "${benchCase.name}" is not a hit`)
  }
}

function render (measured: readonly Group[], results: Results): string {
  return [
    `Median of ${HARNESS.rounds} rounds of ${HARNESS.durationMs} ms per case (after ${HARNESS.warmupMs} ms of warm-up), rounds ` +
      'interleaved in rotating order, a forced GC between cases. Async cases await each operation before the next one ' +
      `(sequential) or run ${CONCURRENCY} such loops at once. One private redis-server on loopback; every contender has its own connections.`,
    '',
    ...measured.flatMap((group) => [renderGroup(group, results), '']),
    'How the cases are set up:',
    '',
    '- The value is a parsed job description (about 1 KB of JSON). jobfit is given the input (`{ model, dimensions, text }` of ' +
      'an embedding lookup, or the whole JD text) and derives its key on every call: canonical JSON, then SHA-256. bentocache and ' +
      'cacheable are given jobfit\'s precomputed key string, so they do no hashing at all; "lru-cache get + jobfit key derivation" ' +
      'shows what that hashing costs on its own.',
    '- bentocache and cacheable run with their defaults (see the alternatives section): bentocache\'s memory driver stores ' +
      'serialized entries and JSON-parses on every L1 hit; cacheable\'s in-memory primary clones the value on every hit. ' +
      '"bentocache (tuned)" adds the ioredis options of that section (command timeout, no offline queue), which jobfit also uses.',
    `- L2 hits: each cache is built with a one-entry L1 and reads cycle through ${L2_KEYS} keys, so every read goes to Redis, ` +
      'decodes, and is copied into L1 (evicting the previous entry), as a real L2 hit does. The bare GET (jobfit\'s ioredis 6 ' +
      'client without its command timeout) returns the stored string undecoded. bentocache uses ioredis 5, cacheable node-redis 5.',
    `- The embeddings case alternates two batches of ${BATCH} distinct keys through jobfit's one-entry L1.`,
    '- "misses": results that were not hits while measuring. A read that times out (a stall of a loaded machine) opens ' +
      'jobfit\'s breaker, and the misses that follow are much faster than hits; a target is not judged on such a run.',
    '- Sequential L2 latency on loopback is mostly the wake-up of two processes per round trip: it varies with machine load ' +
      '(an idle machine is slower: its cores sleep between round trips). Compare rows within one run; the concurrent rows show CPU cost per read.'
  ].join('\n')
}

function targets (results: Results): TargetResult[] {
  const bare = results.opsPerSecond.get('lru-cache get (bare)')!
  const ours = results.opsPerSecond.get('jobfit safeGet (L1)')!
  const l2Why = `bentocache's default client (ioredis 5, no command timeout) saves a timer per read: jobfit vs bentocache ` +
    `with the same client options is ${speedRatio(results, 'jobfit safeGet (L2)', 'bentocache (tuned) get (L2)')} sequential, ` +
    `${speedRatio(results, `jobfit safeGet (L2), ${CONCURRENCY} concurrent`, `bentocache (tuned) get (L2), ${CONCURRENCY} concurrent`)} with ${CONCURRENCY} callers`
  return [
    {
      name: 'L1 hit: jobfit safeGet vs bare lru-cache get',
      target: '<= 2x the time',
      measured: `${ratio(bare / ours)} (${opsCell(ours)} vs ${opsCell(bare)} ops/s)`,
      met: bare / ours <= 2,
      note: `not reachable by an async API that hashes its input: awaiting the bare get alone costs ` +
        `${ratio(bare / results.opsPerSecond.get('lru-cache get, awaited')!)}, deriving jobfit's key ` +
        `${ratio(bare / results.opsPerSecond.get('lru-cache get + jobfit key derivation')!)}; jobfit's own layer on top of both is ` +
        `${ratio(results.opsPerSecond.get('lru-cache get + jobfit key derivation')! / ours)}`
    },
    faster('L1 hit: jobfit faster than bentocache', 'jobfit safeGet (L1)', 'bentocache get (L1)', results),
    faster('L1 hit: jobfit faster than cacheable', 'jobfit safeGet (L1)', 'cacheable get (L1)', results),
    faster('L2 hit: jobfit faster than bentocache', 'jobfit safeGet (L2)', 'bentocache get (L2)', results, l2Why),
    faster('L2 hit: jobfit faster than cacheable', 'jobfit safeGet (L2)', 'cacheable get (L2)', results)
  ]
}

export const microSection: Section = {
  id: 'micro',
  title: 'Cache micro-benchmarks, side by side in one run',
  run
}
