import t from 'tap'
import { buildTestApp } from './helpers/app.ts'

const API_ROUTES = ['/api/parse', '/api/parse-cv', '/api/find-domain', '/api/calculate-score']

t.test('/docs/json documents every route with its request and response schemas', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject('/docs/json')
  t.equal(response.statusCode, 200)
  const document = response.json()
  t.match(document, { openapi: /^3\.1/, info: { title: 'jobfit' } })
  for (const route of ['/health', '/ready', '/api/cache/stats', '/api/cache/clear-domains', ...API_ROUTES]) {
    t.ok(document.paths[route], `${route} is documented`)
  }
  for (const route of API_ROUTES) {
    const operation = document.paths[route].post
    t.ok(operation.requestBody.content['application/json'].schema, `${route}: JSON request schema`)
    t.ok(operation.responses['200'].content['application/json'].schema, `${route}: 200 schema`)
    t.ok(operation.responses['4XX'] ?? operation.responses['4xx'], `${route}: error responses`)
  }
  const job = document.paths['/api/parse'].post.responses['200'].content['application/json'].schema
  t.same(Object.keys(job.properties).sort(), [
    'company', 'education', 'employment_type', 'industries', 'languages', 'location', 'max_years_experience', 'meta', 'min_years_experience',
    'preferred_skills', 'remote_policy', 'required_skills', 'responsibilities', 'role_category', 'salary', 'seniority', 'title'
  ])
  for (const route of API_ROUTES) {
    const ok = document.paths[route].post.responses['200']
    t.same(ok.content['application/json'].schema.properties.meta.properties.source.enum, ['cache', 'provider', 'stale', 'fallback'], `${route}: meta.source documented`)
    t.ok(ok.headers?.['x-jobfit-source'] && ok.headers['x-jobfit-degraded'], `${route}: provenance headers documented`)
  }
  t.ok(document.paths['/api/parse-cv'].post.requestBody.content['multipart/form-data'], 'the upload is documented')
  const erase = document.paths['/api/cv'].delete
  t.ok(erase.requestBody.content['application/json'].schema && erase.responses['200'], 'DELETE /api/cv is documented')
  t.ok(document.paths['/api/parse-cv'].post.responses['200'].content['application/json'].schema.properties.cv_id, 'the parse answer documents cv_id')
  const score = document.paths['/api/calculate-score'].post.responses['200'].content['application/json'].schema
  t.ok(score.properties.overall && score.properties.breakdown && score.properties.weights && score.properties.explanations)
})

t.test('/docs serves the Swagger UI', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject('/docs/')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /text\/html/)
})
