import t from 'tap'
import { hashInput } from '../src/cache/keys.ts'
import { buildTestApp, cacheKeysIn, eventually, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const DOMAIN = { domain: 'acme.com' }

t.test('a clear on one instance is a new generation for every instance, the running ones and the ones started later', async (t) => {
  const redis = await startRedisServer(t)
  const env = { REDIS_URL: redis.url }
  const a = await buildTestApp(t, env)
  const b = await buildTestApp(t, env)
  t.ok(await redisReady(a.app) && await redisReady(b.app))
  t.ok(await eventually(async () => /\n2$/.test(await redis.command('PUBSUB', 'NUMSUB', 'jobfit:invalidations'))), 'both subscribed')

  a.app.cache.safeSet('domain', 'Acme', DOMAIN, 3600)
  await a.app.cache.flush()
  t.same(await b.app.cache.safeGet('domain', 'Acme'), DOMAIN, 'b reads generation 0 through Redis')

  const cleared = (await a.app.inject({ method: 'POST', url: '/api/cache/clear-domains' })).json()
  t.equal(cleared.l2.generation, 1)
  await a.app.cache.flush()
  // A generation-0 value written after the purge (a late write of an old request) must stay unreachable.
  const oldKey = `jobfit:domain:v1:${hashInput('Old Corp')}`
  await redis.command('SET', oldKey, JSON.stringify({ v: 1, x: Date.now() + 3_600_000, d: { domain: 'old.example' } }))
  t.equal(await a.app.cache.safeGet('domain', 'Old Corp'), undefined, 'the instance that cleared no longer reads generation 0')
  t.ok(await eventually(async () => await b.app.cache.safeGet('domain', 'Old Corp') === undefined), 'nor does the other, told through the bus')
  t.equal(await b.app.cache.safeGet('domain', 'Acme'), undefined, 'and its L1 copy went too')
  await redis.command('DEL', oldKey)

  b.app.cache.safeSet('domain', 'Acme', { domain: 'acme.example' }, 3600)
  await b.app.cache.flush()
  t.same(await a.app.cache.safeGet('domain', 'Acme'), { domain: 'acme.example' }, 'both write and read generation 1')

  const late = await buildTestApp(t, env)
  t.ok(await redisReady(late.app, 15_000))
  t.ok(await eventually(async () => JSON.stringify(await late.app.cache.safeGet('domain', 'Acme')) === JSON.stringify({ domain: 'acme.example' }), 15_000),
    'an instance started after the clear reads the generation on connecting')
  await a.app.cache.flush()
  t.same((await cacheKeysIn(redis)).filter((key) => key.startsWith('jobfit:domain:')), [`jobfit:domain:v1:g1:${hashInput('Acme')}`],
    'the background purge removed every generation-0 key and kept generation 1')
})

t.test('a clear while Redis is down leaves the generation alone and says the L2 part failed', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: '200' })
  t.ok(await redisReady(app))
  await redis.kill()
  const cleared = (await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })).json()
  t.match(cleared, { l2: { status: 'failed', reason: /connection|circuit_open/, generation: null } })
})
