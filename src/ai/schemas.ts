import { Type } from 'typebox'
import type { Static, TSchema } from 'typebox'
import { INDUSTRIES, ROLE_CATEGORIES } from './taxonomy/vocabulary.ts'

/**
 * The shapes the AI layer produces. The routes expose these same schemas (request and response),
 * and the OpenAI provider sends them as strict JSON-schema structured output, so one definition
 * serves the HTTP contract, the model's contract and the validation of its answers.
 *
 * Strict structured output requires every property to be listed in `required` and nullable
 * fields to be unions with null, so "unknown" is `null` (or an empty list), never a missing key.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Enum = <const T extends string[]>(values: readonly [...T], description?: string) =>
  Type.Enum<T>(values, description === undefined ? {} : { description })

export const SENIORITY_LEVELS = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'] as const
export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'temporary', 'internship'] as const
export const REMOTE_POLICIES = ['onsite', 'hybrid', 'remote'] as const
export const EDUCATION_LEVELS = ['high_school', 'vocational', 'associate', 'bachelor', 'master', 'doctorate'] as const
export const SALARY_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const
/**
 * Why a CV's years of experience are unknown: it names no experience at all, or its jobs carry
 * no dates that can be read. Unknown is not zero: the score leaves experience out instead.
 */
export const EXPERIENCE_UNKNOWN_REASONS = ['no_experience_found', 'no_dated_experience'] as const

export type Seniority = (typeof SENIORITY_LEVELS)[number]
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]
export type ExperienceUnknownReason = (typeof EXPERIENCE_UNKNOWN_REASONS)[number]

/** "2021-03" (month known) or "2021" (year only). */
const YearMonth = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$', description: 'YYYY-MM, or YYYY when the month is unknown' })
const Years = Type.Number({ minimum: 0, maximum: 80 })
const SkillList = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, description: 'Canonical skill names (lower case, e.g. "javascript", "kubernetes")' })
const TextList = (maxItems: number) => Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems })

export const IndustryList = Type.Array(Enum(INDUSTRIES), { maxItems: 10, description: 'Industries from the fixed vocabulary, most relevant first' })
export const RoleCategory = Enum(ROLE_CATEGORIES, 'Role category from the fixed vocabulary')

export const Salary = Type.Object({
  min: Nullable(Type.Number({ minimum: 0 })),
  max: Nullable(Type.Number({ minimum: 0 })),
  currency: Nullable(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' })),
  period: Nullable(Enum(SALARY_PERIODS))
}, { additionalProperties: false })

export const JobEducation = Type.Object({
  minimum_level: Nullable(Enum(EDUCATION_LEVELS)),
  fields: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20, description: 'Fields of study asked for, e.g. "computer science"' })
}, { additionalProperties: false })

export const ParsedJob = Type.Object({
  title: Nullable(Type.String({ maxLength: 300 })),
  company: Nullable(Type.String({ maxLength: 300 })),
  location: Nullable(Type.String({ maxLength: 300 })),
  remote_policy: Nullable(Enum(REMOTE_POLICIES)),
  employment_type: Nullable(Enum(EMPLOYMENT_TYPES)),
  seniority: Nullable(Enum(SENIORITY_LEVELS)),
  min_years_experience: Nullable(Years),
  max_years_experience: Nullable(Years),
  required_skills: SkillList,
  preferred_skills: SkillList,
  responsibilities: TextList(100),
  education: JobEducation,
  languages: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, description: 'Spoken languages asked for, lower case English names' }),
  salary: Nullable(Salary),
  industries: IndustryList,
  role_category: RoleCategory
}, { additionalProperties: false, title: 'ParsedJob' })

export const ExperienceEntry = Type.Object({
  title: Nullable(Type.String({ maxLength: 300 })),
  company: Nullable(Type.String({ maxLength: 300 })),
  start: Nullable(YearMonth),
  end: Nullable(YearMonth),
  current: Type.Boolean(),
  description: Nullable(Type.String({ maxLength: 5000 }))
}, { additionalProperties: false })

export const EducationEntry = Type.Object({
  degree: Nullable(Type.String({ maxLength: 300 })),
  level: Nullable(Enum(EDUCATION_LEVELS)),
  field: Nullable(Type.String({ maxLength: 300 })),
  institution: Nullable(Type.String({ maxLength: 300 })),
  start: Nullable(YearMonth),
  end: Nullable(YearMonth)
}, { additionalProperties: false })

export const Contact = Type.Object({
  email: Nullable(Type.String({ maxLength: 320 })),
  phone: Nullable(Type.String({ maxLength: 50 })),
  location: Nullable(Type.String({ maxLength: 300 })),
  links: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })
}, { additionalProperties: false })

export const ParsedCv = Type.Object({
  name: Nullable(Type.String({ maxLength: 200 })),
  contact: Contact,
  headline: Nullable(Type.String({ maxLength: 500 })),
  summary: Nullable(Type.String({ maxLength: 5000 })),
  skills: SkillList,
  skills_unlisted: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, description: 'The skills in `skills` that are not in the skills taxonomy, kept as the CV lists them under its skills heading (lower case)' }),
  experience: Type.Array(ExperienceEntry, { maxItems: 50 }),
  total_years_experience: Nullable(Type.Number({ minimum: 0, maximum: 80, description: 'Years covered by the dated jobs, overlaps once; null when no dated experience was found (see experience_unknown_reason), never 0 for unknown' })),
  experience_unknown_reason: Nullable(Enum(EXPERIENCE_UNKNOWN_REASONS, 'Why total_years_experience is null; null when it is known')),
  education: Type.Array(EducationEntry, { maxItems: 20 }),
  certifications: TextList(50),
  languages: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20, description: 'Spoken languages, lower case English names' })
}, { additionalProperties: false, title: 'ParsedCv' })

export type ParsedJob = Static<typeof ParsedJob>
export type ParsedCv = Static<typeof ParsedCv>
export type ExperienceEntry = Static<typeof ExperienceEntry>
export type EducationEntry = Static<typeof EducationEntry>
export type Salary = Static<typeof Salary>
export type Industry = Static<typeof IndustryList>[number]
export type RoleCategory = Static<typeof RoleCategory>
