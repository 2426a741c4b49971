import { randomUUID } from 'node:crypto'
import type { Cluster, Redis } from 'ioredis'

export type Invalidation = { kind: 'delete', key: string } | { kind: 'clear', prefix: string }

export interface InvalidationBusOptions {
  /**
   * A connection of its own, not yet connected (a subscribed connection can do nothing else). On a
   * cluster, PUBLISH reaches the subscribers of every node, so one subscription on any node is enough.
   */
  client: Redis | Cluster
  channel: string
  /** Only invalidations of our own keys are accepted from the channel. */
  keyPrefix: string
}

/**
 * Keeps the L1s of several instances honest: a delete or a namespace clear on one instance is
 * published on a Redis channel and applied to the L1 of every other instance. Best effort by
 * design: while the bus is down, the other instances serve their L1 entries until those
 * expire, and nothing fails. Publishing goes through the L2 tier (bounded, breaker-guarded);
 * this class only encodes, subscribes and decodes.
 */
export class InvalidationBus {
  readonly channel: string
  private readonly origin = randomUUID()
  private readonly keyPrefix: string
  private readonly subscriber: Redis | Cluster

  constructor (options: InvalidationBusOptions) {
    this.channel = options.channel
    this.keyPrefix = `${options.keyPrefix}:`
    this.subscriber = options.client
  }

  /** Subscribes (again after every reconnection) and hands other instances' invalidations to `apply`. */
  start (apply: (invalidation: Invalidation) => void): void {
    // Connection errors are the L2 tier's to report; this connection only retries quietly.
    this.subscriber.on('error', () => {})
    this.subscriber.on('ready', () => { this.subscriber.subscribe(this.channel).catch(() => {}) })
    this.subscriber.on('message', (_channel: string, text: string) => {
      const invalidation = this.decode(text)
      if (invalidation !== undefined) apply(invalidation)
    })
    this.subscriber.connect().catch(() => {})
  }

  encode (invalidation: Invalidation): string {
    return JSON.stringify({ origin: this.origin, ...invalidation })
  }

  close (): void {
    this.subscriber.disconnect()
  }

  /** Our own messages and anything malformed or about foreign keys are ignored. */
  private decode (text: string): Invalidation | undefined {
    let message: { origin?: unknown, kind?: unknown, key?: unknown, prefix?: unknown }
    try {
      message = JSON.parse(text)
    } catch {
      return undefined
    }
    if (message === null || typeof message !== 'object' || message.origin === this.origin) return undefined
    if (message.kind === 'delete' && this.isOurs(message.key)) return { kind: 'delete', key: message.key }
    if (message.kind === 'clear' && this.isOurs(message.prefix)) return { kind: 'clear', prefix: message.prefix }
    return undefined
  }

  private isOurs (target: unknown): target is string {
    return typeof target === 'string' && target.startsWith(this.keyPrefix) && target.length > this.keyPrefix.length
  }
}
