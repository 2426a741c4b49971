import type { FailureReason } from './failure.ts'

export type BreakerState = 'closed' | 'open' | 'half_open'

export interface CircuitBreakerOptions {
  /**
   * Consecutive errors that open the circuit: a Redis that is plainly down or refusing. Timeouts
   * are not counted here but in the window: the calls in flight when Redis (or this process)
   * stalls for a moment all time out together, and one such burst must not open the circuit.
   */
  failureThreshold: number
  /** The first cool-down after the circuit opens; each failed probe doubles it, up to `maxCooldownMs`. */
  cooldownMs: number
  maxCooldownMs: number
  /** Each cool-down is stretched or shortened by up to this fraction (0..1), so instances do not probe in step. */
  cooldownJitter: number
  /** The rolling window over which the failed-or-slow share is measured. */
  windowMs: number
  /** Below this many calls in the window the share is not trusted (one slow call of two is no trend). */
  minCallsInWindow: number
  /** The failed-or-slow share of the window's calls (0..1) at which the circuit opens. */
  failureRateThreshold: number
  /**
   * A timeout opens the circuit at once: for calls whose deadline is seconds (an AI provider),
   * where every further call would wait as long. Off for Redis, whose timeouts the window judges.
   */
  tripOnTimeout?: boolean
  /** Injected for tests; defaults to Date.now. */
  now?: () => number
  /** Injected for tests; defaults to Math.random. */
  random?: () => number
}

/** What `tryAcquire` hands out; its outcome is reported with it, so a late answer is told apart from the probe's. */
export interface BreakerPermit {
  readonly probe: boolean
  /** The circuit's generation when the call was admitted: outcomes of an earlier generation are stale. */
  readonly generation: number
}

/**
 * Failures that say "the server is unreachable or unusable for everything" (CLUSTERDOWN: the
 * cluster serves no slot). OOM and READONLY only refuse writes (reads still work; RedisTier stops
 * sending writes itself) and `corrupt` is about one value, so they do not trip it; nor do a
 * redirect the client gave up on, TRYAGAIN or CROSSSLOT, which are about one command's keys.
 */
const TRIPPING_REASONS: ReadonlySet<FailureReason> = new Set(['timeout', 'connection', 'auth', 'loading', 'busy', 'cluster_down', 'other'])

const WINDOW_BUCKETS = 10

interface Bucket {
  /** Which slice of time (`floor(now / bucketMs)`) the counts belong to. */
  slice: number
  calls: number
  bad: number
}

/**
 * Keeps a sick Redis from costing every request a command timeout, with hysteresis so that a
 * Redis hovering at the deadline is taken out of the request path instead of flapping.
 *
 * Closed: calls go through; the circuit opens on `failureThreshold` consecutive errors, or
 * when the failed-or-slow share of the last `windowMs` reaches `failureRateThreshold` (with at
 * least `minCallsInWindow` calls). Open: calls are refused at once. After the cool-down exactly
 * one call (the probe) goes through: only its fast success closes the circuit; its failure, or a
 * slow answer, keeps it open for a doubled (capped, jittered) cool-down (not doubled when the
 * probe found no connection at all). Opening again within a window of closing also doubles it. Outcomes of calls
 * admitted before the circuit opened change nothing: they describe the past.
 */
export class CircuitBreaker {
  private readonly options: Required<CircuitBreakerOptions>
  private readonly bucketMs: number
  private readonly buckets: Bucket[] = []
  private consecutiveFailures = 0
  private generation = 0
  private openedAt = 0
  private closedAt = Number.NEGATIVE_INFINITY
  private currentCooldownMs: number
  /** How many times the cool-down has doubled; kept across a close until the circuit has stayed closed for a window. */
  private escalation = 0
  private probeInFlight = false
  private currentState: BreakerState = 'closed'
  /** How many times the circuit has opened since start: lets tests, stats and the bench see flapping. */
  opens = 0

  constructor (options: CircuitBreakerOptions) {
    this.options = { now: Date.now, random: Math.random, tripOnTimeout: false, ...options }
    this.bucketMs = Math.max(1, options.windowMs / WINDOW_BUCKETS)
    this.currentCooldownMs = options.cooldownMs
  }

  get state (): BreakerState {
    return this.currentState
  }

  get open (): boolean {
    return this.currentState !== 'closed'
  }

  /** The cool-down in force (grows while probes fail). */
  get cooldownMs (): number {
    return this.currentCooldownMs
  }

  /**
   * How long until a probe may go through: 0 when closed, the rest of the cool-down when open,
   * and a whole cool-down while a probe is in flight (its outcome decides what comes next).
   */
  get msUntilProbe (): number {
    if (this.currentState === 'closed') return 0
    if (this.probeInFlight) return this.currentCooldownMs
    return Math.max(0, this.openedAt + this.currentCooldownMs - this.options.now())
  }

  /** Asks to make one L2 call: a permit obliges the caller to report the outcome with `success` or `failure`. */
  tryAcquire (): BreakerPermit | undefined {
    const now = this.options.now()
    if (this.currentState === 'closed') return { probe: false, generation: this.generation }
    if (this.probeInFlight || now - this.openedAt < this.currentCooldownMs) return undefined
    this.currentState = 'half_open'
    this.probeInFlight = true
    return { probe: true, generation: this.generation }
  }

  /**
   * Redis answered. A `slow` answer (later than CACHE_BREAKER_SLOW_CALL_MS, as the caller saw it:
   * see slow-call.ts) counts against Redis like a failure.
   */
  success (permit: BreakerPermit, slow = false): void {
    this.settle(permit, slow, false)
  }

  failure (permit: BreakerPermit, reason: FailureReason): void {
    // A refusal (OOM, READONLY) or a corrupt value is still an answer: availability-wise a success.
    if (!TRIPPING_REASONS.has(reason)) this.settle(permit, false, false)
    else if (reason === 'timeout') this.settle(permit, true, this.options.tripOnTimeout, false, this.options.tripOnTimeout)
    else this.settle(permit, true, true, reason === 'connection')
  }

  /**
   * `disconnected`: the probe found no connection. It cost nothing and reconnecting is the
   * client's job, so the cool-down does not grow: the circuit closes soon after Redis is back.
   */
  private settle (permit: BreakerPermit, bad: boolean, erred: boolean, disconnected = false, tripNow = false): void {
    if (permit.generation !== this.generation) return
    if (permit.probe) {
      this.probeInFlight = false
      if (!bad) this.close()
      else if (disconnected) this.enterOpen()
      else this.reopen()
      return
    }
    if (this.currentState !== 'closed') return
    this.consecutiveFailures = erred ? this.consecutiveFailures + 1 : 0
    const window = this.record(bad)
    const rateTrips = window.calls >= this.options.minCallsInWindow &&
      window.bad >= this.options.failureRateThreshold * window.calls
    if (tripNow || this.consecutiveFailures >= this.options.failureThreshold || rateTrips) this.trip()
  }

  /** Adds one outcome to the current bucket and returns the totals of the window. */
  private record (bad: boolean): { calls: number, bad: number } {
    const slice = Math.floor(this.options.now() / this.bucketMs)
    let current = this.buckets.at(-1)
    if (current?.slice !== slice) {
      current = { slice, calls: 0, bad: 0 }
      this.buckets.push(current)
    }
    current.calls++
    if (bad) current.bad++
    while (this.buckets[0]!.slice <= slice - WINDOW_BUCKETS) this.buckets.shift()
    let calls = 0
    let badCalls = 0
    for (const bucket of this.buckets) {
      calls += bucket.calls
      badCalls += bucket.bad
    }
    return { calls, bad: badCalls }
  }

  /**
   * A circuit that opens again within a window of closing was closed by a probe that was lucky
   * (a Redis at the deadline answers in time now and then): the cool-down goes on growing.
   */
  private trip (): void {
    this.opens++
    this.escalation = this.options.now() - this.closedAt < this.options.windowMs ? this.escalation + 1 : 0
    this.enterOpen()
  }

  private reopen (): void {
    this.escalation++
    this.enterOpen()
  }

  private enterOpen (): void {
    const { cooldownMs, maxCooldownMs, cooldownJitter, random } = this.options
    const grown = Math.min(maxCooldownMs, cooldownMs * 2 ** this.escalation)
    this.currentCooldownMs = Math.max(1, Math.min(maxCooldownMs, Math.round(grown * (1 + cooldownJitter * (2 * random() - 1)))))
    this.currentState = 'open'
    this.openedAt = this.options.now()
    this.probeInFlight = false
    this.generation++
  }

  private close (): void {
    this.currentState = 'closed'
    this.closedAt = this.options.now()
    this.consecutiveFailures = 0
    this.currentCooldownMs = this.options.cooldownMs
    this.buckets.length = 0
    this.generation++
  }
}
