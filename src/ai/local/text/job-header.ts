import { fieldValue } from './fields.ts'
import { squash, stripMarkdown, truncate } from './lines.ts'
import { findLocation, findPlace } from './locations.ts'
import { headingKind } from './sections.ts'
import type { Section } from './sections.ts'

/**
 * What a posting says about itself at the top: its title, the company and where the job is.
 * Labelled fields ("Job Title:", "Company:") win over layout guesses.
 */

const MAX_LENGTH = 300
const TOP_LINES = 8

const TITLE_FIELD = /^(job title|title|position|position title|role|job|job role|vacancy|opening)$/i
const COMPANY_FIELD = /^(company|company name|employer|organi[sz]ation|hiring company|client)$/i
/** A parenthesis holding no other: each '(' scans only up to the next bracket, so a run of '(' stays linear. */
const PARENTHESIS = /\([^()]*\)/g
const ARRANGEMENT = /\b(on[- ]?site|hybrid|remote|office|in[- ]person)\b/i
const LOCATION_FIELD = /^(location|job location|work location|locations|based in|office|city)$/i

/** A one-paragraph posting often opens with "Senior Backend Engineer at Acme (Berlin)". */
const TITLE_AT_COMPANY = /^([A-Z][\w/+#&-]*(?:\s+[A-Z][\w/+#&-]*){0,7})\s+(?:at|@)\s+([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&'’-]*){0,4})/

function titleAtCompany (lines: readonly string[]): RegExpExecArray | null {
  const first = lines.find((line) => line !== '')
  return first === undefined ? null : TITLE_AT_COMPANY.exec(squash(stripMarkdown(first)))
}

/**
 * The labelled title, else the first line that reads like one (short, not a sentence, not a
 * heading), else the title of an opening "<Title> at <Company>" sentence.
 */
export function findJobTitle (lines: readonly string[]): string | null {
  const field = fieldValue(lines.slice(0, TOP_LINES), TITLE_FIELD)
  if (field !== null) return truncate(squash(field), MAX_LENGTH)
  const first = lines.find((line) => line !== '')
  const candidate = first === undefined ? '' : squash(stripMarkdown(first))
  if (candidate !== '' && looksLikeTitle(candidate)) return truncate(titleLine(candidate).title, MAX_LENGTH)
  const opening = titleAtCompany(lines)
  return opening === null ? null : truncate(opening[1] as string, MAX_LENGTH)
}

function looksLikeTitle (line: string): boolean {
  return line.length <= 120 &&
    headingKind(line) === null &&
    !/[.!?]$|@|https?:|www\.|:\s/.test(line) &&
    !/\b(is|are) (hiring|looking|seeking)\b/i.test(line)
}

const NOT_A_COMPANY = /^(us|the (company|team|role|job|position|opportunity)|me|you|our (company|team)|this (role|job|position))$/i

/** "Company: X", else "About X", else "X is hiring" / "X is looking for", else "<Title> at X" opening the text. */
export function findCompany (lines: readonly string[], sections: readonly Section[]): string | null {
  const field = fieldValue(lines.slice(0, TOP_LINES), COMPANY_FIELD)
  if (field !== null) return truncate(squash(field), MAX_LENGTH)
  for (const section of sections) {
    const about = section.kind === 'about' ? /^about\s+(.+)$/i.exec(section.heading as string) : null
    if (about !== null && !NOT_A_COMPANY.test(about[1] as string)) return truncate(about[1] as string, MAX_LENGTH)
  }
  for (const line of lines) {
    const hiring = /^([A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,5})\s+(?:is|are)\s+(?:hiring|looking|seeking|searching|recruiting)\b/.exec(stripMarkdown(line))
    if (hiring !== null && !/^(we|our|the|this|i)\b/i.test(hiring[1] as string)) return truncate(hiring[1] as string, MAX_LENGTH)
  }
  const opening = titleAtCompany(lines)
  return opening === null ? null : truncate(opening[2] as string, MAX_LENGTH)
}

/** The labelled location (without its work-arrangement note), else the first "City, Region" near the top, else anywhere. */
export function findJobLocation (lines: readonly string[]): string | null {
  const field = fieldValue(lines.slice(0, TOP_LINES), LOCATION_FIELD)
  if (field !== null) {
    const place = squash(field.replace(PARENTHESIS, (note) => ARRANGEMENT.test(note) ? '' : note))
    if (place !== '') return truncate(place, MAX_LENGTH)
  }
  const first = lines.find((line) => line !== '')
  const fromTitle = first === undefined ? null : titleLine(squash(stripMarkdown(first))).place
  return fromTitle ?? findPlace(lines.slice(0, TOP_LINES).join('\n')) ?? findLocation(lines.join('\n'))
}

/** "(m/f/d)", "(w/m/d)", "(H/F)", "(all genders)": German, Austrian and French postings' gender note, not part of the title. */
const GENDER_NOTE = /\s*\((?:[mwfdhx]\s*\/\s*[mwfdhx](?:\s*\/\s*[mwfdhx])?|all genders|alle geschlechter)\)/gi
/** What a title line's tail may say besides the place: the work arrangement and the contract. */
const ARRANGEMENT_NOTE = /^(hybrid|remote|fully remote|on[- ]?site|in[- ]office|in[- ]person|full[- ]time|part[- ]time|permanent|contract|temporary)$/i
const TAIL_SEPARATORS = [' – ', ' — ', ' | ', ' - ', ' · ']

/**
 * A title line split into the title and the place its tail names: "Senior Backend Engineer at
 * Acme (Berlin, hybrid)", "Data Engineer (m/f/d) – Amsterdam, hybrid", "Electrician in Bristol".
 * The tail is cut from the title only when it names a place or a work arrangement.
 */
export function titleLine (line: string): { title: string, place: string | null } {
  let title = line.replace(GENDER_NOTE, '')
  let place: string | null = null
  const at = /\s+(?:at|@)\s+(?=\p{Lu})/u.exec(title)
  if (at !== null) {
    const parenthesis = /\(([^()]*)\)\s*$/.exec(title)
    place = parenthesis === null ? null : placeIn(parenthesis[1] as string)
    title = title.slice(0, at.index)
  }
  const separator = Math.max(...TAIL_SEPARATORS.map((candidate) => title.lastIndexOf(candidate)))
  if (separator > 0) {
    const tail = title.slice(separator + 3)
    const tailPlace = placeIn(tail)
    if (tailPlace !== null || tail.split(',').every((note) => ARRANGEMENT_NOTE.test(note.trim()))) {
      place ??= tailPlace
      title = title.slice(0, separator)
    }
  }
  const inPlace = /\s+in\s+(?=\p{Lu})/u.exec(title)
  if (inPlace !== null) {
    const tailPlace = placeIn(title.slice(inPlace.index + inPlace[0].length))
    if (tailPlace !== null) {
      place ??= tailPlace
      title = title.slice(0, inPlace.index)
    }
  }
  return { title: title.trim(), place }
}

/** The place in a title's note, "Berlin, hybrid" → "Berlin", once the arrangement is left out. */
function placeIn (note: string): string | null {
  const rest = note.split(',').map((part) => part.trim()).filter((part) => part !== '' && !ARRANGEMENT_NOTE.test(part)).join(', ')
  return rest === '' ? null : findPlace(rest)
}
