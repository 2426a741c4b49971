import type { Industry } from '../schemas.ts'
import { INDUSTRY_KEYWORDS } from '../taxonomy/industry-keywords.ts'
import { KeywordScorer } from '../taxonomy/keyword-scorer.ts'
import { INDUSTRIES } from '../taxonomy/vocabulary.ts'

const MAX_INDUSTRIES = 5
/** One strong keyword ("hospital") or a few weaker ones: a passing mention of "software" is not an industry. */
const MIN_SCORE = 3
/** In a long text every industry collects a little; keep those within reach of the leader. */
const MIN_SHARE_OF_TOP = 0.25
/** Past this many mentions a keyword adds nothing: a text repeating "bank" is no more about banking. */
const MAX_REPEATS = 3

const scorer = new KeywordScorer(INDUSTRY_KEYWORDS, MAX_REPEATS)

/**
 * The industries a job ad or CV is about, most evident first (ties in vocabulary order), at most
 * five; empty when no industry has enough evidence.
 */
export function detectIndustries (text: string): Industry[] {
  const scores = scorer.score(text)
  const scoreOf = (industry: Industry): number => scores.get(industry) ?? 0
  const evident = INDUSTRIES.filter((industry) => scoreOf(industry) >= MIN_SCORE)
    .sort((a, b) => scoreOf(b) - scoreOf(a))
  const top = evident[0] === undefined ? 0 : scoreOf(evident[0])
  return evident.filter((industry) => scoreOf(industry) >= top * MIN_SHARE_OF_TOP).slice(0, MAX_INDUSTRIES)
}
