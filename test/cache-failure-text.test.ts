import { context, SpanStatusCode, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace'
import t from 'tap'
import { createInstrumentations } from '../src/observability/instrumentations.ts'

// As in tracing.test.ts: the instrumentations must be in place before Fastify and ioredis load.
const exporter = new InMemorySpanExporter()
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] })
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
trace.setGlobalTracerProvider(provider)
registerInstrumentations({ instrumentations: createInstrumentations(), tracerProvider: provider })
const { addProbeRoute, buildTestApp, redisReady } = await import('./helpers/app.ts')
const { PLAIN_SERVER, startRedisServer } = await import('./helpers/redis-server.ts')

const NAME = 'Jane Doe'
const PERSONAL_INPUT = `${NAME}, jane.doe@example.com, +44 7700 900123`
const ANY_PART = /jane|doe|7700|example\.com/i

t.test('a Redis that echoes arguments in its errors: no part of the value reaches logs, stats or spans', async (t) => {
  // SET and GET renamed away: every SET fails with `ERR unknown command 'set', with args beginning
  // with: '<key>' '<value>'`, every GET (traced as a child of the request) with its key.
  const redis = await startRedisServer(t, {
    args: (port, dir) => [...PLAIN_SERVER(port, dir), '--rename-command', 'SET', 'SET-renamed-away', '--rename-command', 'GET', 'GET-renamed-away']
  })
  const echoed = await redis.rawCommand(['SET', 'k', PERSONAL_INPUT])
  t.match(String(echoed instanceof Error ? echoed.message : echoed), NAME, 'this Redis does echo the value in its error')

  const { app, logs } = await buildTestApp(t, { REDIS_URL: redis.url })
  addProbeRoute(app)
  // Over HTTP, not inject(): only a real request is traced.
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  t.ok(await redisReady(app))
  exporter.reset()
  const body = JSON.stringify({ input: PERSONAL_INPUT })
  const response = await fetch(`${address}/test/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  t.equal(response.status, 200, 'the request succeeded')
  await app.cache.flush()

  const warning = logs.warnings('⚠️  Cache storage failed:')
  t.match(warning, [{ reason: 'other', error: 'ERR: generic error reply' }], 'the failure is logged, as its code and a fixed text')
  t.notMatch(logs.text(), ANY_PART, 'no part of the value in any log line')
  t.notMatch(logs.text(), /with args beginning/, 'nor the echoing part of the reply')

  const stats = (await app.inject('/api/cache/stats')).json()
  t.match(stats.l2.last_error, { reason: 'other', message: 'ERR: generic error reply' })
  t.notMatch(JSON.stringify(stats), ANY_PART, 'nor in /api/cache/stats')

  const spans = exporter.getFinishedSpans()
  const cacheSet = spans.find((span) => span.name === 'cache.set')
  t.equal(cacheSet?.status.code, SpanStatusCode.ERROR, 'the cache span records the failure')
  const redisGet = spans.find((span) => span.attributes['db.system.name'] === 'redis' && span.attributes['db.operation.name'] === 'get')
  t.equal(redisGet?.status.code, SpanStatusCode.ERROR, 'the Redis client span of the failed GET records the failure')
  t.equal(redisGet?.status.message, 'ERR: generic error reply', 'as its code and a fixed text')
  const recorded = JSON.stringify(spans.map((span) => ({ attributes: span.attributes, events: span.events, status: span.status })))
  t.match(recorded, /ERR: generic error reply/)
  t.notMatch(recorded, ANY_PART, 'no part of the value in any span, event or status')
  t.notMatch(recorded, /with args beginning/)
})
