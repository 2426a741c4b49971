import type { Cluster, Redis } from 'ioredis'

/**
 * The L2 port: what RedisTier needs from a Redis deployment, whatever its topology. One adapter
 * per topology (standalone-connection.ts, sentinel-connection.ts, cluster-connection.ts) builds
 * the ioredis client with the bounds every call relies on (no offline queue, a command timeout
 * backstop, background reconnection) and answers the questions only the topology can: which keys
 * may share a command, which nodes hold keys, and whether writes can go through.
 */
export interface L2Connection {
  readonly topology: Topology
  /** Single-key commands, PUBLISH, INFO and pipelines go through it. */
  readonly client: Redis | Cluster
  /**
   * Key indices grouped by the node that serves them, then by hash slot: the keys of one slot
   * may share a multi-key command (never CROSSSLOT), the slots of one node one pipeline (one round
   * trip per node). A single-node topology returns one node with one group holding every key.
   */
  partition (keys: readonly string[]): number[][][]
  /** A connection to every master, for commands that only see one node's keys (SCAN). */
  masters (): Redis[]
  /** Resolves when the deployment takes writes right now; rejects (classifiable) when it does not. */
  checkWritable (): Promise<void>
  /** A second client of the same deployment, for SUBSCRIBE (a subscribed connection can do nothing else). */
  duplicate (): Redis | Cluster
  /** Starts connecting in the background; never to be awaited by boot. */
  connect (): void
  /** QUIT (briefly awaited) then disconnect. */
  close (): Promise<void>
}

export type Topology = 'standalone' | 'cluster' | 'sentinel'

export interface HostPort {
  host: string
  port: number
}

export type RedisTopology =
  | { kind: 'standalone', url: string }
  | { kind: 'cluster', nodes: HostPort[] }
  | { kind: 'sentinel', sentinels: HostPort[], masterName: string, sentinelPassword: string | undefined }

/** How to reach Redis: the topology, with credentials and TLS shared by every node. */
export interface RedisConnectionSettings {
  topology: RedisTopology
  username: string | undefined
  password: string | undefined
  tls: boolean
  /** PEM file of the CA that signed the servers' certificates; the system's CAs when undefined. */
  tlsCaFile: string | undefined
  commandTimeoutMs: number
  connectTimeoutMs: number
  maxReconnectDelayMs: number
}
