/**
 * The real service (or any other HTTP entry point) as a child process on a free loopback port,
 * so the benchmarks measure what production runs: a separate event loop, real sockets, real
 * Redis. Spawned through the test helpers' owned-process machinery, which also kills it if the
 * bench process dies first.
 */
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { makeOwnedTempDir, removeOwnedTempDir, spawnOwned } from '../../test/helpers/owned-process.ts'
import type { OwnedProcess } from '../../test/helpers/owned-process.ts'
import { freePort } from '../../test/helpers/redis-server.ts'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SERVER_ENTRY = new URL('../../src/server.ts', import.meta.url)
const HOST = '127.0.0.1'
const READY_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 5000

export interface ServiceOptions {
  /** The L2 the service talks to; a private redis-server, never the shared one. */
  redisUrl: string
  /** Extra or overriding environment, e.g. `{ CACHE_L1_MAX_ENTRIES: '1' }`. */
  env?: Readonly<Record<string, string>>
  /** The script to run; src/server.ts by default. It must read PORT, HOST and REDIS_URL and answer GET /health. */
  entry?: URL
  /** Shown in errors and log file names. */
  name?: string
}

export interface ServiceHandle {
  /** `http://127.0.0.1:PORT` */
  readonly url: string
  readonly pid: number
  /** GET /metrics, parsed. */
  metrics (): Promise<Metrics>
  /** GET `path`, parsed as JSON; rejects on a non-2xx answer. */
  getJson (path: string): Promise<unknown>
  /** What the process wrote to stdout and stderr so far. */
  output (): string
  /** SIGTERM, then SIGKILL after a grace period; waits for the exit. Idempotent. */
  stop (): Promise<void>
}

/** Starts the service and resolves once GET /health answers 200. */
export async function startService (options: ServiceOptions): Promise<ServiceHandle> {
  const name = options.name ?? 'jobfit'
  const dir = await makeOwnedTempDir(`jobfit-bench-${name}-`)
  const port = await freePort()
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    HOST,
    REDIS_URL: options.redisUrl,
    LOG_LEVEL: 'warn',
    AI_PROVIDER: 'local',
    // The sections measure the cache; the semantic model's cost is measured by the rank section.
    LOCAL_EMBEDDER: 'lexical',
    SHUTDOWN_TIMEOUT_MS: String(STOP_GRACE_MS - 1000),
    // The load generator is one client: the benchmarks measure the service, not its rate limiter.
    RATE_LIMIT_COMPUTE_MAX: '1000000',
    RATE_LIMIT_READ_MAX: '1000000',
    ...options.env
  }
  // `env -i` gives the service exactly this environment (spawnOwned() would pass ours on), and
  // execs, so the pid stays the service's own.
  const assignments = Object.entries(env).map(([key, value]) => `${key}=${value}`)
  const command = [process.execPath, fileURLToPath(options.entry ?? SERVER_ENTRY)]
  const owned = spawnOwned('env', ['-i', ...assignments, ...command], { cwd: REPO_ROOT, logFile: path.join(dir, `${name}.log`) })
  const service = new Service(`http://${HOST}:${port}`, owned, dir)
  try {
    await service.waitUntilHealthy(name)
    return service
  } catch (error) {
    await service.stop()
    throw error
  }
}

class Service implements ServiceHandle {
  readonly url: string
  readonly #owned: OwnedProcess
  readonly #dir: string
  #stopping: Promise<void> | undefined

  constructor (url: string, owned: OwnedProcess, dir: string) {
    this.url = url
    this.#owned = owned
    this.#dir = dir
  }

  get pid (): number {
    return this.#owned.child.pid ?? -1
  }

  async metrics (): Promise<Metrics> {
    const response = await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(5000) })
    if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`)
    return parseMetrics(await response.text())
  }

  async getJson (route: string): Promise<unknown> {
    const response = await fetch(`${this.url}${route}`, { signal: AbortSignal.timeout(5000) })
    if (!response.ok) throw new Error(`GET ${route} answered ${response.status}`)
    return await response.json()
  }

  output (): string {
    return this.#owned.output()
  }

  async stop (): Promise<void> {
    this.#stopping ??= this.#terminate()
    await this.#stopping
  }

  async waitUntilHealthy (name: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (this.#owned.hasExited()) throw new Error(`${name} exited before answering /health:\n${this.output()}`)
      try {
        const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) })
        if (response.ok) return
      } catch {}
      await sleep(50)
    }
    throw new Error(`${name} did not answer /health within ${READY_TIMEOUT_MS} ms:\n${this.output()}`)
  }

  async #terminate (): Promise<void> {
    const { child, exited, hasExited } = this.#owned
    if (!hasExited()) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
      await exited
      clearTimeout(killer)
    }
    await removeOwnedTempDir(this.#dir)
  }
}

export type Defer = (teardown: () => Promise<void>) => void

/**
 * Runs `body` with a `defer` that registers teardowns (stopping a service, a redis-server…);
 * they run in reverse order however `body` ends, and one failing does not skip the others.
 */
export async function withTeardown<T> (body: (defer: Defer) => Promise<T>): Promise<T> {
  const teardowns: Array<() => Promise<void>> = []
  try {
    return await body((teardown) => { teardowns.push(teardown) })
  } finally {
    for (const teardown of teardowns.reverse()) {
      await teardown().catch((error: unknown) => console.error('teardown failed:', error))
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Prometheus text format, just enough for counters and gauges.

export interface MetricSample {
  name: string
  labels: Readonly<Record<string, string>>
  value: number
}

export type LabelFilter = Readonly<Record<string, string>>

/** The samples of one /metrics scrape, with sums over label subsets. */
export class Metrics {
  readonly samples: readonly MetricSample[]

  constructor (samples: readonly MetricSample[]) {
    this.samples = samples
  }

  /** Sum of every sample of `name` whose labels include `filter`; 0 when there is none. */
  sum (name: string, filter: LabelFilter = {}): number {
    return this.#matching(name, filter).reduce((total, sample) => total + sample.value, 0)
  }

  /** Sums of `name` grouped by the value of `label`, e.g. failures by `reason`. */
  byLabel (name: string, label: string, filter: LabelFilter = {}): Map<string, number> {
    const sums = new Map<string, number>()
    for (const sample of this.#matching(name, filter)) {
      const key = sample.labels[label] ?? ''
      sums.set(key, (sums.get(key) ?? 0) + sample.value)
    }
    return sums
  }

  #matching (name: string, filter: LabelFilter): MetricSample[] {
    return this.samples.filter((sample) => sample.name === name &&
      Object.entries(filter).every(([label, value]) => sample.labels[label] === value))
  }
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g

export function parseMetrics (text: string): Metrics {
  const samples: MetricSample[] = []
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const match = SAMPLE_LINE.exec(line)
    if (match === null) continue
    const labels: Record<string, string> = {}
    for (const [, label, value] of (match[2] ?? '').matchAll(LABEL_PAIR)) labels[label!] = unescapeLabel(value!)
    samples.push({ name: match[1]!, labels, value: Number(match[3]) })
  }
  return new Metrics(samples)
}

function unescapeLabel (value: string): string {
  return value.replace(/\\(.)/g, (_escape, char: string) => char === 'n' ? '\n' : char)
}

/** `after - before` per key, leaving out keys that did not change. */
export function deltaByKey (before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Map<string, number> {
  const delta = new Map<string, number>()
  for (const [key, value] of after) {
    const change = value - (before.get(key) ?? 0)
    if (change !== 0) delta.set(key, change)
  }
  return delta
}
