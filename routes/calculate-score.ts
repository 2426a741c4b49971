import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { AiService } from '../src/ai/ai-service.ts'
import type { ParsedCv } from '../src/ai/schemas.ts'
import { ParsedJob } from '../src/ai/schemas.ts'
import type { LimitsConfig } from '../src/config.ts'
import { FitScore } from '../src/matching/fit-score.ts'
import { scoreFit } from '../src/matching/score-fit.ts'
import { CvId, ParsedCvInput } from './shared/cv-id.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { requireText, TEXT_DESCRIPTION } from './shared/text-input.ts'

export interface CalculateScoreRoutesOptions {
  limits: LimitsConfig
}

const ScoreBody = Type.Object({
  cv: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), ParsedCvInput], { description: 'CV text, or the object `/api/parse-cv` returned' }),
  jd: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), ParsedJob], { description: 'Job description text, or the object `/api/parse` returned' })
}, { additionalProperties: false })

const ScoreResponse = Type.Object({
  ...FitScore.properties,
  cv_id: Type.Union([CvId, Type.Null()], { description: 'The CV\'s `cv_id` when it was sent as text or with its `cv_id`; null otherwise' })
}, { additionalProperties: false, title: 'FitScoreWithCvId' })

const calculateScoreRoutes: FastifyPluginAsyncTypebox<CalculateScoreRoutesOptions> = async (fastify, options) => {
  const { maxTextBytes } = options.limits
  const ai = fastify.ai

  fastify.post('/api/calculate-score', {
    schema: {
      tags: ['matching'],
      summary: 'Score how well a CV fits a job description',
      description: 'Overall 0-100 with a breakdown (skills by embedding similarity, experience, role category, industries, ' +
        'education), the weights used and short explanations. Raw texts are parsed (and cached) first; a text and its parsed ' +
        'object score the same.',
      body: ScoreBody,
      response: { 200: ScoreResponse, ...ERROR_RESPONSES }
    }
  }, async (request) => {
    const { cv, jd } = request.body
    const cvId = typeof cv === 'string' ? ai.cvId(cv) : cv.cv_id
    const [parsedCv, parsedJob] = await Promise.all([
      typeof cv === 'string' ? ai.parseCv(requireText(cv, 'cv', maxTextBytes)) : cv,
      typeof jd === 'string' ? ai.parseJobDescription(requireText(jd, 'jd', maxTextBytes)) : jd
    ])
    return { ...await scoreParsed(ai, parsedCv, parsedJob, cvId), cv_id: cvId ?? null }
  })
}

/** The CV's role and industries come from its parsed form, so text and object inputs agree. */
async function scoreParsed (ai: AiService, cv: ParsedCv, jd: ParsedJob, cvId: string | undefined) {
  const { roleCategory, industries } = await ai.classifyCv(cv, cvId)
  return scoreFit({ cv, jd, cvRoleCategory: roleCategory, cvIndustries: industries, embed: (texts) => ai.getEmbeddings(texts) })
}

export default calculateScoreRoutes
