import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { buildTestApp, eventually, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import { cachedOnBoth, subscribed, twoInstances } from './helpers/two-instances.ts'

/** Generous: the bound that matters (about a second) is measured in bench/, not asserted here. */
const RECOVERY_TIMEOUT_MS = 15_000
const CYCLES = 3

const ENV = {
  CACHE_BREAKER_COOLDOWN_MS: '200',
  CACHE_L2_MAX_RECONNECT_DELAY_MS: '100',
  CACHE_REPLAY_INTERVAL_MS: '100'
}

t.test('a clear-domains made while Redis was killed reaches the other instance once Redis returns, 3 cycles', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const input = `Acme ${cycle}`
    await cachedOnBoth([a, b], 'domain', input, { domain: `acme${cycle}.com` })
    t.same(await b.app.cache.safeGet('domain', input), { domain: `acme${cycle}.com` }, `cycle ${cycle}: B holds the entry`)

    await redis.kill()
    const cleared = await a.app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
    t.equal(cleared.json().l2.status, 'failed', 'the L2 part of the clear failed')
    t.equal(a.app.cache.stats().replayQueue.invalidations, 1, 'and the clear is queued for replay')
    t.same(await b.app.cache.safeGet('domain', input), { domain: `acme${cycle}.com` }, 'B still serves it while Redis is away (nothing can reach it)')

    const resyncsBefore = b.app.cache.stats().l1Resyncs
    await redis.restart()
    t.ok(await eventually(async () => await b.app.cache.safeGet('domain', input) === undefined, RECOVERY_TIMEOUT_MS),
      `cycle ${cycle}: B stops serving the cleared entry after Redis returns`)
    t.ok(b.app.cache.stats().l1Resyncs > resyncsBefore, 'through the resync on resubscription')
    t.ok(await eventually(() => a.app.cache.stats().replayQueue.invalidations === 0, RECOVERY_TIMEOUT_MS), 'A replayed its queued clear')
    t.ok(await subscribed(redis, 2, RECOVERY_TIMEOUT_MS))
    t.ok(await redisReady(a.app) && await redisReady(b.app))
  }
  t.equal(await metricValue(b.app, 'cache_l1_resyncs_total'), b.app.cache.stats().l1Resyncs, 'resyncs are exported')
  t.ok(await metricValue(a.app, 'cache_replayed_total', { kind: 'invalidation' }) >= CYCLES, 'each queued clear was replayed')
})

t.test('only invalidated namespaces are dropped on resubscription: content-keyed entries survive an outage', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  await cachedOnBoth([a, b], 'domain', 'Acme', { domain: 'acme.com' })
  await cachedOnBoth([a, b], 'cv', 'some cv', { name: 'x' })
  await redis.kill()
  const resyncsBefore = b.app.cache.stats().l1Resyncs
  await redis.restart()
  t.ok(await eventually(() => b.app.cache.stats().l1Resyncs > resyncsBefore, RECOVERY_TIMEOUT_MS), 'B resynchronised')
  t.same(await b.app.cache.safeGet('cv', 'some cv'), { name: 'x' }, 'the cv entry is still served from L1 (Redis came back empty)')
  t.equal(await b.app.cache.safeGet('domain', 'Acme'), undefined, 'the domain entry went')
})

t.test('a clear made while Redis hung is replayed: L2 loses the entry, and the other instance hears of it without a resubscription', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  await cachedOnBoth([a, b], 'domain', 'Acme', { domain: 'acme.com' })
  const key = cacheKey('jobfit', 'domain', 'Acme')
  redis.pause()
  const cleared = await a.app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.equal(cleared.json().l2.status, 'failed')
  const resyncsBefore = b.app.cache.stats().l1Resyncs
  redis.resume()
  t.ok(await eventually(async () => await b.app.cache.safeGet('domain', 'Acme') === undefined, RECOVERY_TIMEOUT_MS),
    'B stops serving the entry')
  t.equal(b.app.cache.stats().l1Resyncs, resyncsBefore, 'by the replayed message: its subscription never dropped')
  t.equal(await redis.command('EXISTS', key), '0', 'the replayed clear removed it from L2')
})

t.test('a delete is published only after its L2 change succeeded, and replayed when it did not', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  await cachedOnBoth([a, b], PROBE_NAMESPACE, 'gone', 'v')
  const key = cacheKey('jobfit', PROBE_NAMESPACE, 'gone')
  redis.pause()
  await a.app.cache.safeDel(PROBE_NAMESPACE, 'gone')
  t.equal(a.app.cache.stats().replayQueue.invalidations, 1, 'the failed delete is queued')
  redis.resume()
  t.ok(await eventually(() => a.app.cache.stats().replayQueue.invalidations === 0, RECOVERY_TIMEOUT_MS), 'and replayed')
  t.ok(await eventually(async () => await b.app.cache.safeGet(PROBE_NAMESPACE, 'gone') === undefined, RECOVERY_TIMEOUT_MS))
  t.equal(await redis.command('EXISTS', key), '0')
})

t.test('writes lost while Redis was away are replayed once it returns, and counted', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url, ...ENV })
  await app.ready()
  t.ok(await redisReady(app))
  await redis.kill()
  app.cache.safeSet(PROBE_NAMESPACE, 'lost', 'value', 3600)
  await app.cache.flush()
  t.equal(app.cache.stats().replayQueue.writes, 1, 'the lost write is queued')
  t.equal(await metricValue(app, 'cache_replay_queue_depth', { kind: 'write' }), 1, 'the queue depth is exported')
  await redis.restart()
  const key = cacheKey('jobfit', PROBE_NAMESPACE, 'lost')
  t.ok(await eventually(async () => await redis.command('EXISTS', key) === '1', RECOVERY_TIMEOUT_MS), 'the write reached the restarted Redis')
  const ttl = Number(await redis.command('PTTL', key))
  t.ok(ttl > 0 && ttl <= 3600_000, `with the TTL that remained (${ttl} ms)`)
  t.equal(app.cache.stats().replayQueue.writes, 0)
  t.equal(await metricValue(app, 'cache_replayed_total', { kind: 'write' }), 1)
})
