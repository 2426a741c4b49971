import type { ParsedJob } from '../src/ai/schemas.ts'
import type { Document } from './corpus.ts'
import type { JdTruth } from './corpus-types.ts'
import { sameUnlistedSkill, skillKey } from './evaluate-cv.ts'
import { compareSets, GroupedRatio, GroupedSetScore, MissLog, normalize, Ratio, SetScore } from './metrics.ts'

/** Scores parsed job descriptions against their truth, field by field. */

export interface JdFigures {
  documents: number
  title: number | null
  location: number | null
  min_years: number | null
  role_category: number | null
  /** `top`: the first industry returned is one of the posting's; `main_found`: the posting's main industry is among those returned; `retail_not_in_truth`: postings given "retail" that are not retail (benefit boilerplate such as "discounts with retailers"). */
  industries: { top: number | null, main_found: number | null, retail_not_in_truth: number }
  required_skills: { precision: number | null, recall: number | null }
  preferred_skills: { precision: number | null, recall: number | null }
  /** Every skill the posting names, required or preferred, against both predicted lists. */
  all_skills: { precision: number | null, recall: number | null, per_family: Record<string, { precision: number | null, recall: number | null }> }
  per_family: Record<string, number | null>
}

/**
 * A location is right when it names the same place: "Berlin" or "Berlin, Germany" for "Berlin".
 * A remote posting has no place: null, or "Remote" itself.
 */
function sameLocation (predicted: string | null, actual: string | null): boolean {
  if (actual === null) return predicted === null || /^remote\b/i.test(predicted)
  const place = normalize(actual.split(',')[0])
  const found = normalize(predicted)
  return found === place || found.startsWith(`${place} `) || found === normalize(actual)
}

export function evaluateJds (documents: ReadonlyArray<Document<JdTruth> & { parsed: ParsedJob }>, log = new MissLog(false)): JdFigures {
  const title = new Ratio()
  const location = new Ratio()
  const minYears = new Ratio()
  const role = new Ratio()
  const topIndustry = new Ratio()
  const mainIndustry = new Ratio()
  let retailNotInTruth = 0
  const required = new SetScore()
  const preferred = new SetScore()
  const all = new SetScore()
  const allByFamily = new GroupedSetScore()
  const fieldsByFamily = new GroupedRatio()
  for (const { truth, parsed } of documents) {
    const titleHit = normalize(parsed.title) === normalize(truth.title)
    const locationHit = sameLocation(parsed.location, truth.location)
    const yearsHit = parsed.min_years_experience === truth.min_years_experience ||
      (parsed.min_years_experience !== null && truth.min_years_experience !== null && Math.abs(parsed.min_years_experience - truth.min_years_experience) < 0.01)
    const roleHit = parsed.role_category === truth.role_category
    const { id } = truth
    title.add(log.check(titleHit, { id, field: 'title', expected: truth.title, actual: parsed.title }))
    location.add(log.check(locationHit, { id, field: 'location', expected: truth.location, actual: parsed.location }))
    minYears.add(log.check(yearsHit, { id, field: 'min_years_experience', expected: truth.min_years_experience, actual: parsed.min_years_experience }))
    role.add(log.check(roleHit, { id, field: 'role_category', expected: truth.role_category, actual: parsed.role_category }))
    for (const hit of [titleHit, locationHit, yearsHit, roleHit]) fieldsByFamily.add(truth.family, hit)
    const [top] = parsed.industries
    topIndustry.add(log.check(top !== undefined && truth.industries.includes(top), { id, field: 'industries', expected: truth.industries, actual: parsed.industries }))
    mainIndustry.add(parsed.industries.includes(truth.industries[0] as (typeof parsed.industries)[number]))
    if (parsed.industries.includes('retail') && !truth.industries.includes('retail')) retailNotInTruth++
    const predictedRequired = parsed.required_skills.map(skillKey)
    const predictedPreferred = parsed.preferred_skills.map(skillKey)
    const trueRequired = truth.required_skills.map(skillKey)
    const truePreferred = truth.preferred_skills.map(skillKey)
    required.add(predictedRequired, trueRequired, sameUnlistedSkill)
    preferred.add(predictedPreferred, truePreferred, sameUnlistedSkill)
    const predictedAll = [...new Set([...predictedRequired, ...predictedPreferred])]
    const trueAll = [...new Set([...trueRequired, ...truePreferred])]
    const { extra, missed } = compareSets(predictedAll, trueAll, sameUnlistedSkill)
    log.check(missed.length === 0, { id, field: 'skills (missed)', expected: missed, actual: null })
    log.check(extra.length === 0, { id, field: 'skills (not in truth)', expected: null, actual: extra })
    all.add(predictedAll, trueAll, sameUnlistedSkill)
    allByFamily.add(truth.family, predictedAll, trueAll, sameUnlistedSkill)
  }
  return {
    documents: documents.length,
    title: title.value,
    location: location.value,
    min_years: minYears.value,
    role_category: role.value,
    industries: { top: topIndustry.value, main_found: mainIndustry.value, retail_not_in_truth: retailNotInTruth },
    required_skills: { precision: required.precision, recall: required.recall },
    preferred_skills: { precision: preferred.precision, recall: preferred.recall },
    all_skills: { precision: all.precision, recall: all.recall, per_family: allByFamily.values() },
    per_family: fieldsByFamily.values()
  }
}
