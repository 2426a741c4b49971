import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { buildTestApp, eventually, PROBE_NAMESPACE } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

t.test('closing the app flushes pending L2 writes before the Redis connection goes', async (t) => {
  const redis = await startRedisServer(t)
  const { app, config } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await eventually(async () => (await app.inject('/ready')).json().redis === 'ready'))
  app.cache.safeMSet(PROBE_NAMESPACE, [{ input: 'a', value: 1 }, { input: 'b', value: 2 }], 60)
  t.equal(app.cache.stats().pendingWrites, 2, 'the writes are queued, not awaited')
  await app.close()
  t.equal(app.redis.status, 'end', 'the connection is closed')
  const stored = await redis.command('EXISTS', cacheKey(config.cache.keyPrefix, PROBE_NAMESPACE, 'a'), cacheKey(config.cache.keyPrefix, PROBE_NAMESPACE, 'b'))
  t.equal(Number(stored), 2, 'both writes reached Redis before it closed')
})

t.test('batch reads and writes are one round trip each', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await eventually(async () => (await app.inject('/ready')).json().redis === 'ready'))
  const inputs = Array.from({ length: 100 }, (_, i) => `text-${i}`)
  await redis.command('CONFIG', 'RESETSTAT')
  app.cache.safeMSet(PROBE_NAMESPACE, inputs.map((input, i) => ({ input, value: i })), 60)
  await app.cache.flush()
  const writes = await redis.command('INFO', 'commandstats')
  t.match(writes, /cmdstat_set:calls=100,/, '100 SETs …')

  const reader = await buildTestApp(t, { REDIS_URL: redis.url })
  await reader.app.ready()
  t.ok(await eventually(async () => (await reader.app.inject('/ready')).json().redis === 'ready'))
  await redis.command('CONFIG', 'RESETSTAT')
  const values = await reader.app.cache.safeMGet(PROBE_NAMESPACE, [...inputs, 'never-stored'])
  t.same(values, [...inputs.map((_, i) => i), undefined], 'values come back in input order, misses as undefined')
  const reads = await redis.command('INFO', 'commandstats')
  t.match(reads, /cmdstat_mget:calls=1,/, 'one MGET for 101 keys')
  t.notMatch(reads, /cmdstat_get:/, 'and no single GETs')

  await redis.command('CONFIG', 'RESETSTAT')
  await reader.app.cache.safeMGet(PROBE_NAMESPACE, inputs)
  t.notMatch(await redis.command('INFO', 'commandstats'), /cmdstat_mget/, 'a second read is answered by L1 alone')
})
