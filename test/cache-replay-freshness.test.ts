import t from 'tap'
import { CircuitBreaker } from '../src/cache/circuit-breaker.ts'
import { OutageReplay } from '../src/cache/outage-replay.ts'
import { createL2Connection } from '../src/cache/create-l2-connection.ts'
import type { L2Connection } from '../src/cache/l2-connection.ts'
import { RedisTier } from '../src/cache/redis-tier.ts'
import { ReplayQueue } from '../src/cache/replay-queue.ts'
import type { ReplayDropReason, ReplayKind } from '../src/cache/replay-queue.ts'
import { eventually } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

type TapTest = Parameters<Parameters<typeof t.test>[0]>[0]

/** A connected L2 tier whose breaker stays out of the way: these tests are about the replay. */
async function connectedTier (t: TapTest, url: string): Promise<{ connection: L2Connection, l2: RedisTier }> {
  const connection = createL2Connection({
    topology: { kind: 'standalone', url }, username: undefined, password: undefined, tls: false, tlsCaFile: undefined,
    commandTimeoutMs: 1000, connectTimeoutMs: 1000, maxReconnectDelayMs: 100
  })
  t.teardown(() => connection.close())
  connection.connect()
  t.ok(await eventually(() => connection.client.status === 'ready'), 'connected')
  const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 100, maxCooldownMs: 100, cooldownJitter: 0, windowMs: 10_000, minCallsInWindow: 100, failureRateThreshold: 0.5 })
  const l2 = new RedisTier({ connection, breaker, deadlineMs: 1000 })
  t.teardown(() => l2.close())
  return { connection, l2 }
}

/** The replay on its own, against a real Redis: no app, no timers of consequence, the clock is the test's. */
t.test('a replayed write never overwrites a newer value, skips an expired one, and counts both outcomes', async (t) => {
  const redis = await startRedisServer(t)
  const { l2 } = await connectedTier(t, redis.url)
  const clock = { now: Date.now() }
  const drops: Array<[ReplayKind, ReplayDropReason, number]> = []
  const replayed: Array<[ReplayKind, number]> = []
  const queue = new ReplayQueue({ maxWrites: 10, maxInvalidations: 10, now: () => clock.now, onDrop: (...drop) => drops.push(drop) })
  const replay = new OutageReplay({ l2, bus: undefined, queue, intervalMs: 60_000, now: () => clock.now, onReplayed: (...entry) => replayed.push(entry) })
  t.teardown(() => replay.close())

  queue.addWrites([
    { key: 'k:newer', text: 'lost', expiresAt: clock.now + 60_000 },
    { key: 'k:fresh', text: 'lost', expiresAt: clock.now + 60_000 },
    { key: 'k:expired', text: 'lost', expiresAt: clock.now + 10 }
  ])
  await redis.command('SET', 'k:newer', 'written-since')
  clock.now += 10
  await replay.replay()

  t.equal(await redis.command('GET', 'k:newer'), 'written-since', 'the value written since was kept')
  t.equal(await redis.command('GET', 'k:fresh'), 'lost', 'the lost write was replayed')
  const ttl = Number(await redis.command('PTTL', 'k:fresh'))
  t.ok(ttl > 0 && ttl <= 60_000 - 10, `with the TTL that remained (${ttl} ms)`)
  t.equal(await redis.command('EXISTS', 'k:expired'), '0', 'the expired one was not written')
  t.same(drops, [['write', 'expired', 1]])
  t.same(replayed, [['write', 2]])
  t.equal(queue.empty, true)
})

t.test('nothing is replayed while the connection is down; the queue keeps it for the next attempt', async (t) => {
  const redis = await startRedisServer(t)
  const { connection, l2 } = await connectedTier(t, redis.url)
  const queue = new ReplayQueue({ maxWrites: 10, maxInvalidations: 10 })
  const replay = new OutageReplay({ l2, bus: undefined, queue, intervalMs: 50 })
  t.teardown(() => replay.close())

  await redis.kill()
  t.ok(await eventually(() => connection.client.status !== 'ready'), 'the client saw Redis go')
  replay.lost([{ key: 'k', text: 'v', expiresAt: Date.now() + 60_000 }])
  await replay.replay()
  t.equal(queue.pendingWrites, 1, 'kept while Redis is away')
  await redis.restart()
  t.ok(await eventually(async () => await redis.command('GET', 'k') === 'v', 10_000), 'the timer replayed it once Redis was back')
  t.ok(await eventually(() => queue.empty), 'and the queue is empty')
})
