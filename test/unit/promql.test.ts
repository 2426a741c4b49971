import t from 'tap'
import { exposedMetricNames, metricNames, PromQLScanError, unknownMetricNames } from '../helpers/promql.ts'

t.test('a plain selector and a rate over it', async (t) => {
  t.same(metricNames('cache_l2_up'), ['cache_l2_up'])
  t.same(metricNames('rate(cache_hits_total[5m])'), ['cache_hits_total'])
  t.same(metricNames('  cache_l1_bytes  '), ['cache_l1_bytes'])
})

t.test('label matchers are skipped, whatever their values contain', async (t) => {
  t.same(metricNames('cache_hits_total{tier="l2", namespace=~"domain|cv_parse"}'), ['cache_hits_total'])
  t.same(metricNames('http_request_duration_seconds_bucket{route!~"/metrics|/health|/ready"}'), ['http_request_duration_seconds_bucket'])
  t.same(metricNames('x_total{a="sum(y_total)", b=\'z{w}\', c!="\\"quoted\\" q_total"}'), ['x_total'], 'strings inside matchers are not scanned')
  t.same(metricNames('cache_l2_breaker_state{state=~"open|half_open",}'), ['cache_l2_breaker_state'], 'trailing comma')
})

t.test('function names, aggregations and their modifiers are not metrics', async (t) => {
  t.same(metricNames('sum by (namespace, reason) (rate(cache_get_failures_total[5m])) > 0.05'), ['cache_get_failures_total'])
  t.same(metricNames('sum(rate(cache_set_failures_total[5m])) without (instance, job)'), ['cache_set_failures_total'])
  t.same(metricNames('max by (instance) (cache_l2_breaker_state{state=~"open|half_open"}) == 1'), ['cache_l2_breaker_state'])
  t.same(
    metricNames('histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[$__rate_interval])))'),
    ['http_request_duration_seconds_bucket']
  )
  t.same(metricNames('topk(5, sum by (route) (rate(a_total[5m])))'), ['a_total'])
  t.same(metricNames('count_values("value", b_gauge)'), ['b_gauge'])
  t.same(metricNames('SUM BY (x) (c_total) AND ON (x) d_total'), ['c_total', 'd_total'], 'keywords are case-insensitive')
  t.same(metricNames('label_replace(up, "dst", "$1", "src", "(.*)")'), ['up'], 'string arguments are skipped')
})

t.test('binary operators with vector matching', async (t) => {
  t.same(
    metricNames('a_total / on (instance) group_left (version) b_info'),
    ['a_total', 'b_info']
  )
  t.same(metricNames('a_total * ignoring (reason) group_right c_total'), ['a_total', 'c_total'], 'group_right without a label list')
  t.same(metricNames('a_total > bool 3 or b_total unless c_total'), ['a_total', 'b_total', 'c_total'])
  t.same(metricNames('atan2(a_total, b_total)'), ['a_total', 'b_total'])
  t.same(metricNames('a_total atan2 b_total'), ['a_total', 'b_total'])
})

t.test('numbers, durations, offsets, @ and subqueries', async (t) => {
  t.same(metricNames('x_total / clamp_min(y_total + z_total, 1e-9)'), ['x_total', 'y_total', 'z_total'])
  t.same(metricNames('0x1F + .5 + 2.5E+3 + Inf - NaN + x_total'), ['x_total'])
  t.same(metricNames('rate(x_total[5m] offset 1h30m) - rate(x_total[5m] offset -5m)'), ['x_total'], 'durations outside brackets')
  t.same(metricNames('x_total @ start() - x_total @ 1609746000'), ['x_total'])
  t.same(metricNames('max_over_time(rate(x_total[1m])[1h:5m])'), ['x_total'], 'subquery')
})

t.test('recording-rule names, Grafana variables and comments', async (t) => {
  t.same(
    metricNames('jobfit:cache_l2_hit_ratio:rate5m < 0.5 * jobfit:cache_l2_hit_ratio:rate1h\n  and sum(rate(cache_misses_total{tier="l2"}[5m])) > 0.05'),
    ['jobfit:cache_l2_hit_ratio:rate5m', 'jobfit:cache_l2_hit_ratio:rate1h', 'cache_misses_total']
  )
  t.same(metricNames('sum(rate(x_total{ns=~"$namespace"}[$__rate_interval])) > ${threshold}'), ['x_total'])
  t.same(metricNames('x_total # y_total is commented out\n + z_total'), ['x_total', 'z_total'])
})

t.test('metric names spelled as label matchers', async (t) => {
  t.same(metricNames('{__name__="cache_hits_total", tier="l1"}'), ['cache_hits_total'])
  t.same(metricNames('{"cache_hits_total", tier="l1"}'), ['cache_hits_total'], 'Prometheus 3 quoted name')
  t.same(metricNames('{__name__=~"cache_.*"}'), [], 'a regex names no single metric')
})

t.test('each name is reported once, in order of first appearance', async (t) => {
  t.same(metricNames('b_total + a_total + b_total'), ['b_total', 'a_total'])
})

t.test('unterminated strings, matchers and ranges are errors, not silent passes', async (t) => {
  t.throws(() => metricNames('x_total{a="b}'), PromQLScanError)
  t.throws(() => metricNames('x_total{a="b"'), PromQLScanError)
  t.throws(() => metricNames('rate(x_total[5m)'), PromQLScanError)
  t.throws(() => metricNames('x_total{a}'), PromQLScanError, 'a label without operator must be a quoted name')
  t.throws(() => metricNames('x_total{a=b}'), PromQLScanError, 'label values are strings')
  t.throws(() => metricNames('x_total{a="b" -}'), /unexpected "-" in label matchers/)
})

t.test('exposedMetricNames: names from # TYPE lines, with the series a histogram or summary really has', async (t) => {
  const exposition = [
    '# HELP cache_hits_total Cache lookups answered by the tier.',
    '# TYPE cache_hits_total counter',
    'cache_hits_total{namespace="cv",tier="l1"} 3',
    '# TYPE cache_l2_up gauge',
    'cache_l2_up 0',
    '# TYPE http_request_duration_seconds histogram',
    'http_request_duration_seconds_bucket{le="0.005"} 1',
    '# TYPE rpc_seconds summary',
    '# TYPE some_untyped untyped',
    ''
  ].join('\n')
  t.same([...exposedMetricNames(exposition)].sort(), [
    'cache_hits_total',
    'cache_l2_up',
    'http_request_duration_seconds_bucket',
    'http_request_duration_seconds_count',
    'http_request_duration_seconds_sum',
    'rpc_seconds',
    'rpc_seconds_count',
    'rpc_seconds_sum',
    'some_untyped'
  ])
})

t.test('unknownMetricNames REJECTS a typo and a histogram queried by its bare name', async (t) => {
  const known = new Set(['cache_get_failures_total', 'http_request_duration_seconds_bucket'])
  t.same(unknownMetricNames('sum by (reason) (rate(cache_get_failures_total[5m]))', known), [])
  t.same(unknownMetricNames('sum by (reason) (rate(cache_get_failure_total[5m]))', known), ['cache_get_failure_total'])
  t.same(
    unknownMetricNames('histogram_quantile(0.5, rate(http_request_duration_seconds[5m]))', known),
    ['http_request_duration_seconds'],
    'the bare name of a classic histogram is no series'
  )
})
