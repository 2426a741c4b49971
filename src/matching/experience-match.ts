import type { ParsedCv, ParsedJob } from '../ai/schemas.ts'
import type { Assessment, ExperienceBreakdown } from './fit-score.ts'
import { formatYears } from './wording.ts'

/**
 * Points lost per year beyond the job's maximum, down to OVERQUALIFIED_FLOOR: a maximum usually
 * says "this is a junior role", which weighs less than missing the minimum.
 */
const OVERQUALIFIED_PENALTY_PER_YEAR = 5
const OVERQUALIFIED_FLOOR = 60

export function matchExperience (jd: ParsedJob, cv: ParsedCv): Assessment<ExperienceBreakdown> {
  const min = jd.min_years_experience
  const max = jd.max_years_experience
  const years = cv.total_years_experience
  const asked = min !== null || max !== null
  const breakdown: ExperienceBreakdown = {
    score: years === null ? 100 : score(min, max, years),
    required_min_years: min,
    required_max_years: max,
    candidate_years: years,
    candidate_years_unknown_reason: years === null ? cv.experience_unknown_reason ?? 'no_dated_experience' : null
  }
  // Unknown years are not zero years: experience is then not scored, and its weight goes to the other criteria.
  if (years === null) {
    return { breakdown, applies: false, explanations: [asked ? `Years of experience unknown (no dated jobs found on the CV), so experience against ${range(min, max)} is not scored` : 'The job asks for no particular years of experience, and the CV shows no dated jobs'] }
  }
  return { breakdown, applies: asked, explanations: [asked ? `${formatYears(years)} of experience against ${range(min, max)}` : 'The job asks for no particular years of experience'] }
}

function score (min: number | null, max: number | null, years: number): number {
  // A minimum of 0 ("no experience required") is met by anyone.
  if (min !== null && min > 0 && years < min) return Math.round(100 * years / min)
  if (max !== null && years > max) {
    return Math.max(OVERQUALIFIED_FLOOR, Math.round(100 - OVERQUALIFIED_PENALTY_PER_YEAR * (years - max)))
  }
  return 100
}

function range (min: number | null, max: number | null): string {
  if (max === null) return min === 0 ? 'none required' : `${min}+ required`
  if (min === null) return `at most ${max} asked for`
  return min === max ? `${min} required` : `${min}–${max} required`
}
