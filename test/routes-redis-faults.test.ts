import t from 'tap'
import { sampleText } from './fixtures/texts/index.ts'
import { buildTestApp, metricValue, redisReady } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import type { RedisServerHandle } from './helpers/redis-server.ts'

const ROUTES = [
  { url: '/api/parse', payload: { text: sampleText('icu-nurse-jd') }, namespaces: ['jd'] },
  { url: '/api/parse-cv', payload: { text: sampleText('marketing-manager-cv') }, namespaces: ['cv'] },
  { url: '/api/find-domain', payload: { company_name: 'Umbrella Pharmaceuticals plc', location: 'London' }, namespaces: ['domain'] },
  {
    url: '/api/calculate-score',
    payload: { cv: sampleText('nurse-cv'), jd: sampleText('icu-nurse-jd') },
    namespaces: ['jd', 'cv', 'role', 'industries', 'embedding']
  }
]

const FAULTS: Record<string, (redis: RedisServerHandle) => Promise<void> | void> = {
  killed: (redis) => redis.kill(),
  hung: (redis) => redis.pause()
}

async function failures (app: Awaited<ReturnType<typeof buildTestApp>>['app'], namespace: string): Promise<number> {
  return await metricValue(app, 'cache_get_failures_total', { namespace }) + await metricValue(app, 'cache_set_failures_total', { namespace })
}

async function faultyApp (t: TapTest, fault: string) {
  const redis = await startRedisServer(t)
  const built = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: '60000' })
  await built.app.ready()
  t.ok(await redisReady(built.app), 'Redis was up before the fault')
  await FAULTS[fault]?.(redis)
  return built
}

for (const fault of Object.keys(FAULTS)) {
  t.test(`Redis ${fault}: every route still answers 200 with the same result, and the failures are counted`, async (t) => {
    const healthy = (await buildTestApp(t)).app
    const { app, logs } = await faultyApp(t, fault)
    for (const { url, payload, namespaces } of ROUTES) {
      const response = await app.inject({ method: 'POST', url, payload })
      t.equal(response.statusCode, 200, `${url}: 200`)
      t.same(response.json(), (await healthy.inject({ method: 'POST', url, payload })).json(), `${url}: the answer a healthy service gives`)
      await app.cache.flush()
      const counted = await Promise.all(namespaces.map((namespace) => failures(app, namespace)))
      t.ok(counted.some((count) => count > 0), `${url}: a cache failure was counted (${namespaces.join(', ')}: ${counted.join(', ')})`)
    }
    t.ok(logs.warnings('⚠️  Cache').length > 0, 'and logged as ⚠️ warnings')
  })
}
