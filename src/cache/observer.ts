import type { FailureReason, Tier } from './failure.ts'
import { FAILURE_REASONS } from './failure.ts'
import type { ReplayDropReason, ReplayKind } from './replay-queue.ts'

/** A failed `clear` is its own operation: nothing was lost, a namespace was not (fully) emptied. */
export type CacheOperation = 'get' | 'set' | 'clear'

export interface FailureEvent {
  operation: CacheOperation
  namespace: string
  tier: Tier
  reason: FailureReason
  message: string
  /** How many entries the failure concerns (a failed batch write counts each entry). */
  count: number
}

/**
 * What the cache tells the outside world. The library only counts; adapters (the Fastify
 * plugin) turn these calls into Prometheus metrics and log lines.
 */
export interface CacheObserver {
  onHit (namespace: string, tier: Tier, count: number): void
  onMiss (namespace: string, tier: Tier, count: number): void
  onFailure (event: FailureEvent): void
  /** Entries of the replay queue that reached Redis after an outage. */
  onReplayed? (kind: ReplayKind, count: number): void
  /** Entries of the replay queue given up (queue full, or expired before Redis returned). */
  onReplayDropped? (kind: ReplayKind, reason: ReplayDropReason, count: number): void
  /** The L1 was resynchronised after the invalidation bus (re)subscribed; `removed` entries went. */
  onL1Resync? (removed: number): void
}

export interface FailureCounts {
  total: number
  byReason: Record<FailureReason, number>
}

export interface TierCounts {
  hits: number
  misses: number
}

function emptyFailureCounts (): FailureCounts {
  const byReason = Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<FailureReason, number>
  return { total: 0, byReason }
}

/** In-process totals since start, for `/api/cache/stats`. */
export class CacheCounters implements CacheObserver {
  readonly tiers: Record<Tier, TierCounts> = { l1: { hits: 0, misses: 0 }, l2: { hits: 0, misses: 0 } }
  readonly getFailures = emptyFailureCounts()
  readonly setFailures = emptyFailureCounts()
  readonly clearFailures = emptyFailureCounts()

  onHit (_namespace: string, tier: Tier, count: number): void {
    this.tiers[tier].hits += count
  }

  onMiss (_namespace: string, tier: Tier, count: number): void {
    this.tiers[tier].misses += count
  }

  onFailure (event: FailureEvent): void {
    const counts = { get: this.getFailures, set: this.setFailures, clear: this.clearFailures }[event.operation]
    counts.total += event.count
    counts.byReason[event.reason] += event.count
  }
}
