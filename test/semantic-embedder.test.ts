import t from 'tap'
import { AiProviderError } from '../src/ai/errors.ts'
import { SemanticEmbedder } from '../src/ai/local/embedders/semantic.ts'
import { MODEL_DIMENSIONS } from '../src/ai/local/embedders/semantic-model.ts'
import { buildTestApp, eventually } from './helpers/app.ts'

const OPTIONS = { dimensions: 768, threads: 1, timeoutMs: 60_000, maxHeapMb: 512 }

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + value * (b[index] as number), 0)

t.test('the semantic embedder: meaning, aliases as identity, padded unit vectors', async (t) => {
  const embedder = new SemanticEmbedder(OPTIONS)
  t.teardown(() => embedder.close())
  t.equal(embedder.id, 'jobfit-use-lite-0.2.0-v1', 'its identity keys the vectors')
  const texts = ['k8s', 'kubernetes', 'registered nurse icu', 'critical care nursing', 'nursing', 'marketing strategy', 'content marketing', '', ' ,; ']
  const vectors = await embedder.embed(texts)
  t.equal(embedder.state(), 'ready')
  t.equal(vectors.length, texts.length, 'one vector per text, empty ones included')
  const [k8s, kubernetes, rnIcu, criticalCare, nursing, strategy, content, empty, punctuation] = vectors as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array]
  for (const vector of vectors) {
    t.equal(vector.length, 768, 'EMBEDDING_DIMENSIONS long')
    t.ok(Math.abs(cosine(vector, vector) - 1) < 1e-5, 'unit length')
    t.ok(vector.subarray(MODEL_DIMENSIONS).every((value) => value === 0), 'zero-padded past the model\'s 512')
  }
  t.same(k8s, kubernetes, 'an alias embeds as its canonical skill: the taxonomy decides identity')
  t.ok(cosine(rnIcu, criticalCare) > cosine(kubernetes, nursing) + 0.15, `related clinical skills (${cosine(rnIcu, criticalCare).toFixed(2)}) well above unrelated ones (${cosine(kubernetes, nursing).toFixed(2)})`)
  t.ok(cosine(strategy, content) > cosine(strategy, nursing), 'marketing strategy is closer to content marketing than to nursing')
  t.equal(empty[0], 1, 'a text without words is the unit vector on dimension 0')
  t.same(punctuation, empty)
  t.same(await embedder.embed(['kubernetes']), [kubernetes], 'deterministic')

  t.test('the model runs off the event loop: timers fire while a large batch is embedded', async (t) => {
    const events: string[] = []
    const batch = Array.from({ length: 100 }, (_, index) => `skill number ${index} with a few more words`)
    const embedding = embedder.embed(batch).then((vectors) => {
      events.push('embedded')
      return vectors
    })
    await new Promise((resolve) => setTimeout(resolve, 1))
    events.push('timer')
    t.equal((await embedding).length, 100)
    t.same(events, ['timer', 'embedded'], 'a 1 ms timer fired before the batch was done')
  })
})

t.test('a request waiting longer than LOCAL_EMBEDDER_TIMEOUT_MS is a timeout, and the embedder recovers', async (t) => {
  const embedder = new SemanticEmbedder({ ...OPTIONS, timeoutMs: 100 })
  t.teardown(() => embedder.close())
  t.equal(embedder.state(), 'loading', 'the model loads in the background')
  const error = await embedder.embed(['waits for the model']).catch((caught: unknown) => caught)
  t.ok(error instanceof AiProviderError, 'an AI provider error')
  t.equal((error as AiProviderError).reason, 'timeout')
  t.ok(await eventually(() => embedder.state() === 'ready', 60_000, 100), 'the model still finishes loading')
})

t.test('more threads share a batch and give the same vectors; a closed embedder rejects', async (t) => {
  const one = new SemanticEmbedder(OPTIONS)
  const two = new SemanticEmbedder({ ...OPTIONS, threads: 2 })
  const texts = Array.from({ length: 150 }, (_, index) => `text ${index}`)
  const [a, b] = await Promise.all([one.embed(texts), two.embed(texts)])
  t.same(a, b, 'same vectors whichever thread embedded them')
  await one.close()
  await two.close()
  const error = await one.embed(['after close']).catch((caught: unknown) => caught)
  t.ok(error instanceof AiProviderError, 'rejected after close')
})

t.test('the app: /health answers at once, /ready says loading until the model is in, vectors keyed by the model', async (t) => {
  const { app } = await buildTestApp(t, { LOCAL_EMBEDDER: 'semantic' })
  t.equal((await app.inject('/health')).statusCode, 200, 'liveness does not wait for the model')
  const first = await app.inject('/ready')
  if (first.statusCode === 503) {
    t.match(first.json(), { statusCode: 503, error: 'Service Unavailable', message: /still loading/ }, 'loading: a 503 in Fastify\'s shape')
    t.equal(first.headers['retry-after'], '1')
  }
  t.ok(await eventually(async () => (await app.inject('/ready')).statusCode === 200, 60_000, 100), 'ready once loaded')
  t.match((await app.inject('/ready')).json(), { status: 'ready', embedder: 'ready' })
  t.equal(app.ai.provider.embeddingModel, 'jobfit-use-lite-0.2.0-v1')

  const score = await app.inject({
    method: 'POST',
    url: '/api/calculate-score',
    payload: {
      cv: 'Jane Roe\nDevOps Engineer, Initech, Jan 2018 - Present\nSKILLS\nk8s, Terraform, AWS',
      jd: 'DevOps Engineer\nRequirements: 3+ years with Kubernetes, Terraform and AWS.'
    }
  })
  t.equal(score.statusCode, 200, score.body)
  t.equal(score.json().breakdown.skills.score, 100, 'k8s on the CV covers Kubernetes')
})

t.test('config: semantic needs 512 dimensions; lexical stays selectable', async (t) => {
  const { parseConfig } = await import('../src/config.ts')
  t.throws(() => parseConfig({ EMBEDDING_DIMENSIONS: '256' }), /LOCAL_EMBEDDER=semantic needs EMBEDDING_DIMENSIONS of at least 512/)
  t.equal(parseConfig({ EMBEDDING_DIMENSIONS: '256', LOCAL_EMBEDDER: 'lexical' }).ai.embeddingDimensions, 256)
  t.same(parseConfig({}).ai.localEmbedder, { kind: 'semantic', threads: 1, timeoutMs: 30_000, maxHeapMb: 512 }, 'semantic by default')
  const { app } = await buildTestApp(t, { LOCAL_EMBEDDER: 'lexical' })
  t.equal(app.ai.provider.embeddingModel, 'jobfit-lexical-v1')
  t.match((await app.inject('/ready')).json(), { status: 'ready', embedder: 'ready' })
})
