import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { eventually, PROBE_NAMESPACE } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import { cachedOnBoth, subscribed, twoInstances } from './helpers/two-instances.ts'

const ENV = { CACHE_BREAKER_COOLDOWN_MS: '200', CACHE_L2_MAX_RECONNECT_DELAY_MS: '100' }

t.test('clear-domains on one instance empties the domain L1 of the others', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  await cachedOnBoth([a, b], 'domain', 'Acme Inc', { domain: 'acme.com' })
  await cachedOnBoth([a, b], PROBE_NAMESPACE, 'other', 'kept')
  t.equal(b.app.cache.stats().l1.entries, 2)

  const response = await a.app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.match(response.json(), { l1: { removed: 1 }, l2: { status: 'ok', generation: 1 } })
  t.ok(await eventually(() => b.app.cache.stats().l1.entries === 1), 'the other instance dropped its domain entry')
  t.equal(await b.app.cache.safeGet('domain', 'Acme Inc'), undefined, 'and no longer serves it')
  t.equal(await b.app.cache.safeGet(PROBE_NAMESPACE, 'other'), 'kept', 'other namespaces are untouched')
})

t.test('safeDel on one instance removes the entry from the L1 of the others', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  await cachedOnBoth([a, b], PROBE_NAMESPACE, 'gone', 'v')
  await a.app.cache.safeDel(PROBE_NAMESPACE, 'gone')
  t.ok(await eventually(() => b.app.cache.stats().l1.entries === 0))
  t.equal(await b.app.cache.safeGet(PROBE_NAMESPACE, 'gone'), undefined)
})

t.test('the bus ignores garbage and foreign keys, and resubscribes after Redis restarts', async (t) => {
  const redis = await startRedisServer(t)
  const [a, b] = await twoInstances(t, redis, ENV)
  await cachedOnBoth([a, b], PROBE_NAMESPACE, 'x', 'v')
  const key = cacheKey('jobfit', PROBE_NAMESPACE, 'x')
  await redis.command('PUBLISH', 'jobfit:invalidations', 'not json')
  await redis.command('PUBLISH', 'jobfit:invalidations', JSON.stringify({ origin: 'someone', kind: 'clear', prefix: 'other-app:' }))
  await redis.command('PUBLISH', 'jobfit:invalidations', JSON.stringify({ origin: 'someone', kind: 'delete', key: 42 }))
  await redis.command('PING')
  t.equal(b.app.cache.stats().l1.entries, 1, 'nothing was dropped')

  await redis.restart()
  t.ok(await subscribed(redis), 'both instances subscribed again')
  await redis.command('PUBLISH', 'jobfit:invalidations', JSON.stringify({ origin: 'someone', kind: 'delete', key }))
  t.ok(await eventually(() => b.app.cache.stats().l1.entries === 0), 'a valid invalidation is applied')
})
