import { TakenSpans } from './spans.ts'

/**
 * Years of experience a posting asks for: "5+ years", "3-5 years", "at least 4 years",
 * "minimum of two (2) years", "over ten years". Only lines about experience count, so "within
 * 2 years you will lead a team" is not a requirement.
 */

export interface YearsRequirement {
  min: number
  max: number | null
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen']
const NUMBER = `(?:\\d{1,2}(?:\\.5)?|${NUMBER_WORDS.join('|')})(?:\\s*\\(\\d{1,2}\\))?`
const YEARS = '(?:years?|yrs?)'
const MONTHS = '(?:months?|mos?)'
const unit = (words: string): string => `\\s*(?:\\+\\s*)?${words}\\b`
const AT_LEAST = '(?:at least|minimum(?: of)?|min\\.?|over|more than|in excess of)'
/** The phrasings, broadest first, for a unit of time; `scale` turns the figure into years. */
const phrasings = (words: string): readonly RegExp[] => [
  new RegExp(`\\b(${NUMBER})\\s*(?:-|–|—|to)\\s*(${NUMBER})${unit(words)}`, 'gi'),
  new RegExp(`\\b${AT_LEAST}\\s+(${NUMBER})${unit(words)}`, 'gi'),
  new RegExp(`\\b(${NUMBER})\\s*\\+${unit(words)}`, 'gi'),
  new RegExp(`\\b(${NUMBER})\\s+or more\\s+${words}\\b`, 'gi'),
  new RegExp(`\\b(${NUMBER})${unit(words)}\\s*(?:\\+|or more|or longer|minimum)`, 'gi'),
  new RegExp(`\\b(${NUMBER})${unit(words)}['’]?\\s+(?:of\\s+)?(?:[\\w/&-]+\\s+){0,6}?(?:experience|pqe)`, 'gi'),
  // Job boards' screening questions: "Experience: customer service: 1 year (Required)".
  new RegExp(`\\b(${NUMBER})${unit(words)}\\s*\\((?:required|preferred)\\)`, 'gi')
]
const PATTERNS: ReadonlyArray<{ pattern: RegExp, scale: number }> = [
  ...phrasings(YEARS).map((pattern) => ({ pattern, scale: 1 })),
  ...phrasings(MONTHS).map((pattern) => ({ pattern, scale: 1 / 12 }))
]
// "5+ years" and "at least 4 years" are requirement phrasings by themselves ("5+ years of Node.js").
const EXPERIENCE_CUE = /\b(experience|exp\.|background|track record|working|pqe|post[- ]qualification|in (a|an|the) [\w\s-]{0,40}(role|position|environment|setting))\b|\+\s*(years?|yrs?)\b|\b(at least|minimum( of)?)\s+\S+\s+(years?|yrs?|months?)\b|\b(years?|months?)\s*\((required|preferred)\)/i
const MAX_YEARS = 40

/** The figure a number is written as: "5", "2.5", "two", "two (2)". */
export function parseNumber (text: string): number | null {
  const value = text.trim().toLowerCase().replace(/\s*\(\d+\)$/, '')
  const word = NUMBER_WORDS.indexOf(value)
  if (word >= 0) return word
  const number = Number.parseFloat(value)
  return Number.isFinite(number) ? number : null
}

/** Months as years, to one decimal: "6 months" is 0.5. */
function inYears (figure: number, scale: number): number {
  return Math.round(figure * scale * 10) / 10
}

/** Every years-of-experience requirement on one line, in order. */
export function yearsOnLine (line: string): YearsRequirement[] {
  if (!EXPERIENCE_CUE.test(line)) return []
  const found: Array<YearsRequirement & { index: number }> = []
  // Patterns run broadest-first; a phrase already read ("3-5 years") is not read again ("5 years").
  const taken = new TakenSpans(line.length)
  for (const { pattern, scale } of PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      if (!taken.claim(match.index, match.index + match[0].length)) continue
      const min = inYears(parseNumber(match[1] as string) as number, scale)
      const max = match[2] === undefined ? null : inYears(parseNumber(match[2]) as number, scale)
      if (min <= MAX_YEARS && (max === null || (max >= min && max <= MAX_YEARS))) found.push({ min, max, index: match.index })
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ min, max }) => ({ min, max }))
}

/**
 * The posting's requirement: the largest minimum asked for across the lines ("5+ years of
 * backend, 2+ with Kubernetes" asks for 5), with the maximum of the same phrase.
 */
export function findYearsRequirement (lines: readonly string[]): YearsRequirement | null {
  let best: YearsRequirement | null = null
  for (const requirement of lines.flatMap(yearsOnLine)) {
    if (best === null || requirement.min > best.min) best = requirement
  }
  return best
}
