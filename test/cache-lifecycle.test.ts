import t from 'tap'
import { cacheKey, hashInput } from '../src/cache/keys.ts'
import { buildTestApp, cacheKeysIn, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

t.test('closing the app flushes pending L2 writes before the Redis connection goes', async (t) => {
  const redis = await startRedisServer(t)
  const { app, config } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await redisReady(app))
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
  t.ok(await redisReady(app))
  const inputs = Array.from({ length: 100 }, (_, i) => `text-${i}`)
  await redis.command('CONFIG', 'RESETSTAT')
  app.cache.safeMSet(PROBE_NAMESPACE, inputs.map((input, i) => ({ input, value: i })), 60)
  await app.cache.flush()
  const writes = await redis.command('INFO', 'commandstats')
  t.match(writes, /cmdstat_set:calls=100,/, '100 SETs …')

  const reader = await buildTestApp(t, { REDIS_URL: redis.url })
  await reader.app.ready()
  t.ok(await redisReady(reader.app))
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

t.test('stats with a healthy Redis: counters, breaker and INFO', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await redisReady(app))
  app.cache.safeSet(PROBE_NAMESPACE, 'a', 'value', 60)
  await app.cache.flush()
  await app.cache.safeGet(PROBE_NAMESPACE, 'a')
  await app.cache.safeGet(PROBE_NAMESPACE, 'missing')

  const response = await app.inject('/api/cache/stats')
  t.equal(response.statusCode, 200)
  t.equal((await cacheKeysIn(redis)).length, 1, 'one cached value (the rest are rate-limit counters)')
  t.match(response.json(), {
    enabled: true,
    partial: false,
    l1: { hits: 1, misses: 1, entries: 1 },
    l2: {
      configured: true,
      status: 'ready',
      breaker: 'closed',
      hits: 0,
      misses: 1,
      last_error: null,
      info: { version: /^\d+\.\d+/, role: 'master', keys: Number(await redis.command('DBSIZE')), max_memory_bytes: 0 },
      info_error: null
    },
    get_failures: { total: 0 },
    set_failures: { total: 0 },
    pending_writes: 0
  })
})

t.test('clear-domains empties the domain namespace in both tiers, in SCAN batches, and nothing else', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await redisReady(app))
  const domains = Array.from({ length: 1200 }, (_, i) => ({ input: `Company ${i}`, value: { domain: `company${i}.com` } }))
  app.cache.safeMSet('domain', domains, 3600)
  app.cache.safeSet(PROBE_NAMESPACE, 'kept', 'still here', 60)
  await app.cache.flush()
  t.equal((await cacheKeysIn(redis)).length, 1201)

  const response = await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.equal(response.statusCode, 200)
  t.same(response.json(), { namespace: 'domain', l1: { removed: 1200 }, l2: { status: 'ok', removed: 0, reason: null, message: null, generation: 1 } })
  t.equal(await app.cache.safeGet('domain', 'Company 7'), undefined, 'unreachable at once, before the background purge')
  app.cache.safeSet('domain', 'Company 8', { domain: 'new.example' }, 3600)
  await app.cache.flush()
  t.same(await cacheKeysIn(redis), [
    'jobfit:domain:v1:g1:' + hashInput('Company 8'),
    'jobfit:generations',
    cacheKey('jobfit', PROBE_NAMESPACE, 'kept')
  ].sort(), 'the old generation is gone from Redis; the new generation, the counter and the other namespace are left')
  t.equal(await app.cache.safeGet(PROBE_NAMESPACE, 'kept'), 'still here')

  const again = await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.equal(again.json().l2.generation, 2, 'each clear is one more generation')
  await app.cache.flush()
  t.equal((await cacheKeysIn(redis)).length, 2, 'the generation-1 key went too')
})

t.test('clear-domains without Redis reports the L2 part as skipped', async (t) => {
  const { app } = await buildTestApp(t)
  app.cache.safeSet('domain', 'Acme', { domain: 'acme.com' }, 60)
  const response = await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.same(response.json(), { namespace: 'domain', l1: { removed: 1 }, l2: { status: 'skipped', removed: 0, reason: null, message: null, generation: null } })
})

t.test('closing the app lets an in-flight request finish, then closes its keep-alive connection', async (t) => {
  const { app } = await buildTestApp(t)
  const inHandler = Promise.withResolvers<void>()
  const closing = Promise.withResolvers<void>()
  app.get('/test/slow', async () => {
    inHandler.resolve()
    await closing.promise
    return { done: true }
  })
  // The request finishes once closing has begun (this hook runs after the plugin's own preClose).
  app.addHook('preClose', async () => { closing.resolve() })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  const inFlight = fetch(`${address}/test/slow`)
  // close() only once the request is in the handler: the point is a request in flight, not one
  // still being accepted.
  await inHandler.promise
  const closed = app.close()
  const response = await inFlight
  t.equal(response.status, 200)
  t.same(await response.json(), { done: true })
  t.equal(response.headers.get('connection'), 'close', 'the client is told not to reuse the connection')
  // fetch keeps the connection alive; close() must not wait for the server's keep-alive timeout
  // (Fastify's default is 72 s), so a bound well below it is generous and still meaningful.
  const KEEP_ALIVE_TIMEOUT_MS = 72_000
  const closeStarted = Date.now()
  await closed
  t.ok(Date.now() - closeStarted < KEEP_ALIVE_TIMEOUT_MS / 4, `close() did not wait for the client's keep-alive (${Date.now() - closeStarted} ms)`)
})

t.test('a delete or a clear drops the writes still queued for those keys', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await redisReady(app))
  app.cache.safeSet(PROBE_NAMESPACE, 'deleted', 'v', 60)
  app.cache.safeSet(PROBE_NAMESPACE, 'kept', 'v', 60)
  app.cache.safeSet('domain', 'Acme', { domain: 'acme.com' }, 60)
  const deleting = app.cache.safeDel(PROBE_NAMESPACE, 'deleted')
  const clearing = app.cache.clearNamespace('domain')
  await Promise.all([deleting, clearing, app.cache.flush()])
  t.same(await cacheKeysIn(redis), [cacheKey('jobfit', PROBE_NAMESPACE, 'kept'), 'jobfit:generations'].sort(),
    'only the untouched key (and the domain generation) reached Redis')
  t.equal(await app.cache.safeGet(PROBE_NAMESPACE, 'deleted'), undefined)
  t.equal(await app.cache.safeGet(PROBE_NAMESPACE, 'kept'), 'v')
})

t.test('a TTL that is not positive stores nothing', async (t) => {
  const { app } = await buildTestApp(t)
  app.cache.safeSet(PROBE_NAMESPACE, 'zero', 'v', 0)
  app.cache.safeSet(PROBE_NAMESPACE, 'nan', 'v', Number.NaN)
  t.equal(app.cache.stats().l1.entries, 0)
})
