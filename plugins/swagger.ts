import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * The OpenAPI document is generated from the routes' own schemas (the same TypeBox types that
 * validate requests), so it cannot drift from what the API does. UI at /docs, JSON at /docs/json.
 * Registered before the routes: it collects them as they are added.
 */
async function swaggerPlugin (fastify: FastifyInstance): Promise<void> {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'jobfit',
        description: 'Parse job descriptions and CVs, suggest company domains and score CV/job fit. ' +
          'Cache failures never fail a request; AI provider failures are answered from a stale cached value or the local ' +
          'fallback provider, and answer 502, 503 (with Retry-After) or 504 only when neither exists. Every answer says where ' +
          'it came from: the x-jobfit-source and x-jobfit-degraded headers and the `meta` field of the body.',
        version: '0.1.0'
      },
      tags: [
        { name: 'parsing', description: 'Job descriptions and CVs to structured data' },
        { name: 'matching', description: 'CV to job fit' },
        { name: 'domains', description: 'Company web domains' },
        { name: 'cache', description: 'Cache diagnostics and maintenance' },
        { name: 'ops', description: 'Health and readiness' }
      ]
    }
  })
  await fastify.register(swaggerUi, { routePrefix: '/docs' })
}

export default fp(swaggerPlugin, { name: 'swagger', fastify: '5.x' })
