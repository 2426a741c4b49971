import type { ExperienceEntry } from '../../schemas.ts'
import { findDateRanges, formatYearMonth } from './dates.ts'
import type { DateRange } from './dates.ts'
import { isBullet, squash, stripBullet, stripMarkdown, trimChars, truncate } from './lines.ts'
import { findLocations, findPlace, isRemoteLocation } from './locations.ts'
import { isOrganisationName, isRoleTitle } from './roles.ts'

/**
 * Jobs in a CV's experience section. Every job has a date range, so each header line holding
 * one anchors a job; the job's header is that line plus up to two short lines right above it
 * ("Title" / "Company, City" / "Jan 2019 – Present"), or below it when the dates come first,
 * and its description is everything down to the next job's header. This reads the common
 * layouts alike:
 *   Senior Engineer — Acme Corp (Jan 2019 – Present)
 *   Acme Corp | Senior Engineer | 2019-2021
 *   Senior Engineer / Acme Corp, Chicago, IL / Jun 2015 – Dec 2016
 */

export interface DatedExperience {
  entry: ExperienceEntry
  range: DateRange
}

const MAX_ENTRIES = 50
const MAX_HEADER_LINES = 2
const MAX_HEADER_LENGTH = 300
const MAX_TITLE = 300
const MAX_DESCRIPTION = 5000

/** `head`: the anchor line up to its date range; `rest`: what follows it on the line, the start of the description ("…(2023 – present): built …"). */
interface Anchor { line: number, range: DateRange, head: string, rest: string }
interface Block { anchor: Anchor, headerStart: number, header: string[], bodyStart: number }

export function parseExperience (lines: readonly string[]): DatedExperience[] {
  const anchors = findAnchors(lines)
  const blocks = anchors.map((anchor, index) => block(lines, anchor, anchors[index - 1]?.line ?? -1, anchors[index + 1]?.line ?? lines.length))
  return blocks.slice(0, MAX_ENTRIES).map((current, index) => {
    const bodyEnd = blocks[index + 1]?.headerStart ?? lines.length
    const { title, company } = titleAndCompany(current.header)
    const { start, end } = current.anchor.range
    return {
      entry: {
        title,
        company,
        start: formatYearMonth(start),
        end: end === null ? null : formatYearMonth(end),
        current: end === null,
        description: description([current.anchor.rest, ...lines.slice(current.bodyStart, bodyEnd)])
      },
      range: current.anchor.range
    }
  })
}

/**
 * Lines with a date range that are headers, not bullets or prose mentioning years. A header may
 * run on into its description on the same line ("Web Developer, Sakura (2023 – present): built
 * …"): what follows the range is left out of the header when a colon or dash opens it, or when
 * what precedes the range names a role.
 */
function findAnchors (lines: readonly string[]): Anchor[] {
  return lines.flatMap((line, index) => {
    const range = findDateRanges(line)[0]
    if (range === undefined) return []
    // Every part of CLOSING is optional: it always matches, if only the empty string.
    const close = (CLOSING.exec(line.slice(range.index + range.length, range.index + range.length + 4)) as RegExpExecArray)[0]
    const headEnd = range.index + range.length + close.length
    const head = line.slice(0, headEnd)
    const rest = trimChars(line.slice(headEnd), ' :–—-')
    const runsOn = rest !== '' && (/[:–—-]/.test(close) || isRoleTitle(line.slice(0, range.index)))
    if (isHeaderLike(line)) return [{ line: index, range, head: line, rest: '' }]
    return runsOn && isHeaderLike(head) ? [{ line: index, range, head, rest }] : []
  })
}

/** Right after a range: its closing bracket and a colon or dash that introduce the description. */
const CLOSING = /^[)\]]?\s*[:–—-]?/

/** Short and not a sentence: a title, a company, a date line. */
function isHeaderLike (line: string): boolean {
  const words = squash(line).split(' ').length
  return line !== '' && line.length <= MAX_HEADER_LENGTH && !isBullet(line) && words <= 16 && !(words > 6 && line.endsWith('.'))
}

function block (lines: readonly string[], anchor: Anchor, previousAnchor: number, nextAnchor: number): Block {
  const anchorText = withoutRange(anchor.head, anchor.range)
  const anchorParts = nameParts(anchorText).length
  let headerStart = anchor.line
  // A line already naming both title and company needs nothing from above.
  while (anchorParts < 2 && headerStart - 1 > previousAnchor && anchor.line - headerStart < MAX_HEADER_LINES && isHeaderLike(lines[headerStart - 1] as string)) headerStart--
  const above = lines.slice(headerStart, anchor.line)
  if (above.length > 0 || anchorParts > 0) return { anchor, headerStart, header: [...above, anchorText], bodyStart: anchor.line + 1 }
  // Dates first, then the title and company below them.
  let bodyStart = anchor.line + 1
  while (bodyStart < nextAnchor && bodyStart - anchor.line <= MAX_HEADER_LINES && isHeaderLike(lines[bodyStart] as string)) bodyStart++
  return { anchor, headerStart, header: lines.slice(anchor.line + 1, bodyStart), bodyStart }
}

function withoutRange (line: string, range: DateRange): string {
  return (line.slice(0, range.index) + ' | ' + line.slice(range.index + range.length)).replace(/[([]\s*\|\s*[)\]]/, ' | ')
}

const SEPARATOR = /\s+[|•·@–—-]\s+|\s*\|\s*|,\s+|\s+at\s+|\s{3,}/
const SLASH = /\s+\/\s+/

/** The first part that reads like a job title is the title; the company is the first other part named like an organisation, else the first other part. */
function titleAndCompany (header: readonly string[]): Pick<ExperienceEntry, 'title' | 'company'> {
  const parts = header.flatMap(nameParts)
  const titleIndex = Math.max(0, parts.findIndex(isRoleTitle))
  const title = parts[titleIndex]
  const others = parts.filter((_, index) => index !== titleIndex)
  // "Staff Nurse, ICU — Cork University Hospital": a part named like an organisation beats a unit or a team.
  const company = others.find(isOrganisationName) ?? others[0]
  return {
    title: title === undefined ? null : truncate(title, MAX_TITLE),
    company: company === undefined ? null : truncate(company, MAX_TITLE)
  }
}

/** The pieces of a header line that can be a title or a company name. */
function nameParts (line: string): string[] {
  const parts = splitParts(withoutLocations(stripMarkdown(line)), SEPARATOR)
  // "Senior Staff RN / Charge Nurse" is one job with two titles; "Engineer / Acme Corp" is two parts.
  return parts.flatMap((part) => {
    const sides = splitParts(part, SLASH)
    return sides.length > 1 && !sides.every(isRoleTitle) ? sides : [part]
  })
}

function splitParts (text: string, separator: RegExp): string[] {
  return text.split(separator).map(cleanPart).filter(isNamePart)
}

function withoutLocations (line: string): string {
  return findLocations(line).reduceRight((text, { value, index }) => text.slice(0, index) + ' | ' + text.slice(index + value.length), line)
}

function cleanPart (part: string): string {
  return trimChars(squash(part.replace(/\(\s*\)/g, '')), ' |,·•:–—-')
}

/** Drops what is left of dates and places: "(part-time during school)", "Remote", a known city on its own ("Westbrook Hotels, Edinburgh"). */
function isNamePart (part: string): boolean {
  return /\p{L}{2}/u.test(part) && !/^\(.*\)$/.test(part) && !isRemoteLocation(part) && !/^(hybrid|on[- ]?site)$/i.test(part) && findPlace(part) !== part
}

function description (lines: readonly string[]): string | null {
  const text = lines.filter((line) => line !== '').map((line) => squash(stripBullet(line))).join('\n')
  return text === '' ? null : truncate(text, MAX_DESCRIPTION)
}
