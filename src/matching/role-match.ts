import type { ParsedCv, ParsedJob, RoleCategory } from '../ai/schemas.ts'
import { normalizeText, vectorOf } from './embeddings.ts'
import type { Embeddings } from './embeddings.ts'
import type { Assessment, RoleBreakdown, TitleMatch } from './fit-score.ts'
import { bestMatchPerRow, cosineSimilarityMatrix } from './similarity.ts'
import type { SkillThresholds } from './skill-thresholds.ts'
import { humanize } from './wording.ts'

const SAME_SCORE = 100
const RELATED_SCORE = 60
/** "other" means the classifier could not tell, which is no evidence either way. */
const UNKNOWN_SCORE = 50

/**
 * Titles are short phrases like skills, compared in the same embedding space, so they use the
 * embedder's skill thresholds (src/matching/data/skill-thresholds.json): from the match
 * threshold a title the candidate has held counts as the job's own and the role score rises to
 * the similarity (×100); when a category is unknown, the titles decide on their own, with
 * partial credit (up to the neutral 50) from the partial-credit floor.
 */

/** Pairs of categories whose people commonly move between them (symmetric). */
const RELATED: ReadonlyArray<readonly [RoleCategory, RoleCategory]> = [
  ['software_engineering', 'devops_sre'],
  ['software_engineering', 'data_engineering'],
  ['software_engineering', 'qa_testing'],
  ['software_engineering', 'engineering_hardware'],
  ['data_science', 'data_engineering'],
  ['data_science', 'research_science'],
  ['devops_sre', 'security'],
  ['devops_sre', 'it_support'],
  ['security', 'it_support'],
  ['product_management', 'project_management'],
  ['product_management', 'design'],
  ['project_management', 'operations'],
  ['sales', 'marketing'],
  ['sales', 'customer_success'],
  ['operations', 'administration'],
  ['human_resources', 'administration'],
  ['finance_accounting', 'administration'],
  ['executive_management', 'operations']
]

const RELATED_KEYS = new Set(RELATED.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]))

export function roleCategoryScore (job: RoleCategory, candidate: RoleCategory): number {
  if (job === 'other' || candidate === 'other') return UNKNOWN_SCORE
  if (job === candidate) return SAME_SCORE
  return RELATED_KEYS.has(`${job} ${candidate}`) ? RELATED_SCORE : 0
}

/**
 * The titles to compare, only when the categories alone do not give full marks: the job's title
 * first, then the candidate's, in CV order.
 */
export function titleTexts (jd: ParsedJob, cv: ParsedCv, candidateCategory: RoleCategory): string[] {
  const candidateTitles = cvTitles(cv)
  if (jd.title === null || normalizeText(jd.title) === '' || candidateTitles.length === 0) return []
  if (roleCategoryScore(jd.role_category, candidateCategory) === SAME_SCORE) return []
  return [jd.title, ...candidateTitles]
}

function cvTitles (cv: ParsedCv): string[] {
  return cv.experience.flatMap((entry) => entry.title === null || normalizeText(entry.title) === '' ? [] : [entry.title])
}

export function matchRole (jd: ParsedJob, cv: ParsedCv, candidateCategory: RoleCategory, embeddings: Embeddings, thresholds: SkillThresholds): Assessment<RoleBreakdown> {
  const job = jd.role_category
  const categoryScore = roleCategoryScore(job, candidateCategory)
  const titleMatch = closestTitle(titleTexts(jd, cv, candidateCategory), embeddings)
  if (titleMatch !== null && categoryScore === UNKNOWN_SCORE) {
    // "other" says nothing about the role: the titles the candidate has held are the evidence.
    const score = titleMatch.similarity >= thresholds.match
      ? Math.round(100 * titleMatch.similarity)
      : Math.round(UNKNOWN_SCORE * Math.min(1, Math.max(0, (titleMatch.similarity - thresholds.partialFloor) / (thresholds.match - thresholds.partialFloor))))
    const explanation = `Role category not recognized, so titles decide: "${titleMatch.candidate_title}" is the closest to "${titleMatch.job_title}" (similarity ${titleMatch.similarity})`
    return { breakdown: { score, job, candidate: candidateCategory, title_match: titleMatch }, applies: true, explanations: [explanation] }
  }
  const titleScore = titleMatch !== null && titleMatch.similarity >= thresholds.match ? Math.round(100 * titleMatch.similarity) : 0
  const breakdown: RoleBreakdown = { score: Math.max(categoryScore, titleScore), job, candidate: candidateCategory, title_match: titleMatch }
  const explanations = [explainCategories(job, candidateCategory, categoryScore)]
  if (titleMatch !== null && titleScore > categoryScore) {
    explanations.push(`Has held a similar title: "${titleMatch.candidate_title}" for "${titleMatch.job_title}"`)
  }
  return { breakdown, applies: true, explanations }
}

function closestTitle (titles: readonly string[], embeddings: Embeddings): TitleMatch | null {
  const [jobTitle, ...candidateTitles] = titles
  if (jobTitle === undefined) return null
  const matrix = cosineSimilarityMatrix([vectorOf(embeddings, jobTitle)], candidateTitles.map((title) => vectorOf(embeddings, title)))
  const best = bestMatchPerRow(matrix)[0]!
  return { job_title: jobTitle, candidate_title: candidateTitles[best.index]!, similarity: Math.round(best.similarity * 1000) / 1000 }
}

function explainCategories (job: RoleCategory, candidate: RoleCategory, score: number): string {
  if (score === UNKNOWN_SCORE) return 'Role category not recognized, so the role is neutral'
  if (score === SAME_SCORE) return `Same role category: ${humanize(job)}`
  const kind = score === RELATED_SCORE ? 'Related' : 'Different'
  return `${kind} role category: ${humanize(candidate)} for a ${humanize(job)} job`
}
