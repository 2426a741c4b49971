// The AI provider failing in every way the issue names (hung, slow, 429 with Retry-After, 503,
// invalid JSON), through the real openai client against the loopback fake: each case asserts the
// answer, its provenance (headers and `meta`), the counters, and a generous time bound.
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import type { ParsedJob } from '../src/ai/schemas.ts'
import { buildTestApp, eventually, metricValue } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { HttpReply, sampleInstance, slowly, startFakeOpenAi } from './helpers/fake-openai.ts'
import type { ChatRequest, FakeOpenAi } from './helpers/fake-openai.ts'

const SOFT_MS = 300
const TTL_SECONDS = 1

/** What the healthy fake answers: a job's title says which answer a response carries; both sides have skills to embed. */
function job (title: string): (request: ChatRequest) => unknown {
  return (request) => {
    const sample = sampleInstance(request.response_format.json_schema.schema) as Record<string, unknown>
    switch (request.response_format.json_schema.name) {
      case 'parsed_job': return { ...(sample as ParsedJob), title, required_skills: ['node.js', 'kubernetes'] }
      case 'parsed_cv': return { ...sample, skills: ['node.js', 'docker'] }
      default: return sample
    }
  }
}

/**
 * The openai provider with the SDK's defaults left as they are (30 s per attempt, 2 retries that
 * honour Retry-After): the hard timeout alone must bound each call. JD entries go stale after 1 s.
 * The hard timeout (4 s) is far above a healthy call even on a busy machine, and far below 10 s,
 * the generous bound the tests put on answers.
 */
async function resilientApp (t: TapTest, env: Record<string, string> = {}) {
  const fake = await startFakeOpenAi(t)
  fake.onChat = job('from the provider')
  const built = await buildTestApp(t, {
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.baseUrl,
    AI_CHAT_SOFT_TIMEOUT_MS: String(SOFT_MS),
    AI_CHAT_HARD_TIMEOUT_MS: '4000',
    AI_EMBEDDING_SOFT_TIMEOUT_MS: String(SOFT_MS),
    AI_EMBEDDING_HARD_TIMEOUT_MS: '4000',
    AI_BREAKER_COOLDOWN_MS: '500',
    CACHE_TTL_JD_SECONDS: String(TTL_SECONDS),
    CACHE_GRACE_JD_SECONDS: '3600',
    ...env
  })
  return { fake, ...built }
}

type App = Awaited<ReturnType<typeof resilientApp>>['app']

async function parse (app: App, text: string) {
  const started = performance.now()
  const response = await app.inject({ method: 'POST', url: '/api/parse', payload: { text } })
  const body = response.json()
  return {
    status: response.statusCode,
    body,
    source: response.headers['x-jobfit-source'],
    degraded: response.headers['x-jobfit-degraded'],
    elapsedMs: performance.now() - started
  }
}

/** Caches an answer for `text`, then lets its TTL pass: a stale value is at hand. */
async function staleEntry (t: TapTest, app: App, fake: FakeOpenAi, text: string): Promise<void> {
  fake.onChat = job('cached yesterday')
  const primed = await parse(app, text)
  t.equal(primed.source, 'provider', 'primed from the provider')
  await sleep(TTL_SECONDS * 1000 + 100)
}

const counter = (app: App, name: string, labels: Record<string, string>) => metricValue(app, name, { provider: 'openai', operation: 'parse_job', ...labels })

/** A text never seen, while the provider fails: the local fallback answers 200, in bounded time, counted with `reason`. */
async function expectFallback (t: TapTest, app: App, text: string, reason: string) {
  const answer = await parse(app, text)
  t.equal(answer.status, 200)
  t.same(answer.body.meta, { source: 'fallback', degraded: true })
  t.equal(answer.source, 'fallback')
  t.ok(answer.elapsedMs < 10_000, `answered in ${answer.elapsedMs.toFixed(0)} ms`)
  t.equal(await counter(app, 'ai_fallbacks_total', { reason }), 1, `one fallback for ${reason}`)
  return answer
}

t.test('hung provider, stale value at hand: the stale value after the soft timeout; the call is aborted at the hard one', async (t) => {
  const { app, fake } = await resilientApp(t, { AI_CHAT_HARD_TIMEOUT_MS: '10000' })
  await staleEntry(t, app, fake, 'a job seen yesterday')
  fake.onChat = () => 'hang'
  const answer = await parse(app, 'a job seen yesterday')
  t.equal(answer.status, 200)
  t.equal(answer.body.title, 'cached yesterday')
  t.same(answer.body.meta, { source: 'stale', degraded: true })
  t.equal(answer.source, 'stale')
  t.equal(answer.degraded, 'true')
  // What proves "at the soft timeout" is the event: no hard timeout had fired when it answered.
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'hard' }), 0, 'answered before the hard timeout')
  t.ok(answer.elapsedMs < 9000, `answered in ${answer.elapsedMs.toFixed(0)} ms: at the soft timeout, before the 10 s hard one`)
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'soft' }), 1)
  t.equal(await counter(app, 'ai_stale_served_total', { reason: 'soft_timeout' }), 1)
  t.equal(await counter(app, 'ai_answers_total', { source: 'stale' }), 1)
  t.ok(await counter(app, 'ai_tokens_saved_total', { type: 'input' }) > 0, 'the stale answer saved the tokens recorded with it')
})

t.test('hung provider, nothing stale: the local fallback at the hard timeout, then at once while the breaker is open', async (t) => {
  const { app, fake, logs } = await resilientApp(t, { AI_BREAKER_COOLDOWN_MS: '60000' })
  fake.onChat = () => 'hang'
  const first = await parse(app, 'Senior Backend Engineer. Node.js, TypeScript, PostgreSQL. Berlin.')
  t.equal(first.status, 200)
  t.same(first.body.meta, { source: 'fallback', degraded: true })
  t.equal(first.source, 'fallback')
  t.equal(first.degraded, 'true')
  t.ok(first.body.required_skills.includes('typescript'), 'the local parser answered')
  t.ok(first.elapsedMs < 10_000, `answered in ${first.elapsedMs.toFixed(0)} ms: bounded by the 4 s hard timeout, not by the SDK's 30 s x 3 attempts`)
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'hard' }), 1)
  t.equal(await counter(app, 'ai_fallbacks_total', { reason: 'timeout' }), 1)
  t.equal(await counter(app, 'ai_breaker_state', { state: 'open' }), 1, 'a timeout opens the breaker at once')
  t.equal(await counter(app, 'ai_breaker_state', { operation: 'embed', state: 'closed' }), 1, 'the other operations keep theirs closed')

  const asked = fake.chatRequests.length
  const second = await parse(app, 'Junior Frontend Developer. React. Remote.')
  t.equal(second.source, 'fallback')
  t.equal(fake.chatRequests.length, asked, 'the open breaker keeps the provider out of the request')
  t.equal(await counter(app, 'ai_fallbacks_total', { reason: 'circuit_open' }), 1)
  t.ok(logs.warnings('⚠️  AI provider openai: timeout on parse_job').length >= 1, 'logged as a warning')
})

t.test('the fallback is cached under the local provider only: a recovered provider is asked again', async (t) => {
  const { app, fake } = await resilientApp(t, { AI_BREAKER_COOLDOWN_MS: '200' })
  const text = 'Data Engineer, Python, Spark, Airflow.'
  fake.onChat = () => new HttpReply(503)
  t.equal((await parse(app, text)).source, 'fallback')
  t.equal((await parse(app, text)).source, 'fallback', 'still failing: fallback again (from the local provider\'s cache)')
  fake.onChat = job('from the provider')
  await sleep(300)
  const recovered = await parse(app, text)
  t.equal(recovered.source, 'provider', 'the probe goes to the recovered provider: no remote key held the fallback answer')
  t.equal(recovered.body.title, 'from the provider')
  t.same(recovered.body.meta, { source: 'provider', degraded: false })
  t.equal(recovered.degraded, undefined, 'no degraded header on a healthy answer')
  t.equal((await parse(app, text)).source, 'cache')
  t.equal(await counter(app, 'ai_breaker_state', { state: 'closed' }), 1, 'the probe closed the breaker')
})

t.test('slow provider (between soft and hard timeout): stale answered at the soft timeout, the call refreshes the cache in the background', async (t) => {
  const { app, fake } = await resilientApp(t, { AI_CHAT_HARD_TIMEOUT_MS: '20000' })
  await staleEntry(t, app, fake, 'a job that changed')
  fake.onChat = (request) => slowly(3000, job('refreshed')(request))
  const answer = await parse(app, 'a job that changed')
  t.equal(answer.body.title, 'cached yesterday', 'the stale value: answered before the provider (whose answer is "refreshed")')
  t.equal(answer.source, 'stale')
  t.ok(answer.elapsedMs < 10_000, `answered in ${answer.elapsedMs.toFixed(0)} ms`)
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'soft' }), 1)
  t.ok(await eventually(async () => (await parse(app, 'a job that changed')).source === 'cache', 10_000), 'the background call refreshed the cache')
  t.equal((await parse(app, 'a job that changed')).body.title, 'refreshed')
  t.equal(fake.chatRequests.length, 2, 'one call to prime, one refresh: single-flight')
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'hard' }), 0)

  const fresh = await parse(app, 'a job never seen, from a slow provider')
  t.equal(fresh.source, 'provider', 'nothing stale: the caller waits for the slow provider, under the hard timeout')
  t.equal(fresh.body.title, 'refreshed')
})

t.test('429 with Retry-After: stale at once, re-cached for the throttle period; fallback when nothing is stale', async (t) => {
  const { app, fake } = await resilientApp(t, { AI_BREAKER_FAILURE_THRESHOLD: '100', AI_FAIL_SAFE_THROTTLE_SECONDS: '60', OPENAI_MAX_RETRIES: '0' })
  await staleEntry(t, app, fake, 'a popular job')
  fake.onChat = () => new HttpReply(429, undefined, { 'retry-after': '30' })
  const stale = await parse(app, 'a popular job')
  t.equal(stale.status, 200)
  t.equal(stale.body.title, 'cached yesterday')
  t.same(stale.body.meta, { source: 'stale', degraded: true })
  t.ok(stale.elapsedMs < 10_000, `answered in ${stale.elapsedMs.toFixed(0)} ms`)
  const asked = fake.chatRequests.length
  const throttled = await parse(app, 'a popular job')
  t.equal(throttled.source, 'stale')
  t.equal(fake.chatRequests.length, asked, 'within the throttle period the provider is not asked again')
  t.equal(await counter(app, 'ai_stale_served_total', { reason: 'rate_limited' }), 1)
  t.equal(await counter(app, 'ai_stale_served_total', { reason: 'throttled' }), 1)

  await expectFallback(t, app, 'a job nobody asked for before', 'rate_limited')
})

t.test('429 with a 30 s Retry-After and the SDK\'s own retries: the hard timeout cuts the wait short', async (t) => {
  const { app, fake } = await resilientApp(t)
  fake.onChat = () => new HttpReply(429, undefined, { 'retry-after': '30' })
  // Bounded by the hard timeout, not after 2 x 30 s of Retry-After.
  await expectFallback(t, app, 'a job asked for during a rate limit storm', 'timeout')
  t.equal(fake.chatRequests.length, 1, 'the SDK was still sleeping before its first retry when the call was aborted')
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'hard' }), 1)
})

t.test('503: the fallback answers, counted with its reason', async (t) => {
  const { app, fake } = await resilientApp(t)
  fake.onChat = () => new HttpReply(503)
  await expectFallback(t, app, 'Site Reliability Engineer, Kubernetes, Terraform.', 'unavailable')
  t.equal(await counter(app, 'ai_answers_total', { source: 'fallback' }), 1)
  t.equal(await metricValue(app, 'ai_answers_total', { provider: 'local', operation: 'parse_job', source: 'provider' }), 1, 'the local provider computed it')
})

t.test('invalid JSON: asked once more, then the fallback; a stale value when there is one', async (t) => {
  const { app, fake } = await resilientApp(t)
  await staleEntry(t, app, fake, 'a job the model garbles')
  fake.onChat = () => 'malformed'
  const stale = await parse(app, 'a job the model garbles')
  t.equal(stale.body.title, 'cached yesterday')
  t.equal(stale.source, 'stale')
  t.equal(await counter(app, 'ai_stale_served_total', { reason: 'bad_response' }), 1)
  await expectFallback(t, app, 'a job never parsed before, garbled', 'bad_response')
  t.equal(await counter(app, 'ai_requests_total', { outcome: 'bad_response' }), 4, 'each of the two asked twice')
})

t.test('AI_FALLBACK=none, hung provider, nothing stale: 504 at the hard timeout', async (t) => {
  const { app, fake } = await resilientApp(t, { AI_FALLBACK: 'none' })
  fake.onChat = () => 'hang'
  const answer = await parse(app, 'a job while the provider hangs')
  t.equal(answer.status, 504)
  t.same(Object.keys(answer.body).sort(), ['error', 'message', 'statusCode'])
  t.ok(answer.elapsedMs < 10_000, `answered in ${answer.elapsedMs.toFixed(0)} ms`)
  t.equal(await counter(app, 'ai_timeouts_total', { kind: 'hard' }), 1)
  t.equal(await counter(app, 'ai_fallbacks_total', {}), 0)
  const refused = await parse(app, 'another job while the breaker is open')
  t.equal(refused.status, 503, 'the open breaker answers at once')
  t.match(refused.body.message, /retry shortly/)
})

t.test('calculate-score: hung embeddings fall back for the whole list; provenance is the worst part\'s', async (t) => {
  const { app, fake } = await resilientApp(t)
  fake.onEmbeddings = () => 'hang'
  const body = { cv: 'Jane, backend engineer. Node.js, TypeScript, PostgreSQL, Docker.', jd: 'Backend Engineer: Node.js, TypeScript, Kubernetes.' }
  const response = await app.inject({ method: 'POST', url: '/api/calculate-score', payload: body })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['x-jobfit-source'], 'fallback')
  t.same(response.json().meta, { source: 'fallback', degraded: true })
  t.ok(response.json().overall >= 0)
  t.equal(await metricValue(app, 'ai_fallbacks_total', { provider: 'openai', operation: 'embed', reason: 'timeout' }), 1)
  t.equal(await metricValue(app, 'ai_answers_total', { provider: 'openai', operation: 'parse_cv', source: 'provider' }), 1, 'the chat parts came from the provider')
})

t.test('a cache hit counts the tokens its cached value cost as saved', async (t) => {
  const { app } = await resilientApp(t)
  await parse(app, 'a job to parse once')
  const billed = await metricValue(app, 'ai_tokens_total', { provider: 'openai', operation: 'parse_job', type: 'output' })
  t.ok(billed > 0)
  t.equal((await parse(app, 'a job to parse once')).source, 'cache')
  t.equal(await counter(app, 'ai_tokens_saved_total', { type: 'output' }), billed, 'the hit saved what the call billed')
  t.equal(await counter(app, 'ai_answers_total', { source: 'cache' }), 1)
})
