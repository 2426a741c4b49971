import { readFileSync } from 'node:fs'

/** From what similarity a CV skill counts as the job's skill, and from what it earns partial credit. */
export interface SkillThresholds {
  match: number
  partialFloor: number
}

interface ThresholdsFile {
  embedders: Record<string, SkillThresholds & { measured?: unknown }>
  default: SkillThresholds
}

/**
 * Per embedder, since each spreads similarities differently (the sentence encoder puts unrelated
 * skills around 0.3 and synonyms around 0.6-0.8; the lexical one puts most pairs near 0). Chosen
 * on labelled pairs by eval/skill-pairs/run.ts; the file records the figures and how.
 */
const FILE = JSON.parse(readFileSync(new URL('./data/skill-thresholds.json', import.meta.url), 'utf8')) as ThresholdsFile

export function skillThresholdsFor (embeddingModel: string): SkillThresholds {
  const entry = FILE.embedders[embeddingModel] ?? FILE.default
  return { match: entry.match, partialFloor: entry.partialFloor }
}
