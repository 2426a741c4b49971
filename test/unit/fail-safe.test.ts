import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { createCache, FailSafeCache } from '../../src/cache/index.ts'
import type { FailSafePolicy } from '../../src/cache/index.ts'

const SETTINGS = { enabled: true, keyPrefix: 'test', l2CommandTimeoutMs: 50, breakerFailureThreshold: 5, breakerCooldownMs: 1000, l1MaxEntries: 1000, l1MaxBytes: 1 << 20 }
const POLICY: FailSafePolicy = { namespace: 'jd', ttlSeconds: 100, graceSeconds: 1000 }
const isString = (value: unknown): value is string => typeof value === 'string'

function setup () {
  const clock = { now: 1_000_000 }
  const cache = createCache(SETTINGS)
  return { clock, cache, failSafe: new FailSafeCache(cache, () => clock.now) }
}

t.test('fresh for the TTL, then stale but still there, with the usage recorded when it was written', async (t) => {
  const { clock, failSafe } = setup()
  failSafe.write(POLICY, 'input', 'answer', { inputTokens: 10, outputTokens: 2 })
  t.match(await failSafe.read(POLICY, 'input', isString), { value: 'answer', fresh: true, failSafe: false, usage: { inputTokens: 10, outputTokens: 2 } })
  clock.now += 101_000
  t.match(await failSafe.read(POLICY, 'input', isString), { value: 'answer', fresh: false, failSafe: false })
  t.equal(await failSafe.read(POLICY, 'other', isString), undefined)
})

t.test('a value past its grace is gone', async (t) => {
  const { failSafe } = setup()
  const short = { namespace: 'jd', ttlSeconds: 0.05, graceSeconds: 0.05 }
  failSafe.write(short, 'input', 'answer')
  await sleep(200)
  t.equal(await failSafe.read(short, 'input', isString), undefined)
})

t.test('throttle: the stale value is fresh again for the throttle period, marked fail-safe, its physical expiry unchanged', async (t) => {
  const { clock, failSafe } = setup()
  failSafe.write(POLICY, 'input', 'answer')
  clock.now += 150_000
  const stale = await failSafe.read(POLICY, 'input', isString)
  if (stale === undefined) throw new Error('expected a stale value')
  failSafe.throttle(POLICY, 'input', stale, 30)
  const throttled = await failSafe.read(POLICY, 'input', isString)
  t.match(throttled, { value: 'answer', fresh: true, failSafe: true, freshUntil: clock.now + 30_000, expiresAt: stale.expiresAt })
  clock.now = stale.expiresAt - 1000
  failSafe.throttle(POLICY, 'input', stale, 30)
  t.equal((await failSafe.read(POLICY, 'input', isString))?.freshUntil, stale.expiresAt, 'never fresh past the end of grace')
  clock.now = stale.expiresAt + 1
  failSafe.throttle(POLICY, 'input', stale, 30)
  t.pass('a throttle after the end of grace stores nothing (and does not throw)')
})

t.test('refreshDue: after the given fraction of the TTL, on fresh entries that are not fail-safe re-caches', async (t) => {
  const { clock, failSafe } = setup()
  failSafe.write(POLICY, 'input', 'answer')
  const at = async () => failSafe.refreshDue(POLICY, (await failSafe.read(POLICY, 'input', isString))!, 0.8)
  clock.now += 79_000
  t.equal(await at(), false)
  clock.now += 2000
  t.equal(await at(), true)
  clock.now += 50_000
  t.equal(await at(), false, 'a stale entry is refreshed by its reader, not eagerly')
})

t.test('refreshOnce: concurrent refreshes of one key share one run; another key runs its own', async (t) => {
  const { failSafe } = setup()
  let runs = 0
  const work = async () => { const run = ++runs; await sleep(20); return run }
  const [a, b, c] = await Promise.all([
    failSafe.refreshOnce(POLICY, 'input', work),
    failSafe.refreshOnce(POLICY, 'input', work),
    failSafe.refreshOnce(POLICY, 'other', work)
  ])
  t.equal(a, b)
  t.not(a, c)
  t.equal(runs, 2)
})

t.test('a plain value in the namespace (an older writer) reads as a miss; many keys read in one pass', async (t) => {
  const { cache, failSafe } = setup()
  cache.safeSet('jd', 'plain', 'old style', 60)
  t.equal(await failSafe.read(POLICY, 'plain', isString), undefined)
  failSafe.writeMany(POLICY, [{ input: 'a', value: 'A' }, { input: 'b', value: undefined }])
  const many = await failSafe.readMany(POLICY, ['a', 'b', 'plain'], isString)
  t.same(many.map((entry) => entry?.value), ['A', undefined, undefined])
})
