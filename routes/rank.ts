import { STATUS_CODES } from 'node:http'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { Type } from 'typebox'
import type { Static } from 'typebox'
import { ParsedJob } from '../src/ai/schemas.ts'
import { ClientError } from '../src/client-error.ts'
import type { LimitsConfig } from '../src/config.ts'
import { mapBounded } from '../src/map-bounded.ts'
import type { FitScore } from '../src/matching/fit-score.ts'
import { classifyCv, scoreMany } from '../src/matching/score-candidate.ts'
import type { ClassifiedCv } from '../src/matching/score-candidate.ts'
import { ERROR_RESPONSES } from './shared/errors.ts'
import { okResponse, requestExample } from './shared/openapi.ts'
import { matchingAi } from './shared/matching-ai.ts'
import { ParsedCvInput, withoutCvId } from './shared/cv-id.ts'
import { acceptingProvenance, answerWithProvenance, Provenance, withoutMeta, withProvenance } from './shared/provenance.ts'
import { requireText, TEXT_DESCRIPTION } from './shared/text-input.ts'

export interface RankRoutesOptions {
  limits: LimitsConfig
}

/**
 * CVs parsed and classified at once. With the local provider the work is CPU-bound and this
 * only sets how many are in flight between event-loop turns; with a remote provider it bounds
 * the concurrent calls one ranking makes.
 */
const PARSE_CONCURRENCY = 4

const CandidateId = Type.String({ minLength: 1, maxLength: 200, description: 'The caller\'s id for this CV, echoed in the answer' })

const Candidate = Type.Object({
  id: CandidateId,
  cv: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), ParsedCvInput], { description: 'CV text, or the object `/api/parse-cv` returned' })
}, { additionalProperties: false })

const CriterionScores = Type.Object({
  skills: Type.Integer({ minimum: 0, maximum: 100 }),
  experience: Type.Integer({ minimum: 0, maximum: 100 }),
  role: Type.Integer({ minimum: 0, maximum: 100 }),
  industry: Type.Integer({ minimum: 0, maximum: 100 }),
  education: Type.Integer({ minimum: 0, maximum: 100 })
}, { additionalProperties: false, description: 'Each criterion\'s score, as in `/api/calculate-score`\'s breakdown' })

const RankedCv = Type.Object({
  id: CandidateId,
  rank: Type.Integer({ minimum: 1, description: '1 for the best fit; ties share no rank: the higher skills score, then the request order, decide' }),
  overall: Type.Integer({ minimum: 0, maximum: 100, description: 'Exactly what `/api/calculate-score` gives for this CV and job' }),
  scores: CriterionScores,
  missing_required: Type.Array(Type.String(), { description: 'Required skills of the job the CV does not cover' }),
  explanations: Type.Array(Type.String())
}, { additionalProperties: false })

const CandidateError = Type.Object({
  id: CandidateId,
  statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
  error: Type.String(),
  message: Type.String({ description: 'Why this CV could not be scored; the others are unaffected' })
}, { additionalProperties: false, description: 'A CV that could not be parsed or scored, in Fastify\'s error shape plus its id' })

export const RankResponse = Type.Object({
  ranked: Type.Array(RankedCv, { description: 'The scored CVs, best fit first' }),
  errors: Type.Array(CandidateError, { description: 'The CVs that could not be scored, in request order' })
}, { additionalProperties: false, title: 'Ranking' })

type RankedCv = Static<typeof RankedCv>
type CandidateError = Static<typeof CandidateError>

const rankRoutes: FastifyPluginAsyncTypebox<RankRoutesOptions> = async (fastify, options) => {
  const { maxTextBytes, rankMaxCvs, rankBodyLimitBytes } = options.limits
  const ai = fastify.ai

  const RankBody = Type.Object({
    jd: Type.Union([Type.String({ minLength: 1, description: TEXT_DESCRIPTION }), acceptingProvenance(ParsedJob)], { description: 'Job description text, or the object `/api/parse` returned' }),
    cvs: Type.Array(Candidate, { minItems: 1, maxItems: rankMaxCvs, description: `1 to ${rankMaxCvs} CVs (RANK_MAX_CVS), each with the caller's id` })
  }, { additionalProperties: false })

  fastify.post('/api/rank', {
    bodyLimit: rankBodyLimitBytes,
    schema: {
      operationId: 'rankCvs',
      tags: ['matching'],
      summary: 'Rank many CVs against one job description',
      description: 'Every CV is scored exactly as `/api/calculate-score` would score it against the job, and the CVs come back ' +
        'best fit first. A CV that cannot be parsed (blank, too long, an upstream failure for that CV) is listed under `errors` ' +
        'with its id; it does not fail the batch. All the vectors of the batch are fetched in one cache lookup and the fewest ' +
        `provider calls. Bodies up to RANK_BODY_LIMIT_BYTES (${rankBodyLimitBytes} bytes).`,
      body: requestExample(RankBody, 'rankCvs'),
      response: { 200: okResponse(withProvenance(RankResponse, 'RankingAnswer'), 'rankCvs', 'The CVs best fit first, and the ones that could not be scored'), ...ERROR_RESPONSES }
    }
  }, async (request, reply) => {
    const { jd, cvs } = request.body
    requireUniqueIds(cvs.map((candidate) => candidate.id))
    const provenance = new Provenance()
    const scoring = matchingAi(ai, provenance)
    const job = typeof jd === 'string' ? await ai.parseJobDescription(requireText(jd, 'jd', maxTextBytes), provenance) : withoutMeta(jd)

    const errors: CandidateError[] = []
    const classified = await mapBounded(cvs, PARSE_CONCURRENCY, async ({ id, cv }, index): Promise<ClassifiedCv | undefined> => {
      try {
        const parsed = typeof cv === 'string' ? await ai.parseCv(requireText(cv, `cvs[${index}].cv`, maxTextBytes), provenance) : withoutCvId(withoutMeta(cv))
        return await classifyCv(scoring, parsed)
      } catch (error) {
        errors.push(candidateError(id, error, request.log))
        return undefined
      }
    })
    const scoredIds = cvs.map((candidate) => candidate.id).filter((_, index) => classified[index] !== undefined)
    const scores = await scoreMany(scoring, classified.filter((entry) => entry !== undefined), job)
    const order = new Map(cvs.map((candidate, index) => [candidate.id, index]))
    errors.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number))
    return answerWithProvenance(reply, provenance, { ranked: rankScores(scoredIds, scores), errors })
  })
}

function requireUniqueIds (ids: readonly string[]): void {
  // Named by position, not by value: a caller's id may be a name or an e-mail address.
  const firstAt = new Map<string, number>()
  ids.forEach((id, index) => {
    const first = firstAt.get(id)
    if (first !== undefined) throw new ClientError(400, `cvs[${index}].id repeats cvs[${first}].id: ids must be unique`)
    firstAt.set(id, index)
  })
}

/** Best first; equal overall scores are ordered by the skills score, then by request order. */
function rankScores (ids: readonly string[], scores: readonly FitScore[]): RankedCv[] {
  const entries = scores.map((score, index) => ({ id: ids[index] as string, index, score }))
  entries.sort((a, b) => b.score.overall - a.score.overall || b.score.breakdown.skills.score - a.score.breakdown.skills.score || a.index - b.index)
  return entries.map(({ id, score }, position) => ({
    id,
    rank: position + 1,
    overall: score.overall,
    scores: {
      skills: score.breakdown.skills.score,
      experience: score.breakdown.experience.score,
      role: score.breakdown.role.score,
      industry: score.breakdown.industry.score,
      education: score.breakdown.education.score
    },
    missing_required: score.breakdown.skills.missing_required,
    explanations: score.explanations
  }))
}

/**
 * A failed CV as its own error entry: client errors (blank, too long) and upstream errors keep
 * their status and client-facing message; anything else is logged and reported without internals.
 */
function candidateError (id: string, error: unknown, log: FastifyBaseLogger): CandidateError {
  const exposed = error instanceof ClientError || (error instanceof Error && (error as { expose?: boolean }).expose === true)
  const statusCode = exposed ? (error as { statusCode: number }).statusCode : 500
  if (!exposed) log.error({ err: error }, 'ranking: a CV could not be scored')
  return {
    id,
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: exposed ? (error as Error).message : 'This CV could not be scored. It has been logged; retrying may help.'
  }
}

export default rankRoutes
