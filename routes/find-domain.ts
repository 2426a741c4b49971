import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { CacheConfig, DomainConfig } from '../src/config.ts'
import { DomainFinder } from '../src/domains/domain-finder.ts'
import { DomainSuggestion } from '../src/domains/suggest-domains.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { answerWithProvenance, Provenance, withProvenance } from './shared/provenance.ts'

export interface FindDomainRoutesOptions {
  domains: DomainConfig
  cache: Pick<CacheConfig, 'policies' | 'eagerRefreshFraction'>
}

const FindDomainBody = Type.Object({
  company_name: Type.String({ minLength: 1, maxLength: 300, description: 'Legal suffixes (Inc, Ltd, GmbH, S.A., …) are ignored' }),
  location: Type.Optional(Type.String({ maxLength: 300, description: 'City or country; picks country TLDs (Berlin → .de)' })),
  industry: Type.Optional(Type.String({ maxLength: 100, description: 'Hints TLDs such as .io or .org' }))
}, { additionalProperties: false })

const FindDomainResponse = Type.Object({
  suggestions: Type.Array(DomainSuggestion, { description: 'Best first' })
})

const findDomainRoutes: FastifyPluginAsyncTypebox<FindDomainRoutesOptions> = async (fastify, options) => {
  const finder = new DomainFinder(fastify.cache, options.domains, {
    policy: options.cache.policies.domain,
    eagerRefreshFraction: options.cache.eagerRefreshFraction
  })

  fastify.post('/api/find-domain', {
    schema: {
      tags: ['domains'],
      summary: "Suggest a company's web domain",
      description: 'Ranked guesses from the company name, location and industry, optionally checked in DNS (DOMAIN_VERIFY_DNS). ' +
        'Cached for one hour (CACHE_TTL_DOMAIN_SECONDS); the first request after 80 % of that (CACHE_EAGER_REFRESH_FRACTION) ' +
        'refreshes the entry in the background. POST /api/cache/clear-domains empties that cache.',
      body: FindDomainBody,
      response: { 200: withProvenance(FindDomainResponse, 'DomainSuggestions'), ...ERROR_RESPONSES }
    }
  }, async (request, reply) => {
    const { company_name: companyName, location, industry } = request.body
    const { suggestions, source } = await finder.find({ companyName, location, industry })
    const provenance = new Provenance()
    provenance.add(source === 'computed' ? 'provider' : source)
    return answerWithProvenance(reply, provenance, { suggestions })
  })
}

export default findDomainRoutes
