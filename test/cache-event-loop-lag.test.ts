import t from 'tap'
import { buildTestApp, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

/** Keeps the event loop busy, as a CPU-heavy request would. */
function blockEventLoop (ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

t.test('a blocked event loop is not a slow Redis: a reply that arrived meanwhile is used, the circuit stays closed', async (t) => {
  const redis = await startRedisServer(t)
  const env = { REDIS_URL: redis.url, CACHE_L2_COMMAND_TIMEOUT_MS: '50' }
  const writer = (await buildTestApp(t, env)).app
  const reader = (await buildTestApp(t, env)).app
  await Promise.all([writer.ready(), reader.ready()])
  t.ok(await redisReady(writer) && await redisReady(reader))
  const inputs = ['a', 'b', 'c']
  writer.cache.safeMSet(PROBE_NAMESPACE, inputs.map((input) => ({ input, value: `stored:${input}` })), 60)
  await writer.cache.flush()

  const single = reader.cache.safeGet(PROBE_NAMESPACE, 'a')
  blockEventLoop(150)
  t.equal(await single, 'stored:a', 'GET: the value, although the loop was blocked three times the timeout')
  const batch = reader.cache.safeMGet(PROBE_NAMESPACE, ['b', 'c'])
  blockEventLoop(150)
  t.same(await batch, ['stored:b', 'stored:c'], 'MGET too')

  t.equal(await metricValue(reader, 'cache_get_failures_total'), 0, 'no failure counted')
  t.equal(reader.cache.stats().l2.breaker, 'closed')
})
