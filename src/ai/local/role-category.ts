import type { RoleCategory } from '../schemas.ts'
import { KeywordScorer } from '../taxonomy/keyword-scorer.ts'
import { ROLE_KEYWORDS } from '../taxonomy/role-keywords.ts'
import { ROLE_CATEGORIES } from '../taxonomy/vocabulary.ts'

/** A title keyword counts this many times a body keyword: the title names the role, the body describes its surroundings too. */
const TITLE_WEIGHT = 4
/** Less than one medium keyword in the body is not enough to leave `other`. */
const MIN_SCORE = 2
/** Past this many mentions a keyword adds nothing, so one word repeated through a long text cannot outvote the rest. */
const MAX_REPEATS = 3

type ScoredCategory = Exclude<RoleCategory, 'other'>

const scorer = new KeywordScorer(ROLE_KEYWORDS, MAX_REPEATS)
const SCORED_CATEGORIES = ROLE_CATEGORIES.filter((category): category is ScoredCategory => category !== 'other')

/** The role category of a job or CV from its title and text; `other` when neither says enough. Ties go to the earlier category in the vocabulary. */
export function detectRoleCategory (title: string, text: string): RoleCategory {
  const titleScores = scorer.score(title)
  const textScores = scorer.score(text)
  let best: RoleCategory = 'other'
  let bestScore = MIN_SCORE - 1
  for (const category of SCORED_CATEGORIES) {
    const score = TITLE_WEIGHT * (titleScores.get(category) ?? 0) + (textScores.get(category) ?? 0)
    if (score > bestScore) {
      best = category
      bestScore = score
    }
  }
  return best
}
