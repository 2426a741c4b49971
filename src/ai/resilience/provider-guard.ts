import { trace } from '@opentelemetry/api'
import type { EntryUsage } from '../../cache/index.ts'
import { AiProviderError } from '../errors.ts'
import type { AiFailureReason } from '../errors.ts'
import type { AiOperation, CallOptions } from '../provider.ts'
import type { Usage } from '../telemetry.ts'
import type { ProviderBreakers } from './provider-breakers.ts'
import type { ResilienceObserver } from './resilience-observer.ts'

/** How long a caller waits for one provider call: `softMs` when a stale answer is at hand, `hardMs` when not. */
export interface ProviderTimeouts {
  softMs: number
  hardMs: number
}

export interface ProviderGuardOptions {
  breakers: ProviderBreakers
  /** Chat completions (parsing, classification) and embeddings differ by an order of magnitude. */
  timeouts: { chat: ProviderTimeouts, embedding: ProviderTimeouts }
  observer?: ResilienceObserver | undefined
}

/** A provider's answer and the tokens it billed (summed over the requests that made it). */
export interface Metered<T> {
  value: T
  usage: EntryUsage | undefined
}

const MESSAGES = {
  timeout: 'The AI provider did not answer in time; retry later, or with a shorter text.',
  circuit_open: 'The AI provider failed repeatedly just now and is not being called for a moment; retry shortly.'
} as const

/**
 * Every call to the provider goes through here: the breaker admits it or refuses it at once, and
 * the hard timeout bounds it. The bound does not rely on the SDK: the call's AbortSignal fires
 * (ending the SDK's own retries and Retry-After sleeps) and the wait ends at the same moment,
 * whatever the SDK does next. Every outcome is reported to the breaker.
 */
export class ProviderGuard {
  private readonly breakers: ProviderBreakers
  private readonly timeoutSettings: ProviderGuardOptions['timeouts']
  private readonly observer: ResilienceObserver | undefined

  constructor (options: ProviderGuardOptions) {
    this.breakers = options.breakers
    this.timeoutSettings = options.timeouts
    this.observer = options.observer
  }

  timeouts (operation: AiOperation): ProviderTimeouts {
    return operation === 'embed' ? this.timeoutSettings.embedding : this.timeoutSettings.chat
  }

  async run<T> (operation: AiOperation, work: (options: CallOptions) => Promise<T>): Promise<Metered<T>> {
    if (!this.breakers.tryAcquire(operation)) {
      throw new AiProviderError('circuit_open', MESSAGES.circuit_open, { retryAfterSeconds: Math.max(1, Math.ceil(this.breakers.msUntilProbe(operation) / 1000)) })
    }
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        // Rejected before the abort, so the wait ends with this error, not the SDK's abort error.
        reject(new AiProviderError('timeout', MESSAGES.timeout))
        controller.abort()
      }, this.timeouts(operation).hardMs)
    })
    let usage: EntryUsage | undefined
    const onUsage = (billed: Usage) => {
      usage = { inputTokens: (usage?.inputTokens ?? 0) + billed.inputTokens, outputTokens: (usage?.outputTokens ?? 0) + billed.outputTokens }
    }
    try {
      const value = await Promise.race([work({ signal: controller.signal, onUsage }), expired])
      this.breakers.success(operation)
      return { value, usage }
    } catch (error) {
      if (controller.signal.aborted) {
        this.observer?.onTimeout(operation, 'hard')
        trace.getActiveSpan()?.addEvent('jobfit.ai.hard_timeout', { 'jobfit.ai.operation': operation })
      }
      this.breakers.failure(operation, failureReason(error))
      throw error
    } finally {
      clearTimeout(timer)
    }
  }
}

/** Anything but an `AiProviderError` is a bug on our side reading the answer: an unusable answer. */
export function failureReason (error: unknown): AiFailureReason {
  return error instanceof AiProviderError ? error.reason : 'bad_response'
}
