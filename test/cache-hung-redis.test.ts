import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { addProbeRoute, buildTestApp, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const COMMAND_TIMEOUT_MS = 50
const COOLDOWN_MS = 300
/**
 * A call that took longer than this stalled. Without the command timeout a call to a SIGSTOPped
 * Redis never returns, so the bound can be 100 times the timeout: a loaded 2-core machine adds
 * scheduling delay, not a stall. The tight figure is measured in bench/, not asserted here.
 */
const STALL_MS = 100 * COMMAND_TIMEOUT_MS

/** How many L2 reads failed by timing out so far: each one is a call that waited for Redis. */
async function timeouts (app: FastifyInstance): Promise<number> {
  return metricValue(app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, tier: 'l2', reason: 'timeout' })
}

/** Probes of the L2 tier that failed (they time out while Redis is hung). */
async function failedProbes (app: FastifyInstance): Promise<number> {
  return metricValue(app, 'cache_l2_operation_duration_seconds_count', { operation: 'probe', outcome: 'error' })
}

t.test('a SIGSTOPped Redis costs at most one bounded wait per probe interval', async (t) => {
  const redis = await startRedisServer(t)
  const env = {
    REDIS_URL: redis.url,
    CACHE_L2_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS),
    CACHE_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
    // One timeout opens it (a window of one call) and probes keep the base cool-down: what is
    // measured is the wait per probe interval.
    CACHE_BREAKER_MIN_CALLS: '1',
    CACHE_BREAKER_MAX_COOLDOWN_MS: String(COOLDOWN_MS),
    CACHE_BREAKER_COOLDOWN_JITTER_PERCENT: '0'
  }
  const { app, logs } = await buildTestApp(t, env)
  const probe = addProbeRoute(app)
  await app.ready()
  t.ok(await redisReady(app), 'connected to the private Redis')

  redis.pause()

  const first = Date.now()
  const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'while-hung' } })
  const firstMs = Date.now() - first
  t.equal(response.statusCode, 200)
  t.same(response.json(), { value: 'fresh:while-hung' }, 'the request got the freshly computed value')
  t.ok(firstMs < STALL_MS, `first call bounded by the command timeout (${firstMs} ms)`)
  t.ok(await timeouts(app) >= 1, 'the read timeout was counted with reason "timeout"')
  await app.cache.flush()
  t.ok(await metricValue(app, 'cache_set_failures_total', { namespace: PROBE_NAMESPACE, tier: 'l2' }) >= 1,
    'the lost write was counted')
  const warning = logs.warnings('⚠️  Cache retrieval failed:').find((line) => line.reason === 'timeout')
  t.ok(warning, 'a ⚠️ retrieval warning was logged')
  t.match(warning, { namespace: PROBE_NAMESPACE, tier: 'l2', reason: 'timeout', msg: /Falling back to fresh calculation\.$/ })
  t.equal((await app.inject('/ready')).json().redis, 'circuit_open', 'readiness reports the open circuit, still 200')

  // 200 sequential uncached reads while Redis stays hung. Which of them waited is counted by the
  // timeouts they caused, not guessed from their durations (which a busy machine stretches).
  const durations: number[] = []
  const timeoutsBefore = await timeouts(app)
  const started = Date.now()
  for (let i = 0; i < 200; i++) {
    const callStarted = performance.now()
    const value = await app.cache.safeGet(PROBE_NAMESPACE, `uncached-${i}`)
    durations.push(performance.now() - callStarted)
    if (value !== undefined) t.fail('an uncached read returned a value')
  }
  const totalMs = Date.now() - started
  const slowest = Math.max(...durations)
  const waited = await timeouts(app) - timeoutsBefore
  const probeWindows = Math.ceil(totalMs / COOLDOWN_MS) + 1
  t.comment(`200 sequential uncached safeGet calls with Redis SIGSTOPped: ${totalMs} ms in total, slowest ${slowest.toFixed(1)} ms, ${waited} waited for a probe`)
  t.ok(slowest < STALL_MS, `no call stalled (slowest ${slowest.toFixed(1)} ms)`)
  t.ok(waited <= probeWindows, `at most one call per probe interval waited (${waited} in ${probeWindows} intervals)`)
  t.ok(await metricValue(app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, reason: 'circuit_open' }) >= 150,
    'calls refused by the open circuit are counted as circuit_open')

  // The same bound when calls spread over several probe intervals, so that probes do happen.
  const spaced: number[] = []
  const spacedTimeoutsBefore = await timeouts(app)
  const probesBefore = await failedProbes(app)
  const spacedStarted = Date.now()
  while (Date.now() - spacedStarted < 4 * COOLDOWN_MS) {
    const callStarted = performance.now()
    await app.cache.safeGet(PROBE_NAMESPACE, `spaced-${spaced.length}`)
    spaced.push(performance.now() - callStarted)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const spacedWaits = await timeouts(app) - spacedTimeoutsBefore
  const spacedMs = Date.now() - spacedStarted
  const spacedWindows = Math.ceil(spacedMs / COOLDOWN_MS) + 1
  t.comment(`${spaced.length} spaced calls over ${spacedMs} ms: ${spacedWaits} waited, slowest ${Math.max(...spaced).toFixed(1)} ms`)
  t.ok(Math.max(...spaced) < STALL_MS, 'still bounded by the command timeout')
  // The probe after each cool-down is the tier's own (a request never has to be it).
  t.ok(await failedProbes(app) > probesBefore, 'the breaker probed Redis again after its cooldown')
  t.ok(spacedWaits <= spacedWindows, `at most one wait per probe interval (${spacedWaits} in ${spacedWindows} intervals)`)

  const stats = await app.inject('/api/cache/stats')
  t.equal(stats.statusCode, 200, 'stats answer while Redis is hung')
  t.equal(stats.json().partial, true, 'and say their Redis part is missing')
  t.equal(stats.json().l2.info, null)
  t.ok(stats.json().get_failures.by_reason.timeout >= 1)

  const lostWritesBefore = await metricValue(app, 'cache_set_failures_total')
  const cleared = await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.equal(cleared.statusCode, 200, 'clear-domains answers while Redis is hung')
  t.equal(cleared.json().l2.status, 'failed', 'and reports the L2 part as failed')
  const clearReason = cleared.json().l2.reason
  t.ok(['timeout', 'circuit_open'].includes(clearReason))
  t.equal(await metricValue(app, 'cache_clear_failures_total', { namespace: 'domain', tier: 'l2', reason: clearReason }), 1, 'counted as a failed clear')
  t.equal(await metricValue(app, 'cache_set_failures_total'), lostWritesBefore, 'not as a lost write')
  t.match(logs.warnings('⚠️  Cache clear failed:'), [{ namespace: 'domain', reason: clearReason, msg: /L1 was cleared/ }], 'and logged as one')
  t.equal((await app.inject('/api/cache/stats')).json().clear_failures.total, 1)
  t.equal(probe.computations, 1)

  redis.resume()
  t.ok(await redisReady(app),
    'the breaker closes by itself once Redis answers again')
})

t.test('L2 hits resume after the hang: a value stored by another instance is read from Redis', async (t) => {
  const redis = await startRedisServer(t)
  const env = { REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS) }
  const writer = await buildTestApp(t, env)
  addProbeRoute(writer.app)
  const reader = await buildTestApp(t, env)
  const readerProbe = addProbeRoute(reader.app)
  await Promise.all([writer.app.ready(), reader.app.ready()])
  await redisReady(reader.app)

  redis.pause()
  const duringHang = await reader.app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'other' } })
  t.equal(duringHang.statusCode, 200)
  redis.resume()
  t.ok(await redisReady(reader.app), 'breaker closed again')

  await writer.app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'shared' } })
  await writer.app.cache.flush()
  const before = await metricValue(reader.app, 'cache_hits_total', { namespace: PROBE_NAMESPACE, tier: 'l2' })
  const response = await reader.app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'shared' } })
  t.same(response.json(), { value: 'fresh:shared' })
  t.equal(await metricValue(reader.app, 'cache_hits_total', { namespace: PROBE_NAMESPACE, tier: 'l2' }), before + 1, 'served from L2')
  t.equal(readerProbe.computations, 1, 'the reader computed only during the hang')
})

t.test('boot succeeds while Redis is hung, and the first request is bounded', async (t) => {
  const redis = await startRedisServer(t)
  redis.pause()
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_L2_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS) })
  addProbeRoute(app)
  // A SIGSTOPped Redis accepts the TCP connection and never answers: a boot that waited for it
  // would never finish. It finished, and Redis has still not answered.
  await app.ready()
  t.not((await app.inject('/ready')).json().redis, 'ready', 'boot finished before Redis answered anything')
  const started = Date.now()
  const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'x' } })
  t.equal(response.statusCode, 200)
  t.same(response.json(), { value: 'fresh:x' }, 'the first request got a freshly computed value')
  t.ok(Date.now() - started < STALL_MS, 'first request bounded by the command timeout')
  redis.resume()
})
