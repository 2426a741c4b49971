import t from 'tap'
import { buildTestApp, metricValue, redisReady } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import { addressId } from '../src/http/credentials.ts'

const LIMITS = { RATE_LIMIT_COMPUTE_MAX: '4', RATE_LIMIT_READ_MAX: '50', RATE_LIMIT_ADMIN_MAX: '2', RATE_LIMIT_WINDOW_MS: '60000' }
const PARSE = { method: 'POST' as const, url: '/api/parse', payload: { text: 'Senior engineer' } }
/** "Never stalls" on a busy 2-core machine: far above the 50 ms deadline, far below a hang. */
const STALL_MS = 3000

async function statuses (count: number, send: () => Promise<{ statusCode: number }>): Promise<number[]> {
  const codes: number[] = []
  for (let i = 0; i < count; i++) codes.push((await send()).statusCode)
  return codes
}

function assertLimited (t: TapTest, response: { statusCode: number, headers: Record<string, unknown>, json (): unknown }): void {
  t.equal(response.statusCode, 429)
  t.match(response.headers['retry-after'], /^\d+$/, 'Retry-After in seconds')
  t.ok(Number(response.headers['retry-after']) > 0 && Number(response.headers['retry-after']) <= 60)
  t.match(response.json(), { statusCode: 429, error: 'Too Many Requests', message: /Rate limit of \d+ requests per 60 s exceeded/ })
}

t.test('without Redis: per client and per route class, 429 with Retry-After in Fastify shape', async (t) => {
  const { app } = await buildTestApp(t, LIMITS)
  await app.ready()
  t.same(await statuses(5, () => app.inject(PARSE)), [200, 200, 200, 200, 429], 'the fifth compute request in the window is refused')
  assertLimited(t, await app.inject(PARSE))
  t.equal((await app.inject({ ...PARSE, url: '/api/calculate-score', payload: { cv: 'x', jd: 'y' } })).statusCode, 429,
    'the limit is per class: another compute route shares it')
  t.equal((await app.inject('/health')).statusCode, 200, 'reads have their own limit')
  t.equal((await app.inject({ ...PARSE, remoteAddress: '198.51.100.4' })).statusCode, 200, 'another client has its own count')
  t.same(await statuses(3, () => app.inject('/api/cache/stats')), [200, 200, 429], 'admin routes are limited too')
  t.ok(await metricValue(app, 'rate_limit_exceeded_total', { class: 'compute' }) >= 2, 'refusals are counted by class')
  const probing = await statuses(50, () => app.inject('/no/such/route'))
  t.same(probing.slice(0, 48), new Array(48).fill(404), 'unmatched URLs answer 404 …')
  t.equal(probing.at(-1), 429, '… and count as reads (with /health and /metrics before: 50)')
  t.match((await app.inject('/another/one')).json(), { statusCode: 429, error: 'Too Many Requests' })
})

t.test('refused credentials count against the limit: no unlimited token guessing', async (t) => {
  const { app } = await buildTestApp(t, { ...LIMITS, ADMIN_TOKEN: 'admin-token-0123456789abcdef' })
  await app.ready()
  const guess = () => app.inject({ method: 'GET', url: '/api/cache/stats', headers: { authorization: 'Bearer guess-0123456789abcdef' } })
  t.same(await statuses(4, guess), [401, 401, 429, 429])
})

t.test('API keys are counted per key, not per address', async (t) => {
  const keys = ['key-one-0123456789abcdef', 'key-two-0123456789abcdef']
  const { app } = await buildTestApp(t, { ...LIMITS, API_KEYS: keys.join(',') })
  await app.ready()
  const withKey = (key: string) => () => app.inject({ ...PARSE, headers: { 'x-api-key': key } })
  t.same(await statuses(5, withKey(keys[0]!)), [200, 200, 200, 200, 429])
  t.same(await statuses(2, withKey(keys[1]!)), [200, 200], 'the other key, same address, is not affected')
})

t.test('with Redis the count is shared by instances; with Redis hung it degrades to a local share and never stalls', async (t) => {
  const redis = await startRedisServer(t)
  const env = { ...LIMITS, RATE_LIMIT_INSTANCES: '2', REDIS_URL: redis.url, CACHE_BREAKER_COOLDOWN_MS: '300' }
  const first = await buildTestApp(t, env)
  const second = await buildTestApp(t, env)
  await Promise.all([first.app.ready(), second.app.ready()])
  t.ok(await redisReady(first.app) && await redisReady(second.app), 'both instances use the private Redis')

  const codes = [
    ...await statuses(2, () => first.app.inject(PARSE)),
    ...await statuses(2, () => second.app.inject(PARSE)),
    (await first.app.inject(PARSE)).statusCode,
    (await second.app.inject(PARSE)).statusCode
  ]
  t.same(codes, [200, 200, 200, 200, 429, 429], 'four requests across two instances use up the one shared limit of 4')
  t.match(await redis.command('KEYS', 'jobfit:ratelimit:*'), `jobfit:ratelimit:compute:ip:${addressId('127.0.0.1')}`, 'the counter is in Redis')
  t.notMatch(await redis.command('KEYS', '*'), /127\.0\.0\.1/, 'under a hash of the address, not the address')
  t.notMatch(await redis.command('KEYS', '*'), /Senior engineer/)

  redis.pause()
  t.teardown(() => redis.resume())
  const hung = first.app
  const client = { remoteAddress: '198.51.100.9' }
  const timed: Array<{ statusCode: number, ms: number }> = []
  for (let i = 0; i < 4; i++) {
    const started = performance.now()
    const response = await hung.inject({ ...PARSE, ...client })
    timed.push({ statusCode: response.statusCode, ms: performance.now() - started })
  }
  t.comment(`Redis SIGSTOPped: ${timed.map(({ statusCode, ms }) => `${statusCode} in ${ms.toFixed(0)} ms`).join(', ')}`)
  t.same(timed.map(({ statusCode }) => statusCode), [200, 200, 429, 429],
    'still limited: each of the 2 instances allows its share (4 / 2) on its own')
  t.ok(timed.every(({ ms }) => ms < STALL_MS), 'no request stalled on the hung Redis')
  assertLimited(t, await hung.inject({ ...PARSE, ...client }))
  t.ok(await metricValue(hung, 'rate_limit_local_fallbacks_total', { reason: 'timeout' }) >= 1, 'the first fallback is a counted timeout')
  t.ok(await metricValue(hung, 'rate_limit_local_fallbacks_total', { reason: 'circuit_open' }) >= 1, 'then the circuit spares the wait')
  t.ok(first.logs.warnings('⚠️  Rate limiter could not use Redis').length >= 1, 'and a ⚠️ warning says so')

  const admin = await statuses(3, () => hung.inject({ method: 'GET', url: '/api/cache/stats', ...{ remoteAddress: '127.0.0.2' } }))
  t.same(admin, [200, 429, 429], 'admin limit (2) shared by 2 instances: one each while Redis hangs')

  redis.resume()
  t.ok(await redisReady(hung, 10_000), 'Redis is back')
  const back = { remoteAddress: '198.51.100.10' }
  let resumed = false
  for (let i = 0; i < 20 && !resumed; i++) {
    await hung.inject({ ...PARSE, ...back })
    resumed = (await redis.command('KEYS', 'jobfit:ratelimit:*')).includes(addressId('198.51.100.10'))
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  t.ok(resumed, 'counting goes back to Redis once its circuit closes')
})
