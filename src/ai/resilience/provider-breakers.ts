import { CircuitBreaker } from '../../cache/circuit-breaker.ts'
import type { BreakerState } from '../../cache/circuit-breaker.ts'
import type { FailureReason } from '../../cache/index.ts'
import type { AiFailureReason } from '../errors.ts'
import type { AiOperation } from '../provider.ts'

export const AI_OPERATIONS: readonly AiOperation[] = ['parse_job', 'parse_cv', 'extract_industries', 'classify_role', 'embed']

export interface ProviderBreakerOptions {
  failureThreshold: number
  cooldownMs: number
  now?: () => number
}

/**
 * The cache's breaker (src/cache/circuit-breaker.ts) reused as it is: it speaks the cache's
 * failure reasons, so each AI failure is given the one with the same meaning for availability.
 * A timeout opens the circuit at once (a hung provider would cost every request the hard
 * timeout); rate limits, outages, unusable and rejected answers after `failureThreshold` in a row.
 */
const BREAKER_REASON: Readonly<Record<Exclude<AiFailureReason, 'circuit_open'>, FailureReason>> = {
  timeout: 'timeout',
  rate_limited: 'busy',
  unavailable: 'connection',
  bad_response: 'other',
  rejected: 'auth'
}

/** The provider's two endpoints: every chat operation shares one, embeddings have the other. */
type Endpoint = 'chat' | 'embeddings'

function endpointOf (operation: AiOperation): Endpoint {
  return operation === 'embed' ? 'embeddings' : 'chat'
}

/**
 * One breaker per endpoint of one provider: chat completions and embeddings have separate limits,
 * and one may fail while the other answers; but a hung chat endpoint is hung for parsing and
 * classification alike, so a score that needs both does not wait out one hard timeout per
 * operation. States are reported per operation (each shows its endpoint's).
 */
export class ProviderBreakers {
  private readonly breakers: ReadonlyMap<Endpoint, CircuitBreaker>

  constructor (options: ProviderBreakerOptions) {
    this.breakers = new Map((['chat', 'embeddings'] as const).map((endpoint) => [endpoint, new CircuitBreaker(options)]))
  }

  /** `true` obliges the caller to report the call's outcome with `success` or `failure`. */
  tryAcquire (operation: AiOperation): boolean {
    return this.breaker(operation).tryAcquire()
  }

  success (operation: AiOperation): void {
    this.breaker(operation).success()
  }

  failure (operation: AiOperation, reason: AiFailureReason): void {
    if (reason !== 'circuit_open') this.breaker(operation).failure(BREAKER_REASON[reason])
  }

  state (operation: AiOperation): BreakerState {
    return this.breaker(operation).state
  }

  /** Milliseconds until the breaker lets a probe through: a client's Retry-After. */
  msUntilProbe (operation: AiOperation): number {
    return this.breaker(operation).msUntilProbe
  }

  private breaker (operation: AiOperation): CircuitBreaker {
    return this.breakers.get(endpointOf(operation))!
  }
}
