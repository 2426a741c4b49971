import { readFileSync } from 'node:fs'
import type { ParsedCv, ParsedJob } from '../ai/schemas.ts'
import { skillCategory } from '../ai/taxonomy/skill-extractor.ts'
import { normalizeText, vectorOf } from './embeddings.ts'
import type { Embeddings } from './embeddings.ts'
import type { Assessment, SkillMatch, SkillsBreakdown } from './fit-score.ts'
import { bestMatchPerRow, cosineSimilarityMatrix } from './similarity.ts'
import type { SkillThresholds } from './skill-thresholds.ts'
import { formatList } from './wording.ts'


interface SkillImportance {
  required: number
  preferred: number
  inTitleFactor: number
  softSkillFactor: number
}

/** How much each job skill weighs in the skills score (src/matching/data/skill-importance.json, with its reasons). */
const IMPORTANCE = JSON.parse(readFileSync(new URL('./data/skill-importance.json', import.meta.url), 'utf8')) as SkillImportance

/**
 * A missed skill whose closest CV skill is near the match threshold earns up to this share of
 * its weight, scaled linearly from nothing at the embedder's partial-credit floor: a near
 * equivalent is worth something, an unrelated skill nothing. Both thresholds depend on the
 * embedder (src/matching/data/skill-thresholds.json, chosen on labelled pairs).
 */
const PARTIAL_CREDIT_MAX = 0.5

interface JobSkills {
  required: string[]
  preferred: string[]
}

/** Normalized and deduplicated; a skill both required and preferred is only required. */
function jobSkills (jd: ParsedJob): JobSkills {
  const required = unique(jd.required_skills)
  const requiredSet = new Set(required)
  return { required, preferred: unique(jd.preferred_skills).filter((skill) => !requiredSet.has(skill)) }
}

function unique (skills: readonly string[]): string[] {
  return [...new Set(skills.map(normalizeText))].filter((skill) => skill !== '')
}

/** JD skills the CV does not name exactly, which are then compared by embedding. */
function fuzzySkills (skills: JobSkills, cvSkills: readonly string[]): string[] {
  const onCv = new Set(cvSkills)
  return [...skills.required, ...skills.preferred].filter((skill) => !onCv.has(skill))
}

/** The texts `matchSkills` needs embedded: none when every JD skill is on the CV verbatim. */
export function skillTexts (jd: ParsedJob, cv: ParsedCv): string[] {
  const cvSkills = unique(cv.skills)
  const fuzzy = fuzzySkills(jobSkills(jd), cvSkills)
  return fuzzy.length === 0 || cvSkills.length === 0 ? [] : [...fuzzy, ...cvSkills]
}

export function matchSkills (jd: ParsedJob, cv: ParsedCv, embeddings: Embeddings, thresholds: SkillThresholds): Assessment<SkillsBreakdown> {
  const skills = jobSkills(jd)
  const cvSkills = unique(cv.skills)
  const matches = closestCvSkills(fuzzySkills(skills, cvSkills), cvSkills, embeddings, thresholds)
  const matchOf = (skill: string): SkillMatch => matches.get(skill) ?? { skill, best_match: skill, similarity: 1, matched: true }
  const required = skills.required.map(matchOf)
  const preferred = skills.preferred.map(matchOf)
  const breakdown: SkillsBreakdown = {
    score: score(required, preferred, thresholds, jd.title),
    required,
    preferred,
    missing_required: missing(required),
    missing_preferred: missing(preferred)
  }
  return { breakdown, applies: required.length + preferred.length > 0, explanations: explain(breakdown) }
}

function closestCvSkills (skills: readonly string[], cvSkills: readonly string[], embeddings: Embeddings, thresholds: SkillThresholds): Map<string, SkillMatch> {
  if (skills.length === 0 || cvSkills.length === 0) {
    return new Map(skills.map((skill) => [skill, { skill, best_match: null, similarity: 0, matched: false }]))
  }
  const matrix = cosineSimilarityMatrix(
    skills.map((skill) => vectorOf(embeddings, skill)),
    cvSkills.map((skill) => vectorOf(embeddings, skill))
  )
  return new Map(bestMatchPerRow(matrix).map((best, row) => {
    const skill = skills[row]!
    // Matched on the rounded value, so that a reported 0.75 is never "not matched".
    const similarity = Math.round(best.similarity * 1000) / 1000
    // A CV skill too far to earn even partial credit is not the "closest" of anything.
    const bestMatch = similarity >= thresholds.partialFloor ? cvSkills[best.index]! : null
    return [skill, { skill, best_match: bestMatch, similarity, matched: similarity >= thresholds.match }]
  }))
}

function credit (match: SkillMatch, thresholds: SkillThresholds): number {
  if (match.matched) return 1
  const nearness = (match.similarity - thresholds.partialFloor) / (thresholds.match - thresholds.partialFloor)
  return PARTIAL_CREDIT_MAX * Math.min(1, Math.max(0, nearness))
}

function score (required: readonly SkillMatch[], preferred: readonly SkillMatch[], thresholds: SkillThresholds, jobTitle: string | null): number {
  const title = ` ${normalizeText(jobTitle ?? '').replace(/[^\p{L}\p{N}+#.]+/gu, ' ')} `
  const weighted = [
    ...required.map((match) => ({ match, weight: IMPORTANCE.required * importance(match.skill, title) })),
    ...preferred.map((match) => ({ match, weight: IMPORTANCE.preferred * importance(match.skill, title) }))
  ]
  const total = sum(weighted.map(({ weight }) => weight))
  if (total === 0) return 100
  const earned = sum(weighted.map(({ match, weight }) => weight * credit(match, thresholds)))
  return Math.round(100 * earned / total)
}

/** A skill the title names weighs more; a soft skill weighs less. */
function importance (skill: string, paddedTitle: string): number {
  const inTitle = paddedTitle.includes(` ${skill} `) ? IMPORTANCE.inTitleFactor : 1
  return skillCategory(skill) === 'soft_skill' ? inTitle * IMPORTANCE.softSkillFactor : inTitle
}

function sum (values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

function missing (matches: readonly SkillMatch[]): string[] {
  return matches.filter((match) => !match.matched).map((match) => match.skill)
}

function explain (breakdown: SkillsBreakdown): string[] {
  const { required, preferred } = breakdown
  if (required.length + preferred.length === 0) return ['The job lists no skills, so skills do not count']
  const lines = [
    coverage('required', required, breakdown.missing_required),
    coverage('preferred', preferred, breakdown.missing_preferred)
  ].filter((line) => line !== null)
  const close = [...required, ...preferred].filter((match) => match.matched && match.similarity < 1)
  if (close.length > 0) {
    lines.push(`Counted as equivalent: ${formatList(close.map((match) => `${match.best_match} for ${match.skill}`))}`)
  }
  return lines
}

function coverage (kind: string, matches: readonly SkillMatch[], missingSkills: readonly string[]): string | null {
  if (matches.length === 0) return null
  const line = `Matches ${matches.length - missingSkills.length} of ${matches.length} ${kind} skills`
  return missingSkills.length === 0 ? line : `${line}; missing: ${formatList(missingSkills)}`
}
