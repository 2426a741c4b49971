/**
 * A private Redis Cluster per test: `redis-server --cluster-enabled yes` × (masters × (1 + replicas))
 * on ephemeral loopback ports, joined by `redis-cli --cluster create … --cluster-yes`. Every node
 * is a RedisServerHandle (kill by PID, restart on the same port with its nodes.conf, so it
 * rejoins). Never touches the shared Redis on :6379.
 */
import { execFile } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { findOnPath } from './owned-process.ts'
import { startRedisServer } from './redis-server.ts'
import type { RedisServerHandle, ServerArgs } from './redis-server.ts'

const HOST = '127.0.0.1'
const CREATE_TIMEOUT_MS = 30_000
const STATE_TIMEOUT_MS = 30_000
/** Short, so that a killed master's replica is promoted within a couple of seconds. */
const NODE_TIMEOUT_MS = 1000

const CLUSTER_NODE: ServerArgs = (port, dir) => [
  '--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no',
  '--daemonize', 'no', '--loglevel', 'warning', '--dir', dir,
  '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`,
  '--cluster-node-timeout', String(NODE_TIMEOUT_MS),
  // Replicas sync at once (the default waits 5 s for more replicas); an unsynced one never fails over.
  '--repl-diskless-sync-delay', '0',
  // A shard without a master must not stop the others from serving their slots.
  '--cluster-require-full-coverage', 'no'
]

export interface ClusterNodeInfo {
  id: string
  port: number
  role: 'master' | 'replica'
  /** The master's port, for a replica. */
  masterPort: number | undefined
  /** Slot ranges served, for a master. */
  slots: string[]
}

export interface RedisClusterHandle {
  readonly nodes: readonly RedisServerHandle[]
  /** `127.0.0.1:p1,127.0.0.1:p2,…`: REDIS_CLUSTER_NODES */
  readonly startupNodes: string
  /** The topology as a live node sees it (CLUSTER NODES), failed nodes left out. */
  topology (): Promise<ClusterNodeInfo[]>
  /** The node that serves `key`'s slot as master (CLUSTER KEYSLOT, then the topology). */
  masterOf (key: string): Promise<RedisServerHandle>
  node (port: number): RedisServerHandle
  /**
   * Moves `key`'s slot, with its keys, to the master on `toPort` (SETSLOT IMPORTING/MIGRATING,
   * MIGRATE, SETSLOT NODE on every master): a client with the old slot map then meets MOVED.
   */
  moveSlotOf (key: string, toPort: number): Promise<void>
  /** Waits until every live node reports cluster_state:ok, agrees on `masters` masters, and every replica is in sync. */
  waitUntilOk (): Promise<void>
  stop (): Promise<void>
}

export interface ClusterOptions {
  masters?: number
  replicasPerMaster?: number
}

class RedisCluster implements RedisClusterHandle {
  readonly nodes: readonly RedisServerHandle[]
  readonly #masters: number

  constructor (nodes: readonly RedisServerHandle[], masters: number) {
    this.nodes = nodes
    this.#masters = masters
  }

  get startupNodes (): string {
    return this.nodes.map((node) => `${HOST}:${node.port}`).join(',')
  }

  node (port: number): RedisServerHandle {
    const found = this.nodes.find((node) => node.port === port)
    if (found === undefined) throw new Error(`no cluster node on port ${port}`)
    return found
  }

  async topology (): Promise<ClusterNodeInfo[]> {
    const live = this.nodes.filter((node) => node.pid !== undefined)
    for (const node of live) {
      try {
        return parseClusterNodes(await node.command('CLUSTER', 'NODES'))
      } catch {}
    }
    throw new Error('no cluster node answered CLUSTER NODES')
  }

  async masterOf (key: string): Promise<RedisServerHandle> {
    const live = this.nodes.find((node) => node.pid !== undefined)!
    const slot = Number(await live.command('CLUSTER', 'KEYSLOT', key))
    const master = (await this.topology()).find((node) => node.role === 'master' && node.slots.some((range) => inRange(slot, range)))
    if (master === undefined) throw new Error(`no master serves slot ${slot}`)
    return this.node(master.port)
  }

  async moveSlotOf (key: string, toPort: number): Promise<void> {
    const from = await this.masterOf(key)
    const nodes = await this.topology()
    const source = nodes.find((node) => node.port === from.port)!
    const target = nodes.find((node) => node.port === toPort)!
    const to = this.node(toPort)
    const slot = await from.command('CLUSTER', 'KEYSLOT', key)
    await to.command('CLUSTER', 'SETSLOT', slot, 'IMPORTING', source.id)
    await from.command('CLUSTER', 'SETSLOT', slot, 'MIGRATING', target.id)
    const keys = (await from.command('CLUSTER', 'GETKEYSINSLOT', slot, '1000')).split('\n').filter((name) => name !== '')
    if (keys.length > 0) await from.command('MIGRATE', HOST, String(toPort), '', '0', '5000', 'KEYS', ...keys)
    for (const master of nodes.filter((node) => node.role === 'master')) {
      await this.node(master.port).command('CLUSTER', 'SETSLOT', slot, 'NODE', target.id)
    }
  }

  async waitUntilOk (): Promise<void> {
    const deadline = Date.now() + STATE_TIMEOUT_MS
    let last = ''
    while (Date.now() < deadline) {
      try {
        const live = this.nodes.filter((node) => node.pid !== undefined)
        const infos = await Promise.all(live.map((node) => node.command('CLUSTER', 'INFO')))
        const topologies = await Promise.all(live.map(async (node) => parseClusterNodes(await node.command('CLUSTER', 'NODES'))))
        const agreed = topologies.every((nodes) => nodes.filter((node) => node.role === 'master' && node.slots.length > 0).length === this.#masters)
        const links = await Promise.all(live.map((node) => node.command('INFO', 'replication')))
        const synced = links.every((info) => !info.includes('role:slave') || info.includes('master_link_status:up'))
        if (infos.every((info) => info.includes('cluster_state:ok')) && agreed && synced) return
        last = infos.join('\n')
      } catch (error) {
        last = String(error)
      }
      await sleep(100)
    }
    throw new Error(`the cluster did not reach cluster_state:ok within ${STATE_TIMEOUT_MS} ms:\n${last}`)
  }

  async stop (): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()))
  }
}

function inRange (slot: number, range: string): boolean {
  const [from, to] = range.split('-').map(Number)
  return slot >= from! && slot <= (to ?? from!)
}

/** `<id> <ip:port@cport> <flags> <master-id> … <slot ranges>` per line; failed nodes are left out. */
function parseClusterNodes (text: string): ClusterNodeInfo[] {
  const lines = text.split('\n').map((line) => line.trim().split(' ')).filter((fields) => fields.length >= 8)
  const portById = new Map(lines.map((fields) => [fields[0]!, Number(/:(\d+)@/.exec(fields[1]!)?.[1])]))
  return lines
    .filter((fields) => !/fail|noaddr|handshake/.test(fields[2]!))
    .map((fields) => {
      const master = /master/.test(fields[2]!)
      return {
        id: fields[0]!,
        port: portById.get(fields[0]!)!,
        role: master ? 'master' as const : 'replica' as const,
        masterPort: master ? undefined : portById.get(fields[3]!),
        slots: master ? fields.slice(8).filter((range) => /^\d+(-\d+)?$/.test(range)) : []
      }
    })
}

/**
 * Starts a cluster of `masters` masters (default 3), each with `replicasPerMaster` replicas
 * (default 0), and waits until it serves every slot. With `t`, `stop()` is its teardown.
 */
export async function startRedisCluster (t: { teardown (fn: () => unknown): void }, options: ClusterOptions = {}): Promise<RedisClusterHandle> {
  if (findOnPath('redis-cli') === undefined) throw new Error('redis-cli is not on PATH (Debian: apt-get install redis-tools)')
  const masters = options.masters ?? 3
  const replicas = options.replicasPerMaster ?? 0
  const nodes: RedisServerHandle[] = []
  const cluster = new RedisCluster(nodes, masters)
  t.teardown(() => cluster.stop())
  for (let index = 0; index < masters * (1 + replicas); index++) nodes.push(await startRedisServer(undefined, { args: CLUSTER_NODE }))
  await promisify(execFile)('redis-cli', [
    '--cluster', 'create', ...nodes.map((node) => `${HOST}:${node.port}`),
    '--cluster-replicas', String(replicas), '--cluster-yes'
  ], { timeout: CREATE_TIMEOUT_MS })
  await cluster.waitUntilOk()
  return cluster
}
