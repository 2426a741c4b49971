import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ParsedJob } from '../src/ai/schemas.ts'
import type { LimitsConfig } from '../src/config.ts'
import { FitScore } from '../src/matching/fit-score.ts'
import { scoreCandidate } from '../src/matching/score-candidate.ts'
import { CvId, ParsedCvInput, withoutCvId } from './shared/cv-id.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { matchingAi } from './shared/matching-ai.ts'
import { okResponse, requestExample } from './shared/openapi.ts'
import { acceptingProvenance, answerWithProvenance, Provenance, withoutMeta, withProvenance } from './shared/provenance.ts'
import { requireText, TEXT_DESCRIPTION } from './shared/text-input.ts'

export interface CalculateScoreRoutesOptions {
  limits: LimitsConfig
}

const ScoreBody = Type.Object({
  cv: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), ParsedCvInput], { description: 'CV text, or the object `/api/parse-cv` returned' }),
  jd: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), acceptingProvenance(ParsedJob)], { description: 'Job description text, or the object `/api/parse` returned' })
}, { additionalProperties: false })

const ScoreWithCvId = Type.Object({
  ...FitScore.properties,
  cv_id: Type.Union([CvId, Type.Null()], { description: 'The CV\'s `cv_id` when it was sent as text or with its `cv_id`; null otherwise' })
})

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
        200: okResponse(withProvenance(ScoreWithCvId, 'FitScoreAnswer'), 'calculateScore', 'The fit score, its breakdown, weights and explanations, and the CV\'s cv_id'),
        ...ERROR_RESPONSES
      }
    }
  }, async (request, reply) => {
    const { cv, jd } = request.body
    const provenance = new Provenance()
    const cvId = typeof cv === 'string' ? ai.cvId(cv) : cv.cv_id
    const [parsedCv, parsedJob] = await Promise.all([
      typeof cv === 'string' ? ai.parseCv(requireText(cv, 'cv', maxTextBytes), provenance) : withoutCvId(withoutMeta(cv)),
      typeof jd === 'string' ? ai.parseJobDescription(requireText(jd, 'jd', maxTextBytes), provenance) : withoutMeta(jd)
    ])
    const score = await scoreCandidate(matchingAi(ai, provenance), parsedCv, parsedJob)
    // The role and industries just cached derive from this CV: erasing it must find them.
    if (cvId !== undefined) ai.linkCvDerivatives(cvId, parsedCv)
    return answerWithProvenance(reply, provenance, { ...score, cv_id: cvId ?? null })
  })
}

export default calculateScoreRoutes
