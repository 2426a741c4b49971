import t from 'tap'
import { sampleText } from './fixtures/texts/index.ts'
import type { SampleName } from './fixtures/texts/index.ts'
import { buildTestApp, metricValue, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const CV_SAMPLES: SampleName[] = ['nurse-cv', 'marketing-manager-cv', 'backend-engineer-cv', 'data-scientist-cv']

const withoutMeta = ({ meta: _meta, ...rest }: Record<string, unknown>) => rest
const rank = (body: unknown) => ({ method: 'POST' as const, url: '/api/rank', payload: body as Record<string, unknown> })
const embedCalls = (app: Parameters<typeof metricValue>[0]) => metricValue(app, 'ai_requests_total', { operation: 'embed' })

t.test('CVs come back best fit first, each scoring exactly what /api/calculate-score gives', async (t) => {
  const { app } = await buildTestApp(t)
  const jd = sampleText('backend-engineer-jd')
  const response = await app.inject(rank({ jd, cvs: CV_SAMPLES.map((name) => ({ id: name, cv: sampleText(name) })) }))
  t.equal(response.statusCode, 200, response.body)
  const body = response.json()
  t.same(body.errors, [])
  t.equal(body.ranked.length, CV_SAMPLES.length)
  t.equal(body.ranked[0].id, 'backend-engineer-cv', 'the backend engineer ranks first for the backend job')
  t.same(body.ranked.map((entry: { rank: number }) => entry.rank), [1, 2, 3, 4])
  const overalls = body.ranked.map((entry: { overall: number }) => entry.overall)
  t.same(overalls, [...overalls].sort((a, b) => b - a), 'ordered by overall score')

  for (const entry of body.ranked) {
    const single = (await app.inject({ method: 'POST', url: '/api/calculate-score', payload: { cv: sampleText(entry.id), jd } })).json()
    t.equal(entry.overall, single.overall, `${entry.id}: same overall as /api/calculate-score`)
    t.same(entry.scores, {
      skills: single.breakdown.skills.score,
      experience: single.breakdown.experience.score,
      role: single.breakdown.role.score,
      industry: single.breakdown.industry.score,
      education: single.breakdown.education.score
    }, `${entry.id}: same breakdown`)
    t.same(entry.missing_required, single.breakdown.skills.missing_required)
    t.same(entry.explanations, single.explanations)
  }
})

t.test('parsed objects rank the same as their texts', async (t) => {
  const { app } = await buildTestApp(t)
  const jdText = sampleText('data-science-jd')
  const fromText = (await app.inject(rank({ jd: jdText, cvs: CV_SAMPLES.map((name) => ({ id: name, cv: sampleText(name) })) }))).json()
  const parsedJd = (await app.inject({ method: 'POST', url: '/api/parse', payload: { text: jdText } })).json()
  const parsedCvs = await Promise.all(CV_SAMPLES.map(async (name) => ({
    id: name,
    cv: (await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: sampleText(name) } })).json()
  })))
  const fromObjects = (await app.inject(rank({ jd: parsedJd, cvs: parsedCvs }))).json()
  t.same(withoutMeta(fromObjects), withoutMeta(fromText), 'parse answers sent back as they came, meta included')
  t.equal(fromText.ranked[0].id, 'data-scientist-cv')
})

t.test('a CV that cannot be parsed is a per-CV error and the batch still ranks', async (t) => {
  const { app } = await buildTestApp(t, { MAX_TEXT_BYTES: '20000' })
  const response = await app.inject(rank({
    jd: sampleText('icu-nurse-jd'),
    cvs: [
      { id: 'too-long', cv: 'x '.repeat(20_000) },
      { id: 'nurse', cv: sampleText('nurse-cv') },
      { id: 'blank', cv: '   \n  ' },
      { id: 'backend', cv: sampleText('backend-engineer-cv') }
    ]
  }))
  t.equal(response.statusCode, 200, response.body)
  const body = response.json()
  t.same(body.ranked.map((entry: { id: string }) => entry.id), ['nurse', 'backend'])
  t.match(body.errors, [
    { id: 'too-long', statusCode: 413, error: 'Payload Too Large', message: /cvs\[0\]\.cv is \d+ bytes/ },
    { id: 'blank', statusCode: 400, error: 'Bad Request', message: /cvs\[2\]\.cv must not be empty/ }
  ])
  t.equal(body.errors.length, 2)
})

t.test('bad requests are 400s in Fastify\'s error shape', async (t) => {
  const { app } = await buildTestApp(t, { RANK_MAX_CVS: '3' })
  const cv = sampleText('nurse-cv')
  const jd = sampleText('icu-nurse-jd')
  const cases: Array<[string, unknown, RegExp]> = [
    ['duplicate ids, named by position (an id may be personal)', { jd, cvs: [{ id: 'jane@example.com', cv }, { id: 'jane@example.com', cv }] }, /^cvs\[1\]\.id repeats cvs\[0\]\.id: ids must be unique$/],
    ['more than RANK_MAX_CVS', { jd, cvs: [1, 2, 3, 4].map((n) => ({ id: String(n), cv })) }, /cvs/],
    ['no CVs', { jd, cvs: [] }, /cvs/],
    ['a CV without an id', { jd, cvs: [{ cv }] }, /id/],
    ['an unknown field', { jd, cvs: [{ id: 'a', cv }], top: 3 }, /top|additional/],
    ['a blank job', { jd: '  ', cvs: [{ id: 'a', cv }] }, /jd must not be empty/]
  ]
  for (const [name, body, message] of cases) {
    const response = await app.inject(rank(body))
    t.equal(response.statusCode, 400, name)
    t.match(response.json(), { statusCode: 400, error: 'Bad Request', message }, name)
  }
})

t.test('all vectors of a batch in one lookup: one embeddings call per EMBEDDING_BATCH_SIZE, none when warm', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url, EMBEDDING_BATCH_SIZE: '2048' })
  await app.ready()
  t.ok(await redisReady(app), 'Redis connected')
  const body = { jd: sampleText('backend-engineer-jd'), cvs: CV_SAMPLES.map((name) => ({ id: name, cv: sampleText(name) })) }

  const before = await embedCalls(app)
  const cold = await app.inject(rank(body))
  t.equal(cold.statusCode, 200)
  t.equal(await embedCalls(app) - before, 1, 'one embeddings call for the whole batch')
  t.equal(cold.headers['x-jobfit-source'], 'provider', 'computed now')
  t.same(cold.json().meta, { source: 'provider', degraded: false })

  const warmStart = await embedCalls(app)
  const warm = await app.inject(rank(body))
  t.same(withoutMeta(warm.json()), withoutMeta(cold.json()), 'same answer warm')
  t.same(warm.json().meta, { source: 'cache', degraded: false }, 'and from the cache')
  t.equal(await embedCalls(app) - warmStart, 0, 'no embeddings call when warm')

  const second = await buildTestApp(t, { REDIS_URL: redis.url, EMBEDDING_BATCH_SIZE: '2048' })
  await second.app.ready()
  t.ok(await redisReady(second.app))
  const fromL2 = await second.app.inject(rank(body))
  t.same(withoutMeta(fromL2.json()), withoutMeta(cold.json()), 'a second instance ranks the same')
  t.equal(await embedCalls(second.app), 0, 'and gets every vector from Redis')
})

t.test('a small EMBEDDING_BATCH_SIZE splits the batch\'s vectors into that many calls, not one per CV', async (t) => {
  const { app } = await buildTestApp(t, { EMBEDDING_BATCH_SIZE: '8' })
  const body = { jd: sampleText('backend-engineer-jd'), cvs: CV_SAMPLES.map((name) => ({ id: name, cv: sampleText(name) })) }
  const response = await app.inject(rank(body))
  t.equal(response.statusCode, 200)
  const calls = await embedCalls(app)
  t.ok(calls >= 2, `the vectors needed more than one batch of 8 (${calls} calls)`)
  const texts = await metricValue(app, 'ai_embedding_batch_size_sum')
  t.equal(calls, Math.ceil(texts / 8), `${texts} texts in ceil(texts / 8) calls`)
})

t.test('a long ranking lets other requests through between CVs', async (t) => {
  const { app } = await buildTestApp(t)
  const cvs = Array.from({ length: 60 }, (_, index) => ({ id: `cv-${index}`, cv: `${sampleText(CV_SAMPLES[index % CV_SAMPLES.length] as SampleName)}\nReference ${index}` }))
  const events: string[] = []
  const ranking = app.inject(rank({ jd: sampleText('backend-engineer-jd'), cvs })).then((response) => {
    events.push('rank')
    return response
  })
  await new Promise((resolve) => setImmediate(resolve))
  const health = app.inject('/health').then((response) => {
    events.push('health')
    return response
  })
  const [ranked, healthy] = await Promise.all([ranking, health])
  t.equal(ranked.statusCode, 200)
  t.equal(ranked.json().ranked.length, 60)
  t.equal(healthy.statusCode, 200)
  t.same(events, ['health', 'rank'], '/health answered while the ranking was still running')
})
