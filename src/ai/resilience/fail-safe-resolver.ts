import { trace } from '@opentelemetry/api'
import type { CachedValue, CacheInput, EntryUsage, FailSafeCache, FailSafePolicy, Validator } from '../../cache/index.ts'
import type { AiOperation, CallOptions } from '../provider.ts'
import { settleWithin } from './deadline.ts'
import type { SoftBudget } from './soft-budget.ts'
import type { ProviderGuard } from './provider-guard.ts'
import { failureReason } from './provider-guard.ts'
import { worseSource } from './provenance.ts'
import type { AnswerSource } from './provenance.ts'
import type { ResilienceObserver, StaleReason } from './resilience-observer.ts'

export interface ResolveRequest<T> {
  operation: AiOperation
  policy: FailSafePolicy
  input: CacheInput
  validate: Validator<T>
  call: (options: CallOptions) => Promise<T>
  /** The request's soft timeout, shared by its parts; each wait gets the whole soft timeout without one. */
  budget?: SoftBudget | undefined
}

export interface ResolveManyRequest<T> {
  operation: AiOperation
  policy: FailSafePolicy
  inputs: readonly CacheInput[]
  validate: Validator<T>
  /** One guarded call for all the inputs at these positions, answering in the same order. */
  call: (positions: readonly number[], options: CallOptions) => Promise<T[]>
  budget?: SoftBudget | undefined
}

/** `fallback` is never one of these: the fallback is the AI service's decision, after a rejection. */
export type ResolvedSource = Exclude<AnswerSource, 'fallback'>

export interface Resolved<T> {
  value: T
  source: ResolvedSource
}

export interface ResolvedMany<T> {
  values: T[]
  /** The least trustworthy part's. */
  source: ResolvedSource
}

export interface FailSafeResolverOptions {
  cache: FailSafeCache
  guard: ProviderGuard
  /** How long a stale answer is served again after a failure before the provider is asked again. */
  throttleSeconds: number
  observer?: ResilienceObserver | undefined
}

/**
 * FusionCache's factory semantics for the AI provider. A fresh cached value is answered. Else the
 * provider is asked (once per key at a time) through the guard:
 *
 * - with a stale value at hand, the caller waits the soft timeout at most; if the call is slower it
 *   answers the stale value and the call completes in the background, refreshing the cache; if the
 *   call fails it answers the stale value and re-caches it for the throttle period;
 * - with nothing stale, the caller waits for the call, which the hard timeout bounds; a failure is
 *   the caller's to handle (the AI service falls back to the local provider).
 */
export class FailSafeResolver {
  private readonly cache: FailSafeCache
  private readonly guard: ProviderGuard
  private readonly throttleSeconds: number
  private readonly observer: ResilienceObserver | undefined

  constructor (options: FailSafeResolverOptions) {
    this.cache = options.cache
    this.guard = options.guard
    this.throttleSeconds = options.throttleSeconds
    this.observer = options.observer
  }

  async resolve<T> (request: ResolveRequest<T>): Promise<Resolved<T>> {
    const { operation, policy, input } = request
    const cached = await this.cache.read(policy, input, request.validate)
    if (cached?.fresh === true) return { value: cached.value, source: this.fromCache(operation, [cached]) }
    const refresh = this.cache.refreshOnce(policy, input, async () => {
      const { value, usage } = await this.guard.run(operation, request.call)
      this.cache.write(policy, input, value, usage)
      return value
    })
    if (cached === undefined) return { value: await refresh, source: 'provider' }
    const reason = await this.staleReason(operation, refresh, request.budget)
    if (reason === undefined) return { value: await refresh, source: 'provider' }
    if (reason !== 'soft_timeout') this.cache.throttle(policy, input, cached, this.throttleSeconds)
    return { value: cached.value, source: this.fromStale(operation, [cached], reason) }
  }

  /**
   * The same for a batch (embeddings): the fresh entries are answered from the cache and the
   * others asked for in one call, waited for the soft timeout when every one of them has a stale
   * value, else the hard one. A failure with something missing rejects for the whole batch.
   */
  async resolveMany<T> (request: ResolveManyRequest<T>): Promise<ResolvedMany<T>> {
    const { operation, policy, inputs } = request
    const cached = await this.cache.readMany(policy, inputs, request.validate)
    const fresh = cached.filter((entry) => entry?.fresh === true) as Array<CachedValue<T>>
    const positions = inputs.flatMap((_, position) => cached[position]?.fresh === true ? [] : [position])
    const cacheSource: ResolvedSource | undefined = fresh.length === 0 ? undefined : this.fromCache(operation, fresh)
    const values = cached.map((entry) => entry?.value) as T[]
    if (positions.length === 0) return { values, source: cacheSource ?? 'cache' }
    const refresh = this.guard.run(operation, (options) => request.call(positions, options)).then(({ value, usage }) => {
      const share = usage === undefined ? undefined : perEntry(usage, positions.length)
      this.cache.writeMany(policy, positions.map((position, index) => ({ input: inputs[position]!, value: value[index], usage: share })))
      return value
    })
    const stale = positions.map((position) => cached[position])
    const merged = (computed: readonly T[]) => {
      positions.forEach((position, index) => { values[position] = computed[index] as T })
      return { values, source: worseSource(cacheSource, 'provider') }
    }
    if (stale.some((entry) => entry === undefined)) return merged(await refresh)
    const staleEntries = stale as Array<CachedValue<T>>
    const reason = await this.staleReason(operation, refresh, request.budget)
    if (reason === undefined) return merged(await refresh)
    if (reason !== 'soft_timeout') positions.forEach((position, index) => this.cache.throttle(policy, inputs[position]!, staleEntries[index]!, this.throttleSeconds))
    return { values, source: worseSource(cacheSource, this.fromStale(operation, staleEntries, reason)) }
  }

  /** Waits the soft timeout for `refresh`: `undefined` when it succeeded in time, else why the stale value must do. */
  private async staleReason (operation: AiOperation, refresh: Promise<unknown>, budget: SoftBudget | undefined): Promise<StaleReason | undefined> {
    const softMs = this.guard.timeouts(operation).softMs
    const outcome = await settleWithin(refresh, budget?.waitMs(softMs) ?? softMs)
    if (outcome.state === 'fulfilled') return undefined
    if (outcome.state === 'rejected') return failureReason(outcome.error)
    this.observer?.onTimeout(operation, 'soft')
    trace.getActiveSpan()?.addEvent('jobfit.ai.soft_timeout', { 'jobfit.ai.operation': operation })
    return 'soft_timeout'
  }

  /** Fresh hits; one re-cached by a fail-safe throttle is still a stale answer. */
  private fromCache (operation: AiOperation, entries: ReadonlyArray<CachedValue<unknown>>): ResolvedSource {
    this.saved(operation, entries)
    const throttled = entries.filter((entry) => entry.failSafe)
    return throttled.length === 0 ? 'cache' : this.fromStale(operation, [], 'throttled')
  }

  private fromStale (operation: AiOperation, entries: ReadonlyArray<CachedValue<unknown>>, reason: StaleReason): 'stale' {
    this.saved(operation, entries)
    this.observer?.onStaleServed(operation, reason)
    trace.getActiveSpan()?.addEvent('jobfit.ai.stale_served', { 'jobfit.ai.operation': operation, 'jobfit.ai.stale_reason': reason })
    return 'stale'
  }

  private saved (operation: AiOperation, entries: ReadonlyArray<CachedValue<unknown>>): void {
    const usage = entries.reduce<EntryUsage | undefined>((sum, entry) => entry.usage === undefined
      ? sum
      : { inputTokens: (sum?.inputTokens ?? 0) + entry.usage.inputTokens, outputTokens: (sum?.outputTokens ?? 0) + entry.usage.outputTokens }, undefined)
    if (usage !== undefined) this.observer?.onTokensSaved(operation, usage)
  }
}

/** A batch's billed tokens, shared evenly among its entries: each later hit saves its share. */
function perEntry (usage: EntryUsage, count: number): EntryUsage {
  return { inputTokens: usage.inputTokens / count, outputTokens: usage.outputTokens / count }
}
