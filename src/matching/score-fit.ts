import type { Industry, ParsedCv, ParsedJob, RoleCategory } from '../ai/schemas.ts'
import { matchEducation } from './education-match.ts'
import { embedOnce } from './embeddings.ts'
import type { EmbedFunction } from './embeddings.ts'
import { matchExperience } from './experience-match.ts'
import { experienceRelevance, gateExperience } from './experience-relevance.ts'
import type { Assessment, FitScore, FitWeights } from './fit-score.ts'
import { matchIndustry } from './industry-match.ts'
import { matchRole, titleTexts } from './role-match.ts'
import { matchSkills, skillTexts } from './skill-match.ts'
import type { SkillThresholds } from './skill-thresholds.ts'

export interface ScoreFitInput {
  cv: ParsedCv
  jd: ParsedJob
  cvRoleCategory: RoleCategory
  cvIndustries: Industry[]
  embed: EmbedFunction
  /** The embedder's: its similarities spread in a way of their own. */
  skillThresholds: SkillThresholds
}

/** Skills say the most about fit; the rest refine it. */
export const DEFAULT_WEIGHTS: Readonly<FitWeights> = { skills: 0.5, experience: 0.2, role: 0.1, industry: 0.1, education: 0.1 }

type Criterion = keyof FitWeights

/** Also the order of the explanations. */
const CRITERIA: readonly Criterion[] = ['skills', 'experience', 'role', 'industry', 'education']

/**
 * Scores how well a CV fits a job. Every text to compare (skills, and titles when the role
 * categories differ) is embedded in one `embed` call; the rest is arithmetic, so the same input
 * always gives the same output.
 */
export async function scoreFit (input: ScoreFitInput): Promise<FitScore> {
  const { cv, jd, cvRoleCategory, cvIndustries } = input
  const embeddings = await embedOnce([...skillTexts(jd, cv), ...titleTexts(jd, cv, cvRoleCategory)], input.embed)
  const skills = matchSkills(jd, cv, embeddings, input.skillThresholds)
  const role = matchRole(jd, cv, cvRoleCategory, embeddings, input.skillThresholds)
  const relevance = experienceRelevance(role.breakdown.score, skills.applies ? skills.breakdown.score : undefined)
  const assessments = {
    skills,
    experience: gateExperience(matchExperience(jd, cv), relevance),
    role,
    industry: matchIndustry(jd.industries, cvIndustries),
    education: matchEducation(jd, cv)
  } satisfies Record<Criterion, Assessment<{ score: number }>>
  const weights = applicableWeights(CRITERIA.filter((criterion) => assessments[criterion].applies))
  const overall = CRITERIA.reduce((total, criterion) => total + weights[criterion] * assessments[criterion].breakdown.score, 0)
  return {
    overall: Math.round(overall),
    weights: mapCriteria((criterion) => Math.round(weights[criterion] * 10_000) / 10_000),
    breakdown: {
      skills: assessments.skills.breakdown,
      experience: assessments.experience.breakdown,
      role: assessments.role.breakdown,
      industry: assessments.industry.breakdown,
      education: assessments.education.breakdown
    },
    explanations: CRITERIA.flatMap((criterion) => assessments[criterion].explanations)
  }
}

/**
 * The default weights of the criteria that apply, scaled up to sum to 1; the others get 0. Role
 * and industry always apply, so the sum is never 0.
 */
function applicableWeights (applicable: readonly Criterion[]): FitWeights {
  const total = applicable.reduce((sum, criterion) => sum + DEFAULT_WEIGHTS[criterion], 0)
  return mapCriteria((criterion) => applicable.includes(criterion) ? DEFAULT_WEIGHTS[criterion] / total : 0)
}

function mapCriteria (weightOf: (criterion: Criterion) => number): FitWeights {
  return Object.fromEntries(CRITERIA.map((criterion) => [criterion, weightOf(criterion)])) as FitWeights
}
