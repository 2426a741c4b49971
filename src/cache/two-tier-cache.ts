import { LRUCache } from 'lru-cache'
import type { Span } from '@opentelemetry/api'
import type { BreakerState } from './circuit-breaker.ts'
import type { CacheFailure, Tier } from './failure.ts'
import { failure } from './failure.ts'
import type { CacheInput } from './keys.ts'
import type { EnvelopeCipher } from './envelope-cipher.ts'
import { assertNamespace, hashInput, namespacePrefix } from './keys.ts'
import type { MemoryTier } from './memory-tier.ts'
import { CacheCounters } from './observer.ts'
import type { CacheObserver, CacheOperation, FailureCounts, TierCounts } from './observer.ts'
import type { Invalidation, InvalidationBus } from './invalidation-bus.ts'
import { OutageReplay } from './outage-replay.ts'
import type { NamespaceGenerations } from './namespace-generations.ts'
import type { OwnerIndex } from './owner-index.ts'
import { INFO_SECTIONS, parseRedisInfo } from './redis-info.ts'
import { ReplayQueue } from './replay-queue.ts'
import type { RedisInfo } from './redis-info.ts'
import type { L2Result, LastFailure, RedisTier } from './redis-tier.ts'
import { decode, encode, estimateBytes } from './serializer.ts'
import type { Validator } from './serializer.ts'
import { SingleFlight } from './single-flight.ts'
import { inSpan, recordFailure, recordL1Hit, startCacheSpan } from './tracing.ts'
import { WriteBehind } from './write-behind.ts'
import type { QueuedWrite } from './write-behind.ts'

export interface TwoTierCacheOptions {
  keyPrefix: string
  /** `false`: every call is a pass-through (nothing stored, nothing read, `getOrSet` always computes). */
  enabled: boolean
  l1: MemoryTier
  /** Absent when no Redis is configured: the cache then runs on L1 alone. */
  l2?: RedisTier | undefined
  observer?: CacheObserver | undefined
  /** Spreads deletes and clears to the L1 of other instances; only with an L2. */
  bus?: InvalidationBus | undefined
  /**
   * Namespaces whose L1 entries are dropped each time the bus (re)subscribes, because a delete
   * or clear of theirs may have been missed while it was down. Default: every namespace.
   */
  resyncNamespaces?: readonly string[] | undefined
  /** Bounds and pace of the replay of what an outage kept from L2 (lost writes, invalidations). */
  replay?: ReplaySettings | undefined
  /** Makes a namespace clear one HINCRBY; required with an L2 (createCache provides it). See NamespaceGenerations. */
  generations?: NamespaceGenerations | undefined
  /** Seals the L2 values of the namespaces it names (personal data at rest). */
  cipher?: EnvelopeCipher | undefined
  /** Which keys derive from which owner (a CV), for erasure; only with an L2. */
  owners?: OwnerIndex | undefined
  now?: () => number
}

export interface ReplaySettings {
  maxWrites: number
  maxInvalidations: number
  intervalMs: number
}

const DEFAULT_REPLAY: ReplaySettings = { maxWrites: 10_000, maxInvalidations: 1000, intervalMs: 500 }

export interface ReadOptions<T> {
  /** Shape check for values read from Redis; a value that fails it is a `corrupt` miss. */
  validate?: Validator<T>
}

export interface MSetEntry {
  input: CacheInput
  value: unknown
}

/** One cached entry, named by its namespace and the hash of its input (`hashInput`). */
export interface EntryRef {
  namespace: string
  hash: string
}

export interface EraseResult {
  /** How many keys were looked for (those named plus those the owner's index listed). */
  keys: number
  l1Removed: number
  l2Removed: number
  /** Set when L2 could not be erased: nothing of it was removed, retry later. */
  l2Failure?: CacheFailure
}

export interface ClearResult {
  l1Removed: number
  l2Removed: number
  /** Set when L2 could not be cleared completely (or at all); `l2Removed` counts what did go. */
  l2Failure?: CacheFailure
  /** The namespace's new generation: its old L2 keys are unreachable now and unlinked in the background. */
  generation?: number
}

/**
 * What readiness and dashboards report about L2. `disabled`: the kill switch (DISABLE_CACHE)
 * turned the whole cache off; `l1_only`: no Redis configured, so L1 alone; `read_only`: connected,
 * but writes are refused (a replica). The others are the state of a configured Redis.
 */
export type L2State = 'ready' | 'down' | 'circuit_open' | 'read_only' | 'disabled' | 'l1_only'

export interface CacheStats {
  enabled: boolean
  l1: TierCounts & { entries: number, bytes: number, maxEntries: number, maxBytes: number }
  l2: TierCounts & {
    configured: boolean
    status: L2State
    breaker: BreakerState | 'none'
    breakerOpens: number
    lastFailure: LastFailure | undefined
  }
  getFailures: FailureCounts
  setFailures: FailureCounts
  clearFailures: FailureCounts
  pendingWrites: number
  /** Lost writes and invalidations waiting for Redis to return. */
  replayQueue: { writes: number, invalidations: number }
  /** Times the L1 was resynchronised after the invalidation bus (re)subscribed. */
  l1Resyncs: number
}

type Lookup<T> = { found: true, value: T } | { found: false }

const MISS: Lookup<never> = { found: false }

/** Owner links this instance remembers having written (one short string each). */
const RECENT_LINKS = 10_000

/**
 * The cache the application uses: L1 (in-process) in front of L2 (Redis). Its promise is that
 * no method throws or waits longer than the L2 deadline because of the cache: a failed read
 * is a miss, a failed write is a lost write, and each failure is reported to the observer.
 * Errors thrown by a caller's `compute` are the caller's and do propagate.
 */
export class TwoTierCache {
  readonly enabled: boolean
  private readonly keyPrefix: string
  private readonly l1: MemoryTier
  private readonly l2: RedisTier | undefined
  private readonly counters = new CacheCounters()
  private readonly observer: CacheObserver | undefined
  private readonly flights = new SingleFlight()
  private readonly writes: WriteBehind
  private readonly bus: InvalidationBus | undefined
  private readonly now: () => number
  private readonly knownNamespaces = new Set<string>()
  private readonly replayQueue: ReplayQueue
  private readonly replay: OutageReplay | undefined
  private readonly resyncPrefixes: readonly string[]
  private l1Resyncs = 0
  private readonly generations: NamespaceGenerations | undefined
  private readonly cipher: EnvelopeCipher | undefined
  private readonly owners: OwnerIndex | undefined
  private readonly recentLinks = new LRUCache<string, true>({ max: RECENT_LINKS })
  /** Background removals of old generations' keys, awaited by flush(). */
  private readonly purges = new Set<Promise<void>>()

  constructor (options: TwoTierCacheOptions) {
    this.enabled = options.enabled
    this.keyPrefix = options.keyPrefix
    this.l1 = options.l1
    this.l2 = options.l2
    this.observer = options.observer
    this.now = options.now ?? Date.now
    this.writes = new WriteBehind((batch) => this.writeToL2(batch))
    this.bus = options.bus
    const replay = options.replay ?? DEFAULT_REPLAY
    this.replayQueue = new ReplayQueue({
      maxWrites: replay.maxWrites,
      maxInvalidations: replay.maxInvalidations,
      now: this.now,
      onDrop: (kind, reason, count) => this.observer?.onReplayDropped?.(kind, reason, count)
    })
    this.replay = this.l2 === undefined
      ? undefined
      : new OutageReplay({
        l2: this.l2,
        bus: this.bus,
        queue: this.replayQueue,
        intervalMs: replay.intervalMs,
        now: this.now,
        onReplayed: (kind, count) => this.observer?.onReplayed?.(kind, count)
      })
    this.resyncPrefixes = options.resyncNamespaces === undefined
      ? [`${this.keyPrefix}:`]
      : options.resyncNamespaces.map((namespace) => namespacePrefix(this.keyPrefix, namespace))
    this.generations = options.l2 === undefined ? undefined : options.generations
    this.cipher = options.cipher
    this.owners = options.l2 === undefined ? undefined : options.owners
    this.bus?.start((invalidation) => {
      this.invalidateLocally(invalidation)
      // Another instance cleared a namespace: adopt its new generation now, not at the next refresh,
      // and clear L1 again once adopted: a read in between may have copied an old value into it.
      if (invalidation.kind === 'clear' && this.generations !== undefined) {
        void this.generations.refresh().then(() => this.invalidateLocally(invalidation))
      }
    }, () => this.resync())
    this.generations?.start()
  }

  async safeGet<T> (namespace: string, input: CacheInput, options: ReadOptions<T> = {}): Promise<T | undefined> {
    if (!this.enabled) return undefined
    const key = this.key(namespace, input)
    const fromL1 = this.readL1<T>(namespace, key)
    if (fromL1.found) return fromL1.value
    const fromL2 = await this.readL2(namespace, key, options.validate)
    return fromL2.found ? fromL2.value : undefined
  }

  /** Stores in L1 now and in L2 behind the caller's back: the response never waits for Redis. */
  safeSet (namespace: string, input: CacheInput, value: unknown, ttlSeconds: number): void {
    if (!this.enabled || value === undefined) return
    this.store(namespace, [{ key: this.key(namespace, input), value }], ttlSeconds)
  }

  /** One L1 pass, then one MGET for all the L1 misses. Results are in input order. */
  async safeMGet<T> (namespace: string, inputs: readonly CacheInput[], options: ReadOptions<T> = {}): Promise<Array<T | undefined>> {
    const results: Array<T | undefined> = new Array(inputs.length).fill(undefined)
    if (!this.enabled || inputs.length === 0) return results
    const missing: Array<{ index: number, key: string }> = []
    inputs.forEach((input, index) => {
      const key = this.key(namespace, input)
      const fromL1 = this.peekL1<T>(key)
      if (fromL1.found) results[index] = fromL1.value
      else missing.push({ index, key })
    })
    this.count(namespace, 'l1', inputs.length - missing.length, missing.length)
    if (missing.length === 0) recordL1Hit('cache.mget', namespace, inputs.length)
    if (missing.length === 0 || this.l2 === undefined) return results
    const fromL2 = await this.readManyL2(namespace, missing.map((entry) => entry.key), options.validate)
    missing.forEach((entry, position) => {
      const lookup = fromL2[position]
      if (lookup?.found === true) results[entry.index] = lookup.value
    })
    return results
  }

  /** One pipelined L2 write for the whole batch, after the caller has moved on. */
  safeMSet (namespace: string, entries: readonly MSetEntry[], ttlSeconds: number): void {
    if (!this.enabled) return
    const keyed = entries
      .filter((entry) => entry.value !== undefined)
      .map((entry) => ({ key: this.key(namespace, entry.input), value: entry.value }))
    if (keyed.length > 0) this.store(namespace, keyed, ttlSeconds)
  }

  async safeDel (namespace: string, input: CacheInput): Promise<void> {
    if (!this.enabled) return
    const key = this.key(namespace, input)
    const invalidation: Invalidation = { kind: 'delete', key }
    this.invalidateLocally(invalidation)
    if (this.replay === undefined) return
    const span = startCacheSpan('cache.del', namespace, { 'cache.tier': 'l2' })
    const outcome = await inSpan(span, () => this.replay!.invalidate(invalidation))
    if (outcome.failure !== undefined) this.reportFailure(span, 'set', namespace, outcome.failure, 1)
    span.end()
  }

  /**
   * The value for `input`: from L1, else from L2, else from `compute` (whose result is then
   * cached). Concurrent misses for one key share one L2 read and one `compute`.
   */
  async getOrSet<T> (
    namespace: string,
    input: CacheInput,
    compute: () => Promise<T>,
    ttlSeconds: number,
    options: ReadOptions<T> = {}
  ): Promise<T> {
    if (!this.enabled) return compute()
    const key = this.key(namespace, input)
    const fromL1 = this.readL1<T>(namespace, key)
    if (fromL1.found) return fromL1.value
    return this.flights.run(key, async () => {
      const fromL2 = await this.readL2(namespace, key, options.validate)
      if (fromL2.found) return fromL2.value
      const fresh = await compute()
      if (fresh !== undefined) this.store(namespace, [{ key, value: fresh }], ttlSeconds)
      return fresh
    })
  }

  /**
   * Empties a namespace: L1 at once; L2 logically at once by a new generation (one HINCRBY), the
   * old keys then by SCAN + UNLINK in bounded batches in the background (awaited by flush()).
   */
  async clearNamespace (namespace: string): Promise<ClearResult> {
    assertNamespace(namespace)
    const prefix = namespacePrefix(this.keyPrefix, namespace)
    const invalidation: Invalidation = { kind: 'clear', prefix }
    const l1Removed = this.invalidateLocally(invalidation)
    // createCache gives every L2 its generations.
    if (!this.enabled || this.replay === undefined || this.generations === undefined) return { l1Removed, l2Removed: 0 }
    const generations = this.generations
    const span = startCacheSpan('cache.clear', namespace, { 'cache.tier': 'l2' })
    const bumped = await inSpan(span, () => generations.bump(namespace))
    if (!bumped.ok) {
      this.reportFailure(span, 'clear', namespace, bumped.failure, 1)
      // Replayed once Redis answers: the old keys go then, and the other instances hear of it.
      this.replay.defer(invalidation)
      span.end()
      return { l1Removed, l2Removed: 0, l2Failure: bumped.failure }
    }
    span.setAttribute('cache.generation', bumped.value)
    await inSpan(span, () => this.replay!.announce(invalidation))
    this.purgeInBackground(span, namespace, prefix, prefix + generations.segment(namespace))
    return { l1Removed, l2Removed: 0, generation: bumped.value }
  }

  /** Unlinks the namespace's keys of every generation but `currentPrefix`'s; ends `span` when done. */
  private purgeInBackground (span: Span, namespace: string, prefix: string, currentPrefix: string): void {
    const purge = inSpan(span, () => this.l2!.unlinkMatching(`${prefix}*`, (key) => key.startsWith(currentPrefix))).then((result) => {
      if (result.failure !== undefined) this.reportFailure(span, 'set', namespace, result.failure, 1)
      span.setAttribute('cache.removed', result.removed)
      span.end()
    })
    this.purges.add(purge)
    void purge.finally(() => this.purges.delete(purge))
  }

  /**
   * Records that `entries` derive from `owner`, so that {@link eraseOwner} finds them. Behind the
   * caller's back like a write; a lost record is counted like a lost write.
   */
  linkToOwner (owner: string, entries: readonly EntryRef[], ttlSeconds: number): void {
    if (!this.enabled || this.owners === undefined || entries.length === 0) return
    const owners = this.owners
    const keys = entries.map((entry) => this.keyOfHash(entry.namespace, entry.hash))
    // A repeat (the same CV scored again) costs no round trip: the index already lists these keys.
    const linkId = `${owner}|${keys.join('|')}`
    if (this.recentLinks.has(linkId)) return
    this.recentLinks.set(linkId, true)
    void owners.add(owner, keys, ttlSeconds * 1000).then((result) => {
      if (result.ok) return
      this.recentLinks.delete(linkId)
      const span = startCacheSpan('cache.link', entries[0]!.namespace, { 'cache.tier': 'l2' })
      this.reportFailure(span, 'set', entries[0]!.namespace, result.failure, 1)
      span.end()
    })
  }

  /**
   * Physically removes every entry derived from `owner`: the ones named and the ones its index
   * lists, from this L1, from every other instance's L1 (through the bus) and from L2, with the
   * index itself. Without L2 only L1 is concerned. When L2 fails, L1 is still erased and the
   * failure is returned: the caller must say that the erasure is incomplete.
   */
  async eraseOwner (owner: string, entries: readonly EntryRef[]): Promise<EraseResult> {
    const named = entries.map((entry) => this.keyOfHash(entry.namespace, entry.hash))
    const span = startCacheSpan('cache.erase', entries[0]?.namespace ?? 'owner', { 'cache.tier': 'l2' })
    const indexed = this.owners === undefined ? { ok: true as const, value: [] } : await inSpan(span, () => this.owners!.members(owner))
    const listed = indexed.ok ? indexed.value : []
    const keys = [...new Set([...named, ...listed.filter((key) => key.startsWith(`${this.keyPrefix}:`))])]
    let l1Removed = 0
    for (const key of keys) l1Removed += this.invalidateLocally({ kind: 'delete', key })
    if (this.l2 === undefined || !this.enabled) {
      span.end()
      return { keys: keys.length, l1Removed, l2Removed: 0 }
    }
    const unlinked = indexed.ok ? await inSpan(span, () => this.l2!.unlink([...keys, this.owners!.key(owner)])) : indexed
    if (!unlinked.ok) {
      this.reportFailure(span, 'set', 'owner', unlinked.failure, keys.length)
      span.end()
      return { keys: keys.length, l1Removed, l2Removed: 0, l2Failure: unlinked.failure }
    }
    await inSpan(span, () => Promise.all(keys.map((key) => this.replay!.announce({ kind: 'delete', key }))))
    span.end()
    // The index key itself is not one of the caller's entries.
    return { keys: keys.length, l1Removed, l2Removed: unlinked.value - (listed.length > 0 ? 1 : 0) }
  }

  /** Resolves once every queued L2 write has been attempted (tests, shutdown). */
  async flush (): Promise<void> {
    await Promise.all([this.writes.flush(), ...this.purges])
  }

  /** Flushes pending writes and stops background work. The Redis client is left to its owner. */
  async close (): Promise<void> {
    await this.flush()
    this.replay?.close()
    this.l2?.close()
    this.bus?.close()
    this.generations?.close()
  }

  stats (): CacheStats {
    const breaker = this.l2?.breaker
    return {
      enabled: this.enabled,
      l1: {
        ...this.counters.tiers.l1,
        entries: this.l1.entries,
        bytes: this.l1.bytes,
        maxEntries: this.l1.maxEntries,
        maxBytes: this.l1.maxBytes
      },
      l2: {
        ...this.counters.tiers.l2,
        configured: this.l2 !== undefined,
        status: this.l2StatusLabel(),
        breaker: breaker?.state ?? 'none',
        breakerOpens: breaker?.opens ?? 0,
        lastFailure: this.l2?.lastFailure
      },
      getFailures: this.counters.getFailures,
      setFailures: this.counters.setFailures,
      clearFailures: this.counters.clearFailures,
      pendingWrites: this.writes.pending,
      replayQueue: { writes: this.replayQueue.pendingWrites, invalidations: this.replayQueue.pendingInvalidations },
      l1Resyncs: this.l1Resyncs
    }
  }

  l2StatusLabel (): L2State {
    if (!this.enabled) return 'disabled'
    if (this.l2 === undefined) return 'l1_only'
    if (this.l2.breaker.open) return 'circuit_open'
    if (this.l2.status !== 'ready') return 'down'
    return this.l2.writable ? 'ready' : 'read_only'
  }

  /** A bounded INFO call, for diagnostics; `undefined` when there is no L2. */
  async l2Info (): Promise<L2Result<RedisInfo> | undefined> {
    if (!this.enabled || this.l2 === undefined) return undefined
    const result = await this.l2.info(INFO_SECTIONS)
    return result.ok ? { ok: true, value: parseRedisInfo(result.value) } : result
  }

  /**
   * Drops entries from L1, and the writes still queued for them (which would otherwise bring
   * the values back into L2). Returns how many L1 entries went.
   */
  private invalidateLocally (invalidation: Invalidation): number {
    this.replayQueue.cancelWrites(invalidation)
    if (invalidation.kind === 'delete') {
      this.writes.discard((queued) => queued.write.key === invalidation.key)
      this.forgetLinks(invalidation.key)
      return this.l1.delete(invalidation.key) ? 1 : 0
    }
    this.writes.discard((queued) => queued.write.key.startsWith(invalidation.prefix))
    return this.l1.deleteByPrefix(invalidation.prefix)
  }

  /** A deleted entry may be cached again later: its owner link must then be written again. Deletes are rare. */
  private forgetLinks (key: string): void {
    for (const linkId of [...this.recentLinks.keys()]) {
      if (linkId.includes(`|${key}`)) this.recentLinks.delete(linkId)
    }
  }

  /**
   * The bus (re)subscribed: deletes and clears published while it was down were missed, so the
   * L1 entries they may have concerned go, and what this instance could not send goes out now.
   */
  private resync (): void {
    let removed = 0
    for (const prefix of this.resyncPrefixes) removed += this.l1.deleteByPrefix(prefix)
    this.l1Resyncs++
    this.observer?.onL1Resync?.(removed)
    // A clear by another instance may have been missed too: its generation is adopted now.
    void this.generations?.refresh()
    void this.replay?.replay()
  }

  private key (namespace: string, input: CacheInput): string {
    if (!this.knownNamespaces.has(namespace)) {
      assertNamespace(namespace)
      this.knownNamespaces.add(namespace)
    }
    return this.keyOfHash(namespace, hashInput(input))
  }

  private keyOfHash (namespace: string, hash: string): string {
    return namespacePrefix(this.keyPrefix, namespace) + (this.generations?.segment(namespace) ?? '') + hash
  }

  private peekL1<T> (key: string): Lookup<T> {
    const value = this.l1.get(key)
    return value === undefined ? MISS : { found: true, value: value as T }
  }

  private readL1<T> (namespace: string, key: string): Lookup<T> {
    const lookup = this.peekL1<T>(key)
    this.count(namespace, 'l1', lookup.found ? 1 : 0, lookup.found ? 0 : 1)
    if (lookup.found) recordL1Hit('cache.get', namespace, 1)
    return lookup
  }

  private async readL2<T> (namespace: string, key: string, validate: Validator<T> | undefined): Promise<Lookup<T>> {
    if (this.l2 === undefined) return MISS
    const [lookup] = await this.readManyL2(namespace, [key], validate)
    return lookup ?? MISS
  }

  private async readManyL2<T> (namespace: string, keys: string[], validate: Validator<T> | undefined): Promise<Array<Lookup<T>>> {
    const l2 = this.l2!
    const span = startCacheSpan(keys.length === 1 ? 'cache.get' : 'cache.mget', namespace, {
      'cache.tier': 'l2',
      'cache.batch_size': keys.length
    })
    const results = await inSpan(span, () => keys.length === 1 ? l2.get(keys[0]!).then((result) => [result]) : l2.mget(keys))
    this.reportFailures(span, 'get', namespace, results.map((result) => result.ok ? undefined : result.failure))
    const lookups = results.map((result, index) => result.ok ? this.decodeL2<T>(span, namespace, keys[index]!, result.value, validate) : MISS)
    const hits = lookups.filter((lookup) => lookup.found).length
    this.count(namespace, 'l2', hits, keys.length - hits)
    span.setAttribute('cache.hit', hits === keys.length)
    span.setAttribute('cache.hits', hits)
    span.end()
    return lookups
  }

  private decodeL2<T> (span: Span, namespace: string, key: string, text: string | null, validate: Validator<T> | undefined): Lookup<T> {
    if (text === null) return MISS
    const opened = this.cipher?.seals(namespace) === true ? this.cipher.open(text, key) : { ok: true as const, text }
    if (!opened.ok) return this.corrupt(span, namespace, opened.problem)
    const decoded = decode<T>(opened.text, validate)
    if (!decoded.ok) return this.corrupt(span, namespace, decoded.problem)
    const remainingMs = decoded.expiresAt - this.now()
    this.l1.set(key, decoded.value, remainingMs, estimateBytes(decoded.value, opened.text))
    return { found: true, value: decoded.value }
  }

  /** Counted and traced like any other failed read; the next write of this key replaces the value. */
  private corrupt (span: Span, namespace: string, problem: string): Lookup<never> {
    this.reportFailure(span, 'get', namespace, failure('corrupt', problem), 1)
    return MISS
  }

  /** A TTL that is not a positive number means "do not cache". */
  private store (namespace: string, entries: ReadonlyArray<{ key: string, value: unknown }>, ttlSeconds: number): void {
    if (!(ttlSeconds > 0)) return
    const ttlMs = ttlSeconds * 1000
    const expiresAt = this.now() + ttlMs
    const queued: QueuedWrite[] = []
    for (const { key, value } of entries) {
      const encoded = encode(value, expiresAt)
      this.l1.set(key, value, ttlMs, estimateBytes(value, encoded.text))
      if (this.l2 === undefined) continue
      const text = this.cipher?.seals(namespace) === true ? this.cipher.seal(encoded.text, key) : encoded.text
      queued.push({ namespace, write: { key, text, ttlMs }, expiresAt })
    }
    if (queued.length > 0) this.writes.enqueue(queued)
  }

  private async writeToL2 (batch: readonly QueuedWrite[]): Promise<void> {
    const l2 = this.l2!
    const byNamespace = Map.groupBy(batch, (queued) => queued.namespace)
    const spans = [...byNamespace].map(([namespace, writes]) => ({
      namespace,
      span: startCacheSpan(writes.length === 1 ? 'cache.set' : 'cache.mset', namespace, { 'cache.tier': 'l2', 'cache.batch_size': writes.length })
    }))
    const failures = await l2.setMany(batch.map((queued) => queued.write))
    for (const { namespace, span } of spans) {
      this.reportFailures(span, 'set', namespace, failures.filter((_, index) => batch[index]!.namespace === namespace))
      span.end()
    }
    // A write Redis refused for want of memory would be refused again: only lost ones are replayed.
    const lost = batch.filter((_, index) => failures[index] !== undefined && failures[index].reason !== 'oom')
    if (lost.length > 0) this.replay?.lost(lost.map((queued) => ({ key: queued.write.key, text: queued.write.text, expiresAt: queued.expiresAt })))
  }

  /** Per failed reply, not per batch: one report per reason, counting the entries it cost. */
  private reportFailures (span: Span, operation: CacheOperation, namespace: string, failures: ReadonlyArray<CacheFailure | undefined>): void {
    const byReason = new Map<string, { failure: CacheFailure, count: number }>()
    for (const failed of failures) {
      if (failed === undefined) continue
      const entry = byReason.get(failed.reason)
      if (entry === undefined) byReason.set(failed.reason, { failure: failed, count: 1 })
      else entry.count++
    }
    for (const { failure: failed, count } of byReason.values()) this.reportFailure(span, operation, namespace, failed, count)
  }

  private count (namespace: string, tier: Tier, hits: number, misses: number): void {
    if (hits > 0) {
      this.counters.onHit(namespace, tier, hits)
      this.observer?.onHit(namespace, tier, hits)
    }
    if (misses > 0) {
      this.counters.onMiss(namespace, tier, misses)
      this.observer?.onMiss(namespace, tier, misses)
    }
  }

  private reportFailure (span: Span, operation: CacheOperation, namespace: string, cacheFailure: CacheFailure, count: number): void {
    recordFailure(span, 'l2', cacheFailure)
    const event = { operation, namespace, tier: 'l2' as const, reason: cacheFailure.reason, message: cacheFailure.message, count }
    this.counters.onFailure(event)
    this.observer?.onFailure(event)
  }
}
