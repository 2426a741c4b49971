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
import { acceptingProvenance, answerWithProvenance, Provenance, withProvenance } from './shared/provenance.ts'
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
      tags: ['matching'],
      summary: 'Score how well a CV fits a job description',
      description: 'Overall 0-100 with a breakdown (skills by embedding similarity, experience, role category, industries, ' +
        'education), the weights used and short explanations. Raw texts are parsed (and cached) first; a text and its parsed ' +
        'object score the same.',
      body: ScoreBody,
      response: { 200: withProvenance(ScoreWithCvId, 'FitScoreAnswer'), ...ERROR_RESPONSES }
    }
  }, async (request, reply) => {
    const { cv, jd } = request.body
    const provenance = new Provenance()
    const cvId = typeof cv === 'string' ? ai.cvId(cv) : cv.cv_id
    const [parsedCv, parsedJob] = await Promise.all([
      typeof cv === 'string' ? ai.parseCv(requireText(cv, 'cv', maxTextBytes), provenance) : withoutMeta(cv),
      typeof jd === 'string' ? ai.parseJobDescription(requireText(jd, 'jd', maxTextBytes), provenance) : withoutMeta(jd)
    ])
    const score = await scoreParsed(ai, parsedCv, parsedJob, provenance, cvId)
    return answerWithProvenance(reply, provenance, { ...score, cv_id: cvId ?? null })
  })
}

/** A parse answer sent back as it came: its provenance and cv_id are not part of what is scored. */
function withoutMeta<T extends { meta?: unknown, cv_id?: unknown }> ({ meta: _meta, cv_id: _cvId, ...parsed }: T): Omit<T, 'meta' | 'cv_id'> {
  return parsed
}

/** The CV's role and industries come from its parsed form, so text and object inputs agree. */
async function scoreParsed (ai: AiService, cv: ParsedCv, jd: ParsedJob, provenance: Provenance, cvId: string | undefined) {
  const { roleCategory, industries } = await ai.classifyCv(cv, cvId, provenance)
  return scoreFit({ cv, jd, cvRoleCategory: roleCategory, cvIndustries: industries, embed: (texts) => ai.getEmbeddings(texts, provenance) })
}

export default calculateScoreRoutes
