import { EDUCATION_LEVELS } from '../ai/schemas.ts'
import type { EducationLevel, ParsedCv, ParsedJob } from '../ai/schemas.ts'
import type { Assessment, EducationBreakdown } from './fit-score.ts'
import { humanize } from './wording.ts'

/** Score by how many levels (in EDUCATION_LEVELS order) the candidate is below the requirement. */
const SCORE_BY_LEVELS_SHORT = [100, 60, 30] as const

export function matchEducation (jd: ParsedJob, cv: ParsedCv): Assessment<EducationBreakdown> {
  const required = jd.education.minimum_level
  const candidate = highestLevel(cv)
  const breakdown: EducationBreakdown = { score: score(required, candidate), required_level: required, candidate_level: candidate }
  return { breakdown, applies: required !== null, explanations: [explain(required, candidate)] }
}

function highestLevel (cv: ParsedCv): EducationLevel | null {
  const ranks = cv.education.flatMap((entry) => entry.level === null ? [] : [EDUCATION_LEVELS.indexOf(entry.level)])
  return ranks.length === 0 ? null : EDUCATION_LEVELS[Math.max(...ranks)]!
}

function score (required: EducationLevel | null, candidate: EducationLevel | null): number {
  if (required === null) return 100
  if (candidate === null) return 0
  const short = EDUCATION_LEVELS.indexOf(required) - EDUCATION_LEVELS.indexOf(candidate)
  return short <= 0 ? 100 : SCORE_BY_LEVELS_SHORT[short] ?? 0
}

function explain (required: EducationLevel | null, candidate: EducationLevel | null): string {
  if (required === null) return 'The job names no minimum education level'
  if (candidate === null) return `No education level found on the CV; ${humanize(required)} required`
  const meets = EDUCATION_LEVELS.indexOf(candidate) >= EDUCATION_LEVELS.indexOf(required)
  return `${meets ? 'Meets' : 'Below'} the education requirement: ${humanize(candidate)} against ${humanize(required)} required`
}
