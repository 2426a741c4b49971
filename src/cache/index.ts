import { CircuitBreaker } from './circuit-breaker.ts'
import { EnvelopeCipher } from './envelope-cipher.ts'
import type { CipherKey } from './envelope-cipher.ts'
import { InvalidationBus } from './invalidation-bus.ts'
import type { L2Connection } from './l2-connection.ts'
import { MemoryTier } from './memory-tier.ts'
import { NamespaceGenerations } from './namespace-generations.ts'
import { OwnerIndex } from './owner-index.ts'
import type { CacheObserver } from './observer.ts'
import { RedisTier } from './redis-tier.ts'
import type { L2LatencyObserver } from './redis-tier.ts'
import { TwoTierCache } from './two-tier-cache.ts'

export { TwoTierCache } from './two-tier-cache.ts'
export type { CacheStats, ClearResult, EntryRef, EraseResult, L2State, MSetEntry, ReadOptions } from './two-tier-cache.ts'
export type { CacheObserver, FailureEvent } from './observer.ts'
export type { CacheFailure, FailureReason, Tier } from './failure.ts'
export { classifyError, FAILURE_REASONS } from './failure.ts'
export type { CacheInput } from './keys.ts'
export type { Validator } from './serializer.ts'
export type { L2Operation } from './redis-tier.ts'
export type { ReplayDropReason, ReplayKind } from './replay-queue.ts'
export { hashInput } from './keys.ts'
export { createL2Connection } from './create-l2-connection.ts'
export type { HostPort, L2Connection, RedisConnectionSettings, RedisTopology, Topology } from './l2-connection.ts'

export interface CacheSettings {
  /** `false` turns every cache operation into a pass-through (DISABLE_CACHE=true). */
  enabled: boolean
  keyPrefix: string
  l2CommandTimeoutMs: number
  breakerFailureThreshold: number
  breakerCooldownMs: number
  breakerMaxCooldownMs: number
  /** 0..1 */
  breakerCooldownJitter: number
  breakerWindowMs: number
  breakerMinCallsInWindow: number
  /** 0..1 */
  breakerFailureRateThreshold: number
  breakerSlowCallMs: number
  /** Bounds and pace of the replay of lost L2 writes and invalidations once Redis returns. */
  replayMaxWrites: number
  replayMaxInvalidations: number
  replayIntervalMs: number
  l1MaxEntries: number
  l1MaxBytes: number
  /** Namespaces whose L1 entries go when the invalidation bus resubscribes; every namespace when absent. */
  resyncNamespaces?: readonly string[] | undefined
  /** Seal the L2 values of `sealedNamespaces` with these keys (the first seals); none: stored in clear. */
  encryptionKeys?: readonly CipherKey[]
  sealedNamespaces?: readonly string[]
}

export interface CacheDependencies {
  /** The Redis deployment for L2 (any topology); without one the cache runs on L1 alone. */
  l2?: L2Connection | undefined
  observer?: CacheObserver | undefined
  onL2Latency?: L2LatencyObserver | undefined
}

export function createCache (settings: CacheSettings, dependencies: CacheDependencies = {}): TwoTierCache {
  const connection = dependencies.l2
  const l2 = connection === undefined
    ? undefined
    : new RedisTier({
      connection,
      breaker: breakerFor(settings),
      deadlineMs: settings.l2CommandTimeoutMs,
      slowCallMs: settings.breakerSlowCallMs,
      onLatency: dependencies.onL2Latency
    })
  const bus = connection === undefined || !settings.enabled
    ? undefined
    : new InvalidationBus({ client: connection.duplicate(), channel: `${settings.keyPrefix}:invalidations`, keyPrefix: settings.keyPrefix })
  // The generations and owner bookkeeping (background refreshes, clears, erasures) judge Redis by
  // their own calls: sharing the tiers' breaker, their successes would dilute the failure rate
  // of the request path's window (and a hung Redis would stay in the request path longer).
  const bookkeeping = connection === undefined ? undefined : breakerFor(settings)
  const generations = connection === undefined || bookkeeping === undefined || !settings.enabled
    ? undefined
    : new NamespaceGenerations({
      keyPrefix: settings.keyPrefix,
      client: connection.client,
      breaker: bookkeeping,
      deadlineMs: settings.l2CommandTimeoutMs
    })
  const keys = settings.encryptionKeys ?? []
  return new TwoTierCache({
    enabled: settings.enabled,
    keyPrefix: settings.keyPrefix,
    l1: new MemoryTier({ maxEntries: settings.l1MaxEntries, maxBytes: settings.l1MaxBytes }),
    l2,
    bus,
    resyncNamespaces: settings.resyncNamespaces,
    replay: { maxWrites: settings.replayMaxWrites, maxInvalidations: settings.replayMaxInvalidations, intervalMs: settings.replayIntervalMs },
    generations,
    cipher: keys.length === 0 ? undefined : new EnvelopeCipher(keys, settings.sealedNamespaces ?? []),
    owners: connection === undefined || bookkeeping === undefined
      ? undefined
      : new OwnerIndex({ keyPrefix: settings.keyPrefix, client: connection.client, breaker: bookkeeping, deadlineMs: settings.l2CommandTimeoutMs }),
    observer: dependencies.observer
  })
}
function breakerFor (settings: CacheSettings): CircuitBreaker {
  return new CircuitBreaker({
    failureThreshold: settings.breakerFailureThreshold,
    cooldownMs: settings.breakerCooldownMs,
    maxCooldownMs: settings.breakerMaxCooldownMs,
    cooldownJitter: settings.breakerCooldownJitter,
    windowMs: settings.breakerWindowMs,
    minCallsInWindow: settings.breakerMinCallsInWindow,
    failureRateThreshold: settings.breakerFailureRateThreshold
  })
}

export type { RedisInfo } from './redis-info.ts'
export type { L2Result } from './redis-tier.ts'
export { FailSafeCache } from './fail-safe.ts'
export type { CachedValue, FailSafePolicy, FailSafeWrite } from './fail-safe.ts'
export type { EntryUsage } from './fail-safe-entry.ts'
