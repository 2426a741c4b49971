import t from 'tap'
import type { ParsedCv, ParsedJob } from '../src/ai/schemas.ts'
import { buildTestApp, metricValue } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { HttpReply, startFakeOpenAi } from './helpers/fake-openai.ts'
import type { ChatRequest } from './helpers/fake-openai.ts'

const JOB: ParsedJob = {
  title: 'Senior Backend Engineer',
  company: 'Acme Robotics',
  location: 'Berlin, Germany',
  remote_policy: 'hybrid',
  employment_type: 'full_time',
  seniority: 'senior',
  min_years_experience: 5,
  max_years_experience: null,
  required_skills: ['Node.js', 'TypeScript', 'Postgres', 'k8s'],
  preferred_skills: ['Kafka', 'typescript'],
  responsibilities: ['Design and run the order APIs'],
  education: { minimum_level: 'bachelor', fields: ['computer science'] },
  languages: ['english'],
  salary: { min: 80000, max: 100000, currency: 'EUR', period: 'year' },
  industries: ['software'],
  role_category: 'software_engineering'
}

const CV: ParsedCv = {
  name: 'Jane Candidate',
  contact: { email: 'jane@example.com', phone: null, location: 'Berlin', links: [] },
  headline: 'Backend engineer',
  summary: null,
  skills: ['node', 'typescript', 'postgresql', 'docker'],
  experience: [{ title: 'Backend Engineer', company: 'Initech', start: '2017-01', end: null, current: true, description: null }],
  total_years_experience: 8,
  education: [{ degree: 'BSc Computer Science', level: 'bachelor', field: 'computer science', institution: null, start: null, end: '2016' }],
  certifications: [],
  languages: ['english']
}

/** Answers each structured-output request by its schema name, as a well-behaved model would. */
function modelAnswer (request: ChatRequest): unknown {
  switch (request.response_format.json_schema.name) {
    case 'parsed_job': return JOB
    case 'parsed_cv': return CV
    case 'industries': return { industries: ['software', 'ecommerce'] }
    default: return { role_category: 'software_engineering' }
  }
}

async function openAiApp (t: TapTest, env: Record<string, string> = {}) {
  const fake = await startFakeOpenAi(t)
  fake.onChat = modelAnswer
  const built = await buildTestApp(t, {
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_MAX_RETRIES: '0',
    OPENAI_TIMEOUT_MS: '500',
    // Far above any healthy call on a busy machine: these tests are not about the hard timeout.
    AI_CHAT_HARD_TIMEOUT_MS: '30000',
    AI_EMBEDDING_HARD_TIMEOUT_MS: '30000',
    ...env
  })
  return { fake, ...built }
}

const parse = (text: string) => ({ method: 'POST' as const, url: '/api/parse', payload: { text } })

t.test('parse through the openai client: strict schema sent, skills canonicalized, call counted with its tokens', async (t) => {
  const { app, fake } = await openAiApp(t)
  const response = await app.inject(parse('Senior Backend Engineer at Acme Robotics, Berlin. Node.js, TypeScript, Postgres, k8s.'))
  t.equal(response.statusCode, 200)
  const job = response.json()
  t.same(job.required_skills, ['node.js', 'typescript', 'postgresql', 'kubernetes'])
  t.same(job.preferred_skills, ['apache kafka'], 'aliases canonicalized; a preferred skill that is also required is dropped')
  t.match(job, { title: 'Senior Backend Engineer', salary: { min: 80000, currency: 'EUR', period: 'year' } })
  const [request] = fake.chatRequests
  t.match(request?.response_format, { type: 'json_schema', json_schema: { name: 'parsed_job', strict: true } })
  t.equal(request?.model, 'gpt-4o-mini')
  t.equal(await metricValue(app, 'ai_requests_total', { provider: 'openai', operation: 'parse_job', outcome: 'ok' }), 1)
  t.ok(await metricValue(app, 'ai_tokens_total', { provider: 'openai', operation: 'parse_job', type: 'input' }) > 0)
  t.ok(await metricValue(app, 'ai_tokens_total', { provider: 'openai', operation: 'parse_job', type: 'output' }) > 0)
})

t.test('without a fallback (AI_FALLBACK=none), upstream failures map to 502/503/504 with a message a client can act on, never a 500', async (t) => {
  const { app, fake } = await openAiApp(t, { AI_FALLBACK: 'none', AI_BREAKER_FAILURE_THRESHOLD: '100' })
  const cases = [
    { reply: new HttpReply(429, undefined, { 'retry-after': '7' }), status: 503, message: /rate limit/i, retryAfter: '7' },
    { reply: new HttpReply(500), status: 503, message: /unavailable/i },
    { reply: 'malformed', status: 502, message: /answer/i },
    { reply: new HttpReply(401), status: 502, message: /OPENAI_API_KEY/ },
    // Last: a timeout opens the provider's breaker at once, which would refuse the cases after it.
    { reply: 'hang', status: 504, message: /time/i }
  ]
  for (const [index, expected] of cases.entries()) {
    fake.onChat = () => expected.reply
    const response = await app.inject(parse(`a job description, case ${index}`))
    t.equal(response.statusCode, expected.status, `${expected.status} for ${String(expected.reply instanceof HttpReply ? expected.reply.status : expected.reply)}`)
    const body = response.json()
    t.same(Object.keys(body).sort(), ['error', 'message', 'statusCode'])
    t.match(body.message, expected.message)
    t.notMatch(body.message, /fake error|\bat \S+:\d+/, 'no upstream body or stack trace')
    if (expected.retryAfter !== undefined) t.equal(response.headers['retry-after'], expected.retryAfter)
  }
  t.equal(await metricValue(app, 'ai_requests_total', { outcome: 'rate_limited' }), 1)
  t.equal(await metricValue(app, 'ai_requests_total', { outcome: 'timeout' }), 1)
  t.equal(await metricValue(app, 'ai_requests_total', { outcome: 'bad_response' }), 2, 'a malformed answer is asked for once more')
})

t.test('tokens billed for an unusable answer still count', async (t) => {
  const { app, fake } = await openAiApp(t, { AI_FALLBACK: 'none' })
  fake.onChat = () => 'malformed'
  t.equal((await app.inject(parse('a job description the model garbles'))).statusCode, 502)
  t.equal(fake.chatRequests.length, 2, 'asked twice')
  const output = await metricValue(app, 'ai_tokens_total', { operation: 'parse_job', type: 'output' })
  t.ok(output > 0, `${output} output tokens counted for the two unusable answers`)
  t.equal(await metricValue(app, 'ai_requests_total', { operation: 'parse_job', outcome: 'bad_response' }), 2)
})

t.test('a failed upstream call is not cached: the next request asks again and succeeds', async (t) => {
  const { app, fake } = await openAiApp(t, { AI_FALLBACK: 'none' })
  fake.onChat = () => new HttpReply(503)
  t.equal((await app.inject(parse('flaky upstream job text'))).statusCode, 503)
  fake.onChat = modelAnswer
  t.equal((await app.inject(parse('flaky upstream job text'))).statusCode, 200)
})

t.test('calculate-score: one embeddings call for all the skills, and nothing at all the second time', async (t) => {
  const { app, fake, logs } = await openAiApp(t)
  const body = { cv: 'Jane Candidate, backend engineer, jane@example.com, Berlin. Node, TypeScript, PostgreSQL, Docker.', jd: 'Senior Backend Engineer, Node.js, TypeScript, Postgres, k8s, Kafka' }
  const first = await app.inject({ method: 'POST', url: '/api/calculate-score', payload: body })
  t.equal(first.statusCode, 200)
  t.equal(fake.embeddingsRequests.length, 1, 'one embeddings request')
  const [embeddings] = fake.embeddingsRequests
  t.same([...(embeddings?.input ?? [])].sort(), ['apache kafka', 'docker', 'kubernetes', 'node.js', 'postgresql', 'typescript'],
    'every distinct skill of both sides, once')
  t.equal(embeddings?.dimensions, 768)
  t.equal(embeddings?.model, 'text-embedding-3-small')
  t.same(fake.chatRequests.map((request) => request.response_format.json_schema.name).sort(), ['industries', 'parsed_cv', 'parsed_job', 'role_category'])

  const requestsBefore = fake.requests.length
  const second = await app.inject({ method: 'POST', url: '/api/calculate-score', payload: body })
  t.same({ ...second.json(), meta: undefined }, { ...first.json(), meta: undefined }, 'same score')
  t.same([first.json().meta, second.json().meta], [{ source: 'provider', degraded: false }, { source: 'cache', degraded: false }])
  t.equal(fake.requests.length, requestsBefore, 'the second scoring makes no provider call')
  t.notOk(logs.text().includes('jane@example.com'), 'no CV text in the logs')
})
