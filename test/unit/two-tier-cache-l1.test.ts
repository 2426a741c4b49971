import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { createCache } from '../../src/cache/index.ts'
import { parseConfig } from '../../src/config.ts'
import type { CacheObserver, CacheSettings, Tier, TwoTierCache } from '../../src/cache/index.ts'

const NS = 'probe'
const TTL_SECONDS = 60

function cache (overrides: Partial<CacheSettings> = {}, observer?: CacheObserver): TwoTierCache {
  return createCache({
    ...parseConfig({}).cache,
    enabled: true,
    keyPrefix: 'test',
    l2CommandTimeoutMs: 50,
    breakerFailureThreshold: 5,
    breakerCooldownMs: 1000,
    l1MaxEntries: 1000,
    l1MaxBytes: 1024 * 1024,
    ...overrides
  }, { observer })
}

function counting<T> (value: T): { compute: () => Promise<T>, calls: () => number } {
  let calls = 0
  return { compute: async () => { calls++; return value }, calls: () => calls }
}

t.test('getOrSet computes once, then answers from L1', async (t) => {
  const subject = cache()
  const { compute, calls } = counting({ score: 0.8 })
  t.same(await subject.getOrSet(NS, 'input', compute, TTL_SECONDS), { score: 0.8 })
  t.same(await subject.getOrSet(NS, 'input', compute, TTL_SECONDS), { score: 0.8 })
  t.equal(calls(), 1)
  t.match(subject.stats().l1, { hits: 1, misses: 1, entries: 1 })
})

t.test('safeSet then safeGet; a miss is undefined; null is a cached value', async (t) => {
  const subject = cache()
  subject.safeSet(NS, { id: 1 }, 'one', TTL_SECONDS)
  subject.safeSet(NS, { id: 2 }, null, TTL_SECONDS)
  t.equal(await subject.safeGet(NS, { id: 1 }), 'one')
  t.equal(await subject.safeGet(NS, { id: 2 }), null)
  t.equal(await subject.safeGet(NS, { id: 3 }), undefined)
})

t.test('safeMSet then safeMGet: input order, undefined for misses', async (t) => {
  const subject = cache()
  subject.safeMSet(NS, [{ input: 'a', value: 'A' }, { input: 'c', value: 'C' }], TTL_SECONDS)
  t.same(await subject.safeMGet(NS, ['c', 'b', 'a', 'd']), ['C', undefined, 'A', undefined])
  t.same(await subject.safeMGet(NS, []), [])
  t.match(subject.stats().l1, { hits: 2, misses: 2 })
})

t.test('safeDel removes one entry', async (t) => {
  const subject = cache()
  subject.safeSet(NS, 'a', 'A', TTL_SECONDS)
  subject.safeSet(NS, 'b', 'B', TTL_SECONDS)
  await subject.safeDel(NS, 'a')
  t.same(await subject.safeMGet(NS, ['a', 'b']), [undefined, 'B'])
})

t.test('clearNamespace removes only that namespace', async (t) => {
  const subject = cache()
  subject.safeMSet('one', [{ input: 'a', value: 1 }, { input: 'b', value: 2 }], TTL_SECONDS)
  subject.safeSet('one_more', 'a', 3, TTL_SECONDS)
  t.same(await subject.clearNamespace('one'), { l1Removed: 2, l2Removed: 0 })
  t.same(await subject.safeMGet('one', ['a', 'b']), [undefined, undefined])
  t.equal(await subject.safeGet('one_more', 'a'), 3, 'a namespace sharing its name as a prefix is kept')
})

t.test('enabled: false is a pass-through', async (t) => {
  const subject = cache({ enabled: false })
  const { compute, calls } = counting('fresh')
  subject.safeSet(NS, 'a', 'A', TTL_SECONDS)
  t.equal(await subject.safeGet(NS, 'a'), undefined)
  t.same(await subject.safeMGet(NS, ['a']), [undefined])
  t.equal(await subject.getOrSet(NS, 'b', compute, TTL_SECONDS), 'fresh')
  t.equal(await subject.getOrSet(NS, 'b', compute, TTL_SECONDS), 'fresh')
  t.equal(calls(), 2, 'every call computes')
  t.match(subject.stats(), { enabled: false, l1: { entries: 0 } })
})

t.test('single-flight: 20 concurrent misses for one key compute once', async (t) => {
  const subject = cache()
  let calls = 0
  const compute = async (): Promise<string> => {
    calls++
    await sleep(20)
    return 'slow'
  }
  const results = await Promise.all(Array.from({ length: 20 }, () => subject.getOrSet(NS, 'hot', compute, TTL_SECONDS)))
  t.equal(calls, 1)
  t.ok(results.every((value) => value === 'slow'))
})

t.test('a rejecting compute reaches every waiter and is not cached', async (t) => {
  const subject = cache()
  let calls = 0
  const failing = async (): Promise<string> => {
    calls++
    await sleep(5)
    throw new Error('upstream down')
  }
  const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => subject.getOrSet(NS, 'k', failing, TTL_SECONDS)))
  t.equal(calls, 1)
  t.ok(outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason.message === 'upstream down'))
  t.equal(await subject.safeGet(NS, 'k'), undefined, 'nothing cached')
  t.equal(await subject.getOrSet(NS, 'k', async () => 'recovered', TTL_SECONDS), 'recovered', 'the next call computes again')
})

t.test('stats count L1 hits and misses; L2 stays untouched', async (t) => {
  const subject = cache()
  subject.safeSet(NS, 'a', 'A', TTL_SECONDS)
  await subject.safeGet(NS, 'a')
  await subject.safeGet(NS, 'a')
  await subject.safeGet(NS, 'b')
  await subject.safeMGet(NS, ['a', 'b', 'c'])
  t.match(subject.stats(), {
    enabled: true,
    l1: { hits: 3, misses: 3, entries: 1 },
    l2: { hits: 0, misses: 0, configured: false, status: 'l1_only', breaker: 'none' },
    pendingWrites: 0
  })
})

t.test('a custom observer sees the hits and misses', async (t) => {
  const events: Array<[string, string, Tier, number]> = []
  const observer: CacheObserver = {
    onHit: (namespace, tier, count) => { events.push(['hit', namespace, tier, count]) },
    onMiss: (namespace, tier, count) => { events.push(['miss', namespace, tier, count]) },
    onFailure: () => { t.fail('no failures without L2') }
  }
  const subject = cache({}, observer)
  subject.safeSet(NS, 'a', 'A', TTL_SECONDS)
  await subject.safeGet(NS, 'a')
  await subject.safeMGet(NS, ['a', 'x', 'y'])
  t.same(events, [
    ['hit', NS, 'l1', 1],
    ['hit', NS, 'l1', 1],
    ['miss', NS, 'l1', 2]
  ])
})

t.test('an invalid namespace is rejected', async (t) => {
  const subject = cache()
  await t.rejects(subject.safeGet('Bad Namespace', 'a'), TypeError)
})
