import { Redis } from 'ioredis'
import type { L2Connection, RedisConnectionSettings, Topology } from './l2-connection.ts'
import { boundedClientOptions, closeClient } from './redis-client.ts'

/**
 * One Redis connection that holds every key: a standalone server, or the master a Sentinel
 * group names. Multi-key commands need no grouping.
 */
export class SingleNodeConnection implements L2Connection {
  readonly topology: Topology
  readonly client: Redis

  /** How a duplicate is adapted like the client itself (Sentinel's recovery from a lost failover). */
  private readonly adaptDuplicate: (duplicate: Redis) => Redis

  constructor (topology: Topology, client: Redis, adaptDuplicate: (duplicate: Redis) => Redis = (duplicate) => duplicate) {
    this.topology = topology
    this.client = client
    this.adaptDuplicate = adaptDuplicate
  }

  partition (keys: readonly string[]): number[][][] {
    return [[keys.map((_, index) => index)]]
  }

  masters (): Redis[] {
    return [this.client]
  }

  /** ROLE, not PING: a replica answers PING too, and refuses every write. */
  async checkWritable (): Promise<void> {
    const role = await this.client.call('ROLE') as unknown[]
    if (role[0] !== 'master') throw new Error(`READONLY the node's role is ${String(role[0])}`)
  }

  duplicate (): Redis {
    return this.adaptDuplicate(this.client.duplicate())
  }

  connect (): void {
    // Not awaited: a failed first attempt is retried in the background.
    this.client.connect().catch(() => {})
  }

  close (): Promise<void> {
    return closeClient(this.client)
  }
}

/** REDIS_URL: one server (credentials and TLS in the URL, or REDIS_USERNAME/REDIS_PASSWORD/REDIS_TLS). */
export function createStandaloneConnection (settings: RedisConnectionSettings, url: string): SingleNodeConnection {
  return new SingleNodeConnection('standalone', new Redis(url, boundedClientOptions(settings)))
}
