// End to end, with a real Prometheus (Debian's `prometheus`, 2.42 in CI) scraping the real app:
// Redis is killed under traffic, and the project's own alerting rules must fire
// (JobfitCacheGetFailures, JobfitCacheBreakerOpen); Redis comes back, and Prometheus must see the
// breaker close again.
//
// What Prometheus runs is the project's grafana/prometheus/prometheus.yml and rules.yml, changed
// only where a test has to:
// - prometheus.yml: by a minimal, explicit text transformation of the project file rather than
//   by parsing it (the `yaml` package is not a dependency of this project) or by writing a config
//   of our own (which would no longer test the project's file). Exactly three edits, each of which
//   must match exactly once, or the test fails and says which: scrape_interval and
//   evaluation_interval become 1s, and the target api:8001 becomes the app's 127.0.0.1:PORT.
//   rule_files keeps its relative `rules.yml`, which resolves next to the config, as in
//   /etc/prometheus/ in docker-compose.
// - rules.yml: every `for:` shortened to 2s, the only change. Every expression is the project's
//   own, windows and thresholds included: with 1s scrapes and tens of failing requests per second,
//   rate(cache_get_failures_total[5m]) passes 0.05/s within a couple of scrapes.
import type { FastifyInstance } from 'fastify'
import { readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { addProbeRoute, buildTestApp, eventually, PROBE_NAMESPACE, redisReady } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { findOnPath, makeOwnedTempDir, removeOwnedTempDir, spawnOwned } from './helpers/owned-process.ts'
import { freePort, startRedisServer } from './helpers/redis-server.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PROJECT_CONFIG = path.join(ROOT, 'grafana/prometheus/prometheus.yml')
const PROJECT_RULES = path.join(ROOT, 'grafana/prometheus/rules.yml')
/** The target the project's config scrapes in docker-compose; replaced by the app's address. */
const COMPOSE_TARGET = 'api:8001'
const TEST_INTERVAL = '1s'
const TEST_FOR = '2s'

// Bounds on waits for things that must happen, several times what they take on a loaded machine.
const PROMETHEUS_READY_TIMEOUT_MS = 60_000
const PROMETHEUS_STOP_TIMEOUT_MS = 5_000
const ALERT_TIMEOUT_MS = 60_000
const BREAKER_CLOSE_TIMEOUT_MS = 30_000
const FIRST_SCRAPE_TIMEOUT_MS = 60_000
const RULES_EVALUATED_TIMEOUT_MS = 30_000
const POLL_MS = 200
/**
 * What this test checks is the wiring of the alert rules, not Redis latency: on a busy machine a
 * healthy Redis can take longer than the default command timeout to answer, and the false
 * timeouts would open the breaker (and fire the alerts) before Redis is killed. A Redis that is
 * killed refuses connections at once, so the generous timeout does not slow the part that matters.
 */
const COMMAND_TIMEOUT_MS = 10_000
/** Traffic bounds: at most this many requests, and never past this many ms. */
const MAX_REQUESTS = 20_000
const MAX_TRAFFIC_MS = 120_000

// ---------------------------------------------------------------------------------------------
// Derived configuration

/** Replaces the single match of `pattern` in `text`, or throws naming `what` when there is not exactly one. */
function replaceOnce (text: string, pattern: RegExp, replacement: string, what: string): string {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  const count = [...text.matchAll(global)].length
  if (count !== 1) {
    throw new Error(`grafana/prometheus/prometheus.yml: expected exactly one ${what}, found ${count}; update test/alerting-e2e.test.ts`)
  }
  return text.replace(pattern, replacement)
}

interface DerivedConfig { config: string, jobName: string }

function deriveConfig (projectConfig: string, target: string): DerivedConfig {
  const jobs = [...projectConfig.matchAll(/^\s*-\s*job_name:\s*["']?([A-Za-z0-9_-]+)["']?\s*$/gm)].map((match) => match[1] ?? '')
  if (jobs.length !== 1) throw new Error(`grafana/prometheus/prometheus.yml: expected one scrape job, found ${jobs.length}`)
  if (!/^\s*-\s*["']?rules\.yml["']?\s*$/m.test(projectConfig)) {
    throw new Error('grafana/prometheus/prometheus.yml: expected `rule_files: [rules.yml]` (relative to the config)')
  }
  let config = projectConfig
  config = replaceOnce(config, /^(\s*scrape_interval:\s*)\S+(\s*)$/m, `$1${TEST_INTERVAL}$2`, 'scrape_interval')
  config = replaceOnce(config, /^(\s*evaluation_interval:\s*)\S+(\s*)$/m, `$1${TEST_INTERVAL}$2`, 'evaluation_interval')
  config = replaceOnce(config, new RegExp(`^(\\s*-\\s*["']?)${COMPOSE_TARGET}(["']?\\s*)$`, 'm'), `$1${target}$2`, `target list item \`- ${COMPOSE_TARGET}\``)
  return { config, jobName: jobs[0] ?? '' }
}

interface DerivedRules { rules: string, alerts: string[], ruleCount: number }

function deriveRules (projectRules: string): DerivedRules {
  const alerts = [...projectRules.matchAll(/^\s*-\s*alert:\s*(\S+)\s*$/gm)].map((match) => match[1] ?? '')
  const records = [...projectRules.matchAll(/^\s*-\s*record:\s*(\S+)\s*$/gm)].length
  let replaced = 0
  const rules = projectRules.replace(/^(\s*)for:\s*\S+(\s*)$/gm, (_line, indent: string, trailing: string) => {
    replaced++
    return `${indent}for: ${TEST_FOR}${trailing}`
  })
  if (replaced !== alerts.length) {
    throw new Error(`grafana/prometheus/rules.yml: ${alerts.length} alerts but ${replaced} \`for:\` lines; update test/alerting-e2e.test.ts`)
  }
  return { rules, alerts, ruleCount: alerts.length + records }
}

// ---------------------------------------------------------------------------------------------
// Prometheus process

interface PrometheusHandle {
  url: string
  log (): string
}

/**
 * Starts Prometheus with the config in `dir` on a free loopback port, waits for /-/ready, and
 * registers its teardown (SIGTERM, then SIGKILL after 5 s). The caller removes `dir`.
 */
async function startPrometheus (t: TapTest, dir: string): Promise<PrometheusHandle> {
  const prometheus = findOnPath('prometheus')
  if (prometheus === undefined) throw new Error('prometheus is not on PATH (Debian: apt-get install prometheus; .ci/run installs it)')
  let lastLog = ''
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort()
    const args = [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, `data-${attempt}`)}`,
      '--storage.tsdb.retention.time=1h',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=info'
    ]
    const { child, exited, hasExited, output: log } = spawnOwned(prometheus, args, { cwd: dir, logFile: path.join(dir, `prometheus-${attempt}.log`) })
    t.teardown(async () => {
      if (!hasExited()) {
        child.kill('SIGTERM')
        const killer = setTimeout(() => child.kill('SIGKILL'), PROMETHEUS_STOP_TIMEOUT_MS)
        await exited
        clearTimeout(killer)
      }
    })

    const url = `http://127.0.0.1:${port}`
    const ready = await eventually(async () => {
      if (hasExited()) return true
      try {
        return (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) })).status === 200
      } catch {
        return false
      }
    }, PROMETHEUS_READY_TIMEOUT_MS, 100)
    if (ready && !hasExited()) return { url, log }
    lastLog = log()
    if (!hasExited()) {
      child.kill('SIGKILL')
      await exited
      throw new Error(`prometheus was not ready within ${PROMETHEUS_READY_TIMEOUT_MS} ms:\n${lastLog}`)
    }
    await exited
    if (!/address already in use/i.test(lastLog)) break
  }
  throw new Error(`prometheus did not start:\n${lastLog}`)
}

// ---------------------------------------------------------------------------------------------
// Prometheus HTTP API

interface ApiAlert {
  labels: Record<string, string>
  annotations: Record<string, string>
  state: 'pending' | 'firing'
  activeAt: string
  value: string
}

async function apiGet<T> (url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
  const body = await response.json() as { status: string, data: T, error?: string }
  if (body.status !== 'success') throw new Error(`${url}: ${body.error ?? response.status}`)
  return body.data
}

interface ApiRule { name: string, type: string, health: string, lastError?: string, lastEvaluation: string }

async function loadedRules (prometheus: PrometheusHandle): Promise<ApiRule[]> {
  return (await apiGet<{ groups: Array<{ rules: ApiRule[] }> }>(`${prometheus.url}/api/v1/rules`)).groups.flatMap((group) => group.rules)
}

async function activeAlerts (prometheus: PrometheusHandle): Promise<ApiAlert[]> {
  return (await apiGet<{ alerts: ApiAlert[] }>(`${prometheus.url}/api/v1/alerts`)).alerts
}

/** An instant query's sample values (a vector result), as numbers. */
async function query (prometheus: PrometheusHandle, promql: string): Promise<number[]> {
  const data = await apiGet<{ resultType: string, result: Array<{ value: [number, string] }> }>(
    `${prometheus.url}/api/v1/query?query=${encodeURIComponent(promql)}`)
  return data.result.map((sample) => Number(sample.value[1]))
}

function describeAlerts (alerts: ApiAlert[]): string {
  if (alerts.length === 0) return '(none)'
  return alerts.map((alert) => `${alert.labels.alertname ?? '?'} ${alert.state} ${JSON.stringify(alert.labels)} value=${alert.value}`).join('\n')
}

// ---------------------------------------------------------------------------------------------
// Traffic

interface Traffic {
  readonly sent: number
  readonly failed: string[]
  stop (): Promise<void>
}

/**
 * POST /test/probe in the background, 5 requests every ~40 ms (about 100/s): mostly new inputs
 * (L1 misses, so each reaches L2), some repeated (L1 hits). Bounded by MAX_REQUESTS and MAX_TRAFFIC_MS.
 */
function driveTraffic (app: FastifyInstance): Traffic {
  const state = { sent: 0, failed: [] as string[], stopped: false }
  const deadline = Date.now() + MAX_TRAFFIC_MS
  const loop = (async () => {
    while (!state.stopped && state.sent < MAX_REQUESTS && Date.now() < deadline) {
      const batch = Array.from({ length: 5 }, () => {
        const n = state.sent++
        const input = n % 5 === 0 ? `Senior TypeScript engineer, team ${n % 7}` : `job description #${n}: Fastify, Redis, Prometheus`
        return app.inject({ method: 'POST', url: '/test/probe', payload: { input } }).then((response) => {
          if (response.statusCode !== 200) state.failed.push(`${input}: ${response.statusCode} ${response.body}`)
        }, (error: unknown) => {
          if (!state.stopped) state.failed.push(`${input}: ${String(error)}`)
        })
      })
      await Promise.all(batch)
      await sleep(40)
    }
  })()
  return {
    get sent () { return state.sent },
    get failed () { return state.failed },
    async stop () {
      state.stopped = true
      await loop
    }
  }
}

// ---------------------------------------------------------------------------------------------

t.test('Redis killed under traffic: a real Prometheus fires the project\'s cache alerts, then sees the breaker close', async (t) => {
  const started = Date.now()
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`

  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, {
    REDIS_URL: redis.url,
    CACHE_BREAKER_COOLDOWN_MS: '300',
    CACHE_L2_MAX_RECONNECT_DELAY_MS: '100',
    CACHE_L2_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS)
  })
  addProbeRoute(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const target = `127.0.0.1:${(app.server.address() as AddressInfo).port}`
  t.ok(await redisReady(app), 'the app is connected to Redis')

  // tap runs teardowns last-registered first: Prometheus (registered by startPrometheus, below)
  // is stopped, then the traffic, then the temp dir removed, then the app closed, then Redis.
  const dir = await makeOwnedTempDir('jobfit-prometheus-')
  t.teardown(() => removeOwnedTempDir(dir))
  const traffic: { current: Traffic | undefined } = { current: undefined }
  t.teardown(async () => {
    await traffic.current?.stop()
  })

  const { config, jobName } = deriveConfig(await readFile(PROJECT_CONFIG, 'utf8'), target)
  const { rules, alerts, ruleCount } = deriveRules(await readFile(PROJECT_RULES, 'utf8'))
  t.ok(alerts.includes('JobfitCacheGetFailures') && alerts.includes('JobfitCacheBreakerOpen'), 'rules.yml has the alerts under test')
  await writeFile(path.join(dir, 'prometheus.yml'), config)
  await writeFile(path.join(dir, 'rules.yml'), rules)

  const prom = await startPrometheus(t, dir)
  t.comment(`${elapsed()} prometheus ready at ${prom.url}, scraping ${target}`)

  /**
   * Polls `check` every POLL_MS until it holds or `timeoutMs` passes. `check` returns whether it
   * holds and what it saw; an error (Prometheus not answering) counts as "not yet". On a timeout,
   * what was last seen and the end of Prometheus' log go into the TAP output.
   */
  const pollUntil = async (what: string, timeoutMs: number, check: () => Promise<[boolean, string]>): Promise<boolean> => {
    let last = ''
    const held = await eventually(async () => {
      try {
        const [ok, seen] = await check()
        last = seen
        return ok
      } catch (error) {
        last = String(error)
        return false
      }
    }, timeoutMs, POLL_MS)
    if (!held) t.comment(`not within ${timeoutMs} ms: ${what}\nlast seen: ${last}\nprometheus log (tail):\n${prom.log().split('\n').slice(-30).join('\n')}`)
    return held
  }

  // Healthy: Prometheus scrapes the app, the breaker is closed and no cache alert is active.
  traffic.current = driveTraffic(app)
  // Prometheus 2.42 applies discovered targets at most every 5 s: the first scrape comes ~5 s after start.
  t.ok(await pollUntil('the app scraped healthy', FIRST_SCRAPE_TIMEOUT_MS, async () => {
    const up = await query(prom, `up{job="${jobName}"}`)
    const closed = await query(prom, `max(cache_l2_breaker_state{job="${jobName}", state="closed"})`)
    return [up[0] === 1 && closed[0] === 1, `up=${JSON.stringify(up)} closed=${JSON.stringify(closed)}`]
  }), `Prometheus scrapes the app (job ${jobName}) and sees the breaker closed (${elapsed()})`)
  // Every rule of the project evaluated against the real metrics since then, without error (a
  // runtime PromQL error, e.g. many-to-many matching, is something promtool check cannot see).
  const scrapedAt = Date.now()
  let evaluated: ApiRule[] = []
  t.ok(await pollUntil('every rule evaluated after the first scrape', RULES_EVALUATED_TIMEOUT_MS, async () => {
    evaluated = await loadedRules(prom)
    const fresh = evaluated.filter((rule) => Date.parse(rule.lastEvaluation) >= scrapedAt)
    return [evaluated.length === ruleCount && fresh.length === ruleCount, evaluated.map((rule) => `${rule.name} ${rule.lastEvaluation}`).join(', ')]
  }), `Prometheus loaded and evaluated the ${ruleCount} rules of rules.yml`)
  t.same(evaluated.filter((rule) => rule.health !== 'ok').map((rule) => `${rule.name}: ${rule.health} ${rule.lastError ?? ''}`), [],
    'every rule evaluates without error')
  const healthyAlerts = (await activeAlerts(prom)).filter((alert) => alert.labels.alertname?.startsWith('JobfitCache') === true)
  t.same(healthyAlerts, [], `no cache alert while Redis is healthy: ${describeAlerts(healthyAlerts)}`)

  // Redis down, traffic goes on: every request misses L1 or L2 and fails its L2 read and write.
  await redis.kill()
  const killedAt = Date.now()
  t.comment(`${elapsed()} redis killed`)
  const expected = ['JobfitCacheGetFailures', 'JobfitCacheSetFailures', 'JobfitCacheBreakerOpen']
  let firing = new Map<string, ApiAlert>()
  t.ok(await pollUntil(`${expected.join(', ')} firing`, ALERT_TIMEOUT_MS, async () => {
    const alerts = await activeAlerts(prom)
    firing = new Map(alerts.filter((alert) => alert.state === 'firing').map((alert) => [alert.labels.alertname ?? '', alert]))
    return [expected.every((name) => firing.has(name)), describeAlerts(alerts)]
  }), `${expected.join(', ')} fire (${((Date.now() - killedAt) / 1000).toFixed(1)}s after the kill)`)
  t.comment(`${elapsed()} firing:\n${describeAlerts([...firing.values()])}`)

  for (const name of ['JobfitCacheGetFailures', 'JobfitCacheSetFailures']) {
    const alert = firing.get(name)
    t.equal(alert?.labels.namespace, PROBE_NAMESPACE, `${name} names the namespace`)
    t.match(alert?.labels.reason, /^(connection|circuit_open)$/, `${name} gives the reason of a Redis that is down`)
    t.equal(alert?.labels.severity, 'warning', `${name} is a warning`)
    t.ok(Number(alert?.value) > 0.05, `${name}: the rate is over the threshold (${alert?.value ?? '?'}/s)`)
  }
  t.match(firing.get('JobfitCacheGetFailures')?.annotations.summary, `Cache reads failing in namespace ${PROBE_NAMESPACE}`)
  const breakerOpen = firing.get('JobfitCacheBreakerOpen')
  t.same(breakerOpen?.labels, { alertname: 'JobfitCacheBreakerOpen', instance: target, severity: 'critical' }, 'the breaker alert names the instance')
  t.equal(breakerOpen?.annotations.summary, `L2 (Redis) circuit breaker open on ${target}`, 'the breaker alert summary')

  // Redis back: the breaker closes by itself (background probe, or the next request), Prometheus sees it.
  await redis.restart()
  const restartedAt = Date.now()
  t.comment(`${elapsed()} redis restarted`)
  t.ok(await pollUntil('max(cache_l2_breaker_state{state="closed"}) == 1', BREAKER_CLOSE_TIMEOUT_MS, async () => {
    const values = await query(prom, 'max(cache_l2_breaker_state{state="closed"})')
    return [values[0] === 1, JSON.stringify(values)]
  }), `Prometheus sees the breaker closed again (${((Date.now() - restartedAt) / 1000).toFixed(1)}s after the restart)`)
  t.ok(await pollUntil('JobfitCacheBreakerOpen resolved', BREAKER_CLOSE_TIMEOUT_MS, async () => {
    const alerts = await activeAlerts(prom)
    return [!alerts.some((alert) => alert.labels.alertname === 'JobfitCacheBreakerOpen'), describeAlerts(alerts)]
  }), 'JobfitCacheBreakerOpen resolves')

  const current = traffic.current
  await current.stop()
  t.ok(current.sent > 0 && current.sent <= MAX_REQUESTS, `traffic was bounded (${current.sent} requests)`)
  t.same(current.failed.slice(0, 5), [], `every request succeeded, Redis down or not (${current.failed.length} failed)`)
  t.comment(`${elapsed()} done`)
})
