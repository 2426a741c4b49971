import t from 'tap'
import { encode } from '../src/cache/serializer.ts'
import { sampleText } from './fixtures/texts/index.ts'
import { buildTestApp, metricValue, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import type { RedisServerHandle } from './helpers/redis-server.ts'

/**
 * A cached embedding of the right length whose components break the cosine (NaN, Infinity,
 * huge values) passes a length-only shape check; the scorer would then answer 500 on every
 * request, even after a restart. It must be a counted `corrupt` miss and a normal 200.
 */
let redis: RedisServerHandle

t.before(async () => {
  redis = await startRedisServer(t)
})

const request = {
  method: 'POST' as const,
  url: '/api/calculate-score',
  payload: { cv: sampleText('backend-engineer-cv'), jd: sampleText('backend-engineer-jd') }
}

const POISONS: ReadonlyArray<[string, number]> = [['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['1e30', 1e30]]

for (const [name, poison] of POISONS) {
  t.test(`cached vectors full of ${name} are corrupt misses, and the score is unchanged`, async (t) => {
    await redis.command('FLUSHALL')
    const first = await buildTestApp(t, { REDIS_URL: redis.url })
    await first.app.ready()
    t.ok(await redisReady(first.app))
    const healthy = await first.app.inject(request)
    t.equal(healthy.statusCode, 200)
    await first.app.cache.flush()

    // Every stored vector overwritten, under its own key, with one of the right length.
    const keys = (await redis.command('KEYS', `${first.config.cache.keyPrefix}:embedding:*`)).split('\n').filter((key) => key !== '')
    t.ok(keys.length >= 10, `the scoring cached its vectors (${keys.length})`)
    const vector = new Float32Array(first.config.ai.embeddingDimensions).fill(poison)
    for (const key of keys) await redis.command('SET', key, encode(vector, Date.now() + 3_600_000).text)

    // A fresh instance: empty L1, so every vector comes from Redis.
    const second = await buildTestApp(t, { REDIS_URL: redis.url })
    await second.app.ready()
    t.ok(await redisReady(second.app))
    const response = await second.app.inject(request)
    t.equal(response.statusCode, 200, 'answered, not a 500')
    t.same(response.json(), healthy.json(), 'recomputed, same answer')
    t.equal(await metricValue(second.app, 'cache_get_failures_total', { namespace: 'embedding', tier: 'l2', reason: 'corrupt' }), keys.length,
      'one corrupt miss per poisoned vector')
  })
}
