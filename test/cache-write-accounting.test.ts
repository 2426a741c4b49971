import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { buildTestApp, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

t.test('a write batch with some refused replies counts exactly the refused writes as lost', async (t) => {
  const redis = await startRedisServer(t)
  // A user that may write the probe namespace only: in one pipeline, domain SETs are refused (NOPERM), probe SETs stored.
  await redis.command('ACL', 'SETUSER', 'cache', 'on', '>s3cret', `~jobfit:${PROBE_NAMESPACE}:*`, '&*', '+@all')
  const { app, logs } = await buildTestApp(t, { REDIS_URL: redis.url, REDIS_USERNAME: 'cache', REDIS_PASSWORD: 's3cret' })
  await app.ready()
  t.ok(await redisReady(app), 'REDIS_USERNAME and REDIS_PASSWORD log in')

  const probes = Array.from({ length: 5 }, (_, index) => ({ input: `stored-${index}`, value: index }))
  const domains = Array.from({ length: 3 }, (_, index) => ({ input: `refused-${index}`, value: index }))
  app.cache.safeMSet(PROBE_NAMESPACE, probes, 3600)
  app.cache.safeMSet('domain', domains, 3600)
  await app.cache.flush()

  for (const { input } of probes) t.equal(await redis.command('EXISTS', cacheKey('jobfit', PROBE_NAMESPACE, input)), '1', `${input} is stored`)
  const { setFailures } = app.cache.stats()
  t.equal(setFailures.total, 3, 'three writes lost, not the batch of eight')
  t.equal(setFailures.byReason.auth, 3)
  t.equal(await metricValue(app, 'cache_set_failures_total', { namespace: 'domain', reason: 'auth' }), 3)
  t.equal(await metricValue(app, 'cache_set_failures_total', { namespace: PROBE_NAMESPACE }), 0, 'none counted against the namespace that was stored')
  t.match(logs.warnings('⚠️  Cache storage failed:'), [{ namespace: 'domain', reason: 'auth' }])
})
