import type { CacheFailure } from './failure.ts'
import type { Invalidation, InvalidationBus } from './invalidation-bus.ts'
import type { RedisTier } from './redis-tier.ts'
import type { LostWrite, ReplayKind, ReplayQueue } from './replay-queue.ts'

export interface OutageReplayOptions {
  l2: RedisTier
  bus: InvalidationBus | undefined
  queue: ReplayQueue
  /** How often a non-empty queue is offered to Redis (only sent while it is connected and its circuit closed). */
  intervalMs: number
  onReplayed?: (kind: ReplayKind, count: number) => void
  now?: () => number
}

export interface InvalidationOutcome {
  /** L2 keys removed. */
  removed: number
  /** Set when the L2 change failed (the invalidation is then queued for replay). */
  failure?: CacheFailure
}

/** Writes per replayed pipeline: a long queue goes back in bounded round trips. */
const REPLAY_BATCH = 500

/**
 * Keeps L2 and the other instances' L1s in step across an outage. An invalidation changes L2
 * first and is published only once that succeeded (another instance that drops its L1 entry
 * must not re-read the old value from L2); when either step fails it is queued, as are the
 * writes that did not make it, and everything queued is replayed once Redis answers again:
 * invalidations first, then the writes that are still fresh, with SET NX so that a value
 * written since is never overwritten.
 */
export class OutageReplay {
  private readonly options: OutageReplayOptions
  private readonly now: () => number
  private timer: NodeJS.Timeout | undefined
  private replaying: Promise<void> | undefined
  private closed = false

  constructor (options: OutageReplayOptions) {
    this.options = options
    this.now = options.now ?? Date.now
  }

  /** Applies `invalidation` to L2 and publishes it; queues it when either fails. */
  async invalidate (invalidation: Invalidation): Promise<InvalidationOutcome> {
    const outcome = await this.apply(invalidation)
    if (outcome.failure !== undefined || !outcome.published) {
      this.options.queue.addInvalidation(invalidation)
      this.schedule()
    }
    return outcome.failure === undefined ? { removed: outcome.removed } : { removed: outcome.removed, failure: outcome.failure }
  }

  /** An invalidation whose L2 change could not be made now: replayed (applied, then published) once Redis answers. */
  defer (invalidation: Invalidation): void {
    this.options.queue.addInvalidation(invalidation)
    this.schedule()
  }

  /** Publishes an invalidation whose L2 change is already made; deferred when the publish fails. */
  async announce (invalidation: Invalidation): Promise<void> {
    const { l2, bus } = this.options
    if (bus === undefined) return
    const published = await l2.publish(bus.channel, bus.encode(invalidation))
    if (!published.ok) this.defer(invalidation)
  }

  /** Writes that did not reach L2. */
  lost (writes: readonly LostWrite[]): void {
    this.options.queue.addWrites(writes)
    this.schedule()
  }

  /** Replays what is queued if Redis is usable; one replay at a time. */
  replay (): Promise<void> {
    this.replaying ??= this.replayQueued().finally(() => {
      this.replaying = undefined
      this.schedule()
    })
    return this.replaying
  }

  close (): void {
    this.closed = true
    clearTimeout(this.timer)
  }

  private schedule (): void {
    if (this.closed || this.timer !== undefined || this.options.queue.empty) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.replay()
    }, this.options.intervalMs).unref()
  }

  private async replayQueued (): Promise<void> {
    const { l2, queue, onReplayed } = this.options
    // While Redis is away every call would fail at once; the queue waits for the next tick.
    if (l2.status !== 'ready' || l2.breaker.open) return
    for (const invalidation of queue.invalidationsToReplay()) {
      const outcome = await this.apply(invalidation)
      if (outcome.failure !== undefined || !outcome.published) return
      queue.settleInvalidation(invalidation)
      onReplayed?.('invalidation', 1)
    }
    const writes = queue.writesToReplay()
    for (let start = 0; start < writes.length; start += REPLAY_BATCH) {
      const batch = writes.slice(start, start + REPLAY_BATCH)
      const now = this.now()
      const failures = await l2.setMany(batch.map((write) => ({ key: write.key, text: write.text, ttlMs: write.expiresAt - now, onlyIfAbsent: true })))
      const stored = batch.filter((_, index) => failures[index] === undefined)
      queue.settleWrites(stored)
      if (stored.length > 0) onReplayed?.('write', stored.length)
      // The rest stay queued for the next attempt.
      if (stored.length < batch.length) return
    }
  }

  private async apply (invalidation: Invalidation): Promise<InvalidationOutcome & { published: boolean }> {
    const { l2, bus } = this.options
    const change = invalidation.kind === 'delete'
      ? await l2.unlink([invalidation.key]).then((result) => result.ok ? { removed: result.value } : { removed: 0, failure: result.failure })
      : await l2.unlinkMatching(`${invalidation.prefix}*`)
    if (change.failure !== undefined) return { ...change, published: false }
    if (bus === undefined) return { removed: change.removed, published: true }
    const published = await l2.publish(bus.channel, bus.encode(invalidation))
    return { removed: change.removed, published: published.ok }
  }
}
