import t from 'tap'
import { addProbeRoute, buildTestApp, metricValue, PROBE_NAMESPACE } from './helpers/app.ts'

t.test('DISABLE_CACHE=true: a pass-through that says so', async (t) => {
  const { app, logs } = await buildTestApp(t, { DISABLE_CACHE: 'true', REDIS_URL: 'redis://127.0.0.1:6379' })
  const probe = addProbeRoute(app)
  await app.ready()
  t.notOk(app.hasDecorator('redis'), 'no Redis connection is made')
  t.same(logs.lines.filter((line) => line.msg.startsWith('Cache mode:')).map((line) => line.cacheMode), ['disabled'], 'boot says so, once')
  for (let i = 0; i < 3; i++) {
    const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'same' } })
    t.same(response.json(), { value: 'fresh:same' })
  }
  t.equal(probe.computations, 3, 'every request computes')
  t.equal((await app.inject('/ready')).json().redis, 'disabled')
  const stats = (await app.inject('/api/cache/stats')).json()
  t.equal(stats.enabled, false)
  t.equal(stats.l1.entries, 0)
  t.equal(stats.l2.status, 'disabled')
})

t.test('single-flight through HTTP: concurrent misses for one input compute once', async (t) => {
  const { app } = await buildTestApp(t)
  const probe = addProbeRoute(app, { computeDelayMs: 50 })
  await app.ready()
  const responses = await Promise.all(Array.from({ length: 25 }, () =>
    app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'hot' } })))
  t.ok(responses.every((response) => response.statusCode === 200 && response.json().value === 'fresh:hot'))
  t.equal(probe.computations, 1)
})

t.test('L1 stays within its byte limit', async (t) => {
  const maxBytes = 64 * 1024
  const { app } = await buildTestApp(t, { CACHE_L1_MAX_BYTES: String(maxBytes) })
  await app.ready()
  const big = 'x'.repeat(2000)
  for (let i = 0; i < 500; i++) {
    app.cache.safeSet(PROBE_NAMESPACE, `key-${i}`, `${big}${i}`, 60)
    if (app.cache.stats().l1.bytes > maxBytes) t.fail(`L1 grew past its limit at entry ${i}`)
  }
  const stats = (await app.inject('/api/cache/stats')).json()
  t.ok(stats.l1.bytes <= maxBytes, `L1 bytes ${stats.l1.bytes} <= ${maxBytes}`)
  t.ok(stats.l1.entries > 0 && stats.l1.entries < 500, `older entries were evicted (${stats.l1.entries} kept)`)
  t.equal(await metricValue(app, 'cache_l1_bytes'), stats.l1.bytes, 'the gauge reports the same figure')
  t.equal(await app.cache.safeGet(PROBE_NAMESPACE, 'key-499'), `${big}499`, 'the newest entry is there')
  t.equal(await app.cache.safeGet(PROBE_NAMESPACE, 'key-0'), undefined, 'the oldest is gone')
})

t.test('a dead Redis under load does not flood the log: warnings are coalesced', async (t) => {
  const { app, logs } = await buildTestApp(t, {
    REDIS_URL: 'redis://127.0.0.1:1',
    CACHE_WARNING_INTERVAL_MS: '60000'
  })
  await app.ready()
  for (let i = 0; i < 100; i++) await app.cache.safeGet(PROBE_NAMESPACE, `miss-${i}`)
  t.equal(await metricValue(app, 'cache_get_failures_total', { namespace: PROBE_NAMESPACE }), 100, 'every failure is counted')
  const warnings = logs.warnings('⚠️  Cache retrieval failed:')
  t.ok(warnings.length <= 2, `only the first of each reason is logged at once (${warnings.length} lines)`)
  await app.close()
  const summaries = logs.warnings('⚠️  Cache retrieval failed:').filter((line) => Number(line.suppressed) > 0)
  const suppressed = summaries.reduce((sum, line) => sum + Number(line.suppressed), 0)
  t.equal(suppressed + warnings.length, 100, 'the summaries account for every suppressed warning')
})

t.test('GET /metrics exposes the cache and HTTP metrics in Prometheus format', async (t) => {
  const { app } = await buildTestApp(t)
  addProbeRoute(app)
  await app.ready()
  await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'a' } })
  await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'a' } })
  const response = await app.inject('/metrics')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/)
  t.match(response.body, /# TYPE cache_get_failures_total counter/)
  t.match(response.body, /# TYPE cache_set_failures_total counter/)
  t.match(response.body, /# TYPE cache_l2_operation_duration_seconds histogram/)
  t.match(response.body, /cache_l2_breaker_state\{state="closed"\} 0/, 'no L2: the breaker reports no state')
  t.match(response.body, /process_cpu_seconds_total/, 'default process metrics')
  t.equal(await metricValue(app, 'cache_hits_total', { namespace: PROBE_NAMESPACE, tier: 'l1' }), 1)
  t.equal(await metricValue(app, 'cache_misses_total', { namespace: PROBE_NAMESPACE, tier: 'l1' }), 1)
  t.equal(await metricValue(app, 'http_request_duration_seconds_count', { route: '/test/probe', method: 'POST', status_code: '200' }), 2)
  await app.inject('/no/such/route')
  t.equal(await metricValue(app, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' }), 1,
    'unknown URLs share one label value')
})

t.test('health and readiness without Redis', async (t) => {
  const { app, logs } = await buildTestApp(t)
  t.same((await app.inject('/health')).json(), { status: 'ok' })
  t.same((await app.inject('/ready')).json(), { status: 'ready', redis: 'l1_only', embedder: 'ready' }, 'L1 only: not the kill switch')
  const stats = (await app.inject('/api/cache/stats')).json()
  t.equal(stats.enabled, true)
  t.equal(stats.l2.status, 'l1_only')
  t.same(logs.lines.filter((line) => line.msg.startsWith('Cache mode:')).map((line) => line.msg), ['Cache mode: L1 only (in-process; no Redis configured)'],
    'boot says so, once')
})

t.test('server errors never leak internals', async (t) => {
  const { app, logs } = await buildTestApp(t)
  app.get('/test/boom', async () => {
    throw new Error('secret internal detail')
  })
  const response = await app.inject('/test/boom')
  t.equal(response.statusCode, 500)
  t.same(Object.keys(response.json()).sort(), ['error', 'message', 'statusCode'])
  t.notMatch(response.body, /secret internal detail|at .*\.ts/)
  t.ok(logs.text().includes('secret internal detail'), 'but the log has it for the operator')
})

t.test('errors meant for the client keep their status and message', async (t) => {
  const { app } = await buildTestApp(t)
  app.get('/test/upstream', async () => {
    throw Object.assign(new Error('The AI provider is rate limiting us; retry in 20 s.'), { statusCode: 503, expose: true })
  })
  app.post('/test/strict', { schema: { body: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } } }, async () => ({}))
  const upstream = await app.inject('/test/upstream')
  t.same(upstream.json(), { statusCode: 503, error: 'Service Unavailable', message: 'The AI provider is rate limiting us; retry in 20 s.' })
  const invalid = await app.inject({ method: 'POST', url: '/test/strict', payload: {} })
  t.equal(invalid.statusCode, 400)
  t.match(invalid.json(), { statusCode: 400, error: 'Bad Request', message: /text/ })
})
