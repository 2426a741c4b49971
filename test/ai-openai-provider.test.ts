import net from 'node:net'
import { APIError } from 'openai'
import t from 'tap'
import { Type } from 'typebox'
import { AiProviderError } from '../src/ai/errors.ts'
import { mapOpenAiError } from '../src/ai/openai/error-mapping.ts'
import { OpenAiProvider } from '../src/ai/openai/openai-provider.ts'
import type { OpenAiProviderConfig } from '../src/ai/openai/openai-provider.ts'
import { CLASSIFY_ROLE_PROMPT, PARSE_CV_PROMPT, PARSE_JOB_PROMPT } from '../src/ai/openai/prompts.ts'
import { structuredOutput, toStrictSchema } from '../src/ai/openai/structured-output.ts'
import type { JsonSchema } from '../src/ai/openai/structured-output.ts'
import { ParsedCv, ParsedJob } from '../src/ai/schemas.ts'
import type { AiCallRecord } from '../src/ai/telemetry.ts'
import { chatCompletion, fakeVector, HttpReply, MALFORMED_CONTENT, sampleInstance, startFakeOpenAi } from './helpers/fake-openai.ts'
import type { EmbeddingsAnswer, FakeOpenAi } from './helpers/fake-openai.ts'

type TapTest = Parameters<Parameters<typeof t.test>[0]>[0]

const JD = 'Senior backend engineer at Acme. 5+ years with K8s and TypeScript required.'

interface Setup {
  fake: FakeOpenAi
  provider: OpenAiProvider
  records: AiCallRecord[]
}

/** The real SDK against the fake; no SDK retries unless a test asks for them. */
async function setup (t: TapTest, overrides: Partial<OpenAiProviderConfig> = {}): Promise<Setup> {
  const fake = await startFakeOpenAi(t)
  const records: AiCallRecord[] = []
  const provider = new OpenAiProvider({
    apiKey: 'sk-test',
    baseUrl: fake.baseUrl,
    chatModel: 'gpt-test',
    timeoutMs: 2000,
    maxRetries: 0,
    embeddingModel: 'text-embedding-3-small',
    embeddingDimensions: 768,
    embeddingBatchSize: 256,
    ...overrides
  }, { onCall: (record) => records.push(record) })
  return { fake, provider, records }
}

/** A valid parsed job (the emptiest one) with `overrides`, which may break the schema. */
function job (overrides: Record<string, unknown> = {}): ParsedJob {
  return { ...(sampleInstance(toStrictSchema(ParsedJob)) as ParsedJob), ...overrides } as ParsedJob
}

async function rejection (t: TapTest, promise: Promise<unknown>): Promise<AiProviderError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason)
  t.type(error, AiProviderError)
  return error as AiProviderError
}

/** Every schema node of a strict schema, depth first. */
function* nodes (schema: JsonSchema): Generator<JsonSchema> {
  yield schema
  const children = [
    ...Object.values((schema.properties ?? {}) as Record<string, JsonSchema>),
    ...(schema.items === undefined ? [] : [schema.items as JsonSchema]),
    ...((schema.anyOf ?? []) as JsonSchema[])
  ]
  for (const child of children) yield * nodes(child)
}

const STRICT_KEYWORDS = new Set(['type', 'description', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'anyOf'])

t.test('structured output', async (t) => {
  t.test('the strict schema: every object closed with all properties required, no validation keywords', async (t) => {
    for (const schema of [ParsedJob, ParsedCv]) {
      const strict = toStrictSchema(schema)
      for (const node of nodes(strict)) {
        t.same(Object.keys(node).filter((keyword) => !STRICT_KEYWORDS.has(keyword)), [], 'only keywords strict mode accepts')
        if (node.type === 'object') {
          t.same(node.required, Object.keys(node.properties as object))
          t.equal(node.additionalProperties, false)
        }
      }
    }
    const job = toStrictSchema(ParsedJob) as { properties: Record<string, JsonSchema> }
    t.same(job.properties.seniority, {
      anyOf: [{ type: 'string', enum: ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'] }, { type: 'null' }]
    }, 'a union of string literals is one enum')
    t.match(job.properties.role_category, { type: 'string', enum: Array, description: 'Role category from the fixed vocabulary' })
    t.same(job.properties.required_skills, {
      type: 'array',
      description: 'Canonical skill names (lower case, e.g. "javascript", "kubernetes")',
      items: { type: 'string' }
    })
  })

  t.test('a union that is not only literals keeps its branches', async (t) => {
    t.same(toStrictSchema(Type.Union([Type.Literal('a'), Type.Number({ minimum: 1 })], { description: 'd' })), {
      anyOf: [{ type: 'string', enum: ['a'] }, { type: 'number' }],
      description: 'd'
    })
  })

  t.test('the answer is validated against the full schema, validation keywords included', async (t) => {
    const output = structuredOutput('parsed_job', ParsedJob)
    t.same(output.parse(JSON.stringify(job())), { ok: true, value: job() })
    t.same(output.parse(MALFORMED_CONTENT), { ok: false, problem: 'the answer is not JSON' })
    const offSchema = output.parse(JSON.stringify(job({ salary: { min: 1, max: 2, currency: 'eur', period: 'year' } })))
    t.equal(offSchema.ok, false)
    t.match(offSchema, { problem: /^the answer does not match the schema: \/salary/ })
    t.match(output.parse('{}'), { ok: false, problem: /^the answer does not match the schema: \/ / })
  })

  t.test("TypeBox's Enum gets the type strict mode wants", async (t) => {
    t.same(toStrictSchema(Type.Enum(['a', 'b'])), { type: 'string', enum: ['a', 'b'] })
    t.same(toStrictSchema(Type.Enum([1, 2])), { enum: [1, 2] })
  })

  t.test('only an object can be the root', async (t) => {
    t.throws(() => structuredOutput('list', Type.Array(Type.String())), TypeError)
  })
})

t.test('identity', async (t) => {
  const { provider } = await setup(t, { embeddingBatchSize: 64 })
  t.equal(provider.id, 'openai:gpt-test')
  t.equal(provider.embeddingModel, 'text-embedding-3-small')
  t.equal(provider.embeddingDimensions, 768)
  t.equal(provider.maxEmbeddingBatch, 64)
  const official = new OpenAiProvider({ apiKey: 'k', baseUrl: undefined, chatModel: 'm', timeoutMs: 1, maxRetries: 0, embeddingModel: 'e', embeddingDimensions: 8, embeddingBatchSize: 1 })
  t.equal(official.id, 'openai:m', 'without a base URL it is built for the official endpoint')
})

t.test('parseJobDescription sends the strict schema and canonicalizes skills', async (t) => {
  const { fake, provider, records } = await setup(t)
  fake.onChat = () => job({ title: 'Senior backend engineer', required_skills: ['K8s', 'TypeScript', 'kubernetes'], preferred_skills: ['typescript', 'Go', ' '] })
  const parsed = await provider.parseJobDescription(JD)

  t.equal(parsed.title, 'Senior backend engineer')
  t.same(parsed.required_skills, ['kubernetes', 'typescript'], 'aliases and case folded, duplicates dropped')
  t.same(parsed.preferred_skills, ['go'], 'a required skill is not also preferred; blanks dropped')

  const [request] = fake.chatRequests
  t.equal(fake.chatRequests.length, 1)
  t.equal(request?.model, 'gpt-test')
  t.same(request?.messages, [{ role: 'system', content: PARSE_JOB_PROMPT }, { role: 'user', content: JD }])
  t.same(request?.response_format, { type: 'json_schema', json_schema: { name: 'parsed_job', strict: true, schema: toStrictSchema(ParsedJob) } })
  t.equal(fake.requests[0]?.headers.authorization, 'Bearer sk-test')

  const content = JSON.stringify(fake.onChat(request!))
  t.same(records, [{
    provider: 'openai',
    operation: 'parse_job',
    model: 'gpt-test',
    outcome: 'ok',
    durationSeconds: records[0]?.durationSeconds,
    inputTokens: PARSE_JOB_PROMPT.length + JD.length,
    outputTokens: content.length,
    batchSize: undefined
  }])
})

t.test('parseCv sends its own schema and canonicalizes skills', async (t) => {
  const { fake, provider, records } = await setup(t)
  const cv = sampleInstance(toStrictSchema(ParsedCv)) as ParsedCv
  fake.onChat = () => ({ ...cv, name: 'Ada', skills: ['JS', 'javascript', 'Rust'], total_years_experience: 4.5 })
  const parsed = await provider.parseCv('Ada. 4.5 years of JS and Rust.')
  t.equal(parsed.name, 'Ada')
  t.equal(parsed.total_years_experience, 4.5)
  t.same(parsed.skills, ['javascript', 'rust'])
  t.same(fake.chatRequests[0]?.response_format.json_schema, { name: 'parsed_cv', strict: true, schema: toStrictSchema(ParsedCv) })
  t.equal(fake.chatRequests[0]?.messages[0]?.content, PARSE_CV_PROMPT)
  t.match(records, [{ operation: 'parse_cv', outcome: 'ok' }])
})

t.test('extractIndustries answers an object and returns its list, deduplicated', async (t) => {
  const { fake, provider } = await setup(t)
  t.same(await provider.extractIndustries('Nothing.'), [], "the fake's default answer: the emptiest the schema allows")
  const schema = fake.chatRequests[0]?.response_format.json_schema
  t.equal(schema?.name, 'industries')
  t.match(schema?.schema, { type: 'object', required: ['industries'], additionalProperties: false, properties: { industries: { type: 'array', items: { type: 'string', enum: Array } } } })

  fake.onChat = () => ({ industries: ['fintech', 'software', 'fintech'] })
  t.same(await provider.extractIndustries('A payments company.'), ['fintech', 'software'])
})

t.test('classifyRoleCategory sends the title with the text', async (t) => {
  const { fake, provider, records } = await setup(t)
  fake.onChat = () => ({ role_category: 'devops_sre' })
  t.equal(await provider.classifyRoleCategory('Platform engineer', 'Run our Kubernetes clusters.'), 'devops_sre')
  t.same(fake.chatRequests[0]?.messages, [
    { role: 'system', content: CLASSIFY_ROLE_PROMPT },
    { role: 'user', content: 'Job title: Platform engineer\n\nRun our Kubernetes clusters.' }
  ])
  t.equal(fake.chatRequests[0]?.response_format.json_schema.name, 'role_category')
  t.match(records, [{ operation: 'classify_role', outcome: 'ok' }])
})

t.test('an unusable answer is asked for once more', async (t) => {
  t.test('malformed JSON, then a valid answer: success', async (t) => {
    const { fake, provider, records } = await setup(t)
    const answers: unknown[] = ['malformed', { role_category: 'design' }]
    fake.onChat = () => answers.shift()
    t.equal(await provider.classifyRoleCategory('Designer', 'Figma.'), 'design')
    t.equal(fake.chatRequests.length, 2)
    t.same(records.map((record) => record.outcome), ['bad_response', 'ok'], 'each attempt is one traced call')
  })

  t.test('off-schema twice: 502, the cause names the problem, the message leaks nothing', async (t) => {
    const { fake, provider, records } = await setup(t)
    fake.onChat = () => job({ salary: { min: null, max: null, currency: 'euros', period: null } })
    const error = await rejection(t, provider.parseJobDescription(JD))
    t.equal(error.reason, 'bad_response')
    t.equal(error.statusCode, 502)
    t.equal(error.expose, true)
    t.match((error.cause as Error).message, /\/salary\/currency/)
    t.notMatch(error.message, /euros|Acme/)
    t.equal(fake.chatRequests.length, 2, 'one retry, no more')
    t.same(records.map((record) => record.outcome), ['bad_response', 'bad_response'])
  })

  t.test('malformed JSON twice: 502', async (t) => {
    const { fake, provider } = await setup(t)
    fake.onChat = () => 'malformed'
    t.equal((await rejection(t, provider.parseCv('cv'))).statusCode, 502)
    t.equal(fake.chatRequests.length, 2)
  })

  t.test('a refusal (no content) twice: 502', async (t) => {
    const { fake, provider, records } = await setup(t)
    fake.onChat = () => new HttpReply(200, chatCompletion('gpt-test', null))
    const error = await rejection(t, provider.extractIndustries('text'))
    t.equal(error.reason, 'bad_response')
    t.match((error.cause as Error).message, /no content/)
    t.equal(fake.chatRequests.length, 2)
    t.equal(records[0]?.inputTokens, undefined)
  })

  t.test('an answer without usage is fine: tokens unknown', async (t) => {
    const { fake, provider, records } = await setup(t)
    fake.onChat = () => new HttpReply(200, chatCompletion('gpt-test', '{"role_category":"sales"}'))
    t.equal(await provider.classifyRoleCategory('Account executive', 'Sell.'), 'sales')
    t.match(records, [{ outcome: 'ok', inputTokens: undefined, outputTokens: undefined }])
  })

  t.test('HTTP errors are not retried by the provider itself', async (t) => {
    const { fake, provider } = await setup(t)
    fake.onChat = () => new HttpReply(400)
    t.equal((await rejection(t, provider.parseCv('cv'))).reason, 'rejected')
    t.equal(fake.chatRequests.length, 1)
  })
})

t.test('rate limited: 503 with the upstream delay, or 30 s', async (t) => {
  const cases: [string, Record<string, string>, number][] = [
    ['retry-after seconds', { 'retry-after': '7' }, 7],
    ['retry-after-ms wins, rounded up', { 'retry-after': '7', 'retry-after-ms': '1500' }, 2],
    ['retry-after as an HTTP date', { 'retry-after': new Date(Date.now() + 20_000).toUTCString() }, 20],
    ['a date in the past: the default', { 'retry-after': new Date(Date.now() - 500).toUTCString() }, 30],
    ['no header', {}, 30],
    ['an unreadable header', { 'retry-after': 'soon' }, 30],
    ['zero: at least one second', { 'retry-after-ms': '0' }, 1]
  ]
  const { fake, provider, records } = await setup(t)
  for (const [name, headers, expected] of cases) {
    fake.onChat = () => new HttpReply(429, undefined, headers)
    const error = await rejection(t, provider.classifyRoleCategory('x', 'y'))
    t.equal(error.reason, 'rate_limited', name)
    t.equal(error.statusCode, 503, name)
    t.ok(Math.abs(error.retryAfterSeconds! - expected) <= 1, `${name}: ${error.retryAfterSeconds} ≈ ${expected}`)
    t.match(error.message, `retry in ${error.retryAfterSeconds} s`)
  }
  t.equal(fake.chatRequests.length, cases.length, 'maxRetries 0: one request each')
  t.ok(records.every((record) => record.outcome === 'rate_limited'))
})

t.test('upstream statuses', async (t) => {
  const cases: [number, string, number][] = [
    [400, 'rejected', 502],
    [401, 'rejected', 502],
    [403, 'rejected', 502],
    [404, 'rejected', 502],
    [422, 'rejected', 502],
    [408, 'timeout', 504],
    [409, 'unavailable', 503],
    [500, 'unavailable', 503],
    [502, 'unavailable', 503]
  ]
  const { fake, provider } = await setup(t)
  for (const [status, reason, statusCode] of cases) {
    fake.onChat = () => new HttpReply(status)
    const error = await rejection(t, provider.parseJobDescription(JD))
    t.equal(error.reason, reason, `${status}`)
    t.equal(error.statusCode, statusCode, `${status}`)
    t.notMatch(error.message, /fake error/, 'the upstream body stays out of the message')
  }
  fake.onChat = () => new HttpReply(401)
  t.match((await rejection(t, provider.parseCv('cv'))).message, /OPENAI_API_KEY/)

  fake.onChat = () => new HttpReply(503, undefined, { 'retry-after': '5' })
  t.equal((await rejection(t, provider.parseCv('cv'))).retryAfterSeconds, 5, 'a 503 passes its Retry-After on')
})

t.test('500: the SDK retries first, then 503', async (t) => {
  const { fake, provider, records } = await setup(t, { maxRetries: 2 })
  fake.onChat = () => new HttpReply(500, undefined, { 'retry-after-ms': '1' })
  const error = await rejection(t, provider.parseJobDescription(JD))
  t.equal(error.reason, 'unavailable')
  t.equal(error.statusCode, 503)
  t.equal(fake.chatRequests.length, 3, 'one request and two SDK retries')
  t.match(records, [{ outcome: 'unavailable' }], 'the SDK retries are inside one traced call')

  const answers: unknown[] = [new HttpReply(500, undefined, { 'retry-after-ms': '1' }), { role_category: 'legal' }]
  fake.onChat = () => answers.shift()
  t.equal(await provider.classifyRoleCategory('Counsel', 'Contracts.'), 'legal', 'a retry the SDK wins is a success')
})

t.test('timeout: 504', async (t) => {
  const { fake, provider, records } = await setup(t, { timeoutMs: 150 })
  fake.onChat = () => 'hang'
  const error = await rejection(t, provider.parseJobDescription(JD))
  t.equal(error.reason, 'timeout')
  t.equal(error.statusCode, 504)
  t.match(records, [{ outcome: 'timeout', operation: 'parse_job' }])

  fake.onEmbeddings = () => 'hang'
  t.equal((await rejection(t, provider.embed(['a']))).reason, 'timeout')
})

t.test('nobody listening: 503', async (t) => {
  const closed = net.createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const { port } = closed.address() as net.AddressInfo
  await new Promise((resolve) => closed.close(resolve))
  const { provider } = await setup(t, { baseUrl: `http://127.0.0.1:${port}/v1` })
  const error = await rejection(t, provider.embed(['a']))
  t.equal(error.reason, 'unavailable')
  t.equal(error.retryAfterSeconds, undefined)
})

t.test('embed: one request for many texts, unit vectors in input order', async (t) => {
  const { fake, provider, records } = await setup(t)
  const texts = ['typescript', 'kubernetes', 'people management']
  // Answered out of order: the result follows `index`, not the array order.
  fake.onEmbeddings = (_request, answer) => ({ ...answer, data: [...answer.data].reverse() })
  const vectors = await provider.embed(texts)

  t.same(fake.embeddingsRequests, [{ model: 'text-embedding-3-small', input: texts, dimensions: 768, encoding_format: 'float' }])
  t.equal(vectors.length, 3)
  vectors.forEach((vector, i) => {
    t.type(vector, Float32Array)
    t.equal(vector.length, 768)
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
    t.ok(Math.abs(norm - 1) < 1e-5, 'unit length')
    const raw = fakeVector(texts[i]!, 768)
    const rawNorm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0))
    t.ok(Math.abs(vector[5]! - raw[5]! / rawNorm) < 1e-6, `vector ${i} is the embedding of text ${i}`)
  })
  const chars = texts.join('').length
  t.match(records, [{ provider: 'openai', operation: 'embed', model: 'text-embedding-3-small', outcome: 'ok', batchSize: 3, inputTokens: chars, outputTokens: 0 }])
})

t.test('embed: nothing to embed, no request', async (t) => {
  const { fake, provider } = await setup(t)
  t.same(await provider.embed([]), [])
  t.equal(fake.requests.length, 0)
})

t.test('embed: a batch larger than maxEmbeddingBatch is split', async (t) => {
  const { fake, provider, records } = await setup(t, { embeddingBatchSize: 2 })
  const texts = ['a', 'b', 'c', 'd', 'e']
  const vectors = await provider.embed(texts)
  t.same(fake.embeddingsRequests.map((request) => request.input), [['a', 'b'], ['c', 'd'], ['e']])
  t.same(records.map((record) => record.batchSize).sort(), [1, 2, 2])
  t.same(vectors, await (await setup(t)).provider.embed(texts), 'same vectors as one batch, same order')
})

t.test('embed: an answer with the wrong vectors is a 502', async (t) => {
  const cases: [string, (answer: EmbeddingsAnswer) => EmbeddingsAnswer, RegExp][] = [
    ['one vector missing', (answer) => ({ ...answer, data: answer.data.slice(1) }), /expected 2 embeddings, got 1/],
    ['a vector too short', (answer) => ({ ...answer, data: answer.data.map((item) => ({ ...item, embedding: item.embedding.slice(1) })) }), /expected 768-dimensional embeddings, got 767/],
    ['an index repeated', (answer) => ({ ...answer, data: answer.data.map((item) => ({ ...item, index: 0 })) }), /index 0 is out of range or repeated/],
    ['an index out of range', (answer) => ({ ...answer, data: answer.data.map((item) => ({ ...item, index: item.index + 1 })) }), /index 2 is out of range/],
    ['a zero vector', (answer) => ({ ...answer, data: answer.data.map((item) => ({ ...item, embedding: item.embedding.map(() => 0) })) }), /zero or non-finite/]
  ]
  const { fake, provider, records } = await setup(t)
  for (const [name, alter, problem] of cases) {
    fake.onEmbeddings = (_request, answer) => alter(answer)
    const error = await rejection(t, provider.embed(['x', 'y']))
    t.equal(error.statusCode, 502, name)
    t.match((error.cause as Error).message, problem, name)
  }
  t.equal(fake.embeddingsRequests.length, cases.length, 'embeddings are not retried')
  t.ok(records.every((record) => record.outcome === 'bad_response'))
})

t.test('embed: rate limited', async (t) => {
  const { fake, provider } = await setup(t)
  fake.onEmbeddings = () => new HttpReply(429, undefined, { 'retry-after': '3' })
  const error = await rejection(t, provider.embed(['x']))
  t.equal(error.reason, 'rate_limited')
  t.equal(error.retryAfterSeconds, 3)
})

t.test('mapOpenAiError', async (t) => {
  const ours = new AiProviderError('timeout', 'm')
  t.equal(mapOpenAiError(ours), ours, 'an AiProviderError passes through')
  const bug = new TypeError('bug')
  t.equal(mapOpenAiError(bug), bug, 'anything not from the SDK is returned unchanged')
  t.match(mapOpenAiError(new APIError(undefined, undefined, 'aborted', undefined)), { reason: 'rejected' }, 'no status, no headers')
})

t.test('the fake answers 404 to anything else', async (t) => {
  const { fake } = await setup(t)
  const response = await fetch(`${fake.baseUrl}/models`, { method: 'POST', body: '{}' })
  t.equal(response.status, 404)
  t.equal(fake.requests[0]?.path, '/v1/models')
})
