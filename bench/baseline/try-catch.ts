/**
 * Section `baseline`: the same fault phases and load as the `soak` section, against
 * try-catch-server.ts, which caches the same work with try/catch around a default ioredis
 * client. Besides what the clients see, it samples the client's offline queue, the handlers
 * stuck waiting and the server's memory.
 */
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { startRedisServer } from '../../test/helpers/redis-server.ts'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import type { LoadResult } from '../lib/load.ts'
import { table } from '../lib/report.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { startService, withTeardown } from '../lib/service.ts'
import type { ServiceHandle } from '../lib/service.ts'
import { describeLoad, findPhase, latency, loadPhase, loadTable, mib, PHASES, phaseSeconds, readSoakSummary, warmUp } from '../soak/phases.ts'
import type { Phase, PhaseLoad, SoakSummary } from '../soak/phases.ts'

const SERVER_ENTRY = new URL('./try-catch-server.ts', import.meta.url)
const SAMPLE_INTERVAL_MS = 250
/** After the load stops, a healthy server finishes its in-flight handlers well within this. */
const SETTLE_MS = 500

/** GET /debug/queue */
interface QueueSample {
  offlineQueue: number
  commandQueue: number
  inFlightRequests: number
  rssBytes: number
  heapUsedBytes: number
}

interface TimedSample extends QueueSample {
  /** Seconds since the phase began. */
  at: number
}

interface PhaseResult extends PhaseLoad {
  samples: TimedSample[]
  /** Handlers still running SETTLE_MS after the load stopped: requests stuck inside the server. */
  stuckHandlers: number
}

export const baselineSection: Section = {
  id: 'baseline',
  title: 'Baseline: try/catch around a default ioredis client',
  run: () => withTeardown(async (defer) => {
    const seconds = phaseSeconds()
    const redis = await startRedisServer()
    defer(() => redis.stop())
    const server = await startService({ redisUrl: redis.url, name: 'try-catch-baseline', entry: SERVER_ENTRY })
    defer(() => server.stop())

    await warmUp(server.url)
    const results: PhaseResult[] = []
    for (const phase of PHASES) {
      console.log(`  phase ${phase.label}`)
      results.push(await measurePhase(phase, seconds, server, redis))
    }
    return { markdown: render(results, seconds, readSoakSummary()), targets: targets(results) }
  })
}

async function measurePhase (phase: Phase, seconds: number, server: ServiceHandle, redis: RedisServerHandle): Promise<PhaseResult> {
  await phase.inject(redis)
  const sampler = startSampler(server)
  const load = await loadPhase(server.url, seconds)
  const samples = await sampler.stop()
  await sleep(SETTLE_MS)
  const settled = await server.getJson('/debug/queue') as QueueSample
  return { phase, load, samples, stuckHandlers: settled.inFlightRequests }
}

/** Polls GET /debug/queue every 250 ms until stopped; a poll that fails is skipped. */
function startSampler (server: ServiceHandle): { stop (): Promise<TimedSample[]> } {
  let running = true
  const started = performance.now()
  const sampling = (async () => {
    const samples: TimedSample[] = []
    while (running) {
      const sample = await server.getJson('/debug/queue').catch(() => undefined) as QueueSample | undefined
      if (sample !== undefined) samples.push({ ...sample, at: (performance.now() - started) / 1000 })
      await sleep(SAMPLE_INTERVAL_MS)
    }
    return samples
  })()
  return {
    stop: async () => {
      running = false
      return await sampling
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Targets and report

function peak (samples: readonly TimedSample[], field: keyof QueueSample): number {
  return samples.reduce((max, sample) => Math.max(max, sample[field]), 0)
}

function last (samples: readonly TimedSample[], field: keyof QueueSample): number {
  return samples.at(-1)?.[field] ?? 0
}

/** Descriptive: there is no goal for the baseline, only what it does; `met` means "measured". */
function described (name: string, measured: string): TargetResult {
  return { name, target: 'no goal: the contrast', measured, met: true, descriptive: true }
}

function targets (results: readonly PhaseResult[]): TargetResult[] {
  const hung = findPhase(results, 'hung')
  const killed = findPhase(results, 'killed')
  const restarted = findPhase(results, 'restarted')
  const non2xx = results.reduce((sum, result) => sum + result.load.non2xx, 0)
  return [
    described('baseline, Redis hung: requests answered / timed out',
      `${hung.load.requests} answered, ${hung.load.timeouts} timed out, ${hung.stuckHandlers} handlers still waiting after the load`),
    described('baseline, Redis killed: offline queue',
      `up to ${peak(killed.samples, 'offlineQueue')} commands queued; ${killed.load.requests} answered, ${killed.load.timeouts} timed out, ${killed.stuckHandlers} handlers still waiting after the load`),
    described('baseline, Redis restarted: requests answered / timed out',
      `${restarted.load.requests} answered, ${restarted.load.timeouts} timed out`),
    described('baseline, all phases: non-2xx answers', `${non2xx}: try/catch does keep errors out of the responses`)
  ]
}

/** The offline queue's highest value in each second of the phase. */
function perSecond (samples: readonly TimedSample[]): string {
  const seconds: number[] = []
  for (const sample of samples) {
    const second = Math.floor(sample.at)
    seconds[second] = Math.max(seconds[second] ?? 0, sample.offlineQueue)
  }
  return Array.from(seconds, (value) => value ?? 0).join(' ')
}

function render (results: readonly PhaseResult[], seconds: number, soak: SoakSummary | undefined): string {
  const queueRows = results.map(({ phase, samples, stuckHandlers }) => [
    phase.label,
    peak(samples, 'offlineQueue'),
    perSecond(samples),
    peak(samples, 'commandQueue'),
    peak(samples, 'inFlightRequests'),
    stuckHandlers,
    mib(peak(samples, 'rssBytes')),
    mib(peak(samples, 'heapUsedBytes'))
  ])
  return [
    '`bench/baseline/try-catch-server.ts` does the same work as `POST /api/calculate-score` (same local provider, ' +
      'parsers, embedder and scoring; the same five cached steps, one MGET and one pipeline for the embeddings) but ' +
      'caches each step with `try { await redis.get(key) } catch {}` / `try { await redis.set(key, value, \'EX\', ttl) } catch {}` ' +
      'on an ioredis client (the service\'s own ioredis 6) with default options: offline queue on, ' +
      '`maxRetriesPerRequest: 20`, no `commandTimeout`, reconnect backoff up to 5 s. No L1, no deadline, no breaker. ' +
      'Same private `redis-server`, same phases, same load as the soak section.',
    '',
    describeLoad(seconds),
    '',
    loadTable(results),
    '',
    `The client's queues and the server's memory, sampled every ${SAMPLE_INTERVAL_MS} ms through \`GET /debug/queue\`: ` +
      '*offline queue* holds commands waiting for a connection, *command queue* commands sent and not yet answered, ' +
      '*handlers running* requests whose handler has not returned (10 connections keep up to 10 in flight; more means ' +
      'handlers abandoned by timed-out clients, which keep waiting), *stuck after the load* those still running ' +
      `${SETTLE_MS} ms after the phase's load stopped. The load is closed-loop (10 clients, each waiting for its ` +
      'answer or its timeout before the next request), which caps how fast the queues can grow; with traffic that ' +
      'keeps arriving whatever the answers, they grow with the arrival rate for as long as Redis is away.',
    '',
    table(['phase', 'offline queue, peak', 'offline queue, each second', 'command queue, peak', 'handlers running, peak',
      'stuck after the load', 'RSS, peak', 'heap used, peak'], queueRows),
    '',
    sideBySide(results, soak)
  ].join('\n')
}

function sideBySide (results: readonly PhaseResult[], soak: SoakSummary | undefined): string {
  if (soak === undefined) return '_No soak results in `bench/.out/` yet: run the `soak` section for the side-by-side comparison._'
  const rows = results.map(({ phase, load, samples }) => {
    const jobfit = soak.phases.find((candidate) => candidate.id === phase.id)
    const cell = (value: (result: LoadResult) => string) => `${jobfit === undefined ? '–' : value(jobfit.load)} vs ${value(load)}`
    return [
      phase.label,
      cell((result) => String(result.requests)),
      cell((result) => String(result.non2xx + result.timeouts + result.errors)),
      cell((result) => latency(result, result.p99Ms)),
      cell((result) => latency(result, result.maxMs)),
      `${jobfit === undefined ? '–' : mib(jobfit.rssBytes)} vs ${mib(last(samples, 'rssBytes'))}`
    ]
  })
  return [
    `**jobfit vs try/catch**, each cell "jobfit vs baseline" (jobfit from the soak run of ${soak.measuredAt.slice(0, 16).replace('T', ' ')} UTC, ` +
      `${soak.phaseSeconds} s phases; RSS at the end of each phase). Read the healthy-phase latencies with care: on 2 ` +
      'cores shared with the load generator, they move by tens of percent from run to run, and the soak run also ' +
      'carries its probe instance (10 scorings and 10 `/metrics` scrapes a second). The failure phases differ by ' +
      'orders of magnitude, not percent.',
    '',
    table(['phase', 'requests', 'non-2xx + timeouts + errors', 'p99', 'max', 'RSS'], rows)
  ].join('\n')
}
