// Checks the Grafana provisioning (grafana/provisioning/, grafana/dashboards/) against itself, against
// the Prometheus rules (grafana/prometheus/rules.yml) and against the metrics the service really
// exposes, so that a renamed metric, a typo'd query or a drifted alert twin fails CI instead of
// drawing an empty panel or an alert that can never fire.
//
// YAML: parsed with the `yaml` package (present in node_modules as a dependency of tap and of
// @opentelemetry/sdk-node; it belongs in devDependencies, see the report that added this file).
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { parse as parseYaml } from 'yaml'
import { buildTestApp } from './helpers/app.ts'
import { exposedMetricNames, metricNames, unknownMetricNames } from './helpers/promql.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PROVISIONING = join(ROOT, 'grafana/provisioning')
const DASHBOARDS = join(ROOT, 'grafana/dashboards')
const PROMETHEUS_RULES = join(ROOT, 'grafana/prometheus/rules.yml')

/** Grafana's uid for server-side expressions (reduce, threshold, math) in alert rule data. */
const EXPRESSION_UID = '__expr__'

/** The Prometheus alerts that must have a Grafana-managed twin. */
const MIRRORED_ALERTS = ['JobfitCacheGetFailures', 'JobfitCacheSetFailures', 'JobfitCacheBreakerOpen']

/** Metrics the dashboard must chart (the panels the dashboard exists for). */
const DASHBOARD_METRICS = [
  'http_request_duration_seconds_count',
  'http_request_duration_seconds_bucket',
  'cache_hits_total',
  'cache_misses_total',
  'cache_get_failures_total',
  'cache_set_failures_total',
  'cache_l2_operation_duration_seconds_bucket',
  'cache_l2_breaker_state',
  'cache_l2_up',
  'cache_l1_entries',
  'cache_l1_bytes',
  'ai_requests_total',
  'ai_request_duration_seconds_bucket',
  'ai_tokens_total',
  'ai_embedding_batch_size_bucket',
  'ai_answers_total',
  'ai_stale_served_total',
  'ai_timeouts_total',
  'ai_fallbacks_total',
  'ai_breaker_state',
  'ai_tokens_saved_total'
]

/**
 * Series Prometheus itself attaches to every scrape target (and its ALERTS series): queries may
 * use them although /metrics does not expose them, e.g. an `up{job="jobfit"} == 0` alert.
 */
const PROMETHEUS_SYNTHETIC = [
  'up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling',
  'scrape_series_added', 'ALERTS', 'ALERTS_FOR_STATE'
]

interface DatasourceRef { type?: string, uid?: string }
interface Target { refId?: string, datasource?: DatasourceRef | string | null, expr?: string }
interface Panel {
  id?: number
  type: string
  title?: string
  datasource?: DatasourceRef | string | null
  targets?: Target[]
  panels?: Panel[]
}
interface Dashboard { uid: string, title: string, panels: Panel[] }
interface Datasource { name: string, uid: string, type: string, url: string, isDefault?: boolean }
interface AlertQuery { refId: string, datasourceUid: string, model: { expr?: string, type?: string, expression?: string } }
interface GrafanaRule {
  uid: string
  title: string
  condition: string
  data: AlertQuery[]
  for?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
}
interface GrafanaRuleGroup { orgId: number, name: string, folder: string, interval: string, rules: GrafanaRule[] }
interface Receiver { uid: string, type: string, settings: Record<string, unknown> }
interface ContactPoint { name: string, receivers: Receiver[] }
interface Route { receiver?: string, routes?: Route[] }
interface AlertingFile { apiVersion: number, groups?: GrafanaRuleGroup[], contactPoints?: ContactPoint[], policies?: Route[] }
interface PrometheusRule { alert?: string, record?: string, expr: string, for?: string, labels?: Record<string, string> }
interface PrometheusRuleFile { groups: Array<{ name: string, rules: PrometheusRule[] }> }

function readYaml<T> (path: string): T {
  return parseYaml(readFileSync(path, 'utf8')) as T
}

function readAny<T> (path: string): T {
  return extname(path) === '.json' ? JSON.parse(readFileSync(path, 'utf8')) as T : readYaml<T>(path)
}

const datasources = readYaml<{ apiVersion: number, datasources: Datasource[] }>(join(PROVISIONING, 'datasources/datasources.yml')).datasources
const datasourceUids = new Set(datasources.map((datasource) => datasource.uid))

const dashboardFiles = readdirSync(DASHBOARDS).filter((file) => file.endsWith('.json'))
const dashboards = dashboardFiles.map((file) => ({ file, dashboard: readAny<Dashboard>(join(DASHBOARDS, file)) }))

const alertingFileNames = readdirSync(join(PROVISIONING, 'alerting'))
const alertingFiles = alertingFileNames
  .filter((file) => /\.(ya?ml|json)$/.test(file))
  .map((file) => ({ file, content: readAny<AlertingFile>(join(PROVISIONING, 'alerting', file)) }))
const grafanaGroups = alertingFiles.flatMap(({ content }) => content.groups ?? [])
const grafanaRules = grafanaGroups.flatMap((group) => group.rules)
const contactPoints = alertingFiles.flatMap(({ content }) => content.contactPoints ?? [])
const policies = alertingFiles.flatMap(({ content }) => content.policies ?? [])

const prometheusRules = readYaml<PrometheusRuleFile>(PROMETHEUS_RULES).groups.flatMap((group) => group.rules)

/** Every panel, rows' nested panels (collapsed rows keep theirs inside) included. */
function allPanels (panels: Panel[]): Panel[] {
  return panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])])
}

/** A panel or target datasource as a uid: Grafana also accepts a bare uid (or name) string. */
function datasourceUid (reference: DatasourceRef | string | null | undefined): string | undefined {
  return typeof reference === 'string' ? reference : reference?.uid
}

function normalizeWhitespace (expression: string): string {
  return expression.replace(/\s+/g, ' ').trim()
}

/** Milliseconds of a Prometheus duration (`1m`, `1h30m`, `90s`); an absent `for` is 0. */
function durationMs (duration: string | undefined): number {
  if (duration === undefined) return 0
  const units: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 604800e3, y: 31536000e3 }
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(duration)) throw new Error(`not a duration: ${duration}`)
  let total = 0
  for (const [, amount, unit] of duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(amount) * (units[unit ?? ''] ?? NaN)
  return total
}

interface PromQLSource { where: string, expr: string }

/** Every PromQL expression in the dashboards, the Grafana alert rules and rules.yml, with where it is. */
function promqlSources (dashboardList: Array<{ file: string, dashboard: Dashboard }>): PromQLSource[] {
  const sources: PromQLSource[] = []
  for (const { file, dashboard } of dashboardList) {
    for (const panel of allPanels(dashboard.panels)) {
      for (const target of panel.targets ?? []) {
        if (target.expr !== undefined) sources.push({ where: `${file}: panel "${panel.title}" query ${target.refId}`, expr: target.expr })
      }
    }
  }
  for (const rule of grafanaRules) {
    for (const query of rule.data) {
      if (query.model.expr !== undefined) sources.push({ where: `Grafana rule ${rule.title} query ${query.refId}`, expr: query.model.expr })
    }
  }
  for (const rule of prometheusRules) sources.push({ where: `rules.yml ${rule.alert ?? rule.record}`, expr: rule.expr })
  return sources
}

t.test('datasources: Prometheus (default) and Jaeger with the fixed uids everything references', async (t) => {
  const byUid = new Map(datasources.map((datasource) => [datasource.uid, datasource]))
  t.equal(byUid.size, datasources.length, 'uids are unique')
  t.match(byUid.get('prometheus'), { type: 'prometheus', url: 'http://prometheus:9090', isDefault: true })
  t.match(byUid.get('jaeger'), { type: 'jaeger', url: 'http://jaeger:16686' })
  t.equal(datasources.filter((datasource) => datasource.isDefault === true).length, 1, 'exactly one default')
})

t.test('dashboards: every panel and query uses a provisioned datasource by uid', async (t) => {
  t.ok(dashboards.some(({ file }) => file === 'jobfit.json'), 'grafana/dashboards/jobfit.json exists')
  for (const { file, dashboard } of dashboards) {
    t.ok(dashboard.uid, `${file} has a fixed uid`)
    const panels = allPanels(dashboard.panels)
    const ids = panels.map((panel) => panel.id)
    t.equal(new Set(ids).size, ids.length, `${file}: panel ids are unique`)
    for (const panel of panels) {
      const where = `${file}: ${panel.type} "${panel.title}"`
      if (panel.type === 'row') {
        t.same(panel.targets ?? [], [], `${where} has no queries`)
        continue
      }
      const panelUid = datasourceUid(panel.datasource)
      t.ok(panelUid !== undefined && datasourceUids.has(panelUid), `${where} uses a provisioned datasource uid (got ${panelUid})`)
      t.ok((panel.targets ?? []).length > 0, `${where} has queries`)
      for (const target of panel.targets ?? []) {
        const uid = datasourceUid(target.datasource) ?? panelUid
        t.ok(uid !== undefined && datasourceUids.has(uid), `${where} query ${target.refId} uses a provisioned datasource uid (got ${uid})`)
        if (target.expr !== undefined) t.equal(uid, 'prometheus', `${where} query ${target.refId}: PromQL goes to Prometheus`)
      }
    }
  }
})

t.test('the dashboard charts the HTTP, cache and AI metrics it exists for', async (t) => {
  const jobfit = dashboards.filter(({ file }) => file === 'jobfit.json')
  const used = new Set(promqlSources(jobfit).filter(({ where }) => where.startsWith('jobfit.json')).flatMap(({ expr }) => metricNames(expr)))
  for (const metric of DASHBOARD_METRICS) t.ok(used.has(metric), `a panel queries ${metric}`)
})

t.test('Grafana alert rules: queries use provisioned datasource uids, conditions name a query', async (t) => {
  t.same(alertingFileNames.filter((file) => !/\.(ya?ml|json)$/.test(file)), [],
    'grafana/provisioning/alerting holds only .yml/.yaml/.json files (Grafana refuses to start on any other)')
  for (const { file, content } of alertingFiles) t.equal(content.apiVersion, 1, `${file}: apiVersion 1`)
  const uids = grafanaRules.map((rule) => rule.uid)
  t.equal(new Set(uids).size, uids.length, 'rule uids are unique')
  for (const group of grafanaGroups) {
    t.ok(group.orgId >= 1 && group.name && group.folder, `group ${group.name}: orgId, name, folder`)
    t.ok(durationMs(group.interval) >= 10_000 && durationMs(group.interval) % 10_000 === 0, `group ${group.name}: interval a multiple of 10s`)
  }
  for (const rule of grafanaRules) {
    t.ok(/^[A-Za-z0-9_-]{1,40}$/.test(rule.uid), `${rule.title}: uid ${rule.uid} is a valid Grafana uid`)
    const refIds = rule.data.map((query) => query.refId)
    t.ok(refIds.includes(rule.condition), `${rule.title}: condition ${rule.condition} is one of ${refIds.join(', ')}`)
    for (const query of rule.data) {
      const where = `${rule.title} query ${query.refId}`
      if (query.datasourceUid === EXPRESSION_UID) {
        t.ok(query.model.type !== undefined && refIds.includes(query.model.expression ?? ''), `${where}: a ${query.model.type} expression over another query`)
        continue
      }
      t.ok(datasourceUids.has(query.datasourceUid), `${where} uses a provisioned datasource uid (got ${query.datasourceUid})`)
      t.equal(query.datasourceUid, 'prometheus', `${where} queries Prometheus`)
      t.type(query.model.expr, 'string', `${where} has model.expr`)
    }
  }
})

t.test('Grafana-managed rules mirror their Prometheus twins: same PromQL, same for, same severity', async (t) => {
  const alerts = new Map(prometheusRules.filter((rule) => rule.alert !== undefined).map((rule) => [rule.alert, rule]))
  const titles = grafanaRules.map((rule) => rule.title)
  for (const name of MIRRORED_ALERTS) t.ok(titles.includes(name), `${name} has a Grafana-managed twin`)
  for (const rule of grafanaRules) {
    const twin = alerts.get(rule.title)
    if (twin === undefined) {
      t.fail(`Grafana rule ${rule.title} has no Prometheus alert of that name in grafana/prometheus/rules.yml`)
      continue
    }
    const queries = rule.data.filter((query) => query.model.expr !== undefined)
    t.equal(queries.length, 1, `${rule.title}: one PromQL query`)
    t.equal(normalizeWhitespace(queries[0]?.model.expr ?? ''), normalizeWhitespace(twin.expr), `${rule.title}: PromQL identical to rules.yml`)
    t.equal(durationMs(rule.for), durationMs(twin.for), `${rule.title}: for ${rule.for} = ${twin.for}`)
    t.equal(rule.labels?.severity, twin.labels?.severity, `${rule.title}: severity`)
  }
})

t.test('notifications: a webhook contact point from the environment, and a policy routing to it', async (t) => {
  const names = new Set(contactPoints.map((contactPoint) => contactPoint.name))
  const webhook = contactPoints.flatMap((contactPoint) => contactPoint.receivers).find((receiver) => receiver.type === 'webhook')
  t.equal(webhook?.settings.url, '${JOBFIT_ALERT_WEBHOOK_URL}', 'the URL is interpolated by Grafana from its environment')
  t.equal(policies.length, 1, 'one policy tree')
  const receivers = (routes: Route[]): string[] => routes.flatMap((route) => [...(route.receiver === undefined ? [] : [route.receiver]), ...receivers(route.routes ?? [])])
  t.ok(policies[0]?.receiver, 'the root policy has a receiver')
  for (const receiver of receivers(policies)) t.ok(names.has(receiver), `policy receiver ${receiver} is a provisioned contact point`)
})

t.test('every PromQL expression names only metrics the service exposes (or rules.yml records)', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/metrics' })
  t.equal(response.statusCode, 200)
  const known = new Set([
    ...exposedMetricNames(response.body),
    ...prometheusRules.flatMap((rule) => rule.record === undefined ? [] : [rule.record]),
    ...PROMETHEUS_SYNTHETIC
  ])
  t.ok(known.has('cache_get_failures_total') && known.has('http_request_duration_seconds_bucket'), '/metrics was read')

  const sources = promqlSources(dashboards)
  t.ok(sources.some(({ where }) => where.startsWith('jobfit.json')), 'dashboard queries were found')
  t.ok(sources.some(({ where }) => where.startsWith('Grafana rule')), 'Grafana alert queries were found')
  t.ok(sources.some(({ where }) => where.startsWith('rules.yml')), 'rules.yml expressions were found')
  for (const { where, expr } of sources) {
    t.same(unknownMetricNames(expr, known), [], `${where}: only known metrics`)
  }

  // The check itself: the same dashboard with one typo'd metric name must be caught.
  const typoed = dashboards.map(({ file, dashboard }) => ({
    file,
    dashboard: JSON.parse(JSON.stringify(dashboard).replaceAll('cache_get_failures_total', 'cache_get_failure_total')) as Dashboard
  }))
  const caught = promqlSources(typoed).flatMap(({ expr }) => unknownMetricNames(expr, known))
  t.ok(caught.includes('cache_get_failure_total'), 'a panel querying cache_get_failure_total would fail this test')
})
