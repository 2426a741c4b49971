import type { ChainableCommander, Cluster, Redis } from 'ioredis'
import type { BreakerPermit, CircuitBreaker } from './circuit-breaker.ts'
import { classifyError, DeadlineExceededError, failure } from './failure.ts'
import type { CacheFailure, FailureReason } from './failure.ts'
import type { L2Connection } from './l2-connection.ts'
import { watchSlowCall } from './slow-call.ts'

export type L2Result<T> = { ok: true, value: T } | { ok: false, failure: CacheFailure }

export type L2Operation = 'get' | 'mget' | 'set' | 'del' | 'scan' | 'unlink' | 'info' | 'probe' | 'publish'

export interface L2LatencyObserver {
  (operation: L2Operation, seconds: number, ok: boolean): void
}

export interface L2Write {
  key: string
  text: string
  ttlMs: number
  /** SET … NX: a replayed write must not overwrite what was written since (it is newer). */
  onlyIfAbsent?: boolean
}

export interface RedisTierOptions {
  connection: L2Connection
  breaker: CircuitBreaker
  /** The bound on every call (CACHE_L2_COMMAND_TIMEOUT_MS); ioredis' commandTimeout is only a later backstop. */
  deadlineMs: number
  /** An answer later than this is reported to the breaker as slow (CACHE_BREAKER_SLOW_CALL_MS); the deadline by default. */
  slowCallMs?: number
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

/** While the node we reach refuses writes, how often we ask whether it (or its successor) takes them again. */
const WRITABLE_RECHECK_MS = 250

const NOT_SENT_TO_A_REPLICA = failure('readonly', 'READONLY: the node accepts no writes; the write was not sent')

/** The replies of one node's pipeline, by command, or why the node did not answer. */
type NodeReplies = L2Result<Array<[error: Error | null, reply: unknown]>>

/** Per key: the outcome of the command that carried it, and its position among that command's keys. */
interface KeyReply {
  outcome: L2Result<unknown>
  position: number
}

/**
 * L2: Redis behind a circuit breaker and a deadline. Every method resolves, never rejects: a
 * failure comes back as a classified value. Nothing is sent while the connection is not ready
 * (the offline queue is off), so a down Redis costs nothing.
 */
export class RedisTier {
  readonly connection: L2Connection
  readonly breaker: CircuitBreaker
  private readonly deadlineMs: number
  private readonly slowCallMs: number
  private readonly onLatency: L2LatencyObserver | undefined
  private probeTimer: NodeJS.Timeout | undefined
  private closed = false
  /** Why the connection is not ready, from the client's own error events; cleared on 'ready'. */
  private connectionFailure: CacheFailure | undefined
  /**
   * False from a READONLY reply (or a failed role check) until a check finds a writable master
   * again: meanwhile writes are not sent at all, and the tier does not call itself ready.
   */
  private acceptsWrites = true
  lastFailure: LastFailure | undefined

  constructor (options: RedisTierOptions) {
    this.connection = options.connection
    this.breaker = options.breaker
    this.deadlineMs = options.deadlineMs
    this.slowCallMs = options.slowCallMs ?? options.deadlineMs
    this.onLatency = options.onLatency
    this.client.on('error', (error: unknown) => {
      this.connectionFailure = classifyError(error)
      this.remember(this.connectionFailure)
    })
    this.client.on('ready', () => {
      this.connectionFailure = undefined
      // Whatever we reconnected to, find out whether it takes writes before trusting it with them.
      void this.checkWritable()
    })
  }

  get client (): Redis | Cluster {
    return this.connection.client
  }

  get status (): string {
    return this.client.status
  }

  /** False while the node(s) we reach refuse writes (a replica, a demoted master, a cluster that is down). */
  get writable (): boolean {
    return this.acceptsWrites
  }

  get (key: string): Promise<L2Result<string | null>> {
    return this.run('get', () => this.client.get(key))
  }

  /**
   * One MGET per hash slot, the slots of one node in one pipeline, the nodes in parallel. Results
   * are per key, in input order: a node that fails costs only its own keys.
   */
  async mget (keys: readonly string[]): Promise<Array<L2Result<string | null>>> {
    const replies = await this.perNode('mget', keys, 'per-slot', false, (pipeline, slotKeys) => { pipeline.mget(...slotKeys) })
    return replies.map(({ outcome, position }) => outcome.ok
      ? { ok: true as const, value: (outcome.value as Array<string | null>)[position] ?? null }
      : outcome)
  }

  /**
   * One SET per write, one pipeline per node, the nodes in parallel. The outcome is per write
   * (`undefined`: stored): one refused reply loses one write, not the batch.
   */
  async setMany (writes: readonly L2Write[]): Promise<Array<CacheFailure | undefined>> {
    const byKey = new Map(writes.map((write) => [write.key, write]))
    const replies = await this.perNode('set', writes.map((write) => write.key), 'per-key', true, (pipeline, slotKeys) => {
      for (const key of slotKeys) {
        const write = byKey.get(key)!
        const ttlMs = Math.max(1, Math.round(write.ttlMs))
        if (write.onlyIfAbsent === true) pipeline.set(key, write.text, 'PX', ttlMs, 'NX')
        else pipeline.set(key, write.text, 'PX', ttlMs)
      }
    })
    return replies.map(({ outcome }) => outcome.ok ? undefined : outcome.failure)
  }

  /** One UNLINK per hash slot, one pipeline per node; how many keys went, or the first failure. */
  async unlink (keys: readonly string[]): Promise<L2Result<number>> {
    if (keys.length === 0) return { ok: true, value: 0 }
    const counted = new Set<L2Result<unknown>>()
    let removed = 0
    for (const { outcome } of await this.perNode('unlink', keys, 'per-slot', true, (pipeline, slotKeys) => { pipeline.unlink(...slotKeys) })) {
      if (!outcome.ok) return outcome
      // Every key of a slot shares its command's outcome: count each UNLINK's reply once.
      if (!counted.has(outcome)) removed += Number(outcome.value)
      counted.add(outcome)
    }
    return { ok: true, value: removed }
  }

  /**
   * SCAN + UNLINK in bounded batches on every master (a cluster's SCAN sees one node's keys),
   * the masters in parallel: never a KEYS call that would block Redis. `keep` spares matching keys.
   */
  async unlinkMatching (pattern: string, keep: (key: string) => boolean = () => false): Promise<ScanUnlinkResult> {
    const masters = this.connection.masters()
    // A cluster not connected yet knows no master: that is a failed clear, not an empty one.
    if (masters.length === 0) return { removed: 0, failure: this.notReadyFailure() }
    const perMaster = await Promise.all(masters.map((node) => this.unlinkMatchingOn(node, pattern, keep)))
    const removed = perMaster.reduce((sum, result) => sum + result.removed, 0)
    const failed = perMaster.find((result) => result.failure !== undefined)?.failure
    return failed === undefined ? { removed } : { removed, failure: failed }
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
   * While the circuit is open, a probe goes out after each cool-down so that the circuit closes
   * when Redis is back even if no request happens to probe it (an idle service, /ready, metrics);
   * while writes are refused, one goes out every WRITABLE_RECHECK_MS to see them accepted again.
   */
  private scheduleProbe (): void {
    if (this.closed || this.probeTimer !== undefined || (!this.breaker.open && this.acceptsWrites)) return
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined
      // A reconnection under way ends with 'ready', which checks writability itself; probing the
      // closed connection meanwhile would only feed the breaker failures of our own making.
      if (this.breaker.open || this.client.status === 'ready') void this.checkWritable()
      else this.scheduleProbe()
    }, this.breaker.open ? this.breaker.msUntilProbe : WRITABLE_RECHECK_MS).unref()
  }

  /** The probe: not PING, which a replica answers too, but whether writes would go through. */
  private async checkWritable (): Promise<void> {
    const checked = await this.run('probe', () => this.connection.checkWritable())
    if (checked.ok) this.acceptsWrites = true
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
    const admitted = this.admit(false)
    if (!admitted.ok) return admitted
    const started = performance.now()
    const slowWatch = watchSlowCall(this.slowCallMs)
    try {
      const value = await withDeadline(command(), this.deadlineMs)
      this.settle(operation, admitted.permit, started, undefined, slowWatch.stop())
      return { ok: true, value }
    } catch (error) {
      slowWatch.stop()
      const classified = classifyError(error)
      this.settle(operation, admitted.permit, started, classified, false)
      return { ok: false, failure: classified }
    }
  }

  /**
   * A multi-key operation: the keys grouped by node and slot (see L2Connection.partition), one
   * pipeline per node, all in parallel, each bounded by the deadline. `per-slot`: one command per
   * slot group (its reply is read at the key's position); `per-key`: one command per key.
   * One breaker permit covers the operation; it fails with the first failure of any node or reply.
   */
  private async perNode (
    operation: L2Operation,
    keys: readonly string[],
    shape: 'per-slot' | 'per-key',
    writes: boolean,
    addCommands: (pipeline: ChainableCommander, slotKeys: string[]) => void
  ): Promise<KeyReply[]> {
    if (keys.length === 0) return []
    try {
      const admitted = this.admit(writes)
      if (!admitted.ok) return keys.map(() => ({ outcome: admitted, position: 0 }))
      const plan = this.connection.partition(keys)
      const started = performance.now()
      const slowWatch = watchSlowCall(this.slowCallMs)
      const nodes = await Promise.all(plan.map((slots) => this.execOnNode(slots.map((group) => group.map((index) => keys[index]!)), addCommands)))
      const slow = slowWatch.stop()
      const byKey: KeyReply[] = new Array(keys.length)
      plan.forEach((slots, node) => {
        const outcomes = commandOutcomes(nodes[node]!, slots.reduce((sum, group) => sum + (shape === 'per-key' ? group.length : 1), 0))
        let command = 0
        for (const group of slots) {
          group.forEach((keyIndex, position) => {
            byKey[keyIndex] = { outcome: outcomes[command]!, position }
            if (shape === 'per-key') command++
          })
          if (shape === 'per-slot') command++
        }
      })
      const firstFailure = byKey.find((reply) => !reply.outcome.ok)?.outcome
      this.settle(operation, admitted.permit, started, firstFailure?.ok === false ? firstFailure.failure : undefined, slow)
      return byKey
    } finally {
      this.scheduleProbe()
    }
  }

  /** Asks the breaker, then the connection and the write gate: a permit, or why the call must not go out. */
  private admit (writes: boolean): { ok: true, permit: BreakerPermit } | { ok: false, failure: CacheFailure } {
    const permit = this.breaker.tryAcquire()
    if (permit === undefined) {
      return { ok: false, failure: failure('circuit_open', 'L2 circuit breaker is open; Redis is not being called') }
    }
    const refused = this.client.status !== 'ready' ? this.notReadyFailure() : writes && !this.acceptsWrites ? NOT_SENT_TO_A_REPLICA : undefined
    if (refused === undefined) return { ok: true, permit }
    this.breaker.failure(permit, refused.reason)
    return { ok: false, failure: refused }
  }

  private async execOnNode (slots: string[][], addCommands: (pipeline: ChainableCommander, slotKeys: string[]) => void): Promise<NodeReplies> {
    const pipeline = this.client.pipeline()
    for (const slotKeys of slots) addCommands(pipeline, slotKeys)
    try {
      const replies = await withDeadline(pipeline.exec(), this.deadlineMs)
      if (replies === null) throw new Error('Connection is closed')
      return { ok: true, value: replies }
    } catch (error) {
      return { ok: false, failure: classifyError(error) }
    }
  }

  /** Reports one operation's outcome to the breaker (with its permit), the latency observer and the write gate. */
  private settle (operation: L2Operation, permit: BreakerPermit, started: number, failed: CacheFailure | undefined, slow: boolean): void {
    if (failed === undefined) this.breaker.success(permit, slow)
    else {
      this.breaker.failure(permit, failed.reason)
      this.remember(failed)
    }
    this.onLatency?.(operation, (performance.now() - started) / 1000, failed === undefined)
  }

  private async unlinkMatchingOn (node: Redis, pattern: string, keep: (key: string) => boolean): Promise<ScanUnlinkResult> {
    let cursor = '0'
    let removed = 0
    do {
      const page = await this.run('scan', () => node.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH))
      if (!page.ok) return { removed, failure: page.failure }
      const [next, keys] = page.value
      const unlinked = await this.unlink(keys.filter((key) => !keep(key)))
      if (!unlinked.ok) return { removed, failure: unlinked.failure }
      removed += unlinked.value
      cursor = next
    } while (cursor !== '0')
    return { removed }
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
    if (classified.reason === 'readonly') this.acceptsWrites = false
    this.lastFailure = { ...classified, at: new Date() }
  }
}

/** The outcome of each of the `count` commands of a node's pipeline (all the node's failure when it did not answer). */
function commandOutcomes (node: NodeReplies, count: number): Array<L2Result<unknown>> {
  return Array.from({ length: count }, (_, command) => {
    if (!node.ok) return node
    const [error, reply] = node.value[command] ?? [new Error('Connection is closed'), undefined]
    return error === null ? { ok: true, value: reply } : { ok: false, failure: classifyError(error) }
  })
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
