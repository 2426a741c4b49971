import { context, SpanStatusCode, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace'
import type { ReadableSpan } from '@opentelemetry/sdk-trace'
import t from 'tap'
import { createInstrumentations } from '../src/observability/instrumentations.ts'

// The same instrumentations as src/telemetry.ts, exporting to memory. They must be in place
// before Fastify and ioredis are loaded, hence the dynamic imports below.
const exporter = new InMemorySpanExporter()
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] })
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
trace.setGlobalTracerProvider(provider)
registerInstrumentations({ instrumentations: createInstrumentations(), tracerProvider: provider })
const { addProbeRoute, buildTestApp, PROBE_NAMESPACE, redisReady } = await import('./helpers/app.ts')
const { startRedisServer } = await import('./helpers/redis-server.ts')
const { cv, job } = await import('./helpers/fit-fixtures.ts')

const PERSONAL_INPUT = 'Jane Doe, jane.doe@example.com, +44 7700 900123'

function spanNamed (spans: ReadableSpan[], name: string | RegExp): ReadableSpan | undefined {
  return spans.find((span) => typeof name === 'string' ? span.name === name : name.test(span.name))
}

function ancestors (spans: ReadableSpan[], span: ReadableSpan): ReadableSpan[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanContext().spanId, candidate]))
  const chain: ReadableSpan[] = []
  let parentId = span.parentSpanContext?.spanId
  while (parentId !== undefined) {
    const parent = byId.get(parentId)
    if (parent === undefined) break
    chain.push(parent)
    parentId = parent.parentSpanContext?.spanId
  }
  return chain
}

t.test('a request whose Redis GET fails: request spans OK, cache span ERROR with the reason', async (t) => {
  const redis = await startRedisServer(t)
  const { app, logs } = await buildTestApp(t, { REDIS_URL: redis.url })
  addProbeRoute(app)
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  t.ok(await redisReady(app))
  await redis.kill()
  exporter.reset()

  const response = await fetch(`${address}/test/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ input: PERSONAL_INPUT })
  })
  t.equal(response.status, 200, 'the request succeeded')
  await app.cache.flush()

  const spans = exporter.getFinishedSpans()
  const cacheGet = spanNamed(spans, 'cache.get')
  t.ok(cacheGet, 'a cache.get span was recorded')
  if (cacheGet === undefined) return
  t.equal(cacheGet.status.code, SpanStatusCode.ERROR)
  t.match(cacheGet.attributes, { 'cache.namespace': PROBE_NAMESPACE, 'cache.tier': 'l2', 'error.type': 'connection' })
  t.match(cacheGet.events, [{ name: 'exception' }])

  const chain = ancestors(spans, cacheGet)
  const root = chain.at(-1)
  t.ok(root !== undefined && root.name.startsWith('POST'), `the cache span sits under the HTTP request (${chain.map((span) => span.name).join(' < ')})`)
  t.ok(chain.some((span) => span.instrumentationScope.name === '@fastify/otel'), 'and under the Fastify request span')
  for (const span of chain) t.not(span.status.code, SpanStatusCode.ERROR, `${span.name} is not an error: the request fell back and succeeded`)
  t.equal(root?.attributes['http.response.status_code'] ?? root?.attributes['http.status_code'], 200)

  const warning = logs.warnings('⚠️  Cache retrieval failed:')[0]
  t.equal(warning?.trace_id, cacheGet.spanContext().traceId, 'the ⚠️ log line carries the trace id')
  t.notMatch(JSON.stringify(spans.map((span) => span.attributes)), /jane|Doe|7700/i, 'no personal input in any span')
})

t.test('a healthy Redis: ioredis spans with stable semantic conventions under the cache span', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  addProbeRoute(app)
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  t.ok(await redisReady(app))
  exporter.reset()

  await fetch(`${address}/test/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: PERSONAL_INPUT }) })
  const spans = exporter.getFinishedSpans()
  const cacheGet = spanNamed(spans, 'cache.get')
  t.equal(cacheGet?.status.code, SpanStatusCode.UNSET)
  t.equal(cacheGet?.attributes['cache.hit'], false)
  const redisGet = spans.find((span) => span.attributes['db.system.name'] === 'redis' && span.attributes['db.operation.name'] === 'get')
  t.ok(redisGet, 'the Redis GET is traced')
  t.equal(redisGet?.parentSpanContext?.spanId, cacheGet?.spanContext().spanId, 'as a child of cache.get')
  t.notMatch(JSON.stringify(spans.map((span) => span.attributes)), /jane|Doe|7700/i, 'no personal input in any span')

  // The first request's write-behind SET must not land in the next window.
  await app.cache.flush()
  exporter.reset()
  await fetch(`${address}/test/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: PERSONAL_INPUT }) })
  const l1Hit = spanNamed(exporter.getFinishedSpans(), 'cache.get')
  t.match(l1Hit?.attributes, { 'cache.tier': 'l1', 'cache.hit': true }, 'the repeat is an L1 hit, visible in its trace')
  const redisCalls = exporter.getFinishedSpans().filter((span) => span.attributes['db.system.name'] === 'redis')
  t.same(redisCalls.map((span) => span.attributes['db.operation.name']), ['eval'], 'and makes no cache call to Redis: the one call is the rate limiter\'s counter')

  exporter.reset()
  await app.cache.safeGet(PROBE_NAMESPACE, PERSONAL_INPUT)
  t.same(exporter.getFinishedSpans(), [], 'an L1 hit outside any traced operation records nothing')

  exporter.reset()
  await fetch(`${address}/health`)
  await fetch(`${address}/metrics`)
  t.same(exporter.getFinishedSpans().map((span) => span.name), [], '/health and /metrics are not traced')
})

t.test('AI provider calls are spans with the model, operation and token counts, under the request', async (t) => {
  const { HttpReply, sampleInstance, startFakeOpenAi } = await import('./helpers/fake-openai.ts')
  const fake = await startFakeOpenAi(t)
  // No fallback: the failed call's span is the point, and its 503.
  const { app } = await buildTestApp(t, { AI_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseUrl, OPENAI_MAX_RETRIES: '0', AI_FALLBACK: 'none', AI_CHAT_HARD_TIMEOUT_MS: '30000', AI_EMBEDDING_HARD_TIMEOUT_MS: '30000' })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  exporter.reset()
  const post = (url: string, body: unknown) => fetch(`${address}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  t.equal((await post('/api/parse', { text: PERSONAL_INPUT })).status, 200)
  const spans = exporter.getFinishedSpans()
  const chat = spanNamed(spans, 'chat gpt-4o-mini')
  t.ok(chat, 'a chat span')
  t.match(chat?.attributes, {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4o-mini',
    'jobfit.ai.operation': 'parse_job',
    'gen_ai.usage.input_tokens': Number,
    'gen_ai.usage.output_tokens': Number
  })
  t.ok(ancestors(spans, chat as ReadableSpan).some((span) => span.name === 'POST /api/parse'), 'inside the request span')
  t.notOk(JSON.stringify(spans.map((span) => span.attributes)).includes('jane.doe@example.com'), 'no input in any attribute')

  exporter.reset()
  fake.onChat = () => new HttpReply(429, undefined, { 'retry-after': '3' })
  t.equal((await post('/api/parse', { text: 'another job' })).status, 503)
  const failed = spanNamed(exporter.getFinishedSpans(), 'chat gpt-4o-mini')
  t.equal(failed?.status.code, SpanStatusCode.ERROR)
  t.equal(failed?.attributes['error.type'], 'rate_limited')

  exporter.reset()
  fake.onChat = (request) => sampleInstance(request.response_format.json_schema.schema)
  t.equal((await post('/api/calculate-score', { cv: cv({ skills: ['react', 'go'] }), jd: job({ required_skills: ['vue', 'rust'] }) })).status, 200)
  const embeddings = spanNamed(exporter.getFinishedSpans(), 'embeddings text-embedding-3-small')
  t.match(embeddings?.attributes, { 'gen_ai.operation.name': 'embeddings', 'jobfit.ai.batch_size': 4, 'gen_ai.usage.input_tokens': Number })
})
