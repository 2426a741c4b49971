import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { AiService } from '../src/ai/ai-service.ts'
import { ParsedCv, ParsedJob } from '../src/ai/schemas.ts'
import type { LimitsConfig } from '../src/config.ts'
import { describeCv } from '../src/matching/describe-cv.ts'
import { FitScore } from '../src/matching/fit-score.ts'
import { scoreFit } from '../src/matching/score-fit.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { acceptingProvenance, answerWithProvenance, Provenance, withProvenance } from './shared/provenance.ts'
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
      tags: ['matching'],
      summary: 'Score how well a CV fits a job description',
      description: 'Overall 0-100 with a breakdown (skills by embedding similarity, experience, role category, industries, ' +
        'education), the weights used and short explanations. Raw texts are parsed (and cached) first; a text and its parsed ' +
        'object score the same.',
      body: ScoreBody,
      response: { 200: withProvenance(FitScore, 'FitScoreAnswer'), ...ERROR_RESPONSES }
    }
  }, async (request, reply) => {
    const { cv, jd } = request.body
    const provenance = new Provenance()
    const [parsedCv, parsedJob] = await Promise.all([
      typeof cv === 'string' ? ai.parseCv(requireText(cv, 'cv', maxTextBytes), provenance) : withoutMeta(cv),
      typeof jd === 'string' ? ai.parseJobDescription(requireText(jd, 'jd', maxTextBytes), provenance) : withoutMeta(jd)
    ])
    return answerWithProvenance(reply, provenance, await scoreParsed(ai, parsedCv, parsedJob, provenance))
  })
}

/** A parse answer sent back as it came: its provenance is not part of what is scored. */
function withoutMeta<T extends { meta?: unknown }> ({ meta: _meta, ...parsed }: T): Omit<T, 'meta'> {
  return parsed
}

/** The CV's role and industries come from its parsed form, so text and object inputs agree. */
async function scoreParsed (ai: AiService, cv: ParsedCv, jd: ParsedJob, provenance: Provenance) {
  const profile = describeCv(cv)
  const [cvRoleCategory, cvIndustries] = await Promise.all([
    ai.classifyRoleCategory(profile.title, profile.text, provenance),
    ai.extractIndustries(profile.text, provenance)
  ])
  return scoreFit({ cv, jd, cvRoleCategory, cvIndustries, embed: (texts) => ai.getEmbeddings(texts, provenance) })
}

export default calculateScoreRoutes
