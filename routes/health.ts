import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

const HealthResponse = Type.Object({ status: Type.Literal('ok') })

const ReadyResponse = Type.Object({
  status: Type.Literal('ready'),
  redis: Type.Union([Type.Literal('ready'), Type.Literal('down'), Type.Literal('circuit_open'), Type.Literal('read_only'), Type.Literal('disabled')], {
    description: 'L2 state ("read_only": connected to a node that refuses writes). Anything but "ready" only degrades the service (L1 and fresh computation); it stays ready.'
  })
})

/** Liveness and readiness. A missing Redis degrades the service; it never makes it unready. */
const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/health', {
    schema: { tags: ['ops'], summary: 'Liveness: 200 while the process serves', response: { 200: HealthResponse } }
  }, async () => ({ status: 'ok' as const }))

  fastify.get('/ready', {
    schema: { tags: ['ops'], summary: 'Readiness, with the state of the Redis tier', response: { 200: ReadyResponse } }
  }, async () => ({ status: 'ready' as const, redis: fastify.cache.l2StatusLabel() }))
}

export default healthRoutes
