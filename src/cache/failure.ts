/**
 * Cache failures are values, not exceptions: every L2 problem is classified once, here,
 * and the same `reason` string travels unchanged into the metric label, the log line and the span.
 */

export const FAILURE_REASONS = [
  'timeout',
  'connection',
  'circuit_open',
  'oom',
  'readonly',
  'auth',
  'loading',
  'busy',
  'corrupt',
  'other'
] as const

export type FailureReason = (typeof FAILURE_REASONS)[number]

export type Tier = 'l1' | 'l2'

export interface CacheFailure {
  reason: FailureReason
  /** The underlying error's message, for logs and spans. Never contains keys or cached values. */
  message: string
}

/** Thrown by our own deadline guard so that it classifies as a timeout like ioredis' own. */
export class DeadlineExceededError extends Error {
  constructor (ms: number) {
    super(`Redis did not answer within ${ms} ms`)
    this.name = 'DeadlineExceededError'
  }
}

const REPLY_PREFIXES: ReadonlyArray<[RegExp, FailureReason]> = [
  [/^OOM\b/, 'oom'],
  [/^READONLY\b/, 'readonly'],
  [/^(NOAUTH|WRONGPASS|NOPERM)\b/, 'auth'],
  [/^LOADING\b/, 'loading'],
  [/^(BUSY|MASTERDOWN|TRYAGAIN)\b/, 'busy']
]

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT'
])

const CONNECTION_MESSAGES = [
  /Stream isn't writeable/,
  /Connection is closed/,
  /Connection in subscriber mode/,
  /Reached the max retries per request limit/,
  /connect ETIMEDOUT/,
  /not connected/i
]

export function classifyError (error: unknown): CacheFailure {
  const message = error instanceof Error ? error.message : String(error)
  return { reason: reasonFor(error, message), message }
}

function reasonFor (error: unknown, message: string): FailureReason {
  if (error instanceof DeadlineExceededError || /Command timed out/.test(message)) return 'timeout'
  for (const [pattern, reason] of REPLY_PREFIXES) {
    if (pattern.test(message)) return reason
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (CONNECTION_CODES.has(code)) return 'connection'
  if (CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return 'connection'
  return 'other'
}

export function failure (reason: FailureReason, message: string): CacheFailure {
  return { reason, message }
}
