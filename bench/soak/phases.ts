/**
 * The fault sequence both the `soak` section (jobfit) and the `baseline` section (try/catch
 * around ioredis) run, so that their numbers line up phase by phase: same faults, same order,
 * same length, same load.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import { runLoad } from '../lib/load.ts'
import type { LoadResult } from '../lib/load.ts'
import { ms, table } from '../lib/report.ts'

export type PhaseId = 'healthy' | 'hung' | 'resumed' | 'killed' | 'restarted' | 'oom'

export interface Phase {
  id: PhaseId
  /** As shown in the tables. */
  label: string
  /** Puts Redis into this phase's state; called as the phase begins. */
  inject (redis: RedisServerHandle): Promise<void>
}

export const PHASES: readonly Phase[] = [
  { id: 'healthy', label: 'healthy', inject: async () => {} },
  { id: 'hung', label: 'Redis hung (SIGSTOP)', inject: async (redis) => redis.pause() },
  { id: 'resumed', label: 'Redis resumed (SIGCONT)', inject: async (redis) => redis.resume() },
  { id: 'killed', label: 'Redis killed', inject: (redis) => redis.kill() },
  { id: 'restarted', label: 'Redis restarted (empty)', inject: (redis) => redis.restart() },
  { id: 'oom', label: 'Redis OOM (maxmemory, noeviction)', inject: (redis) => redis.fillToOom() }
]

const DEFAULT_PHASE_SECONDS = 10
/** Not reported: lets the JIT and the caches settle, so the healthy phase is not a cold start. */
const WARMUP_SECONDS = 3
const MAX_LOAD_TIMEOUT_SECONDS = 4
const LOAD_CONNECTIONS = 10

/** `BENCH_PHASE_SECONDS` overrides the length of every phase (default 10 s). */
export function phaseSeconds (): number {
  const value = Number(process.env.BENCH_PHASE_SECONDS ?? DEFAULT_PHASE_SECONDS)
  if (!Number.isFinite(value) || value < 1) throw new Error(`BENCH_PHASE_SECONDS must be a number >= 1, got "${process.env.BENCH_PHASE_SECONDS}"`)
  return value
}

/**
 * Well under a phase, so that a request that hangs is counted as a timeout within its phase
 * rather than cut off, unanswered and uncounted, when the phase ends.
 */
function loadTimeoutSeconds (seconds: number): number {
  return Math.min(MAX_LOAD_TIMEOUT_SECONDS, seconds / 2.5)
}

/** The load every phase runs: the 80/20 mix on 10 connections. */
export function loadPhase (url: string, seconds: number): Promise<LoadResult> {
  return runLoad({ url, durationSeconds: seconds, connections: LOAD_CONNECTIONS, timeoutSeconds: loadTimeoutSeconds(seconds) })
}

export async function warmUp (url: string): Promise<void> {
  await loadPhase(url, WARMUP_SECONDS)
}

export function describeLoad (seconds: number): string {
  return `Each phase: ${seconds} s of \`POST /api/calculate-score\` from autocannon on ${LOAD_CONNECTIONS} connections ` +
    `(one request in flight each), 80 % known (CV, JD) pairs from the sample texts and 20 % CVs never seen before ` +
    `(a sample CV with a unique line appended). A request unanswered after ${loadTimeoutSeconds(seconds)} s counts as a ` +
    `timeout (and its connection is replaced); latencies are those of the answered requests. The fault is injected ` +
    `as the phase begins and stays until the next one; a ${WARMUP_SECONDS} s unreported warm-up comes first.`
}

/** What every section measures per phase, at least. */
export interface PhaseLoad {
  phase: Phase
  load: LoadResult
}

export function findPhase<T extends PhaseLoad> (results: readonly T[], id: PhaseId): T {
  const result = results.find((candidate) => candidate.phase.id === id)
  if (result === undefined) throw new Error(`no ${id} phase`)
  return result
}

/** A latency of a phase, or '–' when no request was answered in it. */
export function latency (load: LoadResult, value: number): string {
  return load.requests === 0 ? '–' : ms(value)
}

/** What the clients saw, one row per phase. */
export function loadTable (results: readonly PhaseLoad[]): string {
  return table(['phase', 'requests', 'non-2xx', 'timeouts', 'errors', 'p50', 'p99', 'max'], results.map(({ phase, load }) => [
    phase.label, load.requests, load.non2xx, load.timeouts, load.errors,
    latency(load, load.p50Ms), latency(load, load.p99Ms), latency(load, load.maxMs)
  ]))
}

export function mib (bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`
}

/** What the soak section leaves for the baseline section's side-by-side table. */
export interface SoakPhaseSummary {
  id: PhaseId
  load: LoadResult
  rssBytes: number
}

export interface SoakSummary {
  measuredAt: string
  phaseSeconds: number
  phases: SoakPhaseSummary[]
}

/** Next to the runner's `soak.json`, which holds only markdown and targets. */
const SOAK_SUMMARY = new URL('../.out/soak-phases.json', import.meta.url)

export function writeSoakSummary (summary: SoakSummary): void {
  writeFileSync(SOAK_SUMMARY, JSON.stringify(summary, null, 2))
}

/** The last soak run's numbers, or `undefined` when the soak section has not run here yet. */
export function readSoakSummary (): SoakSummary | undefined {
  try {
    return JSON.parse(readFileSync(SOAK_SUMMARY, 'utf8')) as SoakSummary
  } catch {
    return undefined
  }
}
