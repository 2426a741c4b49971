/**
 * The service cannot take this upload now (too many in flight, or shutting down): a 503 whose
 * message is written for the client (`expose`) and says when to retry.
 */
export class ServiceBusyError extends Error {
  readonly statusCode = 503
  readonly expose = true
  readonly retryAfterSeconds: number

  constructor (message: string, retryAfterSeconds: number) {
    super(message)
    this.name = 'ServiceBusyError'
    this.retryAfterSeconds = retryAfterSeconds
  }
}
