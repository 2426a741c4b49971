import t from 'tap'
import { cacheKey } from '../src/cache/keys.ts'
import { addProbeRoute, buildTestApp, eventually, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import type { Probe, TapTest, TestApp } from './helpers/app.ts'
import { startRedisCluster } from './helpers/redis-cluster.ts'
import { freePort } from './helpers/redis-server.ts'
import type { RedisClusterHandle } from './helpers/redis-cluster.ts'

const INPUTS = Array.from({ length: 60 }, (_, index) => `lookup-${index}`)

interface Instance extends TestApp {
  probe: Probe
}

async function instanceOn (t: TapTest, cluster: RedisClusterHandle): Promise<Instance> {
  const testApp = await buildTestApp(t, {
    REDIS_CLUSTER_NODES: cluster.startupNodes,
    // Generous: the point here is routing, not latency, on a machine whose cores are busy.
    CACHE_L2_COMMAND_TIMEOUT_MS: '2000',
    CACHE_L2_MAX_RECONNECT_DELAY_MS: '200',
    CACHE_BREAKER_COOLDOWN_MS: '200'
  })
  const probe = addProbeRoute(testApp.app)
  await testApp.app.ready()
  t.ok(await redisReady(testApp.app, 20_000), 'the cluster is ready', { ready: (await testApp.app.inject('/ready')).json(), l2: testApp.app.cache.stats().l2 })
  return { ...testApp, probe }
}

async function ask (instance: Instance, input: string): Promise<number> {
  const response = await instance.app.inject({ method: 'POST', url: '/test/probe', payload: { input } })
  return response.statusCode
}

/** Every key of `pattern` on every master, by port (SCAN on each node, as an operator would). */
async function keysByMaster (cluster: RedisClusterHandle, pattern: string): Promise<Map<number, string[]>> {
  const byPort = new Map<number, string[]>()
  for (const node of (await cluster.topology()).filter((info) => info.role === 'master')) {
    const reply = await cluster.node(node.port).command('KEYS', pattern)
    byPort.set(node.port, reply === '' ? [] : reply.split('\n'))
  }
  return byPort
}

function failureReasons (instance: Instance): string[] {
  const { getFailures, setFailures } = instance.app.cache.stats()
  return [getFailures, setFailures].flatMap((counts) => Object.entries(counts.byReason).filter(([, count]) => count > 0).map(([reason]) => reason))
}

t.test('a cluster nobody answers for: boot does not wait, requests succeed, a clear reports its L2 part failed', async (t) => {
  const { app } = await buildTestApp(t, { REDIS_CLUSTER_NODES: `127.0.0.1:${await freePort()},127.0.0.1:${await freePort()}` })
  const probe = addProbeRoute(app)
  await app.ready()
  for (let round = 0; round < 3; round++) {
    t.equal((await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'same' } })).statusCode, 200)
  }
  t.equal(probe.computations, 1, 'L1 still caches')
  t.ok(['down', 'circuit_open'].includes((await app.inject('/ready')).json().redis))
  const cleared = (await app.inject({ method: 'POST', url: '/api/cache/clear-domains' })).json()
  t.match(cleared, { l2: { status: 'failed' } }, 'not an empty success')
  t.ok(['connection', 'circuit_open'].includes(cleared.l2.reason))
})

t.test('a 3-master cluster: writes land on the master of their slot and a second instance reads them from L2', async (t) => {
  const cluster = await startRedisCluster(t)
  const writer = await instanceOn(t, cluster)
  const reader = await instanceOn(t, cluster)

  const written = await Promise.all(INPUTS.map((input) => ask(writer, input)))
  t.same(new Set(written), new Set([200]), 'no request failed')
  await writer.app.cache.flush()
  t.equal(writer.probe.computations, INPUTS.length)

  const byMaster = await keysByMaster(cluster, `jobfit:${PROBE_NAMESPACE}:*`)
  t.equal([...byMaster.values()].reduce((sum, keys) => sum + keys.length, 0), INPUTS.length, 'every write is stored once')
  t.equal([...byMaster.values()].filter((keys) => keys.length > 0).length, 3, 'spread over the three masters')
  for (const input of INPUTS.slice(0, 10)) {
    const key = cacheKey('jobfit', PROBE_NAMESPACE, input)
    t.equal(await (await cluster.masterOf(key)).command('EXISTS', key), '1', `${input} is on the master that serves its slot`)
  }

  const read = await Promise.all(INPUTS.map((input) => ask(reader, input)))
  t.same(new Set(read), new Set([200]), 'no request failed on the second instance')
  const { l2 } = reader.app.cache.stats()
  t.equal(reader.probe.computations, 0, 'the second instance computed nothing')
  t.equal(l2.hits / (l2.hits + l2.misses), 1, 'its L2 hit ratio is 100 %')
  t.same(failureReasons(writer), [], 'no failure of any kind (no MOVED, no CROSSSLOT) on the writer')
  t.same(failureReasons(reader), [], 'nor on the reader')
  t.same(writer.logs.warnings('⚠️'), [])
})

t.test('multi-key operations on a cluster are grouped by slot: MGET, batched writes, UNLINK, clear', async (t) => {
  const cluster = await startRedisCluster(t)
  const writer = await instanceOn(t, cluster)
  const reader = await instanceOn(t, cluster)

  writer.app.cache.safeMSet('embedding', INPUTS.map((input) => ({ input, value: [input.length, 1] })), 3600)
  await writer.app.cache.flush()
  const found = await reader.app.cache.safeMGet<number[]>('embedding', [...INPUTS, 'never-written'])
  t.equal(found.filter((value) => value !== undefined).length, INPUTS.length, 'one MGET over 60 keys in many slots finds them all')
  t.equal(found.at(-1), undefined)
  t.equal(reader.app.cache.stats().l2.hits, INPUTS.length)

  for (const input of INPUTS) writer.app.cache.safeSet('domain', input, { domain: `${input}.example` }, 3600)
  await writer.app.cache.flush()
  await reader.app.cache.safeGet('domain', INPUTS[0]!)
  t.equal(reader.app.cache.stats().l1.entries > 0, true)
  const cleared = await writer.app.inject({ method: 'POST', url: '/api/cache/clear-domains' })
  t.match(cleared.json(), { l2: { status: 'ok', removed: 0, reason: null, generation: 1 } }, 'one HINCRBY: the old keys are unreachable at once')
  await writer.app.cache.flush()
  const left = await keysByMaster(cluster, 'jobfit:domain:*')
  t.same([...left.values()].flat(), [], 'the background SCAN on every master removed every domain key')
  t.ok(await eventually(async () => await reader.app.cache.safeGet('domain', INPUTS[0]!) === undefined, 20_000),
    'the other instance got the invalidation through the cluster bus')

  await writer.app.cache.safeDel('embedding', INPUTS[1]!)
  const deleted = cacheKey('jobfit', 'embedding', INPUTS[1]!)
  t.equal(await (await cluster.masterOf(deleted)).command('EXISTS', deleted), '0', 'UNLINK reached the master of the slot')
  t.same(failureReasons(writer), [], 'no CROSSSLOT or any other failure')
  t.same(failureReasons(reader), [])
})

t.test('a slot that moved: the client follows MOVED, which is not a failure', async (t) => {
  const cluster = await startRedisCluster(t)
  const writer = await instanceOn(t, cluster)
  const reader = await instanceOn(t, cluster)
  t.equal(await ask(writer, 'moving'), 200)
  await writer.app.cache.flush()
  const key = cacheKey('jobfit', PROBE_NAMESPACE, 'moving')
  const from = await cluster.masterOf(key)
  const to = (await cluster.topology()).find((node) => node.role === 'master' && node.port !== from.port)!
  // The reader's slot map still names the old owner: its read meets MOVED and follows it.
  await cluster.moveSlotOf(key, to.port)
  const moved = await from.rawCommand(['GET', key])
  t.match(moved instanceof Error ? moved.message : moved, new RegExp(`^MOVED \\d+ 127\\.0\\.0\\.1:${to.port}$`), 'the old owner now answers MOVED')
  t.equal(await ask(reader, 'moving'), 200)
  t.equal(reader.probe.computations, 0, 'the value was read from its new node')
  t.equal(reader.app.cache.stats().l2.hits, 1)
  t.same(failureReasons(reader), [], 'the followed redirect is not counted as a failure')
  t.equal(reader.app.cache.stats().l2.lastFailure, undefined)
})

t.test('a shard failover: writes for its slots resume on the promoted replica', async (t) => {
  const cluster = await startRedisCluster(t, { replicasPerMaster: 1 })
  const writer = await instanceOn(t, cluster)
  const reader = await instanceOn(t, cluster)
  const key = (input: string): string => cacheKey('jobfit', PROBE_NAMESPACE, input)

  const victim = await cluster.masterOf(key('before'))
  const replica = (await cluster.topology()).find((node) => node.masterPort === victim.port)
  t.ok(replica, 'the shard has a replica')
  t.equal(await ask(writer, 'before'), 200)
  await victim.kill()
  const killedAt = Date.now()

  // Requests keep flowing while the cluster notices and promotes: none fails.
  let round = 0
  const statuses: number[] = []
  const promoted = await eventually(async () => {
    statuses.push(await ask(writer, `during-${round++}`))
    return (await cluster.topology()).some((node) => node.port === replica!.port && node.role === 'master')
  }, 20_000, 100)
  t.ok(promoted, 'the replica was promoted')
  const promotedAt = Date.now()
  await cluster.waitUntilOk()

  // A key of the failed shard: its write must reach the new master.
  let attempt = 0
  let landed = ''
  const resumed = await eventually(async () => {
    const input = `after-${attempt++}`
    if (await cluster.masterOf(key(input)) !== cluster.node(replica!.port)) return false
    statuses.push(await ask(writer, input))
    await writer.app.cache.flush()
    landed = input
    return await cluster.node(replica!.port).command('EXISTS', key(input)) === '1'
  }, 20_000, 100)
  t.ok(resumed, 'a write of the failed shard is stored on the promoted replica')
  t.comment(`killed → promoted ${promotedAt - killedAt} ms, promoted → write stored on the new master ${Date.now() - promotedAt} ms`)
  t.same(new Set(statuses), new Set([200]), `no request failed (${statuses.length} requests)`)
  t.equal(await ask(reader, landed), 200)
  t.equal(reader.probe.computations, 0, 'the second instance read it from L2')
})
