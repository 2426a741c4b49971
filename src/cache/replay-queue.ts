import type { Invalidation } from './invalidation-bus.ts'

/** An L2 write that failed, kept to be written once Redis is back. */
export interface LostWrite {
  key: string
  text: string
  /** Absolute expiry (epoch ms): replayed with the TTL that remains, skipped once it has passed. */
  expiresAt: number
}

export type ReplayKind = 'write' | 'invalidation'
/** `overflow`: the queue was full and this was its oldest entry; `expired`: its TTL ran out before Redis came back. */
export type ReplayDropReason = 'overflow' | 'expired'

export interface ReplayQueueOptions {
  maxWrites: number
  maxInvalidations: number
  onDrop?: (kind: ReplayKind, reason: ReplayDropReason, count: number) => void
  now?: () => number
}

/**
 * What an outage took from L2, kept for when Redis returns: lost writes and invalidations
 * (deletes, namespace clears) whose L2 change or publication failed. Bounded (the oldest entry
 * goes first, counted) and last-wins: one entry per key or namespace, the latest. An
 * invalidation also cancels the pending writes it covers, so a replay never brings back a value
 * deleted after it was written.
 *
 * Replaying is the caller's: it takes a snapshot, and settles the entries that made it to
 * Redis. An entry replaced or cancelled meanwhile is left alone by `settle`, so a replay that
 * raced a newer change never removes that change.
 */
export class ReplayQueue {
  private readonly writes = new Map<string, LostWrite>()
  private readonly invalidations = new Map<string, Invalidation>()
  private readonly options: ReplayQueueOptions
  private readonly now: () => number

  constructor (options: ReplayQueueOptions) {
    this.options = options
    this.now = options.now ?? Date.now
  }

  get pendingWrites (): number {
    return this.writes.size
  }

  get pendingInvalidations (): number {
    return this.invalidations.size
  }

  get empty (): boolean {
    return this.writes.size === 0 && this.invalidations.size === 0
  }

  addWrites (writes: readonly LostWrite[]): void {
    for (const write of writes) {
      // Deleting first moves the key to the end: the newest write is also the last to be evicted.
      this.writes.delete(write.key)
      this.writes.set(write.key, write)
    }
    this.evict(this.writes, this.options.maxWrites, 'write')
  }

  addInvalidation (invalidation: Invalidation): void {
    this.cancelWrites(invalidation)
    if (invalidation.kind === 'clear') {
      // A pending delete inside the cleared namespace is covered by the clear.
      for (const [id, pending] of this.invalidations) {
        if (pending.kind === 'delete' && pending.key.startsWith(invalidation.prefix)) this.invalidations.delete(id)
      }
    }
    const id = invalidationId(invalidation)
    this.invalidations.delete(id)
    this.invalidations.set(id, invalidation)
    this.evict(this.invalidations, this.options.maxInvalidations, 'invalidation')
  }

  /** Drops pending writes that `invalidation` deletes (it happened after them). */
  cancelWrites (invalidation: Invalidation): void {
    if (invalidation.kind === 'delete') {
      this.writes.delete(invalidation.key)
      return
    }
    for (const key of this.writes.keys()) {
      if (key.startsWith(invalidation.prefix)) this.writes.delete(key)
    }
  }

  /** The pending invalidations, oldest first. They stay queued until settled. */
  invalidationsToReplay (): Invalidation[] {
    return [...this.invalidations.values()]
  }

  /** The pending writes that have not expired, oldest first; expired ones are dropped (counted). */
  writesToReplay (): LostWrite[] {
    const now = this.now()
    const live: LostWrite[] = []
    let expired = 0
    for (const [key, write] of this.writes) {
      if (write.expiresAt > now) {
        live.push(write)
      } else {
        this.writes.delete(key)
        expired++
      }
    }
    if (expired > 0) this.options.onDrop?.('write', 'expired', expired)
    return live
  }

  /** Removes replayed invalidations, unless a newer one for the same target was queued meanwhile. */
  settleInvalidation (invalidation: Invalidation): void {
    const id = invalidationId(invalidation)
    if (this.invalidations.get(id) === invalidation) this.invalidations.delete(id)
  }

  /** Removes replayed writes, unless a newer write for the key was queued meanwhile. */
  settleWrites (writes: readonly LostWrite[]): void {
    for (const write of writes) {
      if (this.writes.get(write.key) === write) this.writes.delete(write.key)
    }
  }

  private evict<T> (entries: Map<string, T>, max: number, kind: ReplayKind): void {
    let dropped = 0
    for (const id of entries.keys()) {
      if (entries.size <= max) break
      entries.delete(id)
      dropped++
    }
    if (dropped > 0) this.options.onDrop?.(kind, 'overflow', dropped)
  }
}

function invalidationId (invalidation: Invalidation): string {
  return invalidation.kind === 'delete' ? `key:${invalidation.key}` : `prefix:${invalidation.prefix}`
}
