import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ServiceBusyError } from '../src/documents/service-busy-error.ts'
import { errorResponses, okResponse } from './shared/openapi.ts'

const HealthResponse = Type.Object({ status: Type.Literal('ok') })

const ReadyResponse = Type.Object({
  status: Type.Literal('ready'),
  redis: Type.Union([
    Type.Literal('ready'), Type.Literal('down'), Type.Literal('circuit_open'), Type.Literal('read_only'), Type.Literal('disabled'), Type.Literal('l1_only')
  ], {
    description: 'L2 state: `disabled` when the cache is off (DISABLE_CACHE), `l1_only` without Redis configured, `read_only` when ' +
      'connected to a node that refuses writes. Anything but "ready" only degrades the service (L1 and fresh computation); it stays ready.'
  }),
  embedder: Type.Literal('ready', {
    description: 'The local embedding model is loaded (always "ready" for a remote provider or LOCAL_EMBEDDER=lexical); while it loads, /ready answers 503'
  })
})

const MODEL_LOADING_RETRY_AFTER_SECONDS = 1
const MODEL_FAILED_RETRY_AFTER_SECONDS = 60

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
        ...errorResponses(503)
      }
    }
  }, async () => {
    const embedder = fastify.ai.provider.readiness?.() ?? 'ready'
    if (embedder === 'loading') throw new ServiceBusyError('The local embedding model is still loading (a few seconds after boot); retry shortly', MODEL_LOADING_RETRY_AFTER_SECONDS)
    if (embedder === 'failed') throw new ServiceBusyError('The local embedding model could not be loaded; the operator can set LOCAL_EMBEDDER=lexical', MODEL_FAILED_RETRY_AFTER_SECONDS)
    return { status: 'ready' as const, redis: fastify.cache.l2StatusLabel(), embedder }
  })
}

export default healthRoutes
