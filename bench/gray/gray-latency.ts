/**
 * Section `gray`: the breaker against a gray network. The service runs with a one-entry L1 (so
 * that every cache lookup reads Redis) behind a TCP proxy that delays each Redis reply by a
 * fixed time, below, at and above the 50 ms deadline; per delay we count breaker openings,
 * failed requests, latency, the L2 hit ratio and provider computations. A second part measures
 * how long a clear made while Redis was down leaves another instance serving the cleared entry.
 */
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { makeOwnedTempDir, removeOwnedTempDir, spawnOwned } from '../../test/helpers/owned-process.ts'
import { freePort, startRedisServer } from '../../test/helpers/redis-server.ts'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import { runLoad } from '../lib/load.ts'
import type { LoadResult } from '../lib/load.ts'
import { ms, table } from '../lib/report.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { startService, withTeardown } from '../lib/service.ts'
import type { Defer, Metrics, ServiceHandle, ServiceOptions } from '../lib/service.ts'

const DEADLINE_MS = 50
/** `undefined`: straight to Redis, no proxy. */
const DELAYS_MS: ReadonlyArray<number | undefined> = [undefined, 0, 20, 40, 45, 50, 55]
const MEASURE_SECONDS = Number(process.env.BENCH_GRAY_SECONDS ?? 15)
const WARMUP_SECONDS = 3
const CONNECTIONS = 10
const MAX_OPENS_AT_DEADLINE = 5
const OUTAGE_CYCLES = 3
const STALE_TARGET_SECONDS = 1
const STALE_POLL_MS = 25
const STALE_GIVE_UP_MS = 30_000
const PROXY_ENTRY = fileURLToPath(new URL('./proxy-process.ts', import.meta.url))

interface DelayResult {
  delayMs: number | undefined
  load: LoadResult
  opens: number
  timeouts: number
  /** L2 reads skipped because the circuit was open. */
  refused: number
  l2HitRatio: number
  computations: number
}

export const graySection: Section = {
  id: 'gray',
  title: 'Gray latency and outage coherence',
  run: () => withTeardown(async (defer) => {
    const redis = await startRedisServer()
    defer(() => redis.stop())
    const loadBefore = os.loadavg()[0]!
    const rows: DelayResult[] = []
    for (const delayMs of DELAYS_MS) {
      console.log(`  delay ${delayMs ?? 'none'}`)
      rows.push(await measureDelay(redis, delayMs))
    }
    console.log('  outage-time clears')
    const staleSeconds = await measureStaleness(redis, defer)
    const loadAverages = [loadBefore, os.loadavg()[0]!]
    return { markdown: render(rows, staleSeconds, loadAverages), targets: targets(rows, staleSeconds) }
  })
}

async function measureDelay (redis: RedisServerHandle, delayMs: number | undefined): Promise<DelayResult> {
  return await withTeardown(async (defer) => {
    const url = delayMs === undefined ? redis.url : await startProxy(redis.port, delayMs, defer)
    const service = await startPatiently({ redisUrl: url, name: `jobfit-gray-${delayMs ?? 'direct'}`, env: { CACHE_L1_MAX_ENTRIES: '1' } })
    defer(() => service.stop())
    await runLoad({ url: service.url, durationSeconds: WARMUP_SECONDS, connections: CONNECTIONS })
    const before = await service.metrics()
    const load = await runLoad({ url: service.url, durationSeconds: MEASURE_SECONDS, connections: CONNECTIONS, timeoutSeconds: 5 })
    const after = await service.metrics()
    const delta = (name: string, labels: Record<string, string> = {}): number => after.sum(name, labels) - before.sum(name, labels)
    const hits = delta('cache_hits_total', { tier: 'l2' })
    const misses = delta('cache_misses_total', { tier: 'l2' })
    return {
      delayMs,
      load,
      opens: delta('cache_l2_breaker_opens_total'),
      timeouts: delta('cache_get_failures_total', { reason: 'timeout' }) + delta('cache_set_failures_total', { reason: 'timeout' }),
      refused: delta('cache_get_failures_total', { reason: 'circuit_open' }),
      l2HitRatio: hits + misses === 0 ? 0 : hits / (hits + misses),
      computations: delta('ai_requests_total')
    }
  })
}

/** On a machine shared with other work a cold start can miss startService's 20 s: one more try. */
async function startPatiently (options: ServiceOptions): Promise<ServiceHandle> {
  try {
    return await startService(options)
  } catch (error) {
    console.log(`  retrying the start: ${String(error).split('\n')[0]}`)
    return await startService(options)
  }
}

/** A latency proxy in a child process, listening on a free port; resolves with its redis:// URL. */
async function startProxy (redisPort: number, delayMs: number, defer: Defer): Promise<string> {
  const dir = await makeOwnedTempDir('jobfit-bench-proxy-')
  const port = await freePort()
  const owned = spawnOwned(process.execPath, [PROXY_ENTRY, String(redisPort), String(port), String(delayMs)], { cwd: dir, logFile: path.join(dir, 'proxy.log') })
  defer(async () => {
    owned.child.kill('SIGKILL')
    await owned.exited
    await removeOwnedTempDir(dir)
  })
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (owned.hasExited()) throw new Error(`latency proxy exited:\n${owned.output()}`)
    if (await accepts(port)) return `redis://127.0.0.1:${port}`
    await sleep(50)
  }
  throw new Error(`latency proxy did not listen on ${port}:\n${owned.output()}`)
}

function accepts (port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => { socket.destroy(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

// ---------------------------------------------------------------------------------------------
// Outage-time clears: how long does another instance serve a cleared entry after Redis returns?

/**
 * Two instances on the same (direct) Redis with default settings. Per cycle: both cache a
 * domain lookup, Redis is killed, A clears the domain cache (its L2 part fails), Redis is
 * restarted; then B is asked for the same domain every 25 ms until its answer no longer comes
 * from L1. Returns the seconds from "Redis answers again" to that moment, per cycle.
 */
async function measureStaleness (redis: RedisServerHandle, defer: Defer): Promise<number[]> {
  const a = await startPatiently({ redisUrl: redis.url, name: 'jobfit-outage-a' })
  defer(() => a.stop())
  const b = await startPatiently({ redisUrl: redis.url, name: 'jobfit-outage-b' })
  defer(() => b.stop())
  const seconds: number[] = []
  for (let cycle = 1; cycle <= OUTAGE_CYCLES; cycle++) {
    const company = `Outage Test ${cycle}`
    await post(a, '/api/find-domain', { company_name: company })
    await sleep(200)
    await post(b, '/api/find-domain', { company_name: company })
    if (!await servedFromL1(b, company)) throw new Error(`cycle ${cycle}: B does not hold the entry in L1`)
    await redis.kill()
    await sleep(500)
    const cleared = await post(a, '/api/cache/clear-domains', {}) as { l2: { status: string } }
    if (cleared.l2.status !== 'failed') throw new Error(`cycle ${cycle}: the clear reached Redis (${cleared.l2.status})`)
    await redis.restart()
    const back = performance.now()
    while (await servedFromL1(b, company)) {
      if (performance.now() - back > STALE_GIVE_UP_MS) throw new Error(`cycle ${cycle}: B still serves the cleared entry after ${STALE_GIVE_UP_MS} ms`)
      await sleep(STALE_POLL_MS)
    }
    seconds.push((performance.now() - back) / 1000)
    await sleep(1000)
  }
  return seconds
}

async function servedFromL1 (service: ServiceHandle, company: string): Promise<boolean> {
  const before = l1DomainHits(await service.metrics())
  await post(service, '/api/find-domain', { company_name: company })
  return l1DomainHits(await service.metrics()) > before
}

function l1DomainHits (metrics: Metrics): number {
  return metrics.sum('cache_hits_total', { namespace: 'domain', tier: 'l1' })
}

async function post (service: ServiceHandle, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${service.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000)
  })
  if (!response.ok) throw new Error(`POST ${route} answered ${response.status}`)
  return await response.json()
}

// ---------------------------------------------------------------------------------------------
// Targets and report

function failed (load: LoadResult): number {
  return load.non2xx + load.timeouts + load.errors
}

function label (delayMs: number | undefined): string {
  if (delayMs === undefined) return 'none (direct)'
  return delayMs === DEADLINE_MS ? `${delayMs} ms (= deadline)` : `${delayMs} ms`
}

function row (rows: readonly DelayResult[], delayMs: number | undefined): DelayResult {
  const found = rows.find((candidate) => candidate.delayMs === delayMs)
  if (found === undefined) throw new Error(`no row for delay ${delayMs}`)
  return found
}

function targets (rows: readonly DelayResult[], staleSeconds: readonly number[]): TargetResult[] {
  const atDeadline = row(rows, DEADLINE_MS)
  const healthy = row(rows, undefined)
  const failing = rows.filter((result) => failed(result.load) > 0)
  const worstStale = Math.max(...staleSeconds)
  return [
    {
      name: `breaker openings per ${MEASURE_SECONDS} s, Redis at exactly the deadline latency`,
      target: `<= ${MAX_OPENS_AT_DEADLINE}`,
      measured: String(atDeadline.opens),
      met: atDeadline.opens <= MAX_OPENS_AT_DEADLINE
    },
    {
      name: `breaker openings per ${MEASURE_SECONDS} s, healthy local Redis`,
      target: '0',
      measured: String(healthy.opens),
      met: healthy.opens === 0
    },
    {
      name: 'failed requests at every delay',
      target: '0',
      measured: failing.length === 0
        ? `0 of ${rows.reduce((sum, result) => sum + result.load.requests, 0)}`
        : failing.map((result) => `${label(result.delayMs)}: ${failed(result.load)}`).join('; '),
      met: failing.length === 0
    },
    {
      name: 'stale L1 after an outage-time clear, once Redis returns (worst of 3 cycles)',
      target: `<= ${STALE_TARGET_SECONDS} s`,
      measured: `${worstStale.toFixed(2)} s`,
      met: worstStale <= STALE_TARGET_SECONDS
    }
  ]
}

function render (rows: readonly DelayResult[], staleSeconds: readonly number[], loadAverages: readonly number[]): string {
  const direct = row(rows, undefined)
  const throughProxy = row(rows, 0)
  return [
    `The service (\`node src/server.ts\`, local AI provider, default cache settings but a one-entry L1, so that every ` +
      `cache lookup reads Redis) runs against a private \`redis-server\` through a TCP latency proxy (test/helpers/latency-proxy.ts, ` +
      `in a process of its own) that holds every Redis reply chunk for the given delay. Per delay: a fresh service, ` +
      `${WARMUP_SECONDS} s unreported warm-up, then ${MEASURE_SECONDS} s of the soak's 80/20 \`POST /api/calculate-score\` mix ` +
      `from autocannon on ${CONNECTIONS} connections. The L2 deadline is ${DEADLINE_MS} ms. *Openings*: ` +
      '`cache_l2_breaker_opens_total` over the measured seconds; *L2 timeouts*: reads and writes that hit the deadline; ' +
      '*computations*: `ai_requests_total` (local provider calls, i.e. lookups no tier answered).',
    '',
    table(['Redis reply delay', 'openings', 'failed requests', 'requests', 'p50', 'p99', 'L2 hit ratio', 'L2 timeouts', 'L2 reads skipped (circuit open)', 'computations', 'computations vs direct'],
      rows.map((result) => [
        label(result.delayMs), result.opens, failed(result.load), result.load.requests, ms(result.load.p50Ms), ms(result.load.p99Ms),
        `${(100 * result.l2HitRatio).toFixed(1)} %`, result.timeouts, result.refused, result.computations,
        direct.computations === 0 ? '–' : `${(result.computations / direct.computations).toFixed(2)}x`
      ])),
    '',
    `**Reading it.** The machine's 1-minute load average was ${loadAverages.map((value) => value.toFixed(1)).join(' at the start, ')} ` +
      `at the end (${os.cpus().length} cores). The proxy is a process too, and when it waits for a core it adds more than ` +
      `its setting: with a 0 ms setting it already made ${throughProxy.timeouts} L2 calls miss the deadline. So the rows ` +
      'are "at least this delay". What they show is the breaker\'s behaviour: when half of the last 10 s of L2 calls ' +
      '(at least 20) failed or were slow (no reply yet at 40 ms, 80 % of the deadline) the circuit opens, and only a fast ' +
      'probe closes it; each failed or slow probe, and each re-opening within a window of a close, doubles the cool-down ' +
      '(1 s up to 4 s, ± 20 %). A Redis at or past the deadline is therefore out of the request path for seconds at a ' +
      'time (*L2 reads skipped*) after a handful of openings, where the breaker this replaced opened 86–163 times per 15 s ' +
      'at 50 ms. The price is in *computations*: with L2 out, a one-entry L1 recomputes what Redis would have answered ' +
      '(with a normal L1 most of those would be L1 hits).',
    '',
    `**Outage-time clears.** Two services on one direct Redis. Per cycle both cache a \`/api/find-domain\` answer, Redis is ` +
      'SIGKILLed, A calls `POST /api/cache/clear-domains` (its L2 part fails and is queued), Redis is restarted, and B is ' +
      `asked for the same domain every ${STALE_POLL_MS} ms until its answer no longer comes from L1 ` +
      '(`cache_hits_total{namespace="domain",tier="l1"}`). Seconds from "Redis answers PING again" to that moment: ' +
      staleSeconds.map((value) => `${value.toFixed(2)} s`).join(', ') +
      '. B drops its `domain` L1 entries when its invalidation-bus subscription comes back (its reconnect backoff is ' +
      'capped by `CACHE_L2_MAX_RECONNECT_DELAY_MS`, 1 s), and A replays the queued clear to L2 and the bus.'
  ].join('\n')
}
