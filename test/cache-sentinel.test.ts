import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { addProbeRoute, buildTestApp, eventually, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import type { Probe, TapTest, TestApp } from './helpers/app.ts'
import { monitorCommands } from './helpers/redis-server.ts'
import type { RedisServerHandle } from './helpers/redis-server.ts'
import { MASTER_NAME, startSentinelGroup } from './helpers/redis-sentinel.ts'
import type { SentinelGroupHandle } from './helpers/redis-sentinel.ts'

interface Instance extends TestApp {
  probe: Probe
}

async function instanceOn (t: TapTest, group: SentinelGroupHandle): Promise<Instance> {
  const testApp = await buildTestApp(t, {
    REDIS_SENTINELS: group.sentinelAddresses,
    REDIS_SENTINEL_NAME: MASTER_NAME,
    CACHE_L2_COMMAND_TIMEOUT_MS: '1000',
    CACHE_L2_MAX_RECONNECT_DELAY_MS: '200',
    CACHE_BREAKER_COOLDOWN_MS: '200'
  })
  const probe = addProbeRoute(testApp.app)
  await testApp.app.ready()
  t.ok(await redisReady(testApp.app, 20_000), 'connected to the master the sentinels name')
  return { ...testApp, probe }
}

async function ask (instance: Instance, input: string): Promise<number> {
  return (await instance.app.inject({ method: 'POST', url: '/test/probe', payload: { input } })).statusCode
}

const key = (input: string): string => cacheKey('jobfit', PROBE_NAMESPACE, input)

/** Whether `server` holds `input`'s key; false also when it drops our connection (Sentinel kills clients on promotion). */
async function holds (server: RedisServerHandle, input: string): Promise<boolean> {
  try {
    return await server.command('EXISTS', key(input)) === '1'
  } catch {
    return false
  }
}

t.test('sentinel failover: L2 writes resume on the promoted replica, and none go to the old master', async (t) => {
  const group = await startSentinelGroup(t)
  const writer = await instanceOn(t, group)
  const reader = await instanceOn(t, group)
  const oldMaster = await group.master()
  t.equal(await ask(writer, 'before'), 200)
  await writer.app.cache.flush()
  t.equal(await oldMaster.command('EXISTS', key('before')), '1', 'written on the master')

  await oldMaster.kill()
  const statuses: number[] = []
  let round = 0
  const traffic = setInterval(() => { void ask(writer, `during-${round++}`).then((status) => statuses.push(status)) }, 50)
  t.teardown(() => clearInterval(traffic))
  const newPort = await group.waitForFailoverFrom(oldMaster.port)
  const promotedAt = Date.now()
  const newMaster = await group.master()

  let attempt = 0
  let stored = ''
  const resumed = await eventually(async () => {
    const input = `after-${attempt++}`
    statuses.push(await ask(writer, input))
    await writer.app.cache.flush()
    stored = input
    return await holds(newMaster, input)
  }, 20_000, 50)
  const resumedMs = Date.now() - promotedAt
  t.ok(resumed, `a write is stored on the new master (port ${newPort})`, {
    status: writer.app.redis.status, l2: writer.app.cache.stats().l2, setFailures: writer.app.cache.stats().setFailures.byReason
  })
  t.comment(`promotion → first L2 write stored on the new master: ${resumedMs} ms`)

  // The old master comes back empty and, until the sentinels demote it, as a master: the
  // split-brain window. Our writes must keep going to the promoted one.
  await oldMaster.restart()
  const seen = monitorCommands(oldMaster.port)
  t.teardown(() => seen.stop())
  const demoted = await eventually(async () => {
    statuses.push(await ask(writer, `later-${attempt++}`))
    return (await oldMaster.command('INFO', 'replication').catch(() => '')).includes('role:slave')
  }, 20_000, 100)
  t.ok(demoted, 'the sentinels demoted the old master')
  for (let index = 0; index < 20; index++) statuses.push(await ask(writer, `later-${attempt++}`))
  await writer.app.cache.flush()
  clearInterval(traffic)
  seen.stop()
  const replication = `[0 127.0.0.1:${newPort}]`
  const ourWrites = seen.lines.filter((line) => /"set" "jobfit:/i.test(line) && !line.includes(replication))
  t.ok(seen.lines.some((line) => /"(ping|info)"/i.test(line)), 'MONITOR did see the sentinels talk to the old master')
  t.same(ourWrites, [], 'no write went to the old master')
  t.ok(await holds(newMaster, `later-${attempt - 1}`), 'the latest write is on the new master')
  t.same(new Set(statuses), new Set([200]), `no request failed (${statuses.length} requests)`)
  t.equal(writer.app.cache.stats().setFailures.byReason.readonly, 0, 'no write met a READONLY replica')

  t.equal(await ask(reader, stored), 200)
  t.equal(reader.probe.computations, 0, 'a second instance reads the post-failover write from L2')
  t.equal((await writer.app.inject('/ready')).json().redis, 'ready')
})
