import { Type } from 'typebox'
import type { Static, TSchema, TSchemaOptions } from 'typebox'
import { EDUCATION_LEVELS, EXPERIENCE_UNKNOWN_REASONS, IndustryList, RoleCategory } from '../ai/schemas.ts'

/**
 * The answer of `POST /api/calculate-score`. Every score is an integer from 0 (no fit) to 100
 * (full fit); the descriptions below end up in the OpenAPI document, so they say how each one is
 * computed.
 */

const Nullable = <T extends TSchema>(schema: T, options?: TSchemaOptions) => Type.Union([schema, Type.Null()], options)

const Score = (description: string) => Type.Integer({ minimum: 0, maximum: 100, description })
const Weight = Type.Number({ minimum: 0, maximum: 1 })
const Years = Type.Number({ minimum: 0, maximum: 80 })
const Similarity = Type.Number({
  minimum: -1,
  maximum: 1,
  description: 'Cosine similarity of the two skill embeddings, 3 decimals; 1 for the same canonical name'
})
const EducationLevel = Type.Enum(EDUCATION_LEVELS)
const SkillNames = (description: string) => Type.Array(Type.String(), { description })

export const SkillMatch = Type.Object({
  skill: Type.String({ description: 'The skill the job asks for (canonical name)' }),
  best_match: Nullable(Type.String({ description: 'The closest skill on the CV; null when the CV lists none or none is similar at all (similarity 0)' })),
  similarity: Similarity,
  matched: Type.Boolean({ description: 'Whether the closest CV skill counts as having the skill (similarity at or above the match threshold)' })
}, { additionalProperties: false })

export const SkillsBreakdown = Type.Object({
  score: Score('Weighted share of the job\'s skills the CV covers, a required skill counting twice a preferred one; a missed skill still earns partial credit when the CV has a near equivalent. 100 when the job names no skills (its weight is then 0)'),
  required: Type.Array(SkillMatch, { description: 'One entry per required skill, in the job\'s order' }),
  preferred: Type.Array(SkillMatch, { description: 'One entry per preferred skill, in the job\'s order (skills also required are listed under required only)' }),
  missing_required: SkillNames('Required skills the CV does not cover, in the job\'s order'),
  missing_preferred: SkillNames('Preferred skills the CV does not cover, in the job\'s order')
}, { additionalProperties: false })

export const ExperienceBreakdown = Type.Object({
  score: Score('100 within the asked range; below the minimum, the share of it the candidate has; above the maximum, a small deduction per extra year; then scaled by `relevance`. The weight is 0 when the job asks for no years or the candidate\'s years are unknown'),
  required_min_years: Nullable(Years),
  required_max_years: Nullable(Years),
  candidate_years: Nullable(Years, { description: 'null when the CV shows no dated experience: unknown, not zero, so experience is left out of the score' }),
  candidate_years_unknown_reason: Nullable(Type.Enum(EXPERIENCE_UNKNOWN_REASONS), { description: 'Why candidate_years is null (from the parsed CV); null when known' }),
  relevance: Type.Number({ minimum: 0, maximum: 1, description: 'Share of the experience that counts: how related the candidate\'s background is to the job (the better of the role and skills scores, /100); the score is scaled by it' })
}, { additionalProperties: false })

export const TitleMatch = Type.Object({
  job_title: Type.String(),
  candidate_title: Type.String({ description: 'The CV job title closest to the job\'s title' }),
  similarity: Type.Number({ minimum: -1, maximum: 1, description: 'Cosine similarity of the two title embeddings, 3 decimals' })
}, { additionalProperties: false })

export const RoleBreakdown = Type.Object({
  score: Score('100 for the same role category, partial credit for a related one (e.g. data science and data engineering), 0 otherwise, 50 when either side is "other"; raised to the title similarity when the candidate has held a title close to the job\'s'),
  job: RoleCategory,
  candidate: RoleCategory,
  title_match: Nullable(TitleMatch, { description: 'The closest title the candidate has held, when titles were compared (only when the categories differ)' })
}, { additionalProperties: false })

export const IndustryBreakdown = Type.Object({
  score: Score('0 without overlap; with overlap, 50 plus half the share of the job\'s industries the candidate has worked in; 50 (neutral) when the job names no industry'),
  job: IndustryList,
  candidate: IndustryList,
  overlap: IndustryList
}, { additionalProperties: false })

export const EducationBreakdown = Type.Object({
  score: Score('100 at or above the required level, less for each level below it, 0 when the CV shows no level. 100 when the job names no minimum level (its weight is then 0)'),
  required_level: Nullable(EducationLevel),
  candidate_level: Nullable(EducationLevel, { description: 'Highest level found on the CV' })
}, { additionalProperties: false })

export const FitWeights = Type.Object({
  skills: Weight,
  experience: Weight,
  role: Weight,
  industry: Weight,
  education: Weight
}, {
  additionalProperties: false,
  description: 'Weights the overall score used, summing to 1 (4 decimals). Defaults: skills 0.5, experience 0.2, role, industry and education 0.1 each; the weight of a criterion the job says nothing about is shared among the others in proportion'
})

export const FitScore = Type.Object({
  overall: Score('Weighted mean of the breakdown scores, rounded'),
  weights: FitWeights,
  breakdown: Type.Object({
    skills: SkillsBreakdown,
    experience: ExperienceBreakdown,
    role: RoleBreakdown,
    industry: IndustryBreakdown,
    education: EducationBreakdown
  }, { additionalProperties: false }),
  explanations: Type.Array(Type.String(), { description: 'Short sentences explaining the scores, in the order of the breakdown' })
}, { additionalProperties: false, title: 'FitScore' })

export type SkillMatch = Static<typeof SkillMatch>
export type SkillsBreakdown = Static<typeof SkillsBreakdown>
export type ExperienceBreakdown = Static<typeof ExperienceBreakdown>
export type TitleMatch = Static<typeof TitleMatch>
export type RoleBreakdown = Static<typeof RoleBreakdown>
export type IndustryBreakdown = Static<typeof IndustryBreakdown>
export type EducationBreakdown = Static<typeof EducationBreakdown>
export type FitWeights = Static<typeof FitWeights>
export type FitScore = Static<typeof FitScore>

/**
 * What each criterion's matcher returns. `applies` is false when the job says nothing about the
 * criterion: its weight then goes to the others.
 */
export interface Assessment<Breakdown> {
  breakdown: Breakdown
  applies: boolean
  explanations: string[]
}
