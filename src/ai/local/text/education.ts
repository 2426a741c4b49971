import { EDUCATION_LEVELS } from '../../schemas.ts'
import type { EducationLevel } from '../../schemas.ts'
import { NATIONAL_DEGREES } from './data/degree-words.ts'
import { phrasePattern } from './lines.ts'
import { TakenSpans } from './spans.ts'

/**
 * Degrees and their level. Two-letter abbreviations ("BS", "MA") are only degrees when a field
 * follows them ("BS in Biology", "MA, History"): alone they are also "MS Excel" and Massachusetts.
 */

/** "in Biology", "(Hons)", ", History" — but not ", USA" or ", 2019" after a state. Case-sensitive. */
const FIELD_FOLLOWS = '(?=\\s+(?:in|of)\\s|\\s*\\(|\\s*[,–—-]\\s*(?!United\\b)[A-Z][a-z]{2,})'

/** Checked in order: "high school diploma" is not a vocational diploma. */
const DEGREE_PATTERNS: ReadonlyArray<[EducationLevel, RegExp]> = [
  ['high_school', /\b(high[- ]school( diploma)?|secondary school|GED|A-levels?|abitur|baccalaur[ée]at)\b/gi],
  ['doctorate', /\b(ph\.?\s?d\b\.?|doctorate|doctoral|doctor of \w+|d\.?phil\b|ed\.?d\b|dnp\b|m\.d\.)/gi],
  ['master', new RegExp(`((?<!scrum )\\bmasters?\\b|\\bmaster's|\\bm\\.?sc\\b\\.?|\\bmba\\b|\\bm\\.?eng\\b\\.?|\\bmph\\b|\\bmsn\\b|\\bll\\.?m\\b|\\bmfa\\b|\\bm\\.s\\.|\\bm\\.a\\.)`, 'gi')],
  ['master', new RegExp(`\\b(MS|MA)${FIELD_FOLLOWS}`, 'g')],
  ['bachelor', new RegExp(`(\\bbachelors?\\b|\\bbachelor's|\\bb\\.?sc\\b\\.?|\\bb\\.?eng\\b\\.?|\\bb\\.?tech\\b\\.?|\\bbsn\\b|\\bbba\\b|\\bb\\.?com\\b\\.?|\\bb\\.s\\.|\\bb\\.a\\.|\\bundergraduate degree|\\b(four|4)[- ]year degree)`, 'gi')],
  ['bachelor', new RegExp(`\\b(BS|BA)${FIELD_FOLLOWS}`, 'g')],
  // National qualifications by name (data/degree-words.ts), before the English words they may contain ("Diplom", "Master en").
  ...NATIONAL_DEGREES.map(([level, names]): [EducationLevel, RegExp] => [level, new RegExp(`(?<!\\p{L})(?:${phrasePattern(names)})(?!\\p{L})`, 'gu')]),
  // Case-sensitive: "BEd", "PGCE", "LLB" are degrees, "bed" and "med" are words.
  ['master', /\b(MEd|M\.Ed\.?|PGCE|PGDE|LLM)\b/g],
  ['bachelor', /\b(BEd|B\.Ed\.?|LLB|LL\.B\.?|BEng|BSN|BFA)\b/g],
  ['associate', /\b(associate'?s? degree|associate of (arts|science|applied science)|(two|2)[- ]year degree|AAS|ADN)\b|\bA\.A\.(S\.)?/gi],
  ['vocational', /\b(diploma|vocational|trade school|apprenticeship|certificate program|LPN|LVN)\b/gi]
]

/**
 * In an education section a two-letter degree before its field needs no "in" or comma: "BA
 * Business Administration", "MS Computer Science". Elsewhere "MS Excel" is not a master's.
 */
const LISTED_DEGREES: ReadonlyArray<[EducationLevel, RegExp]> = [
  ['master', /\b(MS|MA)(?=\s+\p{Lu}\p{Ll}{2,})/gu],
  ['bachelor', /\b(BS|BA)(?=\s+\p{Lu}\p{Ll}{2,})/gu]
]

/** The level a text's first degree mention names, or null. */
export function degreeLevel (text: string): EducationLevel | null {
  return degreeMentions(text)[0]?.level ?? null
}

/** Every level a text mentions, lowest first. */
export function degreeLevels (text: string): EducationLevel[] {
  const levels = new Set(degreeMentions(text).map((mention) => mention.level))
  return EDUCATION_LEVELS.filter((level) => levels.has(level))
}

export function lowestLevel (levels: Iterable<EducationLevel>): EducationLevel | null {
  const found = new Set(levels)
  return EDUCATION_LEVELS.find((level) => found.has(level)) ?? null
}

export interface DegreeMention { level: EducationLevel, index: number, text: string }

/**
 * Degree mentions in document order; a "high school diploma" is not also a diploma. `listed`:
 * the text is a line of an education section, where "BA Business Administration" is a degree.
 */
export function degreeMentions (text: string, listed = false): DegreeMention[] {
  const mentions: DegreeMention[] = []
  const taken = new TakenSpans(text.length)
  for (const [level, pattern] of listed ? [...DEGREE_PATTERNS, ...LISTED_DEGREES] : DEGREE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (taken.claim(match.index, match.index + match[0].length)) mentions.push({ level, index: match.index, text: match[0] })
    }
  }
  return mentions.sort((a, b) => a.index - b.index)
}

/**
 * The levels each text mentions, from one pass over all of them: a posting can have thousands
 * of clauses, and the degree patterns are too costly to start afresh on each.
 */
export function levelsPerText (texts: readonly string[]): EducationLevel[][] {
  const levels = texts.map((): EducationLevel[] => [])
  let text = 0
  let textEnd = (texts[0] ?? '').length
  for (const mention of degreeMentions(texts.join('\n'))) {
    while (mention.index > textEnd) textEnd += 1 + (texts[++text] as string).length
    const own = levels[text] as EducationLevel[]
    own.push(mention.level)
  }
  return levels
}

/** Fields of study employers ask for; matched as whole words, reported lower case. */
const FIELDS = [
  'computer science', 'computer engineering', 'software engineering', 'information technology', 'information systems',
  'data science', 'electrical engineering', 'mechanical engineering', 'civil engineering', 'chemical engineering',
  'industrial engineering', 'engineering', 'mathematics', 'applied mathematics', 'statistics', 'physics', 'chemistry',
  'biology', 'biochemistry', 'economics', 'econometrics', 'finance', 'accounting', 'business administration', 'business',
  'management', 'marketing', 'communications', 'journalism', 'psychology', 'sociology', 'nursing', 'medicine', 'pharmacy',
  'public health', 'law', 'education', 'human resources', 'graphic design', 'design', 'operations research', 'data analytics'
]
const FIELD_PATTERN = new RegExp(`\\b(${[...FIELDS].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi')

/** Known fields of study named in a text, in order: "degree in Accounting or Finance". */
export function fieldsOfStudy (text: string): string[] {
  return [...new Set([...text.matchAll(FIELD_PATTERN)].map((match) => match[0].toLowerCase()))]
}

const INSTITUTION = /(?<!\p{L})(universit(y|é|ät|at|à|ad|eit)|college|institute|school|academy|polytechni(c|que)|hochschule|[ée]cole|lyc[ée]e|conservatory)(?!\p{L})/iu

/** A school's name; "High School Diploma" names a degree, not where it was earned. */
export function isInstitution (text: string): boolean {
  return INSTITUTION.test(text) && !/\b(diploma|degree)\b/i.test(text)
}
