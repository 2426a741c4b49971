/**
 * Section "alternatives": one L1-miss read (and one write) against a Redis that is hung
 * (SIGSTOP) or dead (SIGKILL), through jobfit's cache, bentocache and cacheable. Each instance
 * connects while Redis is healthy; then the fault is injected and calls are timed one by one,
 * each under a watchdog so that a call that never returns is reported instead of stalling the run.
 */
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import { startRedisServer } from '../../test/helpers/redis-server.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { ms, table } from '../lib/report.ts'
import { percentile } from '../micro/harness.ts'
import { CONTENDERS, JOBFIT } from './libraries.ts'
import type { CacheUnderTest, Contender } from './libraries.ts'

/** A call still pending after this long is "hung": it is abandoned and the series stops. */
const WATCHDOG_MS = 15_000
/** No new call starts once a series has run this long (slow calls are counted, not waited out). */
const SERIES_BUDGET_MS = 6_000
const GETS = 200
const SETS = 50
/** jobfit's promise: no call waits longer than the L2 deadline (CACHE_L2_COMMAND_TIMEOUT_MS), plus scheduling noise. */
const JOBFIT_BOUND_MS = 150
const WARM_UP_TIMEOUT_MS = 2000
/** A call pending this long is waited for outside the baton (see Baton). */
const PATIENCE_MS = 1000

interface Fault {
  name: string
  inject (redis: RedisServerHandle): Promise<void>
}

const FAULTS: readonly Fault[] = [
  { name: 'hung (SIGSTOP)', inject: async (redis) => redis.pause() },
  { name: 'dead (SIGKILL)', inject: (redis) => redis.kill() }
]

type Outcome = 'returned' | 'threw' | 'hung'

interface Series {
  /** Calls started. */
  calls: number
  returned: number
  threw: number
  hung: boolean
  /** Durations of the calls that settled, in ms. */
  durations: number[]
  /** The first error message, to show what "threw" means. */
  firstError: string | undefined
}

interface Run {
  contender: Contender
  fault: Fault
  get: Series
  set: Series
}

/**
 * Runs take turns: the one holding the baton is the only one calling a library, so timings never
 * overlap. A run whose call has been pending for PATIENCE_MS hands the baton on while it waits for
 * that call or its watchdog (an idle wait, not a measurement), so that every hung library costs
 * the section its watchdog once in parallel, not one after another.
 */
class Baton {
  private queue: Promise<void> = Promise.resolve()

  async take (): Promise<() => void> {
    let release!: () => void
    const turn = new Promise<void>((resolve) => { release = resolve })
    const before = this.queue
    this.queue = before.then(() => turn)
    await before
    return release
  }
}

class Turn {
  private release: (() => void) | undefined
  private readonly baton: Baton

  constructor (baton: Baton) {
    this.baton = baton
  }

  async begin (): Promise<void> {
    this.release = await this.baton.take()
  }

  end (): void {
    this.release?.()
    this.release = undefined
  }
}

/** Resolves with `value` after `ms`, unless cancelled first. */
function after<T> (ms: number, value: T): { promise: Promise<T>, cancel: () => void } {
  let timer: NodeJS.Timeout | undefined
  const promise = new Promise<T>((resolve) => { timer = setTimeout(() => resolve(value), ms) })
  return { promise, cancel: () => clearTimeout(timer) }
}

type Timed = { outcome: Outcome, ms: number, error?: unknown }

async function timeCall (call: () => Promise<unknown>, turn: Turn): Promise<Timed> {
  const watchdog = after(WATCHDOG_MS, { outcome: 'hung' as Outcome })
  const patience = after(PATIENCE_MS, undefined)
  const started = performance.now()
  const settled = new Promise<unknown>((resolve) => resolve(call())).then(
    () => ({ outcome: 'returned' as const }),
    (error: unknown) => ({ outcome: 'threw' as const, error })
  )
  const quick = await Promise.race([settled, watchdog.promise, patience.promise])
  patience.cancel()
  const handedOver = quick === undefined
  if (handedOver) turn.end()
  const result = quick ?? await Promise.race([settled, watchdog.promise])
  const timed = { ...result, ms: performance.now() - started }
  watchdog.cancel()
  if (handedOver) await turn.begin()
  return timed
}

async function series (count: number, call: (index: number) => Promise<unknown>, turn: Turn): Promise<Series> {
  const result: Series = { calls: 0, returned: 0, threw: 0, hung: false, durations: [], firstError: undefined }
  const started = performance.now()
  while (result.calls < count && performance.now() - started < SERIES_BUDGET_MS) {
    const timed = await timeCall(() => call(result.calls), turn)
    result.calls++
    if (timed.outcome === 'hung') {
      result.hung = true
      break
    }
    result.durations.push(timed.ms)
    if (timed.outcome === 'returned') result.returned++
    else {
      result.threw++
      result.firstError ??= timed.error instanceof Error ? timed.error.message : String(timed.error)
    }
  }
  return result
}

/** The warm-up write must have reached Redis (some sets return before it does), or the run measures a cold client. */
async function untilWritten (redis: RedisServerHandle): Promise<void> {
  const deadline = performance.now() + WARM_UP_TIMEOUT_MS
  while (Number(await redis.command('DBSIZE')) === 0) {
    if (performance.now() > deadline) throw new Error(`the warm-up write did not reach Redis within ${WARM_UP_TIMEOUT_MS} ms`)
    await sleep(10)
  }
}

/** A fresh Redis and a fresh instance per run: no run inherits another's broken connection. */
async function runOne (contender: Contender, fault: Fault, turn: Turn): Promise<Run> {
  await turn.begin()
  const redis = await startRedisServer()
  let instance: CacheUnderTest | undefined
  try {
    instance = await contender.create(redis.url)
    const cache = instance
    await cache.set('warm', { warm: true })
    await cache.get('warm-miss')
    await untilWritten(redis)
    await fault.inject(redis)
    const get = await series(GETS, (index) => cache.get(`miss-${index}`), turn)
    const set = await series(SETS, (index) => cache.set(`write-${index}`, { index, text: 'x'.repeat(200) }), turn)
    return { contender, fault, get, set }
  } finally {
    await instance?.close()
    await redis.stop()
    turn.end()
  }
}

function latencyCells (result: Series): string[] {
  const settled = [...result.durations].sort((a, b) => a - b)
  const cell = (value: number | undefined) => value === undefined ? '–' : ms(value)
  const max = result.hung ? `**hung > ${WATCHDOG_MS / 1000} s**` : cell(settled.at(-1))
  return [cell(percentile(settled, 50)), cell(percentile(settled, 99)), max]
}

function countsCell (result: Series): string {
  const parts = [`${result.calls} call${result.calls === 1 ? '' : 's'}`, `${result.returned} returned`, `${result.threw} threw`]
  if (result.hung) parts.push('1 hung')
  return parts.join(', ')
}

function render (runs: readonly Run[]): string {
  const rows = runs.flatMap((run) => (['get', 'set'] as const).map((operation) => [
    run.contender.label, run.fault.name, operation, ...latencyCells(run[operation]), countsCell(run[operation])
  ]))
  const errors = runs.flatMap((run) => (['get', 'set'] as const)
    .filter((operation) => run[operation].firstError !== undefined)
    .map((operation) => `- ${run.contender.label}, ${run.fault.name}, ${operation}: \`${run[operation].firstError}\``))
  return [
    `Each contender is created against a private redis-server while it is healthy (one write and one read go through), ` +
      `then the server is SIGSTOPped (hung: connections stay open, nothing is answered) or SIGKILLed (dead: connections refused). ` +
      `Then up to ${GETS} sequential \`get\`s of distinct keys that are in no tier (an L1 miss, the L2 read is what is timed), ` +
      `then up to ${SETS} sequential \`set\`s. Every call has a ${WATCHDOG_MS / 1000} s watchdog: a call still pending then is ` +
      `"hung", abandoned, and ends its series; no new call starts after ${SERIES_BUDGET_MS / 1000} s in a series. ` +
      'Percentiles are over the calls that settled (returned or threw). Runs take turns, each on its own redis-server; a run ' +
      `whose call has been pending for ${PATIENCE_MS / 1000} s waits for it outside its turn, so no two runs measure at the same time.`,
    '',
    table(['contender', 'Redis', 'op', 'p50', 'p99', 'max', 'calls'], rows),
    '',
    'Options used (each contender also gets an L1 of the same size as jobfit\'s default):',
    '',
    ...CONTENDERS.map((contender) => `- **${contender.label}**: ${contender.options}`),
    '',
    'What these options do with a sick Redis:',
    '',
    '- jobfit: every L2 call has a 50 ms deadline (a reply already in the socket is read first; the ioredis commandTimeout is only a later backstop), nothing waits in an offline queue, and the ' +
      'first timeout opens the circuit: later reads are misses at once, one probe per second. `set` writes L1 and queues the L2 write.',
    '- ioredis defaults (bentocache, defaults): no command timeout, so a read from a hung server never settles; an offline ' +
      'queue with 20 reconnection attempts per command, so a read from a dead server waits about 10 s. bentocache adds no ' +
      'bound of its own, and its `set` awaits the L2 write, then the bus publish.',
    '- bentocache, tuned: the same client options as jobfit\'s, plus bentocache\'s L2 circuit breaker, which opens on the ' +
      'first failure and closes after the duration. The bus connection keeps ioredis\' defaults: with `enableOfflineQueue: false` ' +
      '(or a command timeout shorter than the connection setup) the SUBSCRIBE that BentoCache\'s constructor sends before the ' +
      'connection is up rejects, nobody handles it, and the process dies.',
    '- node-redis (cacheable): no command timeout by default, and neither @keyv/redis nor cacheable documents one; by default an offline ' +
      'queue and reconnection, so a read waits for the server to come back. The tuned recipe drops both (a dead server is ' +
      'then a fast miss) but a hung one still holds every read. `nonBlocking: true` only moves writes (and the L1 backfill) ' +
      'to the background: reads still await Redis.',
    ...(errors.length === 0 ? [] : ['', 'What "threw" means (first error of each series):', '', ...errors])
  ].join('\n')
}

function jobfitTargets (runs: readonly Run[]): TargetResult[] {
  return runs.filter((run) => run.contender === JOBFIT).map((run) => {
    const slowest = Math.max(...run.get.durations, ...run.set.durations)
    const failed = run.get.threw + run.set.threw + (run.get.hung || run.set.hung ? 1 : 0)
    return {
      name: `jobfit under a ${run.fault.name} Redis: every get/set returns, within the L2 deadline`,
      target: `0 threw or hung, max <= ${JOBFIT_BOUND_MS} ms`,
      measured: `${failed} threw or hung, max ${ms(slowest)}`,
      met: failed === 0 && slowest <= JOBFIT_BOUND_MS
    }
  })
}

export const alternativesSection: Section = {
  id: 'alternatives',
  title: 'Under a hung or dead Redis: jobfit vs bentocache vs cacheable',
  async run () {
    const baton = new Baton()
    // allSettled: a failed run must not end the section while others still hold a redis-server.
    const settled = await Promise.allSettled(CONTENDERS.flatMap((contender) => FAULTS.map(async (fault) => {
      const run = await runOne(contender, fault, new Turn(baton))
      console.log(`  ${contender.label}, ${fault.name}: get ${countsCell(run.get)}; set ${countsCell(run.set)}`)
      return run
    })))
    const runs = settled.map((outcome) => {
      if (outcome.status === 'rejected') throw outcome.reason
      return outcome.value
    })
    return { markdown: render(runs), targets: jobfitTargets(runs) }
  }
}
