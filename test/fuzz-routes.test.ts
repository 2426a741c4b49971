/**
 * Every route against generated input (seeded, bounded, so a failure reproduces with its seed):
 * random JSON, random bytes under random content types, random multipart bodies and random
 * headers. The service must answer every one of them below 500, and every error in Fastify's
 * `{ statusCode, error, message }` shape.
 */
import fc from 'fast-check'
import t from 'tap'
import type { InjectOptions } from 'fastify'
import { buildTestApp } from './helpers/app.ts'

const SEED = 20261125
/** Runs per property: enough to reach every route with every kind of body, and a few seconds on a busy machine. */
const RUNS = 120

const ROUTES: ReadonlyArray<readonly [InjectOptions['method'], string]> = [
  ['GET', '/health'], ['GET', '/ready'], ['GET', '/metrics'], ['GET', '/docs/json'],
  ['POST', '/api/parse'], ['POST', '/api/parse-cv'], ['POST', '/api/calculate-score'], ['POST', '/api/find-domain'],
  ['GET', '/api/cache/stats'], ['POST', '/api/cache/clear-domains'], ['DELETE', '/api/cv'],
  ['GET', '/api/parse'], ['PUT', '/api/cv'], ['POST', '/no/such/route']
]

const FIELDS = ['text', 'cv', 'jd', 'cv_id', 'company_name', 'location', 'industry', 'file', '__proto__', 'constructor']

const route = fc.constantFrom(...ROUTES)
/** JSON shaped like the API's bodies (known field names, any values) or anything at all. */
const jsonBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 400 }) }),
  fc.record({ cv: fc.string({ maxLength: 200 }), jd: fc.string({ maxLength: 200 }) }),
  fc.record({ company_name: fc.string({ maxLength: 100 }), location: fc.option(fc.string({ maxLength: 40 })) })
)
const contentType = fc.constantFrom(
  'application/json', 'application/json; charset=utf-16', 'text/plain', 'application/octet-stream', 'multipart/form-data',
  'multipart/form-data; boundary=', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json;;', ''
)
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 80 })
const headers = fc.dictionary(
  fc.constantFrom('authorization', 'x-api-key', 'accept', 'accept-encoding', 'content-encoding', 'x-forwarded-for', 'range', 'if-none-match', 'x-request-id'),
  headerValue,
  { maxKeys: 3 }
)

/** A multipart body with a boundary that may not match the header's, parts that may be cut short. */
const multipart = fc.record({
  boundary: fc.oneof(fc.constant('b0undary'), fc.string({ unit: fc.constantFrom('a', 'Z', '9', '-', '_', ' ', '"'), minLength: 1, maxLength: 90 })),
  declared: fc.oneof(fc.constant<string | undefined>(undefined), fc.constantFrom('other', '', 'b0undary')),
  parts: fc.array(fc.record({
    name: fc.constantFrom('file', 'text', 'other', ''),
    filename: fc.option(fc.constantFrom('cv.pdf', 'cv.docx', 'cv.txt', 'x', '../../etc/passwd')),
    type: fc.constantFrom('application/pdf', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png'),
    content: fc.uint8Array({ maxLength: 600 })
  }), { maxLength: 3 }),
  truncateAt: fc.option(fc.nat({ max: 2000 }))
}).map(({ boundary, declared, parts, truncateAt }) => {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === null ? '' : `; filename="${part.filename}"`}`
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${part.type}\r\n\r\n`), Buffer.from(part.content), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  const body = Buffer.concat(chunks)
  return {
    payload: truncateAt === null ? body : body.subarray(0, truncateAt),
    contentType: `multipart/form-data; boundary=${declared ?? boundary}`
  }
})

function checkAnswer (request: InjectOptions, response: { statusCode: number, body: string }): void {
  const what = `${request.method} ${request.url} → ${response.statusCode}: ${response.body.slice(0, 200)}`
  if (response.statusCode >= 500) throw new Error(`server error: ${what}`)
  if (response.statusCode < 400) return
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    throw new Error(`error that is not JSON: ${what}`)
  }
  const keys = Object.keys(body as object).sort().join(',')
  const { statusCode, error, message } = body as Record<string, unknown>
  if (keys !== 'error,message,statusCode' || statusCode !== response.statusCode || typeof error !== 'string' || typeof message !== 'string') {
    throw new Error(`error not in Fastify's shape: ${what}`)
  }
}

t.test('generated requests against every route: no 5xx, every error in Fastify\'s shape', async (t) => {
  const { app } = await buildTestApp(t, { LOG_LEVEL: 'silent', RATE_LIMIT_COMPUTE_MAX: '100000', RATE_LIMIT_READ_MAX: '100000', RATE_LIMIT_ADMIN_MAX: '100000' })
  await app.ready()
  const parameters = { seed: SEED, numRuns: RUNS, endOnFailure: true }
  let sent = 0
  const send = async (request: InjectOptions) => {
    sent++
    checkAnswer(request, await app.inject(request))
  }

  await fc.assert(fc.asyncProperty(route, jsonBody, headers, async ([method, url], body, extra) => {
    await send({ method, url, headers: { ...extra, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
  }), parameters)
  await fc.assert(fc.asyncProperty(route, fc.uint8Array({ maxLength: 2000 }), contentType, headers, async ([method, url], bytes, type, extra) => {
    await send({ method, url, headers: { ...extra, ...(type === '' ? {} : { 'content-type': type }) }, payload: Buffer.from(bytes) })
  }), parameters)
  await fc.assert(fc.asyncProperty(route, multipart, headers, async ([method, url], body, extra) => {
    await send({ method, url, headers: { ...extra, 'content-type': body.contentType }, payload: body.payload })
  }), parameters)
  await fc.assert(fc.asyncProperty(route, headers, fc.string({ maxLength: 60 }), async ([method, url], extra, query) => {
    await send({ method, url: `${url}?${encodeURIComponent(query)}`, headers: extra })
  }), parameters)
  t.equal(sent, 4 * RUNS, `${sent} generated requests, all answered below 500 in Fastify's shape`)
})

t.test('a POST to /api/parse-cv without any body is a 400 that says what to send', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'POST', url: '/api/parse-cv' })
  t.equal(response.statusCode, 400)
  t.match(response.json(), { statusCode: 400, error: 'Bad Request', message: /JSON \{ "text": "\.\.\." \} or as a multipart\/form-data upload/ })
})
