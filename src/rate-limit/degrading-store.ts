import { LRUCache } from 'lru-cache'
import { boundedCall } from '../cache/bounded-call.ts'
import type { ConnectionStatus } from '../cache/bounded-call.ts'
import { CircuitBreaker } from '../cache/circuit-breaker.ts'
import type { CircuitBreakerOptions } from '../cache/circuit-breaker.ts'
import type { FailureReason } from '../cache/failure.ts'

/** What the limiter needs of an ioredis client (standalone or cluster). */
export interface RateLimitRedis extends ConnectionStatus {
  eval (script: string, numberOfKeys: number, ...args: Array<string | number>): Promise<unknown>
}

export interface Count {
  current: number
  /** Milliseconds until the window ends. */
  ttl: number
}

export type CountSource = 'redis' | 'local'

export interface DegradingStoreOptions {
  /** Looked up on every call: the Redis connection may be created after the limiter. */
  redis: () => RateLimitRedis | undefined
  keyPrefix: string
  deadlineMs: number
  breakerFailureThreshold: number
  breakerCooldownMs: number
  /** The cache's breaker hysteresis (CACHE_BREAKER_*); without it, a plain consecutive-failure breaker. */
  breakerHysteresis?: Omit<CircuitBreakerOptions, 'failureThreshold' | 'cooldownMs' | 'now' | 'random' | 'tripOnTimeout'>
  /** How many instances share the limit; the local fallback allows each `max / instances`. */
  instances: number
  /** Told about every count that could not use Redis, and why. */
  onFallback?: (reason: FailureReason) => void
  /** Entries of the local counter (one per client and class). */
  localEntries?: number
  now?: () => number
}

/** INCR, a window on the first hit, and the window's remaining time: one round trip, atomic. */
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return { current, ttl }
`

interface Window {
  count: number
  startedAt: number
}

/**
 * A rate-limit counter that degrades and never disappears: the count lives in Redis (shared by
 * every instance) when Redis answers within the cache's deadline, and in this process otherwise
 * (Redis down, slow or behind an open circuit), where each instance enforces its share of the
 * limit by weighting its local count by the number of instances. Limits are never switched off
 * (no `skipOnError`) and no request waits longer than the deadline, nor at all while the
 * limiter's own circuit is open.
 */
export class DegradingCounter {
  private readonly options: DegradingStoreOptions
  private readonly breaker: CircuitBreaker
  private readonly local: LRUCache<string, Window>
  private readonly now: () => number

  constructor (options: DegradingStoreOptions) {
    this.options = options
    this.breaker = new CircuitBreaker({
      failureThreshold: options.breakerFailureThreshold,
      cooldownMs: options.breakerCooldownMs,
      // The count is on every request's path, before its handler, and the local count is always
      // there to fall back on: one timeout is a wait too many, and opening costs nothing.
      tripOnTimeout: true,
      ...(options.breakerHysteresis ?? {
        // No window: only consecutive failures open it; no growth, no jitter.
        maxCooldownMs: options.breakerCooldownMs,
        cooldownJitter: 0,
        windowMs: options.breakerCooldownMs,
        minCallsInWindow: Number.MAX_SAFE_INTEGER,
        failureRateThreshold: 1
      })
    })
    this.local = new LRUCache({ max: options.localEntries ?? 100_000 })
    this.now = options.now ?? Date.now
  }

  async increment (key: string, windowMs: number): Promise<Count & { source: CountSource }> {
    const redis = this.options.redis()
    if (redis !== undefined) {
      const result = await boundedCall(redis, this.breaker, this.options.deadlineMs,
        () => redis.eval(INCREMENT, 1, `${this.options.keyPrefix}:ratelimit:${key}`, windowMs))
      if (result.ok && isCount(result.value)) return { current: result.value[0], ttl: result.value[1], source: 'redis' }
      this.options.onFallback?.(result.ok ? 'corrupt' : result.failure.reason)
    }
    return { ...this.incrementLocally(key, windowMs), source: 'local' }
  }

  private incrementLocally (key: string, windowMs: number): Count {
    const now = this.now()
    let window = this.local.get(key)
    if (window === undefined || window.startedAt + windowMs <= now) {
      window = { count: 0, startedAt: now }
      this.local.set(key, window)
    }
    window.count++
    return { current: window.count * this.options.instances, ttl: window.startedAt + windowMs - now }
  }
}

function isCount (value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number'
}

/**
 * The store interface of @fastify/rate-limit (`incr` with a callback, `child` per route) over a
 * {@link DegradingCounter}. Every route shares one counter: the key already names the class.
 */
export class DegradingRateLimitStore {
  private readonly counter: DegradingCounter

  constructor (counter: DegradingCounter) {
    this.counter = counter
  }

  incr (key: string, callback: (error: Error | null, result?: Count) => void, timeWindow: number): void {
    this.counter.increment(key, timeWindow).then(
      ({ current, ttl }) => callback(null, { current, ttl }),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)))
    )
  }

  child (): DegradingRateLimitStore {
    return this
  }
}
