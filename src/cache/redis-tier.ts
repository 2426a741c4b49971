import type { Redis } from 'ioredis'
import type { CircuitBreaker } from './circuit-breaker.ts'
import { classifyError, DeadlineExceededError, failure } from './failure.ts'
import type { CacheFailure, FailureReason } from './failure.ts'

export type L2Result<T> = { ok: true, value: T } | { ok: false, failure: CacheFailure }

export type L2Operation = 'get' | 'mget' | 'set' | 'del' | 'scan' | 'unlink' | 'info' | 'ping' | 'publish'

export interface L2LatencyObserver {
  (operation: L2Operation, seconds: number, ok: boolean): void
}

export interface L2Write {
  key: string
  text: string
  ttlMs: number
}

export interface RedisTierOptions {
  client: Redis
  breaker: CircuitBreaker
  /** The bound on every call (CACHE_L2_COMMAND_TIMEOUT_MS); ioredis' commandTimeout is only a later backstop. */
  deadlineMs: number
  onLatency?: L2LatencyObserver
}

export interface LastFailure extends CacheFailure {
  at: Date
}

export interface ScanUnlinkResult {
  removed: number
  failure?: CacheFailure
}

const SCAN_BATCH = 500

const SERVER_REFUSALS: ReadonlySet<FailureReason> = new Set(['auth', 'loading', 'busy'])

/**
 * L2: Redis behind a circuit breaker and a deadline. Every method resolves, never rejects: a
 * failure comes back as a classified value. Nothing is sent while the connection is not ready
 * (the offline queue is off), so a down Redis costs nothing.
 */
export class RedisTier {
  readonly client: Redis
  readonly breaker: CircuitBreaker
  private readonly deadlineMs: number
  private readonly onLatency: L2LatencyObserver | undefined
  private probeTimer: NodeJS.Timeout | undefined
  private closed = false
  /** Why the connection is not ready, from the client's own error events; cleared on 'ready'. */
  private connectionFailure: CacheFailure | undefined
  lastFailure: LastFailure | undefined

  constructor (options: RedisTierOptions) {
    this.client = options.client
    this.breaker = options.breaker
    this.deadlineMs = options.deadlineMs
    this.onLatency = options.onLatency
    this.client.on('error', (error: unknown) => {
      this.connectionFailure = classifyError(error)
      this.remember(this.connectionFailure)
    })
    this.client.on('ready', () => { this.connectionFailure = undefined })
  }

  get status (): string {
    return this.client.status
  }

  get (key: string): Promise<L2Result<string | null>> {
    return this.run('get', () => this.client.get(key))
  }

  mget (keys: readonly string[]): Promise<L2Result<Array<string | null>>> {
    if (keys.length === 0) return Promise.resolve({ ok: true, value: [] })
    return this.run('mget', () => this.client.mget(...keys))
  }

  /** One pipeline for the whole batch. A refused write (OOM, READONLY) fails the batch with its reason. */
  setMany (writes: readonly L2Write[]): Promise<L2Result<void>> {
    return this.run('set', async () => {
      const pipeline = this.client.pipeline()
      for (const write of writes) pipeline.set(write.key, write.text, 'PX', Math.max(1, Math.round(write.ttlMs)))
      throwFirstError(await pipeline.exec())
    })
  }

  unlink (keys: readonly string[]): Promise<L2Result<number>> {
    if (keys.length === 0) return Promise.resolve({ ok: true, value: 0 })
    return this.run('unlink', () => this.client.unlink(...keys))
  }

  /** SCAN + UNLINK in bounded batches: never a KEYS call that would block Redis. `keep` spares matching keys. */
  async unlinkMatching (pattern: string, keep: (key: string) => boolean = () => false): Promise<ScanUnlinkResult> {
    let cursor = '0'
    let removed = 0
    do {
      const page = await this.run('scan', () => this.client.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH))
      if (!page.ok) return { removed, failure: page.failure }
      const [next, keys] = page.value
      const unlinked = await this.unlink(keys.filter((key) => !keep(key)))
      if (!unlinked.ok) return { removed, failure: unlinked.failure }
      removed += unlinked.value
      cursor = next
    } while (cursor !== '0')
    return { removed }
  }

  publish (channel: string, message: string): Promise<L2Result<number>> {
    return this.run('publish', () => this.client.publish(channel, message))
  }

  info (sections: readonly string[]): Promise<L2Result<string>> {
    return this.run('info', () => this.client.info(...sections))
  }

  /** Stops the background probing; the client itself belongs to whoever created it. */
  close (): void {
    this.closed = true
    clearTimeout(this.probeTimer)
  }

  /**
   * While the circuit is open, a PING goes out after each cool-down so that the circuit closes
   * when Redis is back even if no request happens to probe it (an idle service, /ready, metrics).
   */
  private scheduleProbe (): void {
    if (this.closed || this.probeTimer !== undefined || !this.breaker.open) return
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined
      void this.run('ping', () => this.client.ping())
    }, this.breaker.msUntilProbe).unref()
  }

  /**
   * Every call ends by making sure a probe is pending while the circuit is open, whoever's
   * outcome left it open: the circuit then always closes by itself once Redis answers.
   */
  private async run<T> (operation: L2Operation, command: () => Promise<T>): Promise<L2Result<T>> {
    try {
      return await this.attempt(operation, command)
    } finally {
      this.scheduleProbe()
    }
  }

  private async attempt<T> (operation: L2Operation, command: () => Promise<T>): Promise<L2Result<T>> {
    if (!this.breaker.tryAcquire()) {
      return { ok: false, failure: failure('circuit_open', 'L2 circuit breaker is open; Redis is not being called') }
    }
    if (this.client.status !== 'ready') {
      const down = this.notReadyFailure()
      this.breaker.failure(down.reason)
      return { ok: false, failure: down }
    }
    const started = performance.now()
    try {
      const value = await withDeadline(command(), this.deadlineMs)
      this.breaker.success()
      this.onLatency?.(operation, (performance.now() - started) / 1000, true)
      return { ok: true, value }
    } catch (error) {
      const classified = classifyError(error)
      this.breaker.failure(classified.reason)
      this.remember(classified)
      this.onLatency?.(operation, (performance.now() - started) / 1000, false)
      return { ok: false, failure: classified }
    }
  }

  /**
   * A handshake refused for a reason of the server's (NOAUTH, LOADING, BUSY) keeps the client
   * reconnecting; report that reason rather than a generic connection failure.
   */
  private notReadyFailure (): CacheFailure {
    const cause = this.connectionFailure
    const reason = cause !== undefined && SERVER_REFUSALS.has(cause.reason) ? cause.reason : 'connection'
    return failure(reason, `Redis connection is ${this.client.status}${cause === undefined ? '' : `: ${cause.message}`}`)
  }

  private remember (classified: CacheFailure): void {
    this.lastFailure = { ...classified, at: new Date() }
  }
}

type PipelineResults = Array<[error: Error | null, result: unknown]> | null

function throwFirstError (results: PipelineResults): void {
  if (results === null) throw new Error('Connection is closed')
  for (const [error] of results) {
    if (error !== null) throw error
  }
}

/**
 * When the event loop was blocked past the deadline (a CPU-heavy request), the timer and the
 * reply are both due at once and timers run first. setImmediate lets the poll phase read a
 * reply that is already in the socket before the call is declared timed out: a busy process is
 * not a slow Redis, and one false timeout would open the circuit.
 */
export function withDeadline<T> (work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => reject(new DeadlineExceededError(ms))), ms)
    work.then(
      (value) => { clearTimeout(timer); resolve(value) },
      (error: unknown) => { clearTimeout(timer); reject(error) }
    )
  })
}
