import { normalizeText } from '../../src/matching/embeddings.ts'
import type { SkillThresholds } from '../../src/matching/skill-thresholds.ts'
import type { PairLabel, SkillPair } from './pairs.ts'

export interface ScoredPair extends SkillPair {
  similarity: number
}

export interface BinaryFigures {
  precision: number
  recall: number
  f1: number
}

export interface ThresholdReport {
  /** A pair counts as having the skill: `equivalent` pairs are the positives. */
  match: BinaryFigures
  /** A pair earns any credit (at or above the partial floor): `equivalent` and `related` are the positives. */
  credit: BinaryFigures
  /** Share of `unrelated` pairs earning any credit. */
  unrelatedWithCredit: number
  pairs: number
}

/** The similarity the scorer sees: 1 for the same normalized name, else the vectors' cosine. */
export async function scorePairs (pairs: readonly SkillPair[], embed: (texts: string[]) => Promise<Float32Array[]>): Promise<ScoredPair[]> {
  const texts = [...new Set(pairs.flatMap((pair) => [normalizeText(pair.jobSkill), normalizeText(pair.cvSkill)]))]
  const vectors = await embed(texts)
  const byText = new Map(texts.map((text, index) => [text, vectors[index] as Float32Array]))
  return pairs.map((pair) => {
    const a = normalizeText(pair.jobSkill)
    const b = normalizeText(pair.cvSkill)
    if (a === b) return { ...pair, similarity: 1 }
    const va = byText.get(a) as Float32Array
    const vb = byText.get(b) as Float32Array
    let dot = 0
    for (let i = 0; i < va.length; i++) dot += (va[i] as number) * (vb[i] as number)
    return { ...pair, similarity: dot }
  })
}

const CANDIDATES = Array.from({ length: 95 }, (_, index) => Math.round((0.05 + index * 0.01) * 100) / 100)

/**
 * At most this share of unrelated dev pairs may earn partial credit. A scoring takes each job
 * skill's best match among all the CV's skills, so an unrelated CV with 30 skills almost always
 * has one that lands in a low floor's band: the floor must sit above nearly all unrelated pairs.
 */
const MAX_UNRELATED_WITH_CREDIT = 0.05

/**
 * Chosen on the dev pairs only: the match threshold with the best F1 for `equivalent`, then the
 * partial-credit floor below it with the best F1 for `equivalent` or `related` among the floors
 * that give (almost) no unrelated pair any credit.
 */
export function chooseThresholds (scored: readonly ScoredPair[]): SkillThresholds {
  const dev = scored.filter((pair) => pair.split === 'dev')
  const match = best(CANDIDATES, (threshold) => figures(dev, ['equivalent'], threshold).f1)
  const unrelated = dev.filter((pair) => pair.label === 'unrelated')
  const below = CANDIDATES.filter((floor) => floor < match && unrelated.filter((pair) => pair.similarity > floor).length <= MAX_UNRELATED_WITH_CREDIT * unrelated.length)
  const partialFloor = below.length === 0 ? match : best(below, (floor) => figures(dev, ['equivalent', 'related'], floor).f1)
  return { match, partialFloor }
}

export function reportThresholds (scored: readonly ScoredPair[], thresholds: SkillThresholds): ThresholdReport {
  const unrelated = scored.filter((pair) => pair.label === 'unrelated')
  return {
    match: figures(scored, ['equivalent'], thresholds.match),
    credit: figures(scored, ['equivalent', 'related'], thresholds.partialFloor),
    unrelatedWithCredit: round(unrelated.filter((pair) => pair.similarity > thresholds.partialFloor).length / Math.max(1, unrelated.length)),
    pairs: scored.length
  }
}

function figures (pairs: readonly ScoredPair[], positives: readonly PairLabel[], threshold: number): BinaryFigures {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  for (const pair of pairs) {
    const predicted = Math.round(pair.similarity * 1000) / 1000 >= threshold
    const actual = positives.includes(pair.label)
    if (predicted && actual) truePositives++
    else if (predicted) falsePositives++
    else if (actual) falseNegatives++
  }
  const precision = truePositives / Math.max(1, truePositives + falsePositives)
  const recall = truePositives / Math.max(1, truePositives + falseNegatives)
  return { precision: round(precision), recall: round(recall), f1: round(precision + recall === 0 ? 0 : 2 * precision * recall / (precision + recall)) }
}

function best (candidates: readonly number[], value: (candidate: number) => number): number {
  return candidates.reduce((winner, candidate) => value(candidate) > value(winner) ? candidate : winner)
}

function round (value: number): number {
  return Math.round(value * 1000) / 1000
}
