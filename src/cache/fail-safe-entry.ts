/**
 * A cached value with two expiries, as FusionCache and BentoCache keep them: `freshUntil` (the
 * logical expiry, the TTL) and `expiresAt` (the physical one, TTL + grace). Between the two the
 * value is stale: not answered as if fresh, but kept so that it can be served when the source
 * fails. The serializer stores these fields in the envelope (src/cache/serializer.ts); a plain
 * value (anything else) keeps one expiry, as before.
 */

/** What computing the value cost, recorded with it: each hit saves as much. */
export interface EntryUsage {
  inputTokens: number
  outputTokens: number
}

export class FailSafeEntry<T = unknown> {
  readonly value: T
  /** Epoch ms: the value is fresh until then. */
  readonly freshUntil: number
  /** Epoch ms: the value is gone after then. */
  readonly expiresAt: number
  /** Re-cached after the source failed: fresh only so the source is not asked again at once. */
  readonly failSafe: boolean
  readonly usage: EntryUsage | undefined

  constructor (value: T, times: { freshUntil: number, expiresAt: number }, failSafe = false, usage?: EntryUsage) {
    this.value = value
    this.freshUntil = times.freshUntil
    this.expiresAt = times.expiresAt
    this.failSafe = failSafe
    this.usage = usage
  }
}
