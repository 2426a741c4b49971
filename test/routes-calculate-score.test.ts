import t from 'tap'
import { sampleText } from './fixtures/texts/index.ts'
import type { SampleName } from './fixtures/texts/index.ts'
import { buildTestApp, metricValue, redisReady } from './helpers/app.ts'
import { startRedisServer } from './helpers/redis-server.ts'

const score = (cv: unknown, jd: unknown) => ({ method: 'POST' as const, url: '/api/calculate-score', payload: { cv, jd } as Record<string, unknown> })

/** The score itself: provenance differs between a first (computed) and a later (cached) answer. */
function withoutMeta (answer: Record<string, unknown>): Record<string, unknown> {
  const { meta: _meta, ...score } = answer
  return score
}

t.test('a fitting CV scores clearly above unrelated ones for the same job, with a full breakdown', async (t) => {
  const { app } = await buildTestApp(t)
  const overall = async (cv: SampleName, jd: SampleName) => {
    const response = await app.inject(score(sampleText(cv), sampleText(jd)))
    t.equal(response.statusCode, 200, `${cv} vs ${jd}`)
    return response.json()
  }
  const backend = await overall('backend-engineer-cv', 'backend-engineer-jd')
  const nurse = await overall('nurse-cv', 'backend-engineer-jd')
  const marketing = await overall('marketing-manager-cv', 'backend-engineer-jd')
  t.ok(backend.overall >= 70, `backend engineer for the backend job: ${backend.overall}`)
  t.ok(backend.overall - nurse.overall >= 30, `nurse: ${nurse.overall}`)
  t.ok(backend.overall - marketing.overall >= 30, `marketing manager: ${marketing.overall}`)

  const nurseForNurseJob = await overall('nurse-cv', 'icu-nurse-jd')
  t.ok(nurseForNurseJob.overall - (await overall('backend-engineer-cv', 'icu-nurse-jd')).overall >= 30, 'and the other way round for the ICU job')
  const scientist = await overall('data-scientist-cv', 'data-science-jd')
  t.ok(scientist.overall > (await overall('nurse-cv', 'data-science-jd')).overall + 30, `data scientist for the data-science job: ${scientist.overall}`)

  t.match(backend, {
    weights: { skills: Number, experience: Number, role: Number, industry: Number, education: Number },
    breakdown: {
      skills: { score: Number, required: Array, preferred: Array, missing_required: Array },
      experience: { required_min_years: 5, candidate_years: Number },
      role: { job: 'software_engineering', candidate: 'software_engineering' },
      education: { candidate_level: 'bachelor' }
    }
  })
  const weights = Object.values(backend.weights as Record<string, number>)
  t.ok(Math.abs(weights.reduce((sum, weight) => sum + weight, 0) - 1) < 1e-9, 'weights sum to 1')
  const typescript = backend.breakdown.skills.required.find((match: { skill: string }) => match.skill === 'typescript')
  t.match(typescript, { best_match: 'typescript', similarity: 1, matched: true })
  t.ok(backend.explanations.length >= 3 && backend.explanations.every((line: unknown) => typeof line === 'string'))
})

t.test('a CV whose jobs carry no dates: experience unknown (null, with the reason), left out of the score, never scored as 0 years', async (t) => {
  const { app } = await buildTestApp(t)
  const jd = sampleText('backend-engineer-jd')
  const undated = 'Daniel Okafor\nBackend Engineer\n\nExperience\nBackend Engineer, Initech\nBuilt payment APIs in TypeScript and Node.js on PostgreSQL.\n\nSkills\nTypeScript, Node.js, PostgreSQL, Docker, Kubernetes'
  const parsed = (await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: undated } })).json()
  t.equal(parsed.total_years_experience, null)
  t.equal(parsed.experience_unknown_reason, 'no_dated_experience')
  const response = await app.inject(score(undated, jd))
  t.equal(response.statusCode, 200)
  const body = response.json()
  t.match(body.breakdown.experience, { required_min_years: 5, candidate_years: null, candidate_years_unknown_reason: 'no_dated_experience' })
  t.equal(body.weights.experience, 0, 'no weight on what is unknown')
  t.ok(Math.abs(Object.values(body.weights as Record<string, number>).reduce((sum, weight) => sum + weight, 0) - 1) < 1e-3, 'the others share it')
  t.ok(body.explanations.some((line: string) => /unknown/i.test(line)), 'and the explanations say so')
  // The same CV with a dated job of 0 months' standing would lose; unknown must not rank below known-short experience on this criterion.
  const dated = undated.replace('Backend Engineer, Initech', 'Backend Engineer, Initech | Jan 2024 – Present')
  const withYears = (await app.inject(score(dated, jd))).json()
  t.ok(withYears.breakdown.experience.candidate_years > 0)
  t.ok(withYears.weights.experience > 0, 'known years are scored')
})

t.test('deterministic, and a parsed object scores the same as its text', async (t) => {
  const { app } = await buildTestApp(t)
  const cvText = sampleText('data-scientist-cv')
  const jdText = sampleText('data-science-jd')
  const fromText = (await app.inject(score(cvText, jdText))).json()
  const again = (await buildTestApp(t)).app
  t.same(withoutMeta((await again.inject(score(cvText, jdText))).json()), withoutMeta(fromText), 'a fresh app gives the same answer')
  const parsedCv = (await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: cvText } })).json()
  const parsedJd = (await app.inject({ method: 'POST', url: '/api/parse', payload: { text: jdText } })).json()
  t.ok(parsedCv.meta !== undefined && parsedJd.meta !== undefined, 'sent back as they came, provenance included')
  t.same(withoutMeta((await app.inject(score(parsedCv, parsedJd))).json()), withoutMeta(fromText), 'objects from /api/parse-cv and /api/parse')
  t.same(withoutMeta((await app.inject(score(cvText, parsedJd))).json()), withoutMeta(fromText), 'or a mix')
})

t.test('a second identical scoring makes zero provider calls and zero Redis round trips', async (t) => {
  const redis = await startRedisServer(t)
  const { app } = await buildTestApp(t, { REDIS_URL: redis.url })
  await app.ready()
  t.ok(await redisReady(app))
  const request = score(sampleText('backend-engineer-cv'), sampleText('backend-engineer-jd'))
  const first = await app.inject(request)
  t.equal(first.statusCode, 200)
  await app.cache.flush()
  const embedCalls = await metricValue(app, 'ai_requests_total', { operation: 'embed' })
  t.equal(embedCalls, 1, 'the cold scoring embeds everything in one provider call')
  const providerCalls = await metricValue(app, 'ai_requests_total')
  t.ok(await metricValue(app, 'ai_embedding_batch_size_sum') >= 40, 'of many texts')

  await redis.command('CONFIG', 'RESETSTAT')
  const second = await app.inject(request)
  t.same(withoutMeta(second.json()), withoutMeta(first.json()))
  t.same([first.json().meta.source, second.json().meta.source], ['provider', 'cache'])
  t.equal(await metricValue(app, 'ai_requests_total'), providerCalls, 'no provider call')
  const stats = await redis.command('INFO', 'commandstats')
  t.notMatch(stats, /cmdstat_(get|mget|set|exists|sadd|evalsha):/, 'no cache read or write in Redis')
  t.match(stats, /cmdstat_eval:calls=2,/, 'the only round trips are the shared rate-limit counter\'s, one per request (the scoring and the /metrics read)')

  const fresh = (await buildTestApp(t, { REDIS_URL: redis.url })).app
  await fresh.ready()
  t.ok(await redisReady(fresh))
  await redis.command('CONFIG', 'RESETSTAT')
  t.same(withoutMeta((await fresh.inject(request)).json()), withoutMeta(first.json()), 'another instance (empty L1) gets the same answer from Redis')
  t.equal(await metricValue(fresh, 'ai_requests_total'), 0, 'without asking the provider')
  t.match(await redis.command('INFO', 'commandstats'), /cmdstat_mget:calls=1,/, 'the vectors came in one MGET')
})
