import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { addProbeRoute, buildTestApp, eventually, metricValue, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'
import type { RedisServerHandle } from './helpers/redis-server.ts'

/** SETs the server has seen (executed or refused), from INFO commandstats. */
async function setsSeen (redis: RedisServerHandle): Promise<number> {
  const line = /^cmdstat_set:(.*)$/m.exec(await redis.command('INFO', 'commandstats'))?.[1] ?? ''
  const field = (name: string): number => Number(new RegExp(`(?:^|,)${name}=(\\d+)`).exec(line)?.[1] ?? 0)
  return field('calls') + field('rejected_calls')
}

t.test('REDIS_URL at a node that becomes a replica: not ready, writes no longer sent, and back once it is master again', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url, CACHE_L2_MAX_RECONNECT_DELAY_MS: '100' })
  const probe = addProbeRoute(app)
  await app.ready()
  t.ok(await redisReady(app))
  const ask = async (input: string): Promise<number> => (await app.inject({ method: 'POST', url: '/test/probe', payload: { input } })).statusCode

  await redis.makeReadonlyReplica()
  t.equal(await ask('first'), 200)
  await app.cache.flush()
  t.ok(await eventually(async () => (await app.inject('/ready')).json().redis === 'read_only', 20_000), '/ready says read_only')
  t.equal(await metricValue(app, 'cache_l2_up'), 0, 'cache_l2_up is 0')
  t.match((await app.inject('/api/cache/stats')).json().l2, { status: 'read_only', last_error: { reason: 'readonly' } })

  const before = await setsSeen(redis)
  t.equal(await ask('second'), 200)
  t.equal(await ask('third'), 200)
  await app.cache.flush()
  t.equal(await setsSeen(redis), before, 'no further write was sent to the replica')
  // Refused as `readonly` by the gate, or as `connection` while the READONLY reply's reconnection is under way.
  const { setFailures } = app.cache.stats()
  t.equal(setFailures.total, 3, 'every write is still counted as lost', { setFailures })
  t.equal(setFailures.total, setFailures.byReason.readonly + setFailures.byReason.connection)
  t.equal(await ask('second'), 200, 'reads still go to the replica')

  await redis.command('REPLICAOF', 'NO', 'ONE')
  t.ok(await eventually(async () => (await app.inject('/ready')).json().redis === 'ready', 20_000), 'ready again once it is master')
  t.equal(await ask('fourth'), 200)
  await app.cache.flush()
  t.equal(await redis.command('EXISTS', cacheKey('jobfit', PROBE_NAMESPACE, 'fourth')), '1', 'writes go through again')
  t.equal(probe.computations, 4)
})
