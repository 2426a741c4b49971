import type { AiProvider } from '../src/ai/provider.ts'
import type { Industry, ParsedCv, ParsedJob, RoleCategory } from '../src/ai/schemas.ts'
import { describeCv } from '../src/matching/describe-cv.ts'
import { scoreFit } from '../src/matching/score-fit.ts'
import { mean } from './metrics.ts'

/**
 * Ranks every CV of the split against every job description with the project's scoring
 * (src/matching/score-fit.ts), wired as /api/calculate-score wires it: the CV's role and
 * industries from its parsed form, vectors from the provider. In process, without the cache:
 * vectors are memoised here instead.
 */

export interface RankedCv {
  family: string
  id: string
  cv: ParsedCv
}

export interface RankedJob {
  family: string
  id: string
  jd: ParsedJob
}

export interface RankingFigures {
  precision_at_1: number | null
  mrr: number | null
  ndcg_at_5: number | null
  /** Chance that a same-profession CV outscores an unrelated one (ties count half), averaged over jobs. */
  auc: number | null
  mean_score: { same: number | null, adjacent: number | null, unrelated: number | null }
}

export interface MatchingFigures extends RankingFigures {
  jobs: number
  cvs: number
  per_family: Record<string, RankingFigures>
}

interface JobRanking {
  family: string
  /** Overall score and relevance of every CV, best first. */
  ranked: Array<{ score: number, relevance: number }>
}

function memoisedEmbedder (provider: AiProvider): (texts: string[]) => Promise<Float32Array[]> {
  const vectors = new Map<string, Float32Array>()
  return async (texts) => {
    const missing = [...new Set(texts.filter((text) => !vectors.has(text)))]
    if (missing.length > 0) (await provider.embed(missing)).forEach((vector, index) => vectors.set(missing[index] as string, vector))
    return texts.map((text) => vectors.get(text) as Float32Array)
  }
}

export async function evaluateMatching (jobs: readonly RankedJob[], cvs: readonly RankedCv[], provider: AiProvider, relevance: (jobFamily: string, cvFamily: string) => number): Promise<MatchingFigures> {
  const embed = memoisedEmbedder(provider)
  const profiles = await Promise.all(cvs.map(async ({ cv }) => {
    const profile = describeCv(cv)
    const [role, industries] = await Promise.all([provider.classifyRoleCategory(profile.title, profile.text), provider.extractIndustries(profile.text)])
    return { role, industries } satisfies { role: RoleCategory, industries: Industry[] }
  }))
  const rankings: JobRanking[] = []
  for (const job of jobs) {
    const scored: Array<{ score: number, relevance: number, id: string }> = []
    for (const [index, { cv, family, id }] of cvs.entries()) {
      const { role, industries } = profiles[index] as { role: RoleCategory, industries: Industry[] }
      const fit = await scoreFit({ cv, jd: job.jd, cvRoleCategory: role, cvIndustries: industries, embed })
      scored.push({ score: fit.overall, relevance: relevance(job.family, family), id })
    }
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    rankings.push({ family: job.family, ranked: scored })
  }
  const families = [...new Set(rankings.map((ranking) => ranking.family))].sort()
  return {
    jobs: jobs.length,
    cvs: cvs.length,
    ...rankingFigures(rankings),
    per_family: Object.fromEntries(families.map((family) => [family, rankingFigures(rankings.filter((ranking) => ranking.family === family))]))
  }
}

function rankingFigures (rankings: readonly JobRanking[]): RankingFigures {
  const withRelevant = rankings.filter(({ ranked }) => ranked.some((entry) => entry.relevance === 2))
  const scoresOf = (relevance: number) => rankings.flatMap(({ ranked }) => ranked.filter((entry) => entry.relevance === relevance).map((entry) => entry.score))
  return {
    precision_at_1: mean(withRelevant.map(({ ranked }) => ranked[0]?.relevance === 2 ? 1 : 0)),
    mrr: mean(withRelevant.map(({ ranked }) => 1 / (ranked.findIndex((entry) => entry.relevance === 2) + 1))),
    ndcg_at_5: mean(withRelevant.map(({ ranked }) => ndcg(ranked.map((entry) => entry.relevance), 5))),
    auc: mean(withRelevant.map(({ ranked }) => auc(ranked)).filter((value): value is number => value !== null)),
    mean_score: { same: mean(scoresOf(2)), adjacent: mean(scoresOf(1)), unrelated: mean(scoresOf(0)) }
  }
}

function dcg (relevances: readonly number[], k: number): number {
  return relevances.slice(0, k).reduce((sum, relevance, index) => sum + (2 ** relevance - 1) / Math.log2(index + 2), 0)
}

function ndcg (relevances: readonly number[], k: number): number {
  const ideal = dcg([...relevances].sort((a, b) => b - a), k)
  return ideal === 0 ? 0 : dcg(relevances, k) / ideal
}

function auc (ranked: ReadonlyArray<{ score: number, relevance: number }>): number | null {
  const same = ranked.filter((entry) => entry.relevance === 2).map((entry) => entry.score)
  const unrelated = ranked.filter((entry) => entry.relevance === 0).map((entry) => entry.score)
  if (same.length === 0 || unrelated.length === 0) return null
  let wins = 0
  for (const a of same) for (const b of unrelated) wins += a > b ? 1 : a === b ? 0.5 : 0
  return wins / (same.length * unrelated.length)
}
