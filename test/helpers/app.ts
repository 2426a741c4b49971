import type { FastifyInstance } from 'fastify'
import type tap from 'tap'
import { buildApp } from '../../src/app.ts'
import { parseConfig } from '../../src/config.ts'
import type { Config } from '../../src/config.ts'

export interface LogLine {
  level: number
  msg: string
  [field: string]: unknown
}

const WARN = 40

/** A pino destination that keeps every line, parsed, for assertions. */
export class LogCapture {
  readonly lines: LogLine[] = []

  write (line: string): void {
    this.lines.push(JSON.parse(line) as LogLine)
  }

  warnings (prefix: string): LogLine[] {
    return this.lines.filter((line) => line.level === WARN && line.msg.startsWith(prefix))
  }

  /** Everything logged, as one string: for "this never appears in the logs" checks. */
  text (): string {
    return this.lines.map((line) => JSON.stringify(line)).join('\n')
  }
}

export interface TestApp {
  app: FastifyInstance
  logs: LogCapture
  config: Config
}

/** The `t` a tap test callback receives. */
export type TapTest = Parameters<Parameters<typeof tap.test>[0]>[0]

/**
 * Builds the real app from an environment of the test's choosing (no Redis unless REDIS_URL
 * is given) and closes it when the test ends. The local provider embeds lexically unless the
 * test asks for LOCAL_EMBEDDER=semantic: a model thread per app would cost every test a second
 * of CPU and 180 MB, and the semantic embedder has tests of its own.
 */
export async function buildTestApp (t: TapTest, env: Record<string, string> = {}): Promise<TestApp> {
  const config = parseConfig({ REDIS_URL: '', LOG_LEVEL: 'info', CACHE_WARNING_INTERVAL_MS: '0', LOCAL_EMBEDDER: 'lexical', ...env })
  const logs = new LogCapture()
  const app = await buildApp(config, { logStream: logs })
  t.teardown(() => app.close())
  return { app, logs, config }
}

export const PROBE_NAMESPACE = 'probe'

export interface Probe {
  /** How many times the route had to compute its value (i.e. the cache did not answer). */
  computations: number
}

/**
 * A test-only route that caches a computed value through `getOrSet`, the way domain routes do:
 * `POST /test/probe { input }` answers `{ value: "fresh:<input>" }`. Register before `ready()`.
 */
export function addProbeRoute (app: FastifyInstance, options: { computeDelayMs?: number } = {}): Probe {
  const probe: Probe = { computations: 0 }
  app.post<{ Body: { input: string } }>('/test/probe', async (request) => {
    const { input } = request.body
    const value = await app.cache.getOrSet(PROBE_NAMESPACE, input, async () => {
      probe.computations++
      if (options.computeDelayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.computeDelayMs))
      return `fresh:${input}`
    }, 3600, { validate: (stored): stored is string => typeof stored === 'string' })
    return { value }
  })
  return probe
}

/** Reads one sample's value from the Prometheus text exposition (0 when the series is absent). */
export async function metricValue (app: FastifyInstance, name: string, labels: Record<string, string> = {}): Promise<number> {
  const response = await app.inject({ method: 'GET', url: '/metrics' })
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`)
  let total = 0
  for (const line of response.body.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue
    if (wanted.every((pair) => line.includes(pair))) total += Number(line.slice(line.lastIndexOf(' ') + 1))
  }
  return total
}

/**
 * How long `eventually` waits by default: several times what anything it polls for takes on a
 * loaded 2-core machine. It bounds a wait for something that should happen, never a speed claim.
 */
export const EVENTUALLY_TIMEOUT_MS = 20_000

/** Polls `check` until it holds or `timeoutMs` passes; returns whether it held. */
export async function eventually (check: () => Promise<boolean> | boolean, timeoutMs = EVENTUALLY_TIMEOUT_MS, intervalMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return check()
}

/** Waits (bounded) until `/ready` reports Redis connected with its circuit closed. */
export function redisReady (app: FastifyInstance, timeoutMs = EVENTUALLY_TIMEOUT_MS): Promise<boolean> {
  return eventually(async () => (await app.inject('/ready')).json().redis === 'ready', timeoutMs)
}

/**
 * The cache's keys in a test's Redis, sorted: everything but the rate limiter's counters (which
 * every request, /ready included, may add).
 */
export async function cacheKeysIn (redis: { command (...args: string[]): Promise<string> }): Promise<string[]> {
  return (await redis.command('KEYS', '*')).split('\n').filter((key) => key !== '' && !key.includes(':ratelimit:')).sort()
}
