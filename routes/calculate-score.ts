import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ParsedCv, ParsedJob } from '../src/ai/schemas.ts'
import type { LimitsConfig } from '../src/config.ts'
import { FitScore } from '../src/matching/fit-score.ts'
import { scoreCandidate } from '../src/matching/score-candidate.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { matchingAi } from './shared/matching-ai.ts'
import { okResponse, requestExample } from './shared/openapi.ts'
import { acceptingProvenance, answerWithProvenance, Provenance, withoutMeta, withProvenance } from './shared/provenance.ts'
import { requireText, TEXT_DESCRIPTION } from './shared/text-input.ts'

export interface CalculateScoreRoutesOptions {
  limits: LimitsConfig
}

const ScoreBody = Type.Object({
  cv: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), acceptingProvenance(ParsedCv)], { description: 'CV text, or the object `/api/parse-cv` returned' }),
  jd: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), acceptingProvenance(ParsedJob)], { description: 'Job description text, or the object `/api/parse` returned' })
}, { additionalProperties: false })

const calculateScoreRoutes: FastifyPluginAsyncTypebox<CalculateScoreRoutesOptions> = async (fastify, options) => {
  const { maxTextBytes } = options.limits
  const ai = fastify.ai

  fastify.post('/api/calculate-score', {
    schema: {
      operationId: 'calculateScore',
      tags: ['matching'],
      summary: 'Score how well a CV fits a job description',
      description: 'Overall 0-100 with a breakdown (skills by embedding similarity, experience, role category, industries, ' +
        'education), the weights used and short explanations. Raw texts are parsed (and cached) first; a text and its parsed ' +
        'object score the same.',
      body: requestExample(ScoreBody, 'calculateScore'),
      response: {
        200: okResponse(withProvenance(FitScore, 'FitScoreAnswer'), 'calculateScore', 'The fit score, its breakdown, weights and explanations'),
        ...ERROR_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { cv, jd } = request.body
    const provenance = new Provenance()
    const [parsedCv, parsedJob] = await Promise.all([
      typeof cv === 'string' ? ai.parseCv(requireText(cv, 'cv', maxTextBytes), provenance) : withoutMeta(cv),
      typeof jd === 'string' ? ai.parseJobDescription(requireText(jd, 'jd', maxTextBytes), provenance) : withoutMeta(jd)
    ])
    return answerWithProvenance(reply, provenance, await scoreCandidate(matchingAi(ai, provenance), parsedCv, parsedJob))
  })
}

export default calculateScoreRoutes
