// Validates docker-compose.yml with Compose v1 (`docker-compose`, Debian's 1.29.x: .ci/run installs
// it; there is no Docker engine in CI, and `config` needs none) and checks the normalized
// configuration it prints. 1.29 has no `config --format json`, so its YAML output is parsed with the
// `yaml` package (in node_modules through tap and @opentelemetry/sdk-node; belongs in devDependencies).
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { parse as parseYaml } from 'yaml'

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const COMPOSE = 'docker-compose'

interface Run { code: number, stdout: string, stderr: string }

class ComposeMissing extends Error {}

/**
 * Runs `docker-compose -f docker-compose.yml <args>` in the repository with only PATH (and HOME)
 * from our environment, plus `env`: a developer's or CI's GRAFANA_ADMIN_PASSWORD must not hide
 * a missing default.
 */
function compose (args: string[], env: Record<string, string> = {}): Promise<Run> {
  const baseEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' }
  if (process.env.HOME !== undefined) baseEnv.HOME = process.env.HOME
  return new Promise((resolve, reject) => {
    execFile(COMPOSE, ['-f', 'docker-compose.yml', ...args], { cwd: ROOT, env: { ...baseEnv, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new ComposeMissing(`${COMPOSE} is not on PATH: install Compose v1 (Debian: apt-get install docker-compose; .ci/run does) to run this test`))
        return
      }
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr })
    })
  })
}

interface Port { published?: number | string, target?: number | string }
interface Service {
  image?: string
  build?: { context?: string }
  command?: string[] | string
  entrypoint?: string[] | string
  environment?: Record<string, string | number | null> | string[]
  ports?: Array<Port | string>
  volumes?: Array<string | { source?: string, target?: string, read_only?: boolean }>
  depends_on?: Record<string, { condition?: string }> | string[]
  healthcheck?: { test?: string[] | string }
  mem_limit?: string | number
  profiles?: string[]
}
interface ComposeConfig { services: Record<string, Service> }

/** `environment` as a mapping, whichever of its two forms the output uses. */
function environment (service: Service | undefined): Record<string, string> {
  const env = service?.environment ?? {}
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]))
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]))
}

/** Volumes as { source, target, readOnly }: 1.29 prints `source:target:mode` strings. */
function volumes (service: Service | undefined): Array<{ source: string, target: string, readOnly: boolean }> {
  return (service?.volumes ?? []).map((volume) => {
    if (typeof volume !== 'string') return { source: volume.source ?? '', target: volume.target ?? '', readOnly: volume.read_only === true }
    const [source = '', target = '', mode = 'rw'] = volume.split(':')
    return { source, target, readOnly: mode.split(',').includes('ro') }
  })
}

function publishes (service: Service | undefined, port: number): boolean {
  return (service?.ports ?? []).some((entry) => typeof entry === 'string'
    ? entry === `${port}:${port}` || entry.endsWith(`:${port}:${port}`)
    : Number(entry.published) === port && Number(entry.target) === port)
}

function args (value: string[] | string | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/)
}

/** Bytes of a Docker/Redis memory size: `320m`, `256mb`, `1g`. */
function bytes (size: string | number | undefined): number {
  if (typeof size === 'number') return size
  const match = /^(\d+)\s*([kmg]?)b?$/i.exec(size ?? '')
  if (match === null) return NaN
  return Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] ?? '').toLowerCase() || ' ')
}

t.test('docker-compose config -q: the file is valid with no environment variable set', async (t) => {
  let run: Run
  try {
    run = await compose(['config', '-q'])
  } catch (error) {
    if (error instanceof ComposeMissing) return t.fail(error.message)
    throw error
  }
  t.equal(run.code, 0, `exit 0 (stderr: ${run.stderr.trim()})`)
  t.notMatch(run.stderr, /WARNING|is not set/, 'no variable without a default')
})

t.test('the normalized configuration: the full stack, wired together', async (t) => {
  let run: Run
  try {
    run = await compose(['config'])
  } catch (error) {
    if (error instanceof ComposeMissing) return t.fail(error.message)
    throw error
  }
  t.equal(run.code, 0, `exit 0 (stderr: ${run.stderr.trim()})`)
  const config = parseYaml(run.stdout) as ComposeConfig
  const { services } = config
  const defaultStack = Object.keys(services).filter((name) => services[name]?.profiles === undefined).sort()
  t.same(defaultStack, ['api', 'grafana', 'jaeger', 'otel-collector', 'prometheus', 'redis'], 'a plain `up` starts the standalone stack')

  t.test('profile cluster: three cluster nodes, their one-off join, and an api pointed at all three', async (t) => {
    const inProfile = Object.keys(services).filter((name) => services[name]?.profiles?.includes('cluster')).sort()
    t.same(inProfile, ['api-cluster', 'redis-cluster-1', 'redis-cluster-2', 'redis-cluster-3', 'redis-cluster-init'])
    const nodes = ['redis-cluster-1', 'redis-cluster-2', 'redis-cluster-3'].map((name) => {
      const command = args(services[name]?.command)
      t.ok(command.includes('--cluster-enabled') && command[command.indexOf('--cluster-enabled') + 1] === 'yes', `${name} is a cluster node`)
      return `${name}:${command[command.indexOf('--port') + 1]}`
    })
    t.same(args(services['redis-cluster-init']?.command).filter((arg) => nodes.includes(arg)), nodes, 'the join names every node')
    t.match(environment(services['api-cluster']), { REDIS_CLUSTER_NODES: nodes.join(',') })
    t.notOk('REDIS_URL' in environment(services['api-cluster']), 'and no REDIS_URL (one topology at a time)')
    t.ok((services['api-cluster']?.ports ?? []).some((port) => typeof port === 'string' ? port.startsWith('8002:') : Number(port.published) === 8002),
      'published on 8002, beside the standalone api')
  })

  t.test('profile sentinel: a primary, its replica, three sentinels watching it, and an api asking them', async (t) => {
    const inProfile = Object.keys(services).filter((name) => services[name]?.profiles?.includes('sentinel')).sort()
    t.same(inProfile, ['api-sentinel', 'redis-primary', 'redis-replica', 'sentinel-1', 'sentinel-2', 'sentinel-3'])
    t.match(args(services['redis-replica']?.command).join(' '), /--replicaof redis-primary 6379/)
    for (const name of ['sentinel-1', 'sentinel-2', 'sentinel-3']) {
      t.match(args(services[name]?.command).join(' '), /sentinel monitor jobfit redis-primary 6379 2/, `${name} monitors the primary (quorum 2)`)
    }
    t.match(environment(services['api-sentinel']), { REDIS_SENTINELS: 'sentinel-1:26379,sentinel-2:26379,sentinel-3:26379', REDIS_SENTINEL_NAME: 'jobfit' })
    t.notOk('REDIS_URL' in environment(services['api-sentinel']))
  })

  t.test('api: publishes 8001, talks to redis and the collector; its process needs neither to start', async (t) => {
    const api = services.api
    t.equal(api?.build?.context, ROOT, 'built from the repository')
    t.ok(publishes(api, 8001), 'publishes 8001')
    t.match(environment(api), {
      REDIS_URL: 'redis://redis:6379',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_SERVICE_NAME: 'jobfit',
      DISABLE_CACHE: 'false'
    })
    // The image's CMD boots without waiting for Redis; a command or entrypoint override (a
    // wait-for-redis wrapper) would make Redis a hard requirement.
    t.equal(api?.command, undefined, 'no command override')
    t.equal(api?.entrypoint, undefined, 'no entrypoint override')
    const dependsOn = api?.depends_on ?? {}
    const conditions = Array.isArray(dependsOn)
      ? Object.fromEntries(dependsOn.map((name) => [name, 'service_started']))
      : Object.fromEntries(Object.entries(dependsOn).map(([name, dependency]) => [name, dependency.condition ?? 'service_started']))
    t.same(Object.keys(conditions), ['redis'], 'depends on redis only')
    t.ok(['service_started', 'service_healthy'].includes(conditions.redis ?? ''), 'for start ordering only (no service_completed_successfully)')
  })

  t.test('redis: healthcheck, memory limit, and maxmemory with an eviction policy below it', async (t) => {
    const redis = services.redis
    t.match(redis?.image, /^redis:7/)
    t.match(args(redis?.healthcheck?.test).join(' '), /redis-cli ping/)
    const command = args(redis?.command)
    const maxmemory = command[command.indexOf('--maxmemory') + 1]
    t.ok(command.includes('--maxmemory') && command.includes('--maxmemory-policy'), 'maxmemory and its policy are set')
    t.ok(bytes(maxmemory) < bytes(redis?.mem_limit), `maxmemory ${maxmemory} < mem_limit ${redis?.mem_limit}`)
  })

  t.test('prometheus: its config and the alert rules are mounted where --config.file points', async (t) => {
    const prometheus = services.prometheus
    t.ok(publishes(prometheus, 9090), 'publishes 9090')
    t.ok(args(prometheus?.command).includes('--config.file=/etc/prometheus/prometheus.yml'))
    const mount = volumes(prometheus).find((volume) => volume.target === '/etc/prometheus')
    t.equal(mount?.source, join(ROOT, 'grafana/prometheus'), 'grafana/prometheus is mounted at /etc/prometheus')
    t.ok(existsSync(join(mount?.source ?? '/nonexistent', 'rules.yml')), 'the rules are in the mounted folder')
  })

  t.test('otel-collector: its config file is mounted and forwards OTLP/HTTP :4318 to jaeger:4317', async (t) => {
    const collector = services['otel-collector']
    const configArg = args(collector?.command).find((arg) => arg.startsWith('--config='))?.slice('--config='.length)
    const mount = volumes(collector).find((volume) => volume.target === configArg)
    t.equal(mount?.source, join(ROOT, 'grafana/otel-collector.yml'), `grafana/otel-collector.yml is mounted at --config (${configArg})`)
    const otel = parseYaml(readFileSync(join(ROOT, 'grafana/otel-collector.yml'), 'utf8')) as {
      receivers: { otlp?: { protocols?: { http?: { endpoint?: string } } } }
      exporters: Record<string, { endpoint?: string, tls?: { insecure?: boolean } }>
      service: { pipelines: { traces?: { receivers?: string[], exporters?: string[] } } }
    }
    t.equal(otel.receivers.otlp?.protocols?.http?.endpoint, '0.0.0.0:4318')
    const pipeline = otel.service.pipelines.traces
    t.ok(pipeline?.receivers?.includes('otlp'), 'the traces pipeline receives OTLP')
    const exporterName = pipeline?.exporters?.find((name) => name === 'otlp' || name.startsWith('otlp/'))
    t.match(otel.exporters[exporterName ?? ''], { endpoint: 'jaeger:4317', tls: { insecure: true } })
  })

  t.test('jaeger: UI published on 16686', async (t) => {
    t.ok(publishes(services.jaeger, 16686))
  })

  t.test('grafana: no anonymous access, defaults for the secrets, provisioning and dashboards mounted', async (t) => {
    const grafana = services.grafana
    t.ok(publishes(grafana, 3000), 'publishes 3000')
    t.match(environment(grafana), {
      GF_AUTH_ANONYMOUS_ENABLED: 'false',
      GF_SECURITY_ADMIN_PASSWORD: 'change-me',
      JOBFIT_ALERT_WEBHOOK_URL: 'http://example.invalid/alert'
    })
    const mounts = volumes(grafana)
    t.ok(mounts.some((volume) => volume.source === join(ROOT, 'grafana/provisioning') && volume.target === '/etc/grafana/provisioning'),
      'grafana/provisioning at /etc/grafana/provisioning')
    const provider = parseYaml(readFileSync(join(ROOT, 'grafana/provisioning/dashboards/dashboards.yml'), 'utf8')) as {
      providers: Array<{ options?: { path?: string } }>
    }
    const dashboardPath = provider.providers[0]?.options?.path
    t.ok(mounts.some((volume) => volume.source === join(ROOT, 'grafana/dashboards') && volume.target === dashboardPath),
      `grafana/dashboards at the provider's path (${dashboardPath})`)
  })
})

t.test('the secrets come from the environment when it sets them', async (t) => {
  let run: Run
  try {
    run = await compose(['config'], { GRAFANA_ADMIN_PASSWORD: 's3cret', JOBFIT_ALERT_WEBHOOK_URL: 'https://hooks.example.com/x' })
  } catch (error) {
    if (error instanceof ComposeMissing) return t.fail(error.message)
    throw error
  }
  t.equal(run.code, 0)
  const grafana = (parseYaml(run.stdout) as ComposeConfig).services.grafana
  t.match(environment(grafana), { GF_SECURITY_ADMIN_PASSWORD: 's3cret', JOBFIT_ALERT_WEBHOOK_URL: 'https://hooks.example.com/x' })
})
