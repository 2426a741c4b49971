import { Type } from 'typebox'
import type { TwoTierCache } from '../cache/index.ts'
import { CACHE_POLICY } from '../cache-policy.ts'
import type { DomainConfig } from '../config.ts'
import { schemaValidator } from '../schema-validator.ts'
import { DnsVerifier } from './dns-verifier.ts'
import type { DomainVerifier } from './dns-verifier.ts'
import { DomainSuggestion, suggestDomains, verifySuggestions } from './suggest-domains.ts'
import type { DomainQuery } from './suggest-domains.ts'

/**
 * Domain suggestions behind the safe cache (namespace `domain`, one hour: what
 * `POST /api/cache/clear-domains` empties). An answer with an inconclusive DNS lookup is not
 * cached, so a resolver hiccup is not remembered for an hour.
 */
const isSuggestionList = schemaValidator(Type.Array(DomainSuggestion))

export class DomainFinder {
  private readonly cache: TwoTierCache
  private readonly verifier: DomainVerifier | undefined

  constructor (cache: TwoTierCache, config: DomainConfig) {
    this.cache = cache
    this.verifier = config.verifyDns ? new DnsVerifier({ timeoutMs: config.dnsTimeoutMs, servers: config.dnsServers }) : undefined
  }

  async find (query: DomainQuery): Promise<DomainSuggestion[]> {
    const { namespace, ttlSeconds } = CACHE_POLICY.domain
    const input = { company: query.companyName, location: query.location ?? '', industry: query.industry ?? '', dns: this.verifier !== undefined }
    const cached = await this.cache.safeGet<DomainSuggestion[]>(namespace, input, { validate: isSuggestionList })
    if (cached !== undefined) return cached
    const suggestions = suggestDomains(query)
    const answer = this.verifier === undefined ? suggestions : await verifySuggestions(suggestions, this.verifier)
    if (this.verifier === undefined || answer.every((suggestion) => suggestion.verified !== null)) {
      this.cache.safeSet(namespace, input, answer, ttlSeconds)
    }
    return answer
  }
}
