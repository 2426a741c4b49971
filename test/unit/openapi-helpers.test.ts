import t from 'tap'
import { Type } from 'typebox'
import { EXAMPLES } from '../../routes/shared/examples.ts'
import { AI_ERRORS, BODY_ERRORS, ERROR_RESPONSE_ID, errorResponses, okResponse, requestExample } from '../../routes/shared/openapi.ts'

t.test('errorResponses: one described $ref to the shared error per status; 503 documents Retry-After', async (t) => {
  const responses = errorResponses(...BODY_ERRORS, ...AI_ERRORS)
  t.same(Object.keys(responses), ['400', '413', '415', '502', '503', '504'])
  for (const response of Object.values(responses)) {
    t.equal(response.$ref, `${ERROR_RESPONSE_ID}#`)
    t.ok(response.description.length > 20, `described: ${response.description}`)
  }
  t.ok(responses[503].headers?.['retry-after'], '503: Retry-After')
  t.equal(responses[400].headers, undefined, 'no header on the others')
})

t.test('requestExample and okResponse add the generated example without changing the shared schema', async (t) => {
  const schema = Type.Object({ text: Type.String() })
  const body = requestExample(schema, 'parseJobDescription') as { examples?: unknown[] }
  t.same(body.examples, [EXAMPLES.parseJobDescription?.request])
  const ok = okResponse(schema, 'parseJobDescription', 'The parsed job description') as { examples?: unknown[], description?: string }
  t.same(ok.examples, [EXAMPLES.parseJobDescription?.response])
  t.equal(ok.description, 'The parsed job description')
  t.notOk('examples' in schema || 'description' in schema, 'the schema itself is untouched')
})

t.test('a route with no generated example yet: the schema as it is (test/openapi.test.ts then fails for it)', async (t) => {
  const schema = Type.Object({ id: Type.String() })
  t.same(requestExample(schema, 'notGeneratedYet'), schema)
  t.notOk('examples' in okResponse(schema, 'notGeneratedYet', 'Described anyway'))
})
