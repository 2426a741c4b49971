import type { Cluster, Redis } from 'ioredis'
import { boundedCall } from './bounded-call.ts'
import type { CircuitBreaker } from './circuit-breaker.ts'
import type { L2Result } from './redis-tier.ts'

export interface OwnerIndexOptions {
  keyPrefix: string
  client: Redis | Cluster
  breaker: CircuitBreaker
  deadlineMs: number
}

/**
 * Remembers, in Redis, which cache keys were derived from one owner (a CV), so that erasing the
 * owner finds every one of them even when they cannot be recomputed from what the eraser sends
 * (a role cached from a CV whose parse result has expired). One SET per owner, named by the
 * owner's hash; it holds keys (hashes), never content, and expires with the longest-lived key.
 */
export class OwnerIndex {
  private readonly options: OwnerIndexOptions

  constructor (options: OwnerIndexOptions) {
    this.options = options
  }

  key (owner: string): string {
    return `${this.options.keyPrefix}:owner:${owner}`
  }

  add (owner: string, keys: readonly string[], ttlMs: number): Promise<L2Result<unknown>> {
    const indexKey = this.key(owner)
    return this.call(() => this.options.client.multi()
      .sadd(indexKey, ...keys)
      .pexpire(indexKey, Math.max(1, Math.round(ttlMs)), 'GT')
      .pexpire(indexKey, Math.max(1, Math.round(ttlMs)), 'NX')
      .exec())
  }

  members (owner: string): Promise<L2Result<string[]>> {
    return this.call(() => this.options.client.smembers(this.key(owner)))
  }

  private call<T> (command: () => Promise<T>): Promise<L2Result<T>> {
    return boundedCall(this.options.client, this.options.breaker, this.options.deadlineMs, command)
  }
}
