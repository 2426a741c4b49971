import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { decode, FORMAT_VERSION } from '../src/cache/serializer.ts'
import { addProbeRoute, buildTestApp, eventually, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import type { TapTest, TestApp } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import type { RedisServerHandle } from './helpers/redis-server.ts'

/** One private Redis for this file; each test restores it with clearFaults(). */
let redis: RedisServerHandle

t.before(async () => {
  redis = await startRedisServer(t)
})

async function connectedApp (t: TapTest): Promise<TestApp & { probe: { computations: number } }> {
  const testApp = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: '200', CACHE_L2_MAX_RECONNECT_DELAY_MS: '100' })
  const probe = addProbeRoute(testApp.app)
  await testApp.app.ready()
  t.ok(await redisReady(testApp.app), 'connected')
  return { ...testApp, probe }
}

async function askProbe (testApp: TestApp, input: string): Promise<void> {
  const response = await testApp.app.inject({ method: 'POST', url: '/test/probe', payload: { input } })
  if (response.statusCode !== 200 || response.json().value !== `fresh:${input}`) {
    throw new Error(`probe failed: ${response.statusCode} ${response.body}`)
  }
}

t.test('maxmemory reached with noeviction: writes are lost and counted as "oom", reads still work', async (t) => {
  t.teardown(() => redis.clearFaults())
  const testApp = await connectedApp(t)
  await askProbe(testApp, 'stored-before')
  await testApp.app.cache.flush()
  await redis.fillToOom()

  await askProbe(testApp, 'after-oom')
  await testApp.app.cache.flush()
  t.equal(await metricValue(testApp.app, 'cache_set_failures_total', { namespace: PROBE_NAMESPACE, tier: 'l2', reason: 'oom' }), 1)
  t.equal(testApp.app.cache.stats().replayQueue.writes, 0, 'a write refused for want of memory is not queued for replay')
  t.match(testApp.logs.warnings('⚠️  Cache storage failed:'), [{ reason: 'oom', namespace: PROBE_NAMESPACE, tier: 'l2' }])
  t.equal(testApp.app.cache.stats().l2.breaker, 'closed', 'a refused write does not open the breaker')

  const reader = await connectedApp(t)
  await askProbe(reader, 'stored-before')
  t.equal(reader.probe.computations, 0, 'a value stored before the OOM is still read from L2')
})

t.test('a read-only replica: writes are counted as "readonly"', async (t) => {
  t.teardown(() => redis.clearFaults())
  const testApp = await connectedApp(t)
  await redis.makeReadonlyReplica()
  // Straight through the cache: an HTTP request passes the rate limiter first, whose own Redis
  // command would meet READONLY first and send the connection to re-discover the master.
  testApp.app.cache.safeSet(PROBE_NAMESPACE, 'readonly', 'fresh:readonly', 3600)
  await testApp.app.cache.flush()
  t.equal(await metricValue(testApp.app, 'cache_set_failures_total', { namespace: PROBE_NAMESPACE, reason: 'readonly' }), 1)
  t.match(testApp.logs.warnings('⚠️  Cache storage failed:'), [{ reason: 'readonly' }])
})

t.test('a password set on the server: failures say "auth", requests still succeed, and it recovers', async (t) => {
  t.teardown(() => redis.clearFaults())
  const testApp = await connectedApp(t)
  // The server drops our connection; the reconnection's handshake is refused with NOAUTH.
  await redis.requirePassword('s3cret')
  t.ok(await eventually(async () => {
    await askProbe(testApp, `auth-${Date.now()}`)
    return await metricValue(testApp.app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, reason: 'auth' }) >= 1
  }), 'NOAUTH classified as "auth"')
  t.ok(testApp.logs.warnings('⚠️  Cache retrieval failed:').some((line) => line.reason === 'auth'))
  t.match(testApp.app.cache.stats().l2.lastFailure, { reason: 'auth' }, 'stats name the cause')

  await redis.clearFaults()
  const recovered = await redisReady(testApp.app)
  t.ok(recovered, 'reconnects once the password is gone', { status: testApp.app.redis.status, stats: testApp.app.cache.stats().l2 })
})

t.test('garbage under a cache key is a "corrupt" miss and gets overwritten', async (t) => {
  const testApp = await connectedApp(t)
  const key = cacheKey(testApp.config.cache.keyPrefix, PROBE_NAMESPACE, 'garbled')
  await redis.command('SET', key, 'not json at all')

  await askProbe(testApp, 'garbled')
  t.equal(testApp.probe.computations, 1, 'recomputed instead of trusting the garbage')
  t.equal(await metricValue(testApp.app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, tier: 'l2', reason: 'corrupt' }), 1)
  t.match(testApp.logs.warnings('⚠️  Cache retrieval failed:'), [{ reason: 'corrupt' }])

  await testApp.app.cache.flush()
  const stored = decode<string>(await redis.command('GET', key))
  t.match(stored, { ok: true, value: 'fresh:garbled' }, 'the corrupt value was overwritten')
})

t.test('a stored value that fails the caller\'s shape check is "corrupt" too', async (t) => {
  const testApp = await connectedApp(t)
  const key = cacheKey(testApp.config.cache.keyPrefix, PROBE_NAMESPACE, 'wrong-shape')
  await redis.command('SET', key, JSON.stringify({ v: FORMAT_VERSION, x: Date.now() + 60_000, d: { not: 'a string' } }))
  await askProbe(testApp, 'wrong-shape')
  t.equal(testApp.probe.computations, 1)
  t.equal(await metricValue(testApp.app, 'cache_get_failures_total', { reason: 'corrupt' }), 1)
})

t.test('a server stuck in a script answers BUSY: failures say "busy", requests still succeed', async (t) => {
  const testApp = await connectedApp(t)
  await redis.command('CONFIG', 'SET', 'busy-reply-threshold', '10')
  t.teardown(async () => {
    await redis.command('SCRIPT', 'KILL').catch(() => {})
    await redis.command('CONFIG', 'SET', 'busy-reply-threshold', '5000')
  })
  // Runs until SCRIPT KILL; its own client gives up waiting, the server stays busy.
  const stuck = redis.rawCommand(['EVAL', 'while true do end', '0'], { timeoutMs: 200 }).catch(() => {})
  await new Promise((resolve) => setTimeout(resolve, 50))

  t.ok(await eventually(async () => {
    await askProbe(testApp, `busy-${Date.now()}`)
    return await metricValue(testApp.app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, reason: 'busy' }) >= 1
  }), 'BUSY classified as "busy"')
  await stuck
  await redis.command('SCRIPT', 'KILL')
  t.ok(await redisReady(testApp.app), 'recovers once the script is killed')
})
