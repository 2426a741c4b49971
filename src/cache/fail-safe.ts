import { FailSafeEntry } from './fail-safe-entry.ts'
import type { EntryUsage } from './fail-safe-entry.ts'
import type { CacheInput } from './keys.ts'
import { cacheKey } from './keys.ts'
import type { Validator } from './serializer.ts'
import { SingleFlight } from './single-flight.ts'
import type { TwoTierCache } from './two-tier-cache.ts'

/** One namespace's lifetimes: fresh for `ttlSeconds`, then kept (stale) for `graceSeconds` more. */
export interface FailSafePolicy {
  namespace: string
  ttlSeconds: number
  graceSeconds: number
}

/** A value read back, with what the caller needs to decide whether to answer it. */
export interface CachedValue<T> {
  value: T
  /** Within its logical expiry (a fail-safe re-cache included). */
  fresh: boolean
  /** Re-cached after a failure: an answer from it is stale, however fresh the entry looks. */
  failSafe: boolean
  /** What computing it cost; a hit saves as much. */
  usage: EntryUsage | undefined
  /** Epoch ms of the logical expiry. */
  freshUntil: number
  /** Epoch ms of the physical expiry (end of grace). */
  expiresAt: number
}

export interface FailSafeWrite {
  input: CacheInput
  value: unknown
  usage?: EntryUsage | undefined
}

/**
 * Fail-safe on top of the two-tier cache: values live past their TTL, for a grace period, so a
 * failing source can be answered for with the last good value (FusionCache's fail-safe,
 * BentoCache's grace). The cache itself stays as it was: entries are `FailSafeEntry` values
 * stored with the physical TTL, and the serializer keeps the logical expiry in the envelope.
 * Background refreshes of one key run once at a time (`refreshOnce`).
 */
export class FailSafeCache {
  private readonly cache: TwoTierCache
  private readonly now: () => number
  private readonly refreshes = new SingleFlight()

  constructor (cache: TwoTierCache, now: () => number = Date.now) {
    this.cache = cache
    this.now = now
  }

  async read<T> (policy: FailSafePolicy, input: CacheInput, validate: Validator<T>): Promise<CachedValue<T> | undefined> {
    const entry = await this.cache.safeGet(policy.namespace, input, { validate: entryOf(validate) })
    return this.view(entry)
  }

  /** One L1 pass and one MGET, in input order. */
  async readMany<T> (policy: FailSafePolicy, inputs: readonly CacheInput[], validate: Validator<T>): Promise<Array<CachedValue<T> | undefined>> {
    const entries = await this.cache.safeMGet(policy.namespace, inputs, { validate: entryOf(validate) })
    return entries.map((entry) => this.view(entry))
  }

  /** Fresh for the TTL, kept for the grace after it. */
  write (policy: FailSafePolicy, input: CacheInput, value: unknown, usage?: EntryUsage): void {
    this.writeMany(policy, [{ input, value, usage }])
  }

  writeMany (policy: FailSafePolicy, writes: readonly FailSafeWrite[]): void {
    const now = this.now()
    const lifeSeconds = policy.ttlSeconds + policy.graceSeconds
    const times = { freshUntil: now + policy.ttlSeconds * 1000, expiresAt: now + lifeSeconds * 1000 }
    this.cache.safeMSet(policy.namespace, writes.map((write) => ({
      input: write.input,
      value: write.value === undefined ? undefined : new FailSafeEntry(write.value, times, false, write.usage)
    })), lifeSeconds)
  }

  /**
   * After the source failed: the stale value is answered again for `throttleSeconds` without
   * asking the source (so a failing source is not hammered), marked fail-safe. Its physical
   * expiry does not move: grace bounds how old an answer can ever be.
   */
  throttle<T> (policy: FailSafePolicy, input: CacheInput, cached: CachedValue<T>, throttleSeconds: number): void {
    const now = this.now()
    const remainingSeconds = (cached.expiresAt - now) / 1000
    if (!(remainingSeconds > 0)) return
    const freshUntil = Math.min(cached.expiresAt, now + throttleSeconds * 1000)
    const entry = new FailSafeEntry(cached.value, { freshUntil, expiresAt: cached.expiresAt }, true, cached.usage)
    this.cache.safeSet(policy.namespace, input, entry, remainingSeconds)
  }

  /** Runs `work` for this key unless a run is already in flight, whose promise is shared. */
  refreshOnce<T> (policy: FailSafePolicy, input: CacheInput, work: () => Promise<T>): Promise<T> {
    return this.refreshes.run(cacheKey('refresh', policy.namespace, input), work)
  }

  /**
   * Eager refresh: true once `fraction` of the TTL has passed on a fresh entry. The caller
   * starts one background refresh (through `refreshOnce`) and still answers the cached value.
   */
  refreshDue (policy: FailSafePolicy, cached: CachedValue<unknown>, fraction: number): boolean {
    if (!cached.fresh || cached.failSafe) return false
    const refreshAt = cached.freshUntil - policy.ttlSeconds * 1000 * (1 - fraction)
    return this.now() >= refreshAt
  }

  /** L1 hands values back unchecked: anything but an entry (a plain value of an older writer) is a miss. */
  private view<T> (entry: FailSafeEntry<T> | undefined): CachedValue<T> | undefined {
    if (!(entry instanceof FailSafeEntry)) return undefined
    return {
      value: entry.value,
      fresh: this.now() < entry.freshUntil,
      failSafe: entry.failSafe,
      usage: entry.usage,
      freshUntil: entry.freshUntil,
      expiresAt: entry.expiresAt
    }
  }
}

/** The stored entry's shape check: a `FailSafeEntry` whose value passes the caller's check. */
function entryOf<T> (validate: Validator<T>): Validator<FailSafeEntry<T>> {
  return (stored: unknown): stored is FailSafeEntry<T> => stored instanceof FailSafeEntry && validate(stored.value)
}
