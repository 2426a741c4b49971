import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { LimitsConfig } from '../src/config.ts'
import { CvId } from './shared/cv-id.ts'
import { ACCESS_ERRORS, BODY_ERRORS, errorResponses, okResponse, requestExample } from './shared/openapi.ts'
import { requireText, TEXT_DESCRIPTION } from './shared/text-input.ts'

export interface CvRoutesOptions {
  limits: LimitsConfig
}

const EraseBody = Type.Union([
  Type.Object({ text: Type.String({ minLength: 1, description: TEXT_DESCRIPTION }) }, { additionalProperties: false }),
  Type.Object({ cv_id: CvId }, { additionalProperties: false })
], { description: 'The CV\'s text, or the `cv_id` that `/api/parse-cv` and `/api/calculate-score` answered' })

const Count = Type.Integer({ minimum: 0 })

const EraseResponse = Type.Object({
  cv_id: CvId,
  keys: Type.Integer({ minimum: 0, description: 'Cache entries looked for: the parse result and every role and industries entry derived from it' }),
  l1: Type.Object({ removed: Type.Integer({ minimum: 0, description: 'Entries removed from this instance\'s memory; the other instances are told through the invalidation bus' }) }),
  l2: Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('skipped')], { description: '`skipped` when no Redis is configured' }),
    removed: Count
  })
}, { additionalProperties: false })

/** No Redis to erase from: the cache is switched off, or runs on L1 alone. */
const L2_ABSENT: ReadonlySet<string> = new Set(['disabled', 'l1_only'])

/** Retry-After of an erasure that could not reach Redis: the circuit breaker's cool-down is about a second. */
const RETRY_AFTER_SECONDS = 5

/** An erasure whose Redis part failed: 503 (retry), never a 200 that would claim the data is gone. */
class ErasureIncompleteError extends Error {
  readonly statusCode = 503
  readonly expose = true
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS
}

/** The right to erasure (GDPR Art. 17) for what this service caches about a candidate. */
const cvRoutes: FastifyPluginAsyncTypebox<CvRoutesOptions> = async (fastify, options) => {
  const { maxTextBytes } = options.limits

  fastify.delete('/api/cv', {
    schema: {
      operationId: 'eraseCv',
      tags: ['privacy'],
      summary: 'Erase everything cached about one CV',
      description: 'Admin token or API key (loopback only when neither is configured). Removes the parse result and the role ' +
        'and industries derived from it from Redis, from this instance\'s memory and, through the invalidation bus, from every ' +
        'other instance\'s. 503 with Retry-After when Redis cannot be reached: the in-memory copies are gone, the stored ones not yet.',
      body: requestExample(EraseBody, 'eraseCv'),
      response: {
        200: okResponse(EraseResponse, 'eraseCv', 'What was erased from this instance\'s memory and from Redis'),
        ...errorResponses(...BODY_ERRORS, ...ACCESS_ERRORS, 503)
      }
    }
  }, async (request) => {
    const body = request.body
    const erased = 'text' in body
      ? await fastify.ai.eraseCvText(requireText(body.text, 'text', maxTextBytes))
      : { cvId: body.cv_id, ...await fastify.ai.eraseCv(body.cv_id) }
    if (erased.l2Failure !== undefined) {
      throw new ErasureIncompleteError(`Removed ${erased.l1Removed} cached entries from this instance's memory, but Redis could not be ` +
        `reached (${erased.l2Failure.reason}): the stored copies are not erased yet. Retry the same request.`)
    }
    return {
      cv_id: erased.cvId,
      keys: erased.keys,
      l1: { removed: erased.l1Removed },
      l2: { status: L2_ABSENT.has(fastify.cache.l2StatusLabel()) ? 'skipped' as const : 'ok' as const, removed: erased.l2Removed }
    }
  })
}

export default cvRoutes
