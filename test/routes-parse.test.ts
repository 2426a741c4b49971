import t from 'tap'
import { Compile } from 'typebox/compile'
import { ParsedCv, ParsedJob } from '../src/ai/schemas.ts'
import { sampleText } from './fixtures/texts/index.ts'
import { buildTestApp, metricValue } from './helpers/app.ts'

const isParsedJob = Compile(ParsedJob)
const isParsedCv = Compile(ParsedCv)

t.test('POST /api/parse: a data-science job description, field by field', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'POST', url: '/api/parse', payload: { text: sampleText('data-science-jd') } })
  t.equal(response.statusCode, 200)
  const { meta, ...job } = response.json()
  t.ok(isParsedJob.Check(job), 'matches the documented schema')
  t.same(meta, { source: 'provider', degraded: false }, 'its provenance, beside the parsed fields')
  t.equal(response.headers['x-jobfit-source'], 'provider')
  t.match(job, {
    title: /Data Scientist/,
    company: 'Lumora Energy',
    location: /Amsterdam/,
    remote_policy: 'hybrid',
    employment_type: 'full_time',
    seniority: 'senior',
    min_years_experience: 3,
    max_years_experience: 5,
    salary: { min: 70000, max: 90000, currency: 'EUR', period: 'year' },
    role_category: 'data_science',
    education: { minimum_level: 'bachelor' }
  })
  for (const skill of ['python', 'sql', 'machine learning', 'scikit-learn']) t.ok(job.required_skills.includes(skill), `requires ${skill}`)
  for (const skill of ['pytorch', 'dbt']) t.ok(job.preferred_skills.includes(skill), `prefers ${skill}`)
  t.ok(job.languages.includes('english'))
  t.ok(job.industries.includes('energy'))
  t.ok(job.responsibilities.length >= 3)
})

t.test('POST /api/parse: a nurse job is a clinical role in healthcare', async (t) => {
  const { app } = await buildTestApp(t)
  const job = (await app.inject({ method: 'POST', url: '/api/parse', payload: { text: sampleText('icu-nurse-jd') } })).json()
  t.equal(job.role_category, 'healthcare_clinical')
  t.ok(job.industries.includes('healthcare'))
})

t.test('POST /api/parse-cv (JSON): a backend engineer CV, field by field', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: sampleText('backend-engineer-cv') } })
  t.equal(response.statusCode, 200)
  const { meta, cv_id: cvId, ...cv } = response.json()
  t.ok(isParsedCv.Check(cv), 'matches the documented schema')
  t.same(meta, { source: 'provider', degraded: false })
  t.match(cvId, /^[0-9a-f]{64}$/, 'with the cv_id that names its cached data')
  t.match(cv, {
    name: 'Daniel Okafor',
    contact: { email: 'daniel.okafor@example.com', location: 'Austin, TX' },
    headline: 'Senior Backend Engineer',
    experience: [{ title: 'Senior Backend Engineer', company: 'Northwind Logistics', start: '2020-01', current: true, end: null }]
  })
  t.ok(cv.skills.length >= 30, `${cv.skills.length} skills`)
  for (const skill of ['node.js', 'typescript', 'postgresql', 'kubernetes', 'apache kafka']) t.ok(cv.skills.includes(skill), `has ${skill}`)
  t.ok(cv.total_years_experience >= 8, `${cv.total_years_experience} years`)
  t.ok(cv.education.some((entry: { level: string }) => entry.level === 'bachelor'))
})

t.test('POST /api/parse-cv (JSON): a nurse CV', async (t) => {
  const { app } = await buildTestApp(t)
  const cv = (await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: sampleText('nurse-cv') } })).json()
  t.match(cv, { contact: { email: 'maria.santos@example.org' }, experience: [{ title: 'ICU Staff Nurse', start: '2019-03', current: true }] })
  t.match(cv.name, /Maria L\. Santos/i)
  for (const skill of ['patient assessment', 'iv therapy', 'basic life support']) t.ok(cv.skills.includes(skill), `has ${skill}`)
  t.ok(cv.certifications.some((line: string) => /ACLS/.test(line)))
})

t.test('parse results are cached in the jd and cv namespaces: the second call costs no provider call', async (t) => {
  const { app } = await buildTestApp(t)
  const payload = { text: sampleText('accountant-jd') }
  const first = await app.inject({ method: 'POST', url: '/api/parse', payload })
  const second = await app.inject({ method: 'POST', url: '/api/parse', payload })
  t.same({ ...second.json(), meta: undefined }, { ...first.json(), meta: undefined })
  t.same([first.json().meta.source, second.json().meta.source], ['provider', 'cache'])
  t.equal(await metricValue(app, 'ai_requests_total', { provider: 'local', operation: 'parse_job' }), 1)
  t.equal(await metricValue(app, 'cache_hits_total', { namespace: 'jd', tier: 'l1' }), 1)
})

t.test('no CV text reaches the logs, even at trace level', async (t) => {
  const { app, logs } = await buildTestApp(t, { LOG_LEVEL: 'trace' })
  await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: sampleText('nurse-cv') } })
  const logged = logs.text()
  for (const secret of ['maria.santos@example.org', '(555) 201-7788', 'Banner Desert']) t.notOk(logged.includes(secret), `${secret} not logged`)
})
