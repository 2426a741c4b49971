import calculateSlot from 'cluster-key-slot'
import { Cluster } from 'ioredis'
import type { Redis } from 'ioredis'
import type { HostPort, L2Connection, RedisConnectionSettings } from './l2-connection.ts'
import { boundedClientOptions, closeClient, isReadonlyReply, reconnectDelay } from './redis-client.ts'

/**
 * How often the slot map is read again without being asked to. A shard failover is otherwise
 * only noticed by the first command to the dead master; with this, writes find the promoted
 * replica within a second of the cluster announcing it.
 */
const SLOTS_REFRESH_INTERVAL_MS = 1000

/**
 * REDIS_CLUSTER_NODES: ioredis' Cluster follows MOVED and ASK itself (a followed redirect is not
 * a failure), refreshes the slot map, and routes single-key commands. What it does not do is
 * split a multi-key command over slots: `partition` groups keys by node, then by slot.
 */
export class ClusterConnection implements L2Connection {
  readonly topology = 'cluster' as const
  readonly client: Cluster

  constructor (client: Cluster) {
    this.client = client
  }

  partition (keys: readonly string[]): number[][][] {
    const byNode = new Map<string, Map<number, number[]>>()
    keys.forEach((key, index) => {
      const slot = calculateSlot(key)
      // ioredis lets one pipeline hold commands for several slots when the same nodes serve them.
      const node = this.client.slots[slot]?.join(',') ?? ''
      let slots = byNode.get(node)
      if (slots === undefined) byNode.set(node, slots = new Map())
      const group = slots.get(slot)
      if (group === undefined) slots.set(slot, [index])
      else group.push(index)
    })
    return [...byNode.values()].map((slots) => [...slots.values()])
  }

  masters (): Redis[] {
    return this.client.nodes('master')
  }

  /** CLUSTER INFO: every slot served by a master (`cluster_state:ok`), or the cluster refuses writes. */
  async checkWritable (): Promise<void> {
    const info = await this.client.cluster('INFO')
    if (!/^cluster_state:ok\r?$/m.test(info)) throw new Error('CLUSTERDOWN cluster_state is not ok')
  }

  duplicate (): Cluster {
    return this.client.duplicate()
  }

  connect (): void {
    this.client.connect().catch(() => {})
  }

  close (): Promise<void> {
    return closeClient(this.client)
  }
}

export function createClusterConnection (settings: RedisConnectionSettings, nodes: readonly HostPort[]): ClusterConnection {
  // retryStrategy and enableOfflineQueue are the Cluster's own (below); a node connection that
  // drops is not reconnected by itself but found again through the slot map.
  const { retryStrategy: _node, enableOfflineQueue: _queue, ...nodeOptions } = boundedClientOptions(settings)
  const cluster: Cluster = new Cluster(nodes.map((node) => ({ ...node })), {
    lazyConnect: true,
    // Also the cluster-level queue (commands sent while the slot map is being fetched): off.
    // The cluster's other waits (redirections, failover retries) are bounded by RedisTier's deadline.
    enableOfflineQueue: false,
    enableReadyCheck: true,
    scaleReads: 'master',
    clusterRetryStrategy: (attempt: number) => reconnectDelay(attempt, settings.maxReconnectDelayMs),
    slotsRefreshTimeout: settings.connectTimeoutMs,
    slotsRefreshInterval: SLOTS_REFRESH_INTERVAL_MS,
    // TLS certificates name the nodes, not their IPs: keep the names the cluster announces.
    ...(settings.tls ? { dnsLookup: (address: string, callback: (error: null, address: string) => void) => callback(null, address) } : {}),
    redisOptions: {
      ...nodeOptions,
      // READONLY from a node means our slot map is stale (the shard failed over): read it again.
      reconnectOnError: (error: Error) => {
        if (isReadonlyReply(error)) cluster.refreshSlotsCache()
        return false
      }
    }
  })
  return new ClusterConnection(cluster)
}
