import { LRUCache } from 'lru-cache'

export interface MemoryTierOptions {
  maxEntries: number
  maxBytes: number
}

/**
 * L1: an in-process LRU bounded by entry count AND by estimated bytes, with a TTL per entry.
 * It stores decoded values, so a hit costs a map lookup and nothing else. Values are shared
 * with callers and must be treated as immutable.
 */
/** lru-cache cannot hold null, yet "looked it up, there is nothing" is worth caching. */
const NULL_VALUE = Symbol('null')

export class MemoryTier {
  private readonly lru: LRUCache<string, NonNullable<unknown>>
  readonly maxEntries: number
  readonly maxBytes: number

  constructor (options: MemoryTierOptions) {
    this.maxEntries = options.maxEntries
    this.maxBytes = options.maxBytes
    this.lru = new LRUCache({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      // Expired entries go on their next read; eviction bounds the rest, no timers needed.
      ttlAutopurge: false
    })
  }

  /** `undefined` is a miss; a cached `null` comes back as `null`. */
  get (key: string): unknown {
    const value = this.lru.get(key)
    return value === NULL_VALUE ? null : value
  }

  /** An entry larger than the whole byte budget is not stored (lru-cache refuses it). */
  set (key: string, value: unknown, ttlMs: number, sizeBytes: number): void {
    if (ttlMs <= 0 || value === undefined) return
    this.lru.set(key, value ?? NULL_VALUE, { ttl: ttlMs, size: Math.max(1, sizeBytes) })
  }

  delete (key: string): boolean {
    return this.lru.delete(key)
  }

  /** Removes every entry whose key starts with `prefix`; returns how many went. */
  deleteByPrefix (prefix: string): number {
    let removed = 0
    for (const key of [...this.lru.keys()]) {
      if (key.startsWith(prefix) && this.lru.delete(key)) removed++
    }
    return removed
  }

  clear (): void {
    this.lru.clear()
  }

  get entries (): number {
    return this.lru.size
  }

  get bytes (): number {
    return this.lru.calculatedSize
  }
}
