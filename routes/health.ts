import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { okResponse } from './shared/openapi.ts'

const HealthResponse = Type.Object({ status: Type.Literal('ok') })

const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('loading'), Type.Literal('failed')], {
    description: '"ready" once the local embedding model (if any) is loaded; "loading" before, "failed" if it could not be loaded (both with status 503)'
  }),
  redis: Type.Union([
    Type.Literal('ready'), Type.Literal('down'), Type.Literal('circuit_open'), Type.Literal('read_only'), Type.Literal('disabled'), Type.Literal('l1_only')
  ], {
    description: 'L2 state: `disabled` when the cache is off (DISABLE_CACHE), `l1_only` without Redis configured, `read_only` when ' +
      'connected to a node that refuses writes. Anything but "ready" only degrades the service (L1 and fresh computation); it stays ready.'
  }),
  embedder: Type.Union([Type.Literal('ready'), Type.Literal('loading'), Type.Literal('failed')], {
    description: 'The local embedding model: loaded in worker threads in the background at boot ("ready" for a remote provider or LOCAL_EMBEDDER=lexical)'
  })
})

/**
 * Liveness and readiness. A missing Redis degrades the service; it never makes it unready. A
 * local model still loading does: every scoring would wait for it.
 */
const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/health', {
    schema: {
      operationId: 'getHealth',
      tags: ['ops'],
      summary: 'Liveness: 200 while the process serves',
      response: { 200: okResponse(HealthResponse, 'getHealth', 'The process serves') }
    }
  }, async () => ({ status: 'ok' as const }))

  fastify.get('/ready', {
    schema: {
      operationId: 'getReadiness',
      tags: ['ops'],
      summary: 'Readiness, with the state of the Redis tier and of the local embedding model',
      response: {
        200: okResponse(ReadyResponse, 'getReadiness', 'Ready to serve, whatever the state of Redis'),
        503: { ...ReadyResponse, description: 'Not ready yet: the local embedding model is loading (or could not be loaded); Redis never makes the service unready' }
      }
    }
  }, async (_request, reply) => {
    const embedder = fastify.ai.provider.readiness?.() ?? 'ready'
    if (embedder !== 'ready') reply.status(503)
    return { status: embedder, redis: fastify.cache.l2StatusLabel(), embedder }
  })
}

export default healthRoutes
