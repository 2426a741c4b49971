import type { L2Write } from './redis-tier.ts'

export interface QueuedWrite {
  namespace: string
  write: L2Write
  /** Absolute expiry (epoch ms), for a replay after a lost write. */
  expiresAt: number
}

export type BatchWriter = (batch: readonly QueuedWrite[]) => Promise<void>

/**
 * L2 writes leave the request path: they are queued, and everything queued during one turn of
 * the event loop goes to Redis as a single pipeline. The writer reports its own failures; this
 * class only keeps track of what is pending so that `flush()` can wait for it.
 */
export class WriteBehind {
  private readonly writer: BatchWriter
  private queue: QueuedWrite[] = []
  private scheduled: NodeJS.Immediate | undefined
  private readonly inFlight = new Set<Promise<void>>()
  private inFlightWrites = 0

  constructor (writer: BatchWriter) {
    this.writer = writer
  }

  enqueue (writes: readonly QueuedWrite[]): void {
    this.queue.push(...writes)
    this.scheduled ??= setImmediate(() => this.drain())
  }

  /** Drops queued writes that have not been sent yet (their key was deleted meanwhile). */
  discard (shouldDrop: (queued: QueuedWrite) => boolean): void {
    this.queue = this.queue.filter((queued) => !shouldDrop(queued))
  }

  /** Writes queued or on their way to Redis. */
  get pending (): number {
    return this.queue.length + this.inFlightWrites
  }

  async flush (): Promise<void> {
    this.drain()
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  private drain (): void {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled)
    this.scheduled = undefined
    if (this.queue.length === 0) return
    const batch = this.queue
    this.queue = []
    this.inFlightWrites += batch.length
    const writing = new Promise<void>((resolve) => resolve(this.writer(batch)))
      // The writer reports its own failures; a rejection could only come from a bug in that
      // reporting, and a cache write must never become an unhandled rejection.
      .catch(() => {})
      .finally(() => {
        this.inFlightWrites -= batch.length
        this.inFlight.delete(writing)
      })
    this.inFlight.add(writing)
  }
}
