import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'

export const PAIR_LABELS = ['equivalent', 'related', 'different', 'unrelated'] as const
export type PairLabel = (typeof PAIR_LABELS)[number]

export interface SkillPair {
  label: PairLabel
  jobSkill: string
  cvSkill: string
  /** `dev` pairs choose the thresholds; `heldout` pairs only report them. */
  split: 'dev' | 'heldout'
}

const PAIRS_FILE = new URL('./pairs.txt', import.meta.url)

/**
 * The labelled pairs of pairs.txt. The split is a hash of the pair, 60 % dev and 40 % held out,
 * so it never changes when pairs are added elsewhere in the file.
 */
export function loadSkillPairs (): SkillPair[] {
  return readFileSync(PAIRS_FILE, 'utf8').split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [label, jobSkill, cvSkill] = line.split('|').map((part) => part.trim())
      if (!PAIR_LABELS.includes(label as PairLabel) || !jobSkill || !cvSkill) throw new Error(`bad pair line: ${line}`)
      const bucket = createHash('sha256').update(`${jobSkill}|${cvSkill}`).digest()[0] as number
      return { label: label as PairLabel, jobSkill, cvSkill, split: bucket < 154 ? 'dev' : 'heldout' }
    })
}
