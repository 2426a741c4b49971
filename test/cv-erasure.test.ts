import { randomBytes } from 'node:crypto'
import t from 'tap'
import { buildTestApp, cacheKeysIn, eventually, metricValue, redisReady } from './helpers/app.ts'
import type { TestApp } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import { sampleText } from './fixtures/texts/index.ts'

const OLD_KEY = `old:${randomBytes(32).toString('base64')}`
const NEW_KEY = `new:${randomBytes(32).toString('base64')}`
const CV = sampleText('backend-engineer-cv')
const JD = sampleText('backend-engineer-jd')
const PERSONAL = ['Daniel Okafor', 'daniel.okafor@example.com', 'Okafor', '555 014 2398']

async function l1Has (app: TestApp['app'], text: string): Promise<boolean> {
  const before = app.cache.stats().l1.hits
  await app.cache.safeGet('cv', { provider: app.ai.provider.id, text })
  return app.cache.stats().l1.hits > before
}

t.test('CV-derived values are sealed in Redis; keys rotate; an unknown key id is a counted corrupt miss', async (t) => {
  const redis = await startRedisServer(t)
  const writer = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_ENCRYPTION_KEYS: OLD_KEY })
  t.ok(await redisReady(writer.app))
  const scored = await writer.app.inject({ method: 'POST', url: '/api/calculate-score', payload: { cv: CV, jd: JD } })
  t.equal(scored.statusCode, 200)
  await writer.app.cache.flush()

  const keys = await cacheKeysIn(redis)
  t.ok(keys.some((key) => key.startsWith('jobfit:cv:')) && keys.some((key) => key.startsWith('jobfit:role:')) &&
    keys.some((key) => key.startsWith('jobfit:industries:')), 'parse result, role and industries are in Redis')
  for (const key of keys) {
    const type = await redis.command('TYPE', key)
    const stored = type === 'string' ? await redis.command('GET', key) : await redis.command('SMEMBERS', key)
    for (const personal of PERSONAL) t.notOk(stored.includes(personal), `${key.split(':').slice(0, 2).join(':')}: no "${personal}"`)
    if (/^jobfit:(cv|role|industries):/.test(key)) t.match(stored, /^enc1\.old\./, `${key.split(':')[1]} is sealed with key "old"`)
  }

  const rotated = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_ENCRYPTION_KEYS: `${NEW_KEY},${OLD_KEY}` })
  t.ok(await redisReady(rotated.app))
  const parsed = await rotated.app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: CV } })
  t.equal(await metricValue(rotated.app, 'cache_hits_total', { namespace: 'cv', tier: 'l2' }), 1, 'the old key still opens after rotation')
  t.equal(parsed.json().name, 'Daniel Okafor')

  const forgotten = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_ENCRYPTION_KEYS: NEW_KEY })
  t.ok(await redisReady(forgotten.app))
  const again = await forgotten.app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: CV } })
  t.equal(again.statusCode, 200, 'a value sealed with a dropped key is only a miss')
  t.equal(await metricValue(forgotten.app, 'cache_get_failures_total', { namespace: 'cv', reason: 'corrupt' }), 1, 'counted as corrupt')
  await forgotten.app.cache.flush()
  t.match(await redis.command('GET', keys.find((key) => key.startsWith('jobfit:cv:'))!), /^enc1\.new\./, 'and rewritten with the new key')
})

t.test('DELETE /api/cv erases parse result, role and industries from Redis and from every instance\'s L1', async (t) => {
  const redis = await startRedisServer(t)
  const a = await buildTestApp(t, { REDIS_URL: redis.url })
  const b = await buildTestApp(t, { REDIS_URL: redis.url })
  t.ok(await redisReady(a.app) && await redisReady(b.app))

  const parsed = await b.app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: CV } })
  const cvId = parsed.json().cv_id
  t.match(cvId, /^[0-9a-f]{64}$/, 'the parse answer carries cv_id')
  const scored = await a.app.inject({ method: 'POST', url: '/api/calculate-score', payload: { cv: CV, jd: JD } })
  t.equal(scored.json().cv_id, cvId, 'the score answer carries the same cv_id')
  const { cv_id: _id, ...object } = parsed.json()
  t.equal((await a.app.inject({ method: 'POST', url: '/api/calculate-score', payload: { cv: parsed.json(), jd: JD } })).json().cv_id, cvId,
    'a parsed CV sent back with its cv_id keeps it')
  t.equal((await a.app.inject({ method: 'POST', url: '/api/calculate-score', payload: { cv: object, jd: JD } })).json().cv_id, null)
  await Promise.all([a.app.cache.flush(), b.app.cache.flush()])
  t.ok(await l1Has(b.app, CV), 'instance b holds the parse result in L1')
  const personalKeys = (await cacheKeysIn(redis)).filter((key) => /^jobfit:(cv|role|industries|owner):/.test(key))
  t.equal(personalKeys.length, 4, 'parse result, role, industries and the CV\'s index')

  const remote = await a.app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId }, remoteAddress: '203.0.113.5' })
  t.equal(remote.statusCode, 403, 'erasure is not open to the network without credentials')

  const erased = await a.app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId } })
  t.equal(erased.statusCode, 200)
  t.same(erased.json(), { cv_id: cvId, keys: 3, l1: { removed: 3 }, l2: { status: 'ok', removed: 3 } })
  t.same((await cacheKeysIn(redis)).filter((key) => /^jobfit:(cv|role|industries|owner):/.test(key)), [], 'nothing of the CV is left in Redis')
  t.ok(await eventually(async () => !(await l1Has(b.app, CV))), 'instance b dropped it from L1 through the bus')

  const twice = await a.app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId } })
  t.same(twice.json(), { cv_id: cvId, keys: 1, l1: { removed: 0 }, l2: { status: 'ok', removed: 0 } }, 'erasing again finds nothing')
})

t.test('DELETE /api/cv by text finds the derived entries from the cached parse result even without an index', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url, API_KEYS: 'client-key-0123456789abcdef' })
  t.ok(await redisReady(app))
  const headers = { 'x-api-key': 'client-key-0123456789abcdef' }
  await app.inject({ method: 'POST', url: '/api/calculate-score', payload: { cv: CV, jd: JD }, headers })
  await app.cache.flush()
  const index = (await cacheKeysIn(redis)).find((key) => key.startsWith('jobfit:owner:'))!
  await redis.command('DEL', index)
  const erased = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { text: CV }, headers, remoteAddress: '203.0.113.5' })
  t.equal(erased.statusCode, 200, 'an API key may erase')
  t.match(erased.json(), { keys: 3, l2: { status: 'ok', removed: 3 } })
  t.same((await cacheKeysIn(redis)).filter((key) => /^jobfit:(cv|role|industries):/.test(key)), [])
  const blank = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { text: '  ' }, headers })
  t.equal(blank.statusCode, 400)
  const both = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { text: CV, cv_id: 'a'.repeat(64) }, headers })
  t.equal(both.statusCode, 400)
  const badId = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: 'Daniel' }, headers })
  t.equal(badId.statusCode, 400)
})

t.test('with Redis hung the erasure answers 503 with Retry-After, having emptied L1', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  t.ok(await redisReady(app))
  const cvId = (await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: CV } })).json().cv_id
  await app.cache.flush()
  redis.pause()
  t.teardown(() => redis.resume())
  const response = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId } })
  t.equal(response.statusCode, 503)
  t.equal(response.headers['retry-after'], '5')
  t.match(response.json(), { statusCode: 503, error: 'Service Unavailable', message: /Removed 1 cached entries from this instance's memory, but Redis could not be reached \((timeout|circuit_open)\)/ })
  t.notOk(await l1Has(app, CV), 'the L1 copy is gone')
  redis.resume()
  t.ok(await redisReady(app, 10_000))
  const retried = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId } })
  t.match(retried.json(), { l2: { status: 'ok', removed: 1 } }, 'the retry erases the stored copy')
})

t.test('without Redis the erasure concerns L1 only and says so', async (t) => {
  const { app } = await buildTestApp(t)
  await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: CV } })
  const erased = await app.inject({ method: 'DELETE', url: '/api/cv', payload: { text: CV } })
  t.match(erased.json(), { keys: 3, l1: { removed: 1 }, l2: { status: 'skipped', removed: 0 } }, 'parse result found in L1; its role and industries were never computed')
})

t.test('a CV scored again after its erasure is indexed again, on every instance', async (t) => {
  const redis = await startRedisServer(t)
  const a = await buildTestApp(t, { REDIS_URL: redis.url })
  const b = await buildTestApp(t, { REDIS_URL: redis.url })
  t.ok(await redisReady(a.app) && await redisReady(b.app))
  const request = { method: 'POST' as const, url: '/api/calculate-score', payload: { cv: CV, jd: JD } }
  const cvId = (await b.app.inject(request)).json().cv_id
  await b.app.cache.flush()
  await redis.command('CONFIG', 'RESETSTAT')
  await b.app.inject(request)
  t.notMatch(await redis.command('INFO', 'commandstats'), /cmdstat_sadd/, 'scoring the same CV again does not rewrite its index')
  t.equal((await a.app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId } })).json().keys, 3)
  t.ok(await eventually(async () => !(await l1Has(b.app, CV))), 'b was told')
  await b.app.inject(request)
  await b.app.cache.flush()
  t.ok(await eventually(async () => (await redis.command('SCARD', `jobfit:owner:${cvId}`)) === '2'), 'b indexed the new role and industries')
  t.match((await a.app.inject({ method: 'DELETE', url: '/api/cv', payload: { cv_id: cvId } })).json(), { keys: 3, l2: { removed: 3 } })
})
