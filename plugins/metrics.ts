import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { once } from 'node:events'
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

export interface MetricsPluginOptions {
  /** Serve /metrics on this port only (not on the API's), on the API's host, once the app listens. */
  port?: number | undefined
  host?: string
}

async function metricsPlugin (fastify: FastifyInstance, options: MetricsPluginOptions = {}): Promise<void> {
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

  if (options.port === undefined) {
    fastify.get('/metrics', async (_request, reply) => {
      const body = await registry.metrics()
      return reply.type(registry.contentType).send(body)
    })
    return
  }
  const port = options.port
  let server: Server | undefined
  fastify.addHook('onListen', async () => {
    server = serveMetrics(registry)
    server.listen(port, options.host)
    await once(server, 'listening')
    fastify.log.info({ port }, '/metrics is served on its own port')
  })
  fastify.addHook('onClose', async () => {
    if (server?.listening === true) await new Promise((resolve) => server!.close(resolve))
  })
}

/** A bare HTTP server for scrapers on a port of its own (e.g. reachable inside the cluster only). */
function serveMetrics (registry: Registry): Server {
  return createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Only GET /metrics is served on this port' }))
      return
    }
    registry.metrics().then((body) => {
      response.writeHead(200, { 'content-type': registry.contentType })
      response.end(body)
    }, () => {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'The metrics could not be collected' }))
    })
  })
}

export default fp(metricsPlugin, { name: 'metrics', fastify: '5.x' })
