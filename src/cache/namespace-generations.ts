import type { Cluster, Redis } from 'ioredis'
import { boundedCall } from './bounded-call.ts'
import type { CircuitBreaker } from './circuit-breaker.ts'
import type { L2Result } from './redis-tier.ts'

export interface NamespaceGenerationsOptions {
  keyPrefix: string
  /** The L2 connection and its breaker: generation reads and bumps are L2 calls like any other. */
  client: Redis | Cluster
  breaker: CircuitBreaker
  deadlineMs: number
  /** Re-reads every generation this often, in case a bus message was missed. */
  refreshIntervalMs?: number
}

const DEFAULT_REFRESH_MS = 30_000

/**
 * Makes clearing a namespace cheap: each namespace has a generation number, kept in Redis (so
 * that every instance agrees) and in this process, and it is part of every key of that
 * namespace. Clearing bumps it with one INCR: from then on every instance reads and writes
 * under the new generation and the old keys are unreachable at once, whatever their number;
 * deleting them is a background job. Generation 0 adds nothing to the key, so keys of
 * namespaces never cleared keep their format.
 */
export class NamespaceGenerations {
  private readonly options: NamespaceGenerationsOptions
  /** Namespaces ever cleared; the others are at generation 0. */
  private readonly current = new Map<string, number>()
  private readonly hashKey: string
  private timer: NodeJS.Timeout | undefined

  constructor (options: NamespaceGenerationsOptions) {
    this.options = options
    // One hash for all namespaces: one HGETALL reads them all.
    this.hashKey = `${options.keyPrefix}:generations`
  }

  /** Reads the generations on every (re)connection and at each refresh interval. */
  start (): void {
    this.options.client.on('ready', () => { void this.refresh() })
    this.timer = setInterval(() => { void this.refresh() }, this.options.refreshIntervalMs ?? DEFAULT_REFRESH_MS).unref()
  }

  close (): void {
    clearInterval(this.timer)
  }

  /** The key segment of the namespace's current generation ('' for generation 0). */
  segment (namespace: string): string {
    const generation = this.current.get(namespace) ?? 0
    return generation === 0 ? '' : `g${generation}:`
  }

  /** Starts a new generation in Redis; the old one's keys are no longer read by anyone. */
  async bump (namespace: string): Promise<L2Result<number>> {
    const result = await this.call(() => this.options.client.hincrby(this.hashKey, namespace, 1))
    if (result.ok) this.raise(namespace, result.value)
    return result
  }

  /** Adopts newer generations from Redis (never goes back: a lost or older answer changes nothing). */
  async refresh (): Promise<void> {
    const result = await this.call(() => this.options.client.hgetall(this.hashKey))
    if (!result.ok) return
    for (const [namespace, stored] of Object.entries(result.value)) {
      const generation = Number(stored)
      if (Number.isSafeInteger(generation)) this.raise(namespace, generation)
    }
  }

  private raise (namespace: string, generation: number): void {
    if (generation > (this.current.get(namespace) ?? 0)) this.current.set(namespace, generation)
  }

  private call<T> (command: () => Promise<T>): Promise<L2Result<T>> {
    return boundedCall(this.options.client, this.options.breaker, this.options.deadlineMs, command)
  }
}
