import type { ParsedCv, ParsedJob } from '../ai/schemas.ts'
import { normalizeText, vectorOf } from './embeddings.ts'
import type { Embeddings } from './embeddings.ts'
import type { Assessment, SkillMatch, SkillsBreakdown } from './fit-score.ts'
import { bestMatchPerRow, cosineSimilarityMatrix } from './similarity.ts'
import { formatList } from './wording.ts'

/**
 * Cosine similarity from which the closest CV skill counts as the JD skill. Tuned on the lexical
 * embedder (test/unit/lexical-fit.test.ts): among the taxonomy's canonical skills, which are what
 * the local parsers produce, the few pairs above it are mostly a skill and its specialization
 * ("risk management" / "financial risk management"), while different skills with a word in
 * common stay below ("react" / "react native" 0.63, "test-driven" / "behavior-driven development"
 * 0.69). A skill with a generic word added ("postgresql database", 0.68) also stays below and
 * gets partial credit: lexically it cannot be told from those different skills. Not measured on
 * model embeddings, whose similarities spread differently: check real pairs before relying on it.
 */
export const SKILL_MATCH_THRESHOLD = 0.75

/** A required skill counts as much as this many preferred ones. */
const REQUIRED_WEIGHT = 2
const PREFERRED_WEIGHT = 1

/**
 * A missed skill whose closest CV skill is near the threshold earns up to this share of its
 * weight, scaled linearly from nothing at PARTIAL_CREDIT_FLOOR: a near equivalent is worth
 * something, an unrelated skill nothing. Lexically, skills sharing only a generic word
 * ("pain management" / "time management") land just around the floor.
 */
const PARTIAL_CREDIT_MAX = 0.5
const PARTIAL_CREDIT_FLOOR = 0.6

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

export function matchSkills (jd: ParsedJob, cv: ParsedCv, embeddings: Embeddings): Assessment<SkillsBreakdown> {
  const skills = jobSkills(jd)
  const cvSkills = unique(cv.skills)
  const matches = closestCvSkills(fuzzySkills(skills, cvSkills), cvSkills, embeddings)
  const matchOf = (skill: string): SkillMatch => matches.get(skill) ?? { skill, best_match: skill, similarity: 1, matched: true }
  const required = skills.required.map(matchOf)
  const preferred = skills.preferred.map(matchOf)
  const breakdown: SkillsBreakdown = {
    score: score(required, preferred),
    required,
    preferred,
    missing_required: missing(required),
    missing_preferred: missing(preferred)
  }
  return { breakdown, applies: required.length + preferred.length > 0, explanations: explain(breakdown) }
}

function closestCvSkills (skills: readonly string[], cvSkills: readonly string[], embeddings: Embeddings): Map<string, SkillMatch> {
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
    // A CV skill with nothing in common (similarity 0 or less) is not the "closest" of anything.
    const bestMatch = similarity > 0 ? cvSkills[best.index]! : null
    return [skill, { skill, best_match: bestMatch, similarity, matched: similarity >= SKILL_MATCH_THRESHOLD }]
  }))
}

function credit (match: SkillMatch): number {
  if (match.matched) return 1
  const nearness = (match.similarity - PARTIAL_CREDIT_FLOOR) / (SKILL_MATCH_THRESHOLD - PARTIAL_CREDIT_FLOOR)
  return PARTIAL_CREDIT_MAX * Math.min(1, Math.max(0, nearness))
}

function score (required: readonly SkillMatch[], preferred: readonly SkillMatch[]): number {
  const total = required.length * REQUIRED_WEIGHT + preferred.length * PREFERRED_WEIGHT
  if (total === 0) return 100
  const earned = REQUIRED_WEIGHT * sum(required.map(credit)) + PREFERRED_WEIGHT * sum(preferred.map(credit))
  return Math.round(100 * earned / total)
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
