import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * On close, Fastify drops idle keep-alive connections and refuses new requests, but a
 * keep-alive connection whose request is still in flight stays open after its response, and
 * `server.close()` then waits for the client to hang up (a minute or more). Responses sent
 * once closing has begun therefore say `Connection: close`, so that shutdown finishes as soon
 * as the in-flight requests do.
 */
async function gracefulClosePlugin (fastify: FastifyInstance): Promise<void> {
  let closing = false
  fastify.addHook('preClose', async () => {
    closing = true
  })
  fastify.addHook('onSend', async (request, reply) => {
    if (closing && request.raw.httpVersionMajor < 2) reply.header('connection', 'close')
  })
}

export default fp(gracefulClosePlugin, { name: 'graceful-close', fastify: '5.x' })
