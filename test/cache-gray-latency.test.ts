import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { addProbeRoute, buildTestApp, redisReady } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { startLatencyProxy } from './helpers/latency-proxy.ts'
import type { LatencyProfile } from './helpers/latency-proxy.ts'
import { startRedisServer } from './helpers/redis-server.ts'

/** The default CACHE_L2_COMMAND_TIMEOUT_MS. */
const DEADLINE_MS = 50
const LOAD_SECONDS = 6
const CONNECTIONS = 10
/** Repeated inputs: with a one-entry L1 every lookup is an L2 read, and most of them hits. */
const INPUTS = 50

interface LoadOutcome {
  requests: number
  failed: number
  maxMs: number
}

/** `CONNECTIONS` concurrent callers of the probe route for `seconds`. */
async function load (app: FastifyInstance, seconds: number): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { requests: 0, failed: 0, maxMs: 0 }
  const until = Date.now() + seconds * 1000
  await Promise.all(Array.from({ length: CONNECTIONS }, async (_, worker) => {
    for (let i = worker; Date.now() < until; i += CONNECTIONS) {
      const started = performance.now()
      const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: `input-${i % INPUTS}` } })
      outcome.maxMs = Math.max(outcome.maxMs, performance.now() - started)
      outcome.requests++
      if (response.statusCode !== 200) outcome.failed++
    }
  }))
  return outcome
}

/** One instance reading every lookup from L2 (one-entry L1), through the proxy when a profile is given. */
async function instanceBehind (t: TapTest, profile: LatencyProfile | undefined): Promise<{ app: FastifyInstance, stalls: () => number }> {
  const redis = await startRedisServer(t)
  const proxy = profile === undefined ? undefined : await startLatencyProxy({ targetPort: redis.port, ...profile }, t)
  const { app } = await buildTestApp(t, {
    REDIS_URL: proxy?.url ?? redis.url,
    // The load comes from one client: the rate limits are not what is measured here.
    RATE_LIMIT_COMPUTE_MAX: '1000000',
    RATE_LIMIT_READ_MAX: '1000000',
    CACHE_L1_MAX_ENTRIES: '1',
    CACHE_L2_COMMAND_TIMEOUT_MS: String(DEADLINE_MS)
  })
  addProbeRoute(app)
  await app.ready()
  // Connected, handshake included, before the latency matters.
  t.ok(await redisReady(app, 15_000), 'connected')
  return { app, stalls: () => proxy?.stats.stalls ?? 0 }
}

t.test('healthy local Redis under load: the breaker never opens', async (t) => {
  const { app } = await instanceBehind(t, undefined)
  const outcome = await load(app, LOAD_SECONDS)
  t.comment(`${outcome.requests} requests, ${app.cache.stats().l2.hits} L2 hits, failures ${JSON.stringify(app.cache.stats().getFailures.byReason)}`)
  t.equal(outcome.failed, 0, 'every request answered 200')
  t.ok(app.cache.stats().l2.hits > 0, 'L2 was in the request path')
  t.equal(app.cache.stats().l2.breakerOpens, 0, 'no opening')
})

t.test('Redis at exactly the deadline latency under load: few openings, every request answered', async (t) => {
  const { app } = await instanceBehind(t, { delayMs: DEADLINE_MS })
  const outcome = await load(app, LOAD_SECONDS)
  const { breakerOpens } = app.cache.stats().l2
  t.comment(`${outcome.requests} requests, ${breakerOpens} breaker openings`)
  t.equal(outcome.failed, 0, 'every request answered 200')
  // The breaker this replaced opened 30-50 times in 6 s here (each late answer closed it again).
  t.ok(breakerOpens >= 1, 'a Redis at the deadline is taken out of the request path')
  t.ok(breakerOpens <= 3, `instead of flapping (${breakerOpens} openings in ${LOAD_SECONDS} s)`)
})

t.test('jitter and rare multi-second stalls: every request answered, none waits for a stall', async (t) => {
  const stallMs = 2000
  // Replies arrive many to a chunk, so "rare" per chunk is still a stall every few seconds.
  const { app, stalls } = await instanceBehind(t, { delayMs: 5, jitterMs: 10, stallProbability: 0.1, stallMs })
  const outcome = await load(app, LOAD_SECONDS)
  t.comment(`${outcome.requests} requests, ${stalls()} stalled replies, ${app.cache.stats().l2.breakerOpens} openings, slowest ${outcome.maxMs.toFixed(0)} ms`)
  t.ok(stalls() >= 1, 'the proxy did stall replies')
  t.equal(outcome.failed, 0, 'every request answered 200')
  t.ok(outcome.maxMs < stallMs, 'no request waited for a stalled reply')
})
