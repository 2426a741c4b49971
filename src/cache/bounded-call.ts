import type { CircuitBreaker } from './circuit-breaker.ts'
import { classifyError, failure } from './failure.ts'
import type { L2Result } from './redis-tier.ts'
import { withDeadline } from './redis-tier.ts'

/** The part of an ioredis client (standalone or cluster) that says whether commands can go out. */
export interface ConnectionStatus {
  readonly status: string
}

/**
 * One Redis call for code outside the cache tiers (rate limiter, namespace generations, erasure
 * index), with the same promises as the tiers' calls: refused at once while its breaker is
 * open or the connection is not ready, bounded by `deadlineMs`, never rejecting.
 */
export async function boundedCall<T> (
  client: ConnectionStatus,
  breaker: CircuitBreaker,
  deadlineMs: number,
  command: () => Promise<T>
): Promise<L2Result<T>> {
  const permit = breaker.tryAcquire()
  if (permit === undefined) return { ok: false, failure: failure('circuit_open', 'circuit breaker is open; Redis is not being called') }
  if (client.status !== 'ready') {
    breaker.failure(permit, 'connection')
    return { ok: false, failure: failure('connection', `Redis connection is ${client.status}`) }
  }
  try {
    const value = await withDeadline(command(), deadlineMs)
    breaker.success(permit)
    return { ok: true, value }
  } catch (error) {
    const classified = classifyError(error)
    breaker.failure(permit, classified.reason)
    return { ok: false, failure: classified }
  }
}
