import { Type } from 'typebox'
import { FailSafeCache } from '../cache/index.ts'
import type { CacheInput, FailSafePolicy, TwoTierCache } from '../cache/index.ts'
import { CACHE_POLICY } from '../cache-policy.ts'
import type { DomainConfig } from '../config.ts'
import { schemaValidator } from '../schema-validator.ts'
import { DnsVerifier } from './dns-verifier.ts'
import type { DomainVerifier } from './dns-verifier.ts'
import { DomainSuggestion, suggestDomains, verifySuggestions } from './suggest-domains.ts'
import type { DomainQuery } from './suggest-domains.ts'

/**
 * Domain suggestions behind the fail-safe cache (namespace `domain`, one hour by default: what
 * `POST /api/cache/clear-domains` empties). An answer with an inconclusive DNS lookup is not
 * cached, so a resolver hiccup is not remembered for an hour; when a stale answer (within its
 * grace) is at hand it is answered instead. Eager refresh: the first read after
 * `eagerRefreshFraction` of the TTL recomputes the entry in the background, once, so popular
 * companies never wait for DNS.
 */
const isSuggestionList = schemaValidator(Type.Array(DomainSuggestion))

export interface DomainCacheSettings {
  policy: FailSafePolicy
  eagerRefreshFraction: number
}

/** `cache`: a fresh cached answer; `computed`: worked out now; `stale`: an expired one, because DNS was inconclusive. */
export type DomainAnswerSource = 'cache' | 'computed' | 'stale'

export interface DomainAnswer {
  suggestions: DomainSuggestion[]
  source: DomainAnswerSource
}

interface Computed {
  suggestions: DomainSuggestion[]
  /** Every DNS verdict known (or DNS not used): worth caching. */
  conclusive: boolean
}

export class DomainFinder {
  private readonly cache: FailSafeCache
  private readonly settings: DomainCacheSettings
  private readonly verifier: DomainVerifier | undefined

  constructor (cache: TwoTierCache, config: DomainConfig, settings: DomainCacheSettings = { policy: CACHE_POLICY.domain, eagerRefreshFraction: 0.8 }) {
    this.cache = new FailSafeCache(cache)
    this.settings = settings
    this.verifier = config.verifyDns ? new DnsVerifier({ timeoutMs: config.dnsTimeoutMs, servers: config.dnsServers }) : undefined
  }

  async find (query: DomainQuery): Promise<DomainAnswer> {
    const { policy, eagerRefreshFraction } = this.settings
    const input = { company: query.companyName, location: query.location ?? '', industry: query.industry ?? '', dns: this.verifier !== undefined }
    const cached = await this.cache.read(policy, input, isSuggestionList)
    if (cached?.fresh === true) {
      if (this.cache.refreshDue(policy, cached, eagerRefreshFraction)) {
        // In the background: nobody waits for it, and its failure leaves the cached answer in place.
        this.compute(query, input).catch(() => {})
      }
      return { suggestions: cached.value, source: 'cache' }
    }
    const computed = await this.compute(query, input)
    if (!computed.conclusive && cached !== undefined) return { suggestions: cached.value, source: 'stale' }
    return { suggestions: computed.suggestions, source: 'computed' }
  }

  /** One computation per key at a time, whoever asks (a request or an eager refresh). */
  private compute (query: DomainQuery, input: CacheInput): Promise<Computed> {
    const { policy } = this.settings
    return this.cache.refreshOnce(policy, input, async () => {
      const suggestions = suggestDomains(query)
      const answer = this.verifier === undefined ? suggestions : await verifySuggestions(suggestions, this.verifier)
      const conclusive = this.verifier === undefined || answer.every((suggestion) => suggestion.verified !== null)
      if (conclusive) this.cache.write(policy, input, answer)
      return { suggestions: answer, conclusive }
    })
  }
}
