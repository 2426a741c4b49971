/**
 * Section `soak`: the service's promise measured over HTTP. The real service runs as a child
 * process against a private redis-server that goes through the fault phases of phases.ts while
 * load runs; per phase we report what the clients saw and what /metrics counted.
 */
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { startRedisServer } from '../../test/helpers/redis-server.ts'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import { repeatedBody, SCORE_PATH } from '../lib/load.ts'
import { ms, ratio, table } from '../lib/report.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { deltaByKey, startService, withTeardown } from '../lib/service.ts'
import type { Metrics, ServiceHandle } from '../lib/service.ts'
import { describeLoad, findPhase, loadPhase, loadTable, mib, PHASES, phaseSeconds, warmUp, writeSoakSummary } from './phases.ts'
import type { Phase, PhaseLoad } from './phases.ts'

const HUNG_P99_FACTOR = 1.5
const L2_RESUME_SECONDS = 5
const PROBE_INTERVAL_MS = 100
const PROBE_TIMEOUT_MS = 5000

interface ProbeResult {
  requests: number
  /** Non-2xx answers, timeouts and errors. */
  failed: number
  l2Hits: number
  /** Seconds from the fault injection to the first L2 hit; `undefined` when there was none. */
  firstL2HitSeconds: number | undefined
}

interface PhaseResult extends PhaseLoad {
  getFailures: Map<string, number>
  setFailures: Map<string, number>
  /** GET/MGET calls that Redis answered, on the loaded instance. */
  l2ReadsAnswered: number
  rssBytes: number
  /** The loaded instance's longest event-loop delay during the phase, in seconds. */
  eventLoopLagMaxSeconds: number
  probe: ProbeResult
}

export const soakSection: Section = {
  id: 'soak',
  title: 'Fault soak over HTTP',
  run: () => withTeardown(async (defer) => {
    const seconds = phaseSeconds()
    const redis = await startRedisServer()
    defer(() => redis.stop())
    const loaded = await startService({ redisUrl: redis.url, name: 'jobfit' })
    defer(() => loaded.stop())
    const probed = await startService({ redisUrl: redis.url, name: 'jobfit-l2-probe', env: { CACHE_L1_MAX_ENTRIES: '1' } })
    defer(() => probed.stop())

    await warmUp(loaded.url)
    const results: PhaseResult[] = []
    for (const phase of PHASES) {
      console.log(`  phase ${phase.label}`)
      results.push(await measurePhase(phase, seconds, loaded, probed, redis))
    }
    writeSoakSummary({
      measuredAt: new Date().toISOString(),
      phaseSeconds: seconds,
      phases: results.map((result) => ({ id: result.phase.id, load: result.load, rssBytes: result.rssBytes }))
    })
    return { markdown: render(results, seconds), targets: targets(results) }
  })
}

async function measurePhase (phase: Phase, seconds: number, loaded: ServiceHandle, probed: ServiceHandle, redis: RedisServerHandle): Promise<PhaseResult> {
  const before = await loaded.metrics()
  const probeHitsBefore = l2Hits(await probed.metrics())
  const injectedAt = performance.now()
  await phase.inject(redis)
  const probe = startL2Probe(probed, injectedAt, probeHitsBefore)
  const load = await loadPhase(loaded.url, seconds)
  const after = await loaded.metrics()
  return {
    phase,
    load,
    getFailures: deltaByKey(before.byLabel('cache_get_failures_total', 'reason'), after.byLabel('cache_get_failures_total', 'reason')),
    setFailures: deltaByKey(before.byLabel('cache_set_failures_total', 'reason'), after.byLabel('cache_set_failures_total', 'reason')),
    l2ReadsAnswered: l2ReadsAnswered(after) - l2ReadsAnswered(before),
    rssBytes: after.sum('process_resident_memory_bytes'),
    // prom-client resets its event-loop delay histogram at every scrape: this covers the phase.
    eventLoopLagMaxSeconds: after.sum('nodejs_eventloop_lag_max_seconds'),
    probe: await probe.stop()
  }
}

function l2Hits (metrics: Metrics): number {
  return metrics.sum('cache_hits_total', { tier: 'l2' })
}

function l2ReadsAnswered (metrics: Metrics): number {
  return ['get', 'mget'].reduce((total, operation) =>
    total + metrics.sum('cache_l2_operation_duration_seconds_count', { operation, outcome: 'ok' }), 0)
}

/**
 * Scores one known pair on the probe instance every 100 ms and watches its L2 hit counter.
 * With a one-entry L1, each of its lookups goes to Redis, so an L2 hit appears as soon as its
 * L2 tier is back in the request path (after a restart, one request later: the first one
 * finds Redis empty and writes the values back).
 */
function startL2Probe (service: ServiceHandle, since: number, initialHits: number): { stop (): Promise<ProbeResult> } {
  let running = true
  const probing = (async (): Promise<ProbeResult> => {
    const result: ProbeResult = { requests: 0, failed: 0, l2Hits: 0, firstL2HitSeconds: undefined }
    while (running) {
      result.requests++
      if (!await scoreOnce(service.url)) result.failed++
      // A failed scrape is a failed probe too, and must not reject: nothing may be left unhandled.
      const metrics = await service.metrics().catch(() => undefined)
      if (metrics === undefined) result.failed++
      else result.l2Hits = l2Hits(metrics) - initialHits
      if (result.l2Hits > 0) result.firstL2HitSeconds ??= (performance.now() - since) / 1000
      await sleep(PROBE_INTERVAL_MS)
    }
    return result
  })()
  return {
    stop: async () => {
      running = false
      return await probing
    }
  }
}

async function scoreOnce (url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}${SCORE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: repeatedBody(0),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS)
    })
    await response.arrayBuffer()
    return response.ok
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------
// Targets and report

function failedRequests (result: PhaseResult): number {
  return result.load.non2xx + result.load.timeouts + result.load.errors + result.probe.failed
}

function targets (results: readonly PhaseResult[]): TargetResult[] {
  const failing = results.filter((result) => failedRequests(result) > 0)
  const total = results.reduce((sum, result) => sum + result.load.requests + result.probe.requests, 0)
  const healthy = findPhase(results, 'healthy').load
  const hung = findPhase(results, 'hung').load
  const hungRatio = hung.p99Ms / healthy.p99Ms
  return [
    {
      name: 'every request answered 2xx, in every phase',
      target: '0 non-2xx, timeouts or errors',
      measured: failing.length === 0
        ? `0 of ${total} requests`
        : failing.map((result) => `${result.phase.label}: ${failedRequests(result)}`).join('; '),
      met: failing.length === 0,
      ...(failing.length === 0 ? {} : { note: 'see the phase table for non-2xx vs timeouts' })
    },
    {
      name: 'hung Redis: p99 within 1.5x of healthy',
      target: `<= ${HUNG_P99_FACTOR}x`,
      measured: `${ratio(hungRatio)} (p99 ${ms(hung.p99Ms)} vs ${ms(healthy.p99Ms)})`,
      met: hungRatio <= HUNG_P99_FACTOR
    },
    resumeTarget(findPhase(results, 'resumed'), 'after SIGCONT'),
    resumeTarget(findPhase(results, 'restarted'), 'after a restart')
  ]
}

function resumeTarget (result: PhaseResult, when: string): TargetResult {
  const seconds = result.probe.firstL2HitSeconds
  const met = seconds !== undefined && seconds <= L2_RESUME_SECONDS
  return {
    name: `L2 hits resume ${when}`,
    target: `<= ${L2_RESUME_SECONDS} s`,
    measured: seconds === undefined ? `no L2 hit within the ${result.phase.label} phase` : `${seconds.toFixed(2)} s`,
    met
  }
}

function reasons (counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return '0'
  return [...counts].sort(([, a], [, b]) => b - a).map(([reason, count]) => `${reason} ${count}`).join(', ')
}

function render (results: readonly PhaseResult[], seconds: number): string {
  const cacheRows = results.map((result) => [
    result.phase.label,
    reasons(result.getFailures),
    reasons(result.setFailures),
    result.l2ReadsAnswered,
    result.probe.l2Hits,
    result.probe.firstL2HitSeconds === undefined ? '–' : `${result.probe.firstL2HitSeconds.toFixed(2)} s`,
    `${result.probe.requests} / ${result.probe.failed}`,
    ms(result.eventLoopLagMaxSeconds * 1000),
    mib(result.rssBytes)
  ])
  return [
    'The service (`node src/server.ts`, local AI provider, default cache settings) runs as a child process against a ' +
      'private `redis-server`, which goes through the phases below in order.',
    '',
    describeLoad(seconds),
    '',
    loadTable(results),
    '',
    '**Why a second instance.** Under this load the loaded instance keeps every repeated input in its L1 (50 000 ' +
      'entries by default), so it reads Redis only for never-seen inputs, which are misses: it never *hits* L2, and ' +
      'shrinking its L1 would turn the hung-Redis phase into a recomputation benchmark. So a second instance shares the ' +
      `Redis with \`CACHE_L1_MAX_ENTRIES=1\`: every ${PROBE_INTERVAL_MS} ms it scores one known pair and we read its ` +
      '`cache_hits_total{tier="l2"}`. Every lookup it makes goes to Redis, so its first L2 hit after a fault marks the ' +
      'moment L2 is back in the request path; the time is counted from the fault injection (for the restart, from ' +
      'before the new `redis-server` is spawned).',
    '',
    'Cache counters per phase, as deltas of the loaded instance\'s `/metrics` (summed over namespaces); ' +
      '*L2 reads answered* counts its GET/MGET calls that Redis answered (`cache_l2_operation_duration_seconds_count` ' +
      'with `outcome="ok"`); *probe* columns are the second instance\'s.',
    '',
    table(['phase', 'get failures by reason', 'set failures by reason', 'L2 reads answered', 'probe L2 hits',
      'probe first L2 hit', 'probe requests / failed', 'event-loop lag, max', 'RSS at end'], cacheRows),
    '',
    '**`timeout` and `circuit_open` where Redis is up.** The 50 ms deadline is a timer on the service\'s own event ' +
      'loop, and one turn of that loop can run longer than that (*event-loop lag, max*: 2 cores shared with the load ' +
      'generator). An earlier run of this soak counted `timeout`s in the healthy phases for that reason alone: the timer ' +
      'fired before a reply that had already arrived was read, and each one opened the breaker. The deadline now lets ' +
      'such a reply be read first (`withDeadline` in src/cache/redis-tier.ts, test/cache-event-loop-lag.test.ts), so a ' +
      '`timeout` where Redis is up means Redis answered late. `circuit_open` right after a fault clears (resumed, ' +
      'restarted) is the breaker waiting for its next probe, at most the 1 s cool-down: L2 reads and writes skipped, not ' +
      'requests failed.'
  ].join('\n')
}
