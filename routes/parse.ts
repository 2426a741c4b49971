import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ParsedJob } from '../src/ai/schemas.ts'
import type { LimitsConfig } from '../src/config.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { answerWithProvenance, Provenance, withProvenance } from './shared/provenance.ts'
import { requireText, TextBody } from './shared/text-input.ts'

export interface ParseRoutesOptions {
  limits: LimitsConfig
}

const parseRoutes: FastifyPluginAsyncTypebox<ParseRoutesOptions> = async (fastify, options) => {
  fastify.post('/api/parse', {
    schema: {
      tags: ['parsing'],
      summary: 'Parse a job description',
      description: 'Extracts title, company, location, remote policy, seniority, years, required and preferred skills, ' +
        'responsibilities, education, languages, salary, industries and role category. Cached for 30 days by a hash of the text.',
      body: TextBody,
      response: { 200: withProvenance(ParsedJob, 'ParsedJobAnswer'), ...ERROR_RESPONSES }
    }
  }, async (request, reply) => {
    const provenance = new Provenance()
    const job = await fastify.ai.parseJobDescription(requireText(request.body.text, 'text', options.limits.maxTextBytes), provenance)
    return answerWithProvenance(reply, provenance, job)
  })
}

export default parseRoutes
