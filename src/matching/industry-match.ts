import type { Industry } from '../ai/schemas.ts'
import type { Assessment, IndustryBreakdown } from './fit-score.ts'
import { formatList, humanize } from './wording.ts'

/**
 * The score when the job names no industry: neither a plus nor a minus. Also what any overlap is
 * worth on its own; covering all the job's industries adds the other half.
 */
const NEUTRAL_SCORE = 50

export function matchIndustry (jobIndustries: readonly Industry[], candidateIndustries: readonly Industry[]): Assessment<IndustryBreakdown> {
  const job = [...new Set(jobIndustries)]
  const candidate = [...new Set(candidateIndustries)]
  const candidateSet = new Set(candidate)
  const overlap = job.filter((industry) => candidateSet.has(industry))
  const breakdown: IndustryBreakdown = { score: score(job, overlap), job, candidate, overlap }
  return { breakdown, applies: true, explanations: [explain(breakdown)] }
}

function score (job: readonly Industry[], overlap: readonly Industry[]): number {
  if (job.length === 0) return NEUTRAL_SCORE
  if (overlap.length === 0) return 0
  return Math.round(NEUTRAL_SCORE + (100 - NEUTRAL_SCORE) * overlap.length / job.length)
}

function explain ({ job, candidate, overlap }: IndustryBreakdown): string {
  const names = (industries: readonly Industry[]) => formatList(industries.map(humanize))
  if (job.length === 0) return 'The job names no industry, so industry is neutral'
  if (overlap.length === job.length) return `Has worked in the job's ${job.length === 1 ? 'industry' : 'industries'}: ${names(job)}`
  if (overlap.length > 0) return `Has worked in ${names(overlap)} of the job's industries ${names(job)}`
  if (candidate.length === 0) return `No industry found on the CV; the job is in ${names(job)}`
  return `No industry in common: the job is in ${names(job)}, the candidate in ${names(candidate)}`
}
