import type { EducationEntry } from '../../schemas.ts'
import { findDateRanges, findDates, formatYearMonth, stripDates } from './dates.ts'
import { degreeMentions, isInstitution } from './education.ts'
import type { DegreeMention } from './education.ts'
import { isBullet, squash, stripBullet, stripMarkdown, trimChars, truncate } from './lines.ts'
import { isRoleTitle } from './roles.ts'

/**
 * Degrees in a CV's education section. A degree line or an institution line opens an entry;
 * the lines after it add what it lacks, whichever order the CV puts them in:
 *   B.Sc. in Computer Science / University of Illinois, 2010 – 2014
 *   MBA, Marketing — University of Colorado Denver (2019)
 */

const MAX_ENTRIES = 20
const MAX_LENGTH = 300
const SEPARATOR = /\s+[|•·–—-]\s+|\s*\|\s*|,\s+|\s{3,}/

interface Draft { degreeLine: string | null, institution: string | null, lines: string[] }

export function parseEducation (lines: readonly string[]): EducationEntry[] {
  const drafts: Draft[] = []
  for (const raw of lines) {
    const line = squash(stripMarkdown(stripBullet(raw)))
    if (line === '') continue
    const degree = degreeMentions(line, true).length > 0
    const institution = parts(line).find(isInstitution) ?? null
    const current = drafts.at(-1)
    if (current === undefined || (degree && current.degreeLine !== null) || (!degree && institution !== null && current.institution !== null)) {
      drafts.push({ degreeLine: degree ? line : null, institution, lines: [line] })
      continue
    }
    current.lines.push(line)
    if (degree) current.degreeLine = line
    current.institution ??= institution
  }
  return drafts.filter((draft) => draft.degreeLine !== null || draft.institution !== null).slice(0, MAX_ENTRIES).map(toEntry)
}

function parts (line: string): string[] {
  return stripDates(line).split(SEPARATOR).map((part) => trimChars(part, ' ,')).filter((part) => part !== '')
}

function toEntry (draft: Draft): EducationEntry {
  const degree = draft.degreeLine === null ? null : degreeOf(draft.degreeLine)
  const text = draft.lines.join('\n')
  const range = findDateRanges(text)[0]
  const end = range === undefined ? findDates(text).at(-1) ?? null : range.end
  return {
    degree: degree === null ? null : truncate(degree.text, MAX_LENGTH),
    level: degree?.level ?? null,
    field: degree === null ? null : degree.field,
    institution: draft.institution === null ? null : truncate(draft.institution, MAX_LENGTH),
    start: range === undefined ? null : formatYearMonth(range.start),
    end: end === null ? null : formatYearMonth(end)
  }
}

/** The part of the line naming the degree, its level and the field after it ("in Nursing"). */
function degreeOf (line: string): { text: string, level: EducationEntry['level'], field: string | null } {
  // Read on the whole line: "MS" is only a degree when a field follows it ("MS, Statistics").
  const mention = degreeMentions(line, true)[0] as DegreeMention
  const lineParts = parts(line)
  // Parts split at spaced separators, which no degree spelling contains: one part holds it.
  const index = lineParts.findIndex((part) => part.includes(mention.text))
  const text = lineParts[index] as string
  const next = lineParts[index + 1]
  const field = fieldAfter(text.slice(text.indexOf(mention.text) + mention.text.length)) ?? (next !== undefined && !isInstitution(next) ? next : null)
  return { text, level: mention.level, field: field === null ? null : truncate(field, MAX_LENGTH) }
}

function fieldAfter (rest: string): string | null {
  const field = trimChars(rest
    .replace(/\([^)]*\)/g, '')
    .replace(/^['’]s\b/, '')
    .replace(/^\s*(degree|diploma)\b/i, '')
    .replace(/^\s*of (science|arts|applied science|fine arts)\b/i, '')
    .replace(/^\s*(in|of)\b/i, ''), ' .,:–—-')
  return field === '' ? null : field
}

/** A degree line is short: a sentence mentioning a degree is a description. */
const MAX_DEGREE_LINE_WORDS = 14

/**
 * Degree lines outside an education section ("BSc Computer Science" under the jobs, or in a CV
 * without headings) and the school line right after one: education, not jobs. A line is a
 * degree line when it opens with a degree and names no role ("Master Electrician" is a job);
 * the lines taken out are left blank, so the blocks around them keep their shape.
 */
export function takeDegreeLines (lines: readonly string[]): { rest: string[], degreeLines: string[] } {
  const rest: string[] = []
  const degreeLines: string[] = []
  let afterDegree = false
  for (const line of lines) {
    const text = squash(stripMarkdown(line))
    const isDegree = isDegreeLine(line, text)
    const isSchool = afterDegree && !isRoleTitle(text) && parts(text).some(isInstitution)
    if (isDegree || isSchool) {
      degreeLines.push(line)
      rest.push('')
    } else {
      rest.push(line)
    }
    afterDegree = isDegree
  }
  return { rest, degreeLines }
}

function isDegreeLine (line: string, text: string): boolean {
  if (text === '' || isBullet(line) || text.split(' ').length > MAX_DEGREE_LINE_WORDS) return false
  const first = degreeMentions(text)[0]
  return first !== undefined && first.index <= 2 && !isRoleTitle(text)
}
