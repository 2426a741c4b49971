import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import t from 'tap'
import { buildApp } from '../src/app.ts'
import { EXAMPLES } from '../routes/shared/examples.ts'
import { buildTestApp } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { answerExampleRequests, EXAMPLE_REQUESTS, exampleConfig } from './helpers/openapi-examples.ts'

const API_ROUTES = ['/api/parse', '/api/parse-cv', '/api/find-domain', '/api/calculate-score']
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']
const ERROR_REF = '#/components/schemas/ErrorResponse'
/** What a route that reads a body documents, whatever else it does. */
const BODY_ERROR_STATUSES = ['400', '413', '415']

interface Media { schema: Record<string, unknown>, example?: unknown, examples?: Record<string, { value: unknown }> }
interface Response { description: string, content?: Record<string, Media>, headers?: Record<string, unknown> }
interface Operation {
  operationId?: string
  requestBody?: { content: Record<string, Media> }
  responses: Record<string, Response>
}
interface Document {
  openapi: string
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown> }
}

async function openapiDocument (t: TapTest): Promise<Document> {
  const { app } = await buildTestApp(t)
  const response = await app.inject('/docs/json')
  t.equal(response.statusCode, 200)
  return response.json()
}

/** Every operation of the document, so that a route added later is held to the same rules. */
function operations (document: Document): Array<{ name: string, operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({ name: `${method.toUpperCase()} ${path}`, operation: item[method] as Operation })))
}

function mediaExamples (media: Media): unknown[] {
  return [...(media.example === undefined ? [] : [media.example]), ...Object.values(media.examples ?? {}).map((example) => example.value)]
}

/** Validates `value` against a schema of the document (its `#/components/...` references resolved). */
function schemaValidator (document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  return (schema: Record<string, unknown>, value: unknown): string[] => {
    const validate = ajv.compile({ ...schema, components: document.components })
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`)
  }
}

t.test('/docs/json is a valid OpenAPI 3.1 document (checked by an OpenAPI validator)', async (t) => {
  const document = await openapiDocument(t)
  t.match(document, { openapi: /^3\.1/, info: { title: 'jobfit' } })
  const result = await new Validator().validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0])
  t.ok(result.valid, `valid: ${JSON.stringify(result.errors ?? [], null, 1).slice(0, 2000)}`)
})

t.test('every operation has a unique operationId, described responses and the shared error shape', async (t) => {
  const document = await openapiDocument(t)
  const all = operations(document)
  t.ok(all.length >= 8, `${all.length} operations`)
  const ids = all.map(({ operation }) => operation.operationId)
  t.same(ids.filter((id) => typeof id !== 'string' || !/^[a-z][A-Za-z]+$/.test(id)), [], 'every operation has a camelCase operationId')
  t.equal(new Set(ids).size, ids.length, 'operationIds are unique')
  t.ok(document.components.schemas.ErrorResponse, 'the error shape is one component')

  for (const { name, operation } of all) {
    const statuses = Object.keys(operation.responses)
    t.ok(statuses.includes('200'), `${name}: documents its 200`)
    t.same(statuses.filter((status) => !/^[1-5]\d\d$/.test(status)), [], `${name}: one response per status code, no ranges (4XX) or default`)
    for (const [status, response] of Object.entries(operation.responses)) {
      t.not(response.description, 'Default Response', `${name} ${status}: described`)
      if (Number(status) >= 400) {
        t.equal(response.content?.['application/json']?.schema.$ref, ERROR_REF, `${name} ${status}: the shared ErrorResponse`)
      }
    }
    if (operation.requestBody?.content['application/json'] !== undefined) {
      t.same(BODY_ERROR_STATUSES.filter((status) => !statuses.includes(status)), [], `${name}: a route with a JSON body documents 400, 413 and 415`)
    }
    if (operation.responses['503'] !== undefined) t.ok(operation.responses['503'].headers?.['retry-after'], `${name}: 503 documents Retry-After`)
  }
  const parseCv = document.paths['/api/parse-cv']?.post
  t.ok(parseCv?.responses['422'], 'the upload route documents the unreadable file (422)')
  for (const route of ['/api/parse', '/api/parse-cv', '/api/calculate-score']) {
    t.same(['502', '503', '504'].filter((status) => document.paths[route]?.post?.responses[status] === undefined), [], `${route}: AI provider failures`)
  }
})

t.test('every JSON request body and 200 response has an example that its schema accepts', async (t) => {
  const document = await openapiDocument(t)
  const check = schemaValidator(document)
  for (const { name, operation } of operations(document)) {
    const media: Array<[string, Media | undefined]> = [
      ...Object.entries(operation.requestBody?.content ?? {}).filter(([type]) => type === 'application/json').map(([, m]): [string, Media] => ['request body', m]),
      ['200 response', operation.responses['200']?.content?.['application/json']]
    ]
    for (const [what, content] of media) {
      const examples = content === undefined ? [] : mediaExamples(content)
      t.ok(examples.length > 0, `${name}: the ${what} has an example`)
      for (const example of examples) t.same(check(content?.schema ?? {}, example), [], `${name}: the ${what} example matches its schema`)
    }
  }
  const errorExample = (document.components.schemas.ErrorResponse as { examples?: unknown[] }).examples?.[0]
  t.same(check({ $ref: ERROR_REF }, errorExample), [], 'the ErrorResponse example matches it')
  const { app } = await buildTestApp(t)
  const formPost = await app.inject({ method: 'POST', url: '/api/parse', payload: 'text=a+job', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  t.same(formPost.json(), errorExample, 'and is the real answer to a form post (curl -d without a Content-Type)')
})

t.test('the examples are what the app answers to the example requests', async (t) => {
  const document = await openapiDocument(t)
  const documented = operations(document).map(({ operation }) => operation.operationId)
  t.same(documented.filter((id) => id === undefined || EXAMPLE_REQUESTS[id] === undefined), [],
    'every operation has an example request in test/helpers/openapi-examples.ts')
  const app = await buildApp(exampleConfig())
  t.teardown(() => app.close())
  const regenerate = 'if the change is intended, run `bash .ci/with-node node test/helpers/openapi-examples.ts`'
  for (const [operationId, answer] of Object.entries(await answerExampleRequests(app))) {
    t.equal(answer.statusCode, 200, `${operationId}: the example request succeeds`)
    t.same(EXAMPLES[operationId], { ...(answer.request === undefined ? {} : { request: answer.request }), response: answer.response },
      `${operationId}: the documented example is the app's answer (${regenerate})`)
  }
})

t.test('/docs/json documents the routes with their request and response schemas', async (t) => {
  const document = await openapiDocument(t)
  for (const route of ['/health', '/ready', '/api/cache/stats', '/api/cache/clear-domains', ...API_ROUTES]) {
    t.ok(document.paths[route], `${route} is documented`)
  }
  for (const route of API_ROUTES) {
    const operation = document.paths[route]?.post
    t.ok(operation?.requestBody?.content['application/json']?.schema, `${route}: JSON request schema`)
    t.ok(operation?.responses['200']?.content?.['application/json']?.schema, `${route}: 200 schema`)
  }
  const job = document.paths['/api/parse']?.post?.responses['200']?.content?.['application/json']?.schema as { properties: Record<string, unknown> }
  t.same(Object.keys(job.properties).sort(), [
    'company', 'education', 'employment_type', 'industries', 'languages', 'location', 'max_years_experience', 'meta', 'min_years_experience',
    'preferred_skills', 'remote_policy', 'required_skills', 'responsibilities', 'role_category', 'salary', 'seniority', 'title'
  ])
  for (const route of API_ROUTES) {
    const ok = document.paths[route]?.post?.responses['200'] as Response & { content: Record<string, { schema: { properties: { meta: { properties: { source: { enum: unknown } } } } } }> }
    t.same(ok.content['application/json']?.schema.properties.meta.properties.source.enum, ['cache', 'provider', 'stale', 'fallback'], `${route}: meta.source documented`)
    t.ok(ok.headers?.['x-jobfit-source'] && ok.headers['x-jobfit-degraded'], `${route}: provenance headers documented`)
  }
  t.ok(document.paths['/api/parse-cv']?.post?.requestBody?.content['multipart/form-data'], 'the upload is documented')
  const score = document.paths['/api/calculate-score']?.post?.responses['200']?.content?.['application/json']?.schema as { properties: Record<string, unknown> }
  const erase = document.paths['/api/cv']?.delete
  t.ok(erase?.requestBody?.content['application/json']?.schema !== undefined && erase.responses['200'] !== undefined, 'DELETE /api/cv is documented')
  const parsedCv = document.paths['/api/parse-cv']?.post?.responses['200']?.content?.['application/json']?.schema as { properties: Record<string, unknown> }
  t.ok(parsedCv.properties.cv_id, 'the parse answer documents cv_id')
  t.ok(score.properties.overall && score.properties.breakdown && score.properties.weights && score.properties.explanations)
})

t.test('/docs serves the Swagger UI', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject('/docs/')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /text\/html/)
})
