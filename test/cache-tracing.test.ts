import { SpanStatusCode, trace } from '@opentelemetry/api'
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace'
import t from 'tap'
import { addProbeRoute, buildTestApp, PROBE_NAMESPACE } from './helpers/app.ts'

const exporter = new InMemorySpanExporter()
trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }))

t.test('a failed L2 read is an ERROR cache span carrying the reason; no key in the attributes', async (t) => {
  exporter.reset()
  const { app } = await buildTestApp(t, { REDIS_URL: 'redis://127.0.0.1:1' })
  addProbeRoute(app)
  await app.ready()
  const response = await app.inject({ method: 'POST', url: '/test/probe', payload: { input: 'jane.doe@example.com' } })
  t.equal(response.statusCode, 200, 'the request itself succeeded')
  await app.cache.flush()

  const spans = exporter.getFinishedSpans()
  const get = spans.find((span) => span.name === 'cache.get')
  t.ok(get, 'a cache.get span was recorded')
  t.equal(get?.status.code, SpanStatusCode.ERROR)
  t.match(get?.attributes, { 'cache.namespace': PROBE_NAMESPACE, 'cache.tier': 'l2', 'error.type': 'connection' })
  t.match(get?.events, [{ name: 'exception' }], 'the failure is recorded as an exception event too')
  const set = spans.find((span) => span.name === 'cache.set')
  t.equal(set?.status.code, SpanStatusCode.ERROR, 'the lost write is an ERROR cache.set span')
  t.notMatch(JSON.stringify(spans.map((span) => span.attributes)), /jane\.doe/, 'the input never reaches a span')
})

t.test('a successful L2 read is an OK span with cache.hit', async (t) => {
  exporter.reset()
  const { app } = await buildTestApp(t, { REDIS_URL: 'redis://127.0.0.1:6379', CACHE_KEY_PREFIX: `jobfit-test-${process.pid}` })
  await app.ready()
  await new Promise((resolve) => setTimeout(resolve, 100))
  await app.cache.safeGet(PROBE_NAMESPACE, 'never-stored')
  const get = exporter.getFinishedSpans().find((span) => span.name === 'cache.get')
  t.equal(get?.status.code, SpanStatusCode.UNSET)
  t.equal(get?.attributes['cache.hit'], false)
})
