import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's own Prometheus registry: tests build many apps in one process. */
    metrics: Registry
  }
}

/** Label for requests that matched no route: keeps the `route` label's values bounded. */
const UNMATCHED_ROUTE = 'unmatched'

async function metricsPlugin (fastify: FastifyInstance): Promise<void> {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  fastify.decorate('metrics', registry)

  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry]
  })

  fastify.addHook('onResponse', async (request, reply) => {
    requestDuration.observe({
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status_code: String(reply.statusCode)
    }, reply.elapsedTime / 1000)
  })

  fastify.get('/metrics', async (_request, reply) => {
    const body = await registry.metrics()
    return reply.type(registry.contentType).send(body)
  })
}

export default fp(metricsPlugin, { name: 'metrics', fastify: '5.x' })
