import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai'
import { AiProviderError } from '../errors.ts'
import type { Usage } from '../telemetry.ts'

/**
 * Turns what the openai SDK throws (after its own retries) into the `AiProviderError` the routes
 * answer with. The messages go to our HTTP clients: they say what happened and what to do, and
 * never carry the upstream body (it can echo the user's text).
 */

/** Retry-After for a 429 that names no delay: OpenAI's rate limits are per minute. */
const DEFAULT_RATE_LIMIT_RETRY_SECONDS = 30

const MESSAGES = {
  unavailable: 'The AI provider is unavailable right now; retry in a moment.',
  timeout: 'The AI provider did not answer in time; retry later, or with a shorter text.',
  rejected: 'The AI provider rejected the request (check OPENAI_API_KEY / model name); retrying will not help until the service is reconfigured.',
  bad_response: 'The AI provider returned an answer that could not be used; retry the request.'
} as const

/** SDK errors become an `AiProviderError`; anything else is a bug on our side and is returned unchanged. */
export function mapOpenAiError (error: unknown): unknown {
  if (error instanceof AiProviderError) return error
  // Before APIConnectionError: a timeout is one of its subclasses.
  if (error instanceof APIConnectionTimeoutError) return new AiProviderError('timeout', MESSAGES.timeout, { cause: error })
  if (error instanceof APIConnectionError) return new AiProviderError('unavailable', MESSAGES.unavailable, { cause: error })
  if (error instanceof APIError) return fromStatus(error)
  return error
}

/** An answer that is not JSON, fails the schema, or has the wrong number or length of vectors. */
export function invalidAnswer (problem: string, usage?: Usage): AiProviderError {
  return new AiProviderError('bad_response', MESSAGES.bad_response, { cause: new Error(problem), usage })
}

function fromStatus (error: APIError): AiProviderError {
  const status = error.status ?? 0
  const retryAfterSeconds = error.headers === undefined ? undefined : headerRetrySeconds(error.headers)
  if (status === 429) {
    const seconds = retryAfterSeconds ?? DEFAULT_RATE_LIMIT_RETRY_SECONDS
    return new AiProviderError('rate_limited', `The AI provider is rate limiting this service; retry in ${seconds} s.`, { retryAfterSeconds: seconds, cause: error })
  }
  if (status === 408) return new AiProviderError('timeout', MESSAGES.timeout, { cause: error })
  // 409 is a lock timeout upstream: transient, like a 5xx.
  if (status === 409 || status >= 500) return new AiProviderError('unavailable', MESSAGES.unavailable, { retryAfterSeconds, cause: error })
  return new AiProviderError('rejected', MESSAGES.rejected, { cause: error })
}

/**
 * `retry-after-ms` (OpenAI's, more precise) wins over the standard `retry-after`, which holds
 * seconds or an HTTP date. Rounded up to whole seconds, at least one.
 */
function headerRetrySeconds (headers: Headers): number | undefined {
  const delayMs = headerDelayMs(headers)
  return Number.isFinite(delayMs) && delayMs >= 0 ? Math.max(1, Math.ceil(delayMs / 1000)) : undefined
}

function headerDelayMs (headers: Headers): number {
  const millis = headers.get('retry-after-ms')
  if (millis !== null) return Number(millis)
  const after = headers.get('retry-after')
  if (after === null) return Number.NaN
  const seconds = Number(after)
  return Number.isNaN(seconds) ? Date.parse(after) - Date.now() : seconds * 1000
}
