import type { FailureReason } from './failure.ts'

export type BreakerState = 'closed' | 'open' | 'half_open'

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number
  /** How long the circuit stays open before one probe is let through. */
  cooldownMs: number
  /** Injected for tests; defaults to Date.now. */
  now?: () => number
}

/**
 * Failures that say "the server is unreachable or unusable for everything" (CLUSTERDOWN: the
 * cluster serves no slot). OOM and READONLY only refuse writes (reads still work; RedisTier stops
 * sending writes itself) and `corrupt` is about one value, so they do not trip it; nor do a
 * redirect the client gave up on, TRYAGAIN or CROSSSLOT, which are about one command's keys.
 */
const TRIPPING_REASONS: ReadonlySet<FailureReason> = new Set(['timeout', 'connection', 'auth', 'loading', 'busy', 'cluster_down', 'other'])

/**
 * Keeps a sick Redis from costing every request a command timeout. Closed: calls go through.
 * Open: calls are refused at once. After the cool-down, exactly one call (the probe) goes
 * through while the others are still refused; its success closes the circuit, its failure
 * re-opens it for another cool-down. A timeout opens the circuit at once: with a hung server
 * every further call would wait the full timeout too.
 */
export class CircuitBreaker {
  private readonly failureThreshold: number
  private readonly cooldownMs: number
  private readonly now: () => number
  private consecutiveFailures = 0
  private openedAt = 0
  private probeInFlight = false
  private currentState: BreakerState = 'closed'
  /** How many times the circuit has opened since start: lets tests and stats see flapping. */
  opens = 0

  constructor (options: CircuitBreakerOptions) {
    this.failureThreshold = options.failureThreshold
    this.cooldownMs = options.cooldownMs
    this.now = options.now ?? Date.now
  }

  get state (): BreakerState {
    return this.currentState
  }

  get open (): boolean {
    return this.currentState !== 'closed'
  }

  /**
   * How long until a probe may go through: 0 when closed, the rest of the cool-down when open,
   * and a whole cool-down while a probe is in flight (its outcome decides what comes next).
   */
  get msUntilProbe (): number {
    if (this.currentState === 'closed') return 0
    if (this.probeInFlight) return this.cooldownMs
    return Math.max(0, this.openedAt + this.cooldownMs - this.now())
  }

  /** Asks to make one L2 call. `true` obliges the caller to report the outcome with `success` or `failure`. */
  tryAcquire (): boolean {
    if (this.currentState === 'closed') return true
    if (this.probeInFlight || this.now() - this.openedAt < this.cooldownMs) return false
    this.currentState = 'half_open'
    this.probeInFlight = true
    return true
  }

  /**
   * Any answer closes the circuit, also one to a call that started before it opened: Redis did
   * answer. (Ignoring such answers could also ignore the probe's own success when a late failure
   * re-opened the circuit while the probe was in flight, leaving it open with nobody probing.)
   */
  success (): void {
    this.consecutiveFailures = 0
    this.probeInFlight = false
    this.currentState = 'closed'
  }

  failure (reason: FailureReason): void {
    if (!TRIPPING_REASONS.has(reason)) {
      // The server answered, so as far as availability goes this was a success.
      this.success()
      return
    }
    this.consecutiveFailures++
    const trips = this.currentState === 'half_open' || reason === 'timeout' ||
      this.consecutiveFailures >= this.failureThreshold
    if (trips) this.trip()
  }

  private trip (): void {
    if (this.currentState === 'closed') this.opens++
    this.currentState = 'open'
    this.openedAt = this.now()
    this.probeInFlight = false
  }
}
