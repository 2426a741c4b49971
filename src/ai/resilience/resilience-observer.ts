import type { EntryUsage } from '../../cache/index.ts'
import type { AiFailureReason } from '../errors.ts'
import type { AiOperation } from '../provider.ts'
import type { AnswerSource } from './provenance.ts'

/**
 * Why a stale value was answered: the provider was slower than the soft timeout, failed (the
 * failure's reason), or failed moments ago and is not asked again until the throttle ends.
 */
export type StaleReason = 'soft_timeout' | 'throttled' | AiFailureReason
export type TimeoutKind = 'soft' | 'hard'

/**
 * What the resilience layer reports, for one provider; plugins/ai.ts turns it into counters and
 * the same events go on the request's span. Never carries inputs or answers.
 */
export interface ResilienceObserver {
  onAnswer (operation: AiOperation, source: AnswerSource): void
  onStaleServed (operation: AiOperation, reason: StaleReason): void
  onTimeout (operation: AiOperation, kind: TimeoutKind): void
  onFallback (operation: AiOperation, reason: AiFailureReason): void
  /** A cached answer (fresh or stale) avoided a call that cost `usage` when it was made. */
  onTokensSaved (operation: AiOperation, usage: EntryUsage): void
}
