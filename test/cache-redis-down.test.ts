import net from 'node:net'
import t from 'tap'
import { addProbeRoute, buildTestApp, cacheKeysIn, eventually, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const COOLDOWN_MS = 300

async function unusedPort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

t.test('boot with no Redis at all: the service serves from L1 and says so', async (t) => {
  // ioredis retries a refused port forever: had boot waited for Redis, ready() would never resolve.
  const { app, logs } = await buildTestApp(t, { REDIS_URL: `redis://127.0.0.1:${await unusedPort()}` })
  const probe = addProbeRoute(app)
  await app.ready()
  t.ok(app.hasDecorator('redis'), 'fastify.redis is still decorated')

  for (let i = 0; i < 3; i++) {
    const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'same' } })
    t.same(response.json(), { value: 'fresh:same' })
  }
  t.equal(probe.computations, 1, 'L1 still caches')
  t.ok(['down', 'circuit_open'].includes((await app.inject('/ready')).json().redis))
  t.equal((await app.inject('/ready')).statusCode, 200, 'a missing Redis does not make the service unready')
  t.ok(await metricValue(app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, tier: 'l2', reason: 'connection' }) >= 1)
  t.ok(logs.warnings('⚠️  Cache retrieval failed:').some((line) => line.reason === 'connection'))
  t.match(logs.lines.filter((line) => line.msg.startsWith('Cache mode:')), [{ cacheMode: 'l2', topology: 'standalone', redis: /^127\.0\.0\.1:\d+$/ }],
    'boot logged the cache mode once, with where Redis should be')
  t.equal(logs.warnings('⚠️  Redis did not answer at boot').length, 1, 'and, once, that Redis did not answer')
})

t.test('Redis killed, then restarted: requests keep succeeding and L2 comes back by itself', async (t) => {
  const redis = await startRedisServer(t)
  const env = { REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS), CACHE_L2_MAX_RECONNECT_DELAY_MS: '100' }
  const { app, logs } = await buildTestApp(t, env)
  const probe = addProbeRoute(app)
  await app.ready()
  t.ok(await redisReady(app))

  await redis.kill()
  for (let i = 0; i < 20; i++) {
    const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: `down-${i}` } })
    t.equal(response.statusCode, 200, `request ${i} succeeded`)
    t.equal(response.json().value, `fresh:down-${i}`)
  }
  // A refused connection fails at once (no offline queue): no read waited for the command timeout.
  t.equal(await metricValue(app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, reason: 'timeout' }), 0,
    'no read failed by timing out: each one failed at once')
  await app.cache.flush()
  t.equal(probe.computations, 20)
  t.ok(await metricValue(app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE, reason: 'connection' }) >= 1, 'connection failures counted')
  t.ok(await metricValue(app, 'cache_set_failures_total', { namespace: PROBE_NAMESPACE }) >= 1, 'lost writes counted')
  t.ok(logs.warnings('⚠️  Cache storage failed:').some((line) => line.msg.endsWith('Result not cached, but returned to user.')),
    'a ⚠️ storage warning was logged')
  t.ok(logs.lines.some((line) => /Redis connection lost/.test(line.msg)), 'the lost connection was logged once')

  await redis.restart()
  t.ok(await redisReady(app), 'reconnected and breaker closed')
  await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'after' } })
  await app.cache.flush()
  t.ok(await eventually(async () => (await cacheKeysIn(redis)).length === 1), 'L2 writes resumed')
})
