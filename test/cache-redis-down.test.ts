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
  const started = Date.now()
  const { app, logs } = await buildTestApp(t, { REDIS_URL: `redis://127.0.0.1:${await unusedPort()}` })
  const probe = addProbeRoute(app)
  await app.ready()
  t.ok(Date.now() - started < 2000, `boot did not wait for Redis (${Date.now() - started} ms)`)
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
})

t.test('Redis killed, then restarted: requests keep succeeding and L2 comes back by itself', async (t) => {
  const redis = await startRedisServer(t)
  const env = { REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS), CACHE_L2_MAX_RECONNECT_DELAY_MS: '100' }
  const { app, logs } = await buildTestApp(t, env)
  const probe = addProbeRoute(app)
  await app.ready()
  t.ok(await redisReady(app))

  await redis.kill()
  const durations: number[] = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: `down-${i}` } })
    durations.push(performance.now() - started)
    t.equal(response.statusCode, 200, `request ${i} succeeded`)
    t.equal(response.json().value, `fresh:down-${i}`)
  }
  // A refused connection fails at once (no offline queue): nothing waits even the command timeout.
  t.ok(Math.max(...durations) < 50 + 150, `no request stalled (slowest ${Math.max(...durations).toFixed(1)} ms)`)
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
