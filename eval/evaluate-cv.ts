import type { ParsedCv } from '../src/ai/schemas.ts'
import { canonicalSkillName, skillCategory } from '../src/ai/taxonomy/skill-extractor.ts'
import type { Document } from './corpus.ts'
import type { CvTruth, JobTruth } from './corpus-types.ts'
import { compareSets, GroupedRatio, GroupedSetScore, mean, MissLog, normalize, Ratio, sameText, SetScore, tokenF1 } from './metrics.ts'

/**
 * Scores parsed CVs against their truth, field by field. Jobs are paired by the months they
 * cover (a predicted job counts for the true job it overlaps most); undated true jobs by title.
 */

export const YEARS_TOLERANCE = 1.5

export interface CvFigures {
  documents: number
  name: number | null
  email: number | null
  /** Addresses returned that the document does not contain. */
  invented_emails: number
  phone: number | null
  total_years: { within_tolerance: number | null, mean_abs_error: number | null, unknown_as_null: number | null, per_format: Record<string, number | null> }
  jobs: { recall: number | null, precision: number | null, title: number | null, company: number | null, start: number | null, end: number | null, recall_per_format: Record<string, number | null>, title_per_format: Record<string, number | null> }
  degrees: { recall: number | null, level: number | null, counted_as_jobs: number }
  skills: { precision: number | null, recall: number | null, per_family: Record<string, { precision: number | null, recall: number | null }>, per_format: Record<string, { precision: number | null, recall: number | null }> }
  per_format: Record<string, number>
}

/**
 * Two spellings of a skill the taxonomy does not know ("CIPD Level 5 (Learning and Development)"
 * listed, "cipd level 5" in the truth): most words shared. Known skills must match exactly, so
 * "reconciliation" never passes for "medication reconciliation".
 */
export function sameUnlistedSkill (guess: string, truth: string): boolean {
  return skillCategory(guess) === undefined && skillCategory(truth) === undefined && tokenF1(guess, truth) >= 0.6
}

/** The canonical form both sides of a skill comparison are put in. */
export function skillKey (name: string): string {
  return normalize(canonicalSkillName(name))
}

function months (date: string | null, end: boolean): number | null {
  if (date === null) return null
  const [year, month] = date.split('-').map(Number) as [number, number | undefined]
  return year * 12 + (month ?? (end ? 12 : 1)) - 1
}

function span (start: string | null, end: string | null, reference: number): [number, number] | null {
  const first = months(start, false)
  if (first === null) return null
  return [first, Math.min(reference, months(end, true) ?? reference)]
}

function overlap (a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]) + 1)
}

type PredictedJob = ParsedCv['experience'][number]

/** Each true job with the predicted job that stands for it, or undefined. */
function pairJobs (truth: readonly JobTruth[], predicted: readonly PredictedJob[], reference: number): Array<[JobTruth, PredictedJob | undefined]> {
  const free = new Set(predicted.keys())
  return truth.map((job) => {
    const own = span(job.start, job.end, reference)
    let best: number | undefined
    let bestScore = 0
    for (const index of free) {
      const candidate = predicted[index] as PredictedJob
      const other = span(candidate.start, candidate.end, reference)
      const score = own !== null && other !== null ? overlap(own, other) : own === null ? tokenF1(job.title, candidate.title) : 0
      if (score > bestScore) {
        best = index
        bestScore = score
      }
    }
    if (best === undefined) return [job, undefined]
    free.delete(best)
    return [job, predicted[best]]
  })
}

export function evaluateCvs (documents: ReadonlyArray<Document<CvTruth> & { parsed: ParsedCv, format?: string }>, referenceDate: Date, log = new MissLog(false)): CvFigures {
  const reference = referenceDate.getUTCFullYear() * 12 + referenceDate.getUTCMonth()
  const name = new Ratio()
  const email = new Ratio()
  const phone = new Ratio()
  let invented = 0
  const years = new Ratio()
  const yearsByFormat = new GroupedRatio()
  const unknownYears = new Ratio()
  const yearErrors: number[] = []
  const jobRecall = new Ratio()
  const jobRecallByFormat = new GroupedRatio()
  const titleByFormat = new GroupedRatio()
  const jobPrecision = new Ratio()
  const title = new Ratio()
  const company = new Ratio()
  const start = new Ratio()
  const end = new Ratio()
  const degreeRecall = new Ratio()
  const degreeLevel = new Ratio()
  let degreesAsJobs = 0
  const skills = new SetScore()
  const skillsByFamily = new GroupedSetScore()
  const skillsByFormat = new GroupedSetScore()
  const formats = new Map<string, number>()
  for (const { text, truth, parsed, format: formatOverride } of documents) {
    const format = formatOverride ?? truth.format
    formats.set(format, (formats.get(format) ?? 0) + 1)
    const { id } = truth
    // sameText: a post-nominal ("Siobhan Carroll RGN") still names the person.
    name.add(log.check(sameText(parsed.name, truth.name), { id, field: 'name', expected: truth.name, actual: parsed.name }))
    email.add(log.check((parsed.contact.email?.toLowerCase() ?? null) === truth.email, { id, field: 'email', expected: truth.email, actual: parsed.contact.email }))
    if (parsed.contact.email !== null && !text.toLowerCase().includes(parsed.contact.email.toLowerCase())) invented++
    phone.add(log.check(samePhone(parsed.contact.phone, truth.phone), { id, field: 'phone', expected: truth.phone, actual: parsed.contact.phone }))
    const predictedYears = parsed.total_years_experience as number | null
    const expectedYears = truth.total_years_experience
    log.check(expectedYears === null ? predictedYears === null : predictedYears !== null && Math.abs(predictedYears - expectedYears) <= YEARS_TOLERANCE,
      { id, field: 'total_years_experience', expected: expectedYears, actual: predictedYears })
    if (truth.total_years_experience === null) {
      unknownYears.add(predictedYears === null)
      years.add(predictedYears === null)
      yearsByFormat.add(format, predictedYears === null)
    } else {
      const hit = predictedYears !== null && Math.abs(predictedYears - truth.total_years_experience) <= YEARS_TOLERANCE
      years.add(hit)
      yearsByFormat.add(format, hit)
      if (predictedYears !== null) yearErrors.push(Math.abs(predictedYears - truth.total_years_experience))
    }
    const pairs = pairJobs(truth.jobs, parsed.experience, reference)
    for (const [job, found] of pairs) {
      log.check(found !== undefined && sameText(found.title, job.title) && (job.start === null || (found.start === job.start && (job.current ? found.current || found.end === null : found.end === job.end))),
        { id, field: 'job', expected: job, actual: found ?? null })
      jobRecall.add(found !== undefined)
      jobRecallByFormat.add(format, found !== undefined)
      title.add(found !== undefined && sameText(found.title, job.title))
      titleByFormat.add(format, found !== undefined && sameText(found.title, job.title))
      // "Company, City" names the company too: the city is the CV's own addition to the line.
      company.add(found !== undefined && (sameText(found.company, job.company) || sameText(found.company, `${job.company} ${job.location}`)))
      if (job.start !== null) {
        start.add(found !== undefined && found.start === job.start)
        end.add(found !== undefined && (job.current ? found.current || found.end === null : found.end === job.end))
      }
    }
    const paired = new Set(pairs.map(([, found]) => found))
    for (const entry of parsed.experience) jobPrecision.add(paired.has(entry))
    for (const degree of truth.degrees) {
      const found = closestDegree(parsed.education, degree.degree)
      degreeRecall.add(log.check(found !== undefined, { id, field: 'degree', expected: degree.degree, actual: parsed.education.map((entry) => entry.degree) }))
      degreeLevel.add(found?.level === degree.level)
      // A job title may share words with a degree ("Digital Marketing Specialist", "MSc Digital Marketing"): only an entry no true job accounts for is a degree read as a job.
      if (parsed.experience.some((entry) => !paired.has(entry) && tokenF1(entry.title, degree.degree) >= 0.6)) degreesAsJobs++
    }
    const predictedSkills = [...new Set(parsed.skills.map(skillKey))]
    const trueSkills = [...new Set(truth.skills.map(skillKey))]
    const { extra, missed } = compareSets(predictedSkills, trueSkills, sameUnlistedSkill)
    log.check(extra.length === 0, { id, field: 'skills (not in truth)', expected: null, actual: extra })
    log.check(missed.length === 0, { id, field: 'skills (missed)', expected: missed, actual: null })
    skills.add(predictedSkills, trueSkills, sameUnlistedSkill)
    skillsByFamily.add(truth.family, predictedSkills, trueSkills, sameUnlistedSkill)
    skillsByFormat.add(format, predictedSkills, trueSkills, sameUnlistedSkill)
  }
  return {
    documents: documents.length,
    name: name.value,
    email: email.value,
    invented_emails: invented,
    phone: phone.value,
    total_years: { within_tolerance: years.value, mean_abs_error: mean(yearErrors), unknown_as_null: unknownYears.value, per_format: yearsByFormat.values() },
    jobs: { recall: jobRecall.value, precision: jobPrecision.value, title: title.value, company: company.value, start: start.value, end: end.value, recall_per_format: jobRecallByFormat.values(), title_per_format: titleByFormat.values() },
    degrees: { recall: degreeRecall.value, level: degreeLevel.value, counted_as_jobs: degreesAsJobs },
    skills: { precision: skills.precision, recall: skills.recall, per_family: skillsByFamily.values(), per_format: skillsByFormat.values() },
    per_format: Object.fromEntries([...formats.entries()].sort(([a], [b]) => a.localeCompare(b)))
  }
}

/** The education entry that best matches a true degree ("BSc Nursing" with field "nursing" included), if any matches well enough. */
function closestDegree (education: ParsedCv['education'], degree: string): ParsedCv['education'][number] | undefined {
  let best: ParsedCv['education'][number] | undefined
  let bestScore = 0.6
  for (const entry of education) {
    const score = Math.max(tokenF1([entry.degree, entry.field].filter(Boolean).join(' '), degree), tokenF1(entry.degree, degree))
    if (score >= bestScore) {
      best = entry
      bestScore = score
    }
  }
  return best
}

/** Same number: the same digits, or one is the other with a country code in front. */
function samePhone (predicted: string | null, actual: string | null): boolean {
  if (predicted === null || actual === null) return predicted === actual
  const a = predicted.replace(/\D/g, '')
  const b = actual.replace(/\D/g, '')
  return a === b || (Math.min(a.length, b.length) >= 7 && (a.endsWith(b) || b.endsWith(a)))
}
