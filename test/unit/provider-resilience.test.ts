import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { AiProviderError } from '../../src/ai/errors.ts'
import { FailSafeResolver } from '../../src/ai/resilience/fail-safe-resolver.ts'
import { Provenance } from '../../src/ai/resilience/provenance.ts'
import { SoftBudget } from '../../src/ai/resilience/soft-budget.ts'
import { ProviderBreakers } from '../../src/ai/resilience/provider-breakers.ts'
import { ProviderGuard } from '../../src/ai/resilience/provider-guard.ts'
import type { ResilienceObserver } from '../../src/ai/resilience/resilience-observer.ts'
import { createCache, FailSafeCache } from '../../src/cache/index.ts'

const SETTINGS = { enabled: true, keyPrefix: 'test', l2CommandTimeoutMs: 50, breakerFailureThreshold: 5, breakerCooldownMs: 1000, l1MaxEntries: 1000, l1MaxBytes: 1 << 20 }
const POLICY = { namespace: 'embedding', ttlSeconds: 100, graceSeconds: 1000 }
const isString = (value: unknown): value is string => typeof value === 'string'

function recorder () {
  const events: string[] = []
  const observer: ResilienceObserver = {
    onAnswer: (operation, source) => events.push(`answer:${operation}:${source}`),
    onStaleServed: (operation, reason) => events.push(`stale:${operation}:${reason}`),
    onTimeout: (operation, kind) => events.push(`timeout:${operation}:${kind}`),
    onFallback: (operation, reason) => events.push(`fallback:${operation}:${reason}`),
    onTokensSaved: (operation, usage) => events.push(`saved:${operation}:${usage.inputTokens}+${usage.outputTokens}`)
  }
  return { events, observer }
}

function setup (options: { threshold?: number, hardMs?: number } = {}) {
  const clock = { now: 1_000_000 }
  const { events, observer } = recorder()
  const breakers = new ProviderBreakers({ failureThreshold: options.threshold ?? 2, cooldownMs: 1000, now: () => clock.now })
  const timeouts = { softMs: 50, hardMs: options.hardMs ?? 2000 }
  const guard = new ProviderGuard({ breakers, timeouts: { chat: timeouts, embedding: timeouts }, observer })
  const failSafe = new FailSafeCache(createCache(SETTINGS), () => clock.now)
  const resolver = new FailSafeResolver({ cache: failSafe, guard, throttleSeconds: 30, observer })
  return { clock, events, breakers, guard, failSafe, resolver }
}

const unavailable = () => new AiProviderError('unavailable', 'down')

/** The rejection, for its fields to be matched (tap's `rejects` matches messages and classes). */
async function rejection (promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

t.test('guard: failures open the breaker after the threshold, an open breaker refuses at once, one probe after the cool-down closes it', async (t) => {
  const { clock, guard, breakers } = setup()
  for (let i = 0; i < 2; i++) t.match(await rejection(guard.run('parse_job', async () => { throw unavailable() })), { reason: 'unavailable' })
  t.equal(breakers.state('parse_job'), 'open')
  let called = false
  t.match(await rejection(guard.run('parse_job', async () => { called = true; return 1 })), { reason: 'circuit_open', statusCode: 503, retryAfterSeconds: 1 })
  t.equal(called, false)
  t.equal(breakers.state('classify_role'), 'open', 'chat operations share their endpoint\'s breaker')
  t.equal(breakers.state('embed'), 'closed', 'embeddings have their own')
  clock.now += 1000
  t.same(await guard.run('parse_job', async () => 'probe'), { value: 'probe', usage: undefined })
  t.equal(breakers.state('parse_job'), 'closed')
})

t.test('guard: the hard timeout rejects with `timeout`, aborts the call\'s signal and opens the breaker', async (t) => {
  const { guard, breakers, events } = setup({ hardMs: 50 })
  let signal: AbortSignal | undefined
  t.match(await rejection(guard.run('embed', async (options) => {
    signal = options.signal
    await sleep(10_000, undefined, { signal: options.signal })
  })), { reason: 'timeout' })
  t.equal(signal?.aborted, true)
  t.equal(breakers.state('embed'), 'open')
  t.same(events, ['timeout:embed:hard'])
})

t.test('guard: usage reported by every request of a call is summed; a non-provider error counts as an unusable answer', async (t) => {
  const { guard, breakers } = setup({ threshold: 1 })
  const metered = await guard.run('parse_cv', async (options) => {
    options.onUsage?.({ inputTokens: 5, outputTokens: 1 })
    options.onUsage?.({ inputTokens: 7, outputTokens: 2 })
    return 'cv'
  })
  t.same(metered, { value: 'cv', usage: { inputTokens: 12, outputTokens: 3 } })
  t.type(await rejection(guard.run('parse_cv', async () => { throw new TypeError('bug') })), TypeError)
  t.equal(breakers.state('parse_cv'), 'open')
})

t.test('resolveMany: fresh entries from the cache, the rest in one call; a failure with anything missing rejects', async (t) => {
  const { resolver, events } = setup()
  const request = (call: (positions: readonly number[]) => Promise<string[]>) => resolver.resolveMany({
    operation: 'embed', policy: POLICY, inputs: ['a', 'b', 'c'], validate: isString, call: async (positions) => await call(positions)
  })
  const asked: number[][] = []
  const first = await request(async (positions) => { asked.push([...positions]); return positions.map((p) => `v${p}`) })
  t.same(first, { values: ['v0', 'v1', 'v2'], source: 'provider' })
  const second = await request(async (positions) => { asked.push([...positions]); return [] })
  t.same(second, { values: ['v0', 'v1', 'v2'], source: 'cache' })
  t.same(asked, [[0, 1, 2]], 'the second read asked for nothing')
  t.match(await rejection(resolver.resolveMany({ operation: 'embed', policy: POLICY, inputs: ['a', 'new'], validate: isString, call: async () => { throw unavailable() } })), { reason: 'unavailable' })
  t.same(events, [])
})

t.test('resolveMany: every needed entry stale and the call failing: stale answers, re-cached for the throttle period', async (t) => {
  const { clock, resolver, events } = setup()
  const inputs = ['a', 'b']
  await resolver.resolveMany({ operation: 'embed', policy: POLICY, inputs, validate: isString, call: async () => ['A', 'B'] })
  clock.now += 101_000
  const failing = { operation: 'embed' as const, policy: POLICY, inputs, validate: isString, call: async () => { throw unavailable() } }
  t.same(await resolver.resolveMany(failing), { values: ['A', 'B'], source: 'stale' })
  t.same(await resolver.resolveMany(failing), { values: ['A', 'B'], source: 'stale' }, 'throttled: the provider is not asked')
  t.same(events, ['stale:embed:unavailable', 'stale:embed:throttled'])
})

t.test('resolveMany: a slow call with everything stale: stale at the soft timeout, the cache refreshed behind', async (t) => {
  const { clock, resolver, events } = setup()
  const inputs = ['a']
  await resolver.resolveMany({ operation: 'embed', policy: POLICY, inputs, validate: isString, call: async () => ['old'] })
  clock.now += 101_000
  let finished!: () => void
  const done = new Promise<void>((resolve) => { finished = resolve })
  const slow = { operation: 'embed' as const, policy: POLICY, inputs, validate: isString, call: async () => { await sleep(200); setImmediate(finished); return ['new'] } }
  t.same(await resolver.resolveMany(slow), { values: ['old'], source: 'stale' })
  await done
  t.same(await resolver.resolveMany(slow), { values: ['new'], source: 'cache' })
  t.same(events, ['timeout:embed:soft', 'stale:embed:soft_timeout'])
})

t.test('provenance: the least trustworthy part wins; nothing reported means computed now', async (t) => {
  const provenance = new Provenance()
  t.same(provenance.meta(), { source: 'provider', degraded: false })
  provenance.add('cache')
  t.same(provenance.meta(), { source: 'cache', degraded: false })
  provenance.add('stale')
  provenance.add('provider')
  t.same(provenance.meta(), { source: 'stale', degraded: true })
  provenance.add('fallback')
  provenance.add('cache')
  t.same(provenance.meta(), { source: 'fallback', degraded: true })
})

t.test('soft budget: the first wait of a request starts the clock, later waits get what is left of it', async (t) => {
  const budget = new SoftBudget()
  t.equal(budget.waitMs(200), 200)
  await sleep(250)
  t.equal(budget.waitMs(200), 0, 'spent by the first wait')
  t.equal(new SoftBudget().waitMs(50), 50, 'each request has its own')
  const fresh = new SoftBudget()
  fresh.waitMs(10_000)
  t.ok(fresh.waitMs(500) <= 500, 'never more than the shorter soft timeout asked for')
})
