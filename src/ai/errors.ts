import type { Usage } from './telemetry.ts'

/**
 * Why an upstream AI call failed, as a value that flows unchanged into the HTTP status, the
 * `ai_requests_total{outcome}` label, the log line and the span's `error.type`.
 */
export const AI_FAILURE_REASONS = ['rate_limited', 'unavailable', 'timeout', 'bad_response', 'rejected', 'circuit_open'] as const
export type AiFailureReason = (typeof AI_FAILURE_REASONS)[number]

const STATUS_BY_REASON: Record<AiFailureReason, number> = {
  rate_limited: 503,
  unavailable: 503,
  timeout: 504,
  bad_response: 502,
  rejected: 502,
  // The provider's circuit breaker refused the call: it failed too often just now.
  circuit_open: 503
}

/**
 * An upstream failure with a message written for the client (`expose`), so the app's error
 * handler passes it through instead of the generic 5xx text. It never carries the upstream
 * body or the user's text.
 */
export class AiProviderError extends Error {
  readonly reason: AiFailureReason
  readonly statusCode: number
  readonly expose = true
  /** Seconds a client should wait before retrying (503 only). */
  readonly retryAfterSeconds: number | undefined
  /** Tokens billed although the answer was unusable: they still count as spent. */
  readonly usage: Usage | undefined

  constructor (reason: AiFailureReason, message: string, options: { retryAfterSeconds?: number | undefined, cause?: unknown, usage?: Usage | undefined } = {}) {
    super(message, { cause: options.cause })
    this.name = 'AiProviderError'
    this.reason = reason
    this.statusCode = STATUS_BY_REASON[reason]
    this.retryAfterSeconds = options.retryAfterSeconds
    this.usage = options.usage
  }
}
