import type { FastifyReply, FastifyRequest } from 'fastify'
import { ServiceBusyError } from '../../src/documents/service-busy-error.ts'

/** What a client refused for too many uploads in flight should wait: about one document's time. */
const BUSY_RETRY_AFTER_SECONDS = 2

/**
 * A cap on uploads in flight, body reading included: beyond it a 503 with Retry-After, so that
 * many slow or large uploads cannot hold the process's memory or queue up behind the workers.
 * A slot is given back when the response is sent or the client goes away, whichever is first.
 */
export class UploadSlots {
  private readonly inFlight = new Set<FastifyRequest>()
  private readonly max: number

  constructor (max: number) {
    this.max = max
  }

  take (request: FastifyRequest, reply: FastifyReply): void {
    if (this.inFlight.size >= this.max) {
      throw new ServiceBusyError(`Too many uploads in progress (${this.max}); retry in a moment`, BUSY_RETRY_AFTER_SECONDS)
    }
    this.inFlight.add(request)
    // The response's 'close' comes once, whether it was sent or the connection dropped.
    reply.raw.once('close', () => { this.inFlight.delete(request) })
  }

  /** Destroys the connections of uploads whose body has not fully arrived. */
  dropIncomplete (): void {
    for (const request of this.inFlight) if (!request.raw.complete) request.raw.destroy()
  }
}

