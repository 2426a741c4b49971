import type { Assessment, ExperienceBreakdown } from './fit-score.ts'

/**
 * Years only count as far as they are in something related to the job: eight years as a nurse
 * do not meet "5+ years" for a backend post. How related the candidate's background is comes
 * from the two criteria that judge it: the better of the role score (the candidate's role
 * category and titles against the job's) and the skills score (when the job names skills).
 * Without that gate, experience was worth ~12 points to every unrelated CV (eval/ dev split).
 */
export function experienceRelevance (roleScore: number, skillsScore: number | undefined): number {
  return Math.round(Math.max(roleScore, skillsScore ?? 0)) / 100
}

/** The experience assessment with its score scaled by `relevance`, explained when it costs anything. */
export function gateExperience (assessment: Assessment<ExperienceBreakdown>, relevance: number): Assessment<ExperienceBreakdown> {
  const breakdown = { ...assessment.breakdown, relevance, score: Math.round(assessment.breakdown.score * relevance) }
  if (!assessment.applies || relevance >= 1) return { ...assessment, breakdown }
  const counted = `counted at ${Math.round(relevance * 100)} %: the candidate's role and skills are ${relevance < 0.5 ? 'mostly unrelated' : 'partly related'} to this job`
  return { ...assessment, breakdown, explanations: assessment.explanations.map((line, index) => index === 0 ? `${line}, ${counted}` : line) }
}
