import { MONTH_SPELLINGS, MONTH_YEAR_JOINERS, PRESENT_WORDS, RANGE_CONNECTORS, SINCE_WORDS } from './data/date-words.ts'
import { phrasePattern } from './lines.ts'
import { TakenSpans } from './spans.ts'

/**
 * Dates as CVs write them: "Jan 2019", "January 2019", "01/2019", "2019-01", "2019", and ranges
 * between two of them or up to "Present", in English, German, French and Spanish (the words are
 * data: data/date-words.ts). Month precision is all a CV has, so a date is a year
 * and an optional month; durations count whole months, both ends included, the way LinkedIn
 * counts them ("Jan – Mar" is 3 months).
 */

export interface YearMonth {
  year: number
  /** 1–12, or null when only the year is written. */
  month: number | null
}

export interface DateRange {
  start: YearMonth
  /** null when the range is open ("Present"). */
  end: YearMonth | null
  /** Where the range sits in the text it was found in, so callers can cut it out. */
  index: number
  length: number
}

const MONTH_NUMBERS = new Map(Object.entries(MONTH_SPELLINGS).flatMap(([month, spellings]) => spellings.map((spelling) => [spelling, Number(month)] as const)))
const MONTH_NAME = `(?:${phrasePattern(MONTH_NUMBERS.keys())})\\.?`
const YEAR = '(?:19[5-9]\\d|20\\d\\d)'
const MONTH_NUMBER = '(?:0?[1-9]|1[0-2])'
/** Letters and digits in any script: "März" must not be read from inside "Märzen". */
const WORD_BEFORE = '(?<![\\p{L}\\p{N}_/.])'
const WORD_AFTER = '(?![\\p{L}\\p{N}_/])'
const DAY = '(?:0?[1-9]|[12]\\d|3[01])'
/** Europass and German CVs write the day too: "01/08/2022", "01.08.2022"; only the month and year are kept (see parseDate). */
const POINT = `(?:${MONTH_NAME},?\\s*(?:(?:${phrasePattern(MONTH_YEAR_JOINERS)})\\s+)?${YEAR}|${DAY}/${DAY}/${YEAR}|${DAY}\\.${DAY}\\.${YEAR}|${MONTH_NUMBER}[/.]${YEAR}|${YEAR}[-/]${MONTH_NUMBER}(?![\\d/])|${YEAR})`
const PRESENT = `(?:${phrasePattern(PRESENT_WORDS)})`
const DASH = '(?:[-–—‒]+>?|→|⟶|»)'
const SEPARATOR = `\\s*(?:${DASH}|(?:${phrasePattern(RANGE_CONNECTORS)})(?=\\s|$))\\s*`
const RANGE = new RegExp(`${WORD_BEFORE}(${POINT})${SEPARATOR}(${POINT}|${PRESENT})${WORD_AFTER}`, 'giu')
const SINCE = new RegExp(`${WORD_BEFORE}(?:${phrasePattern(SINCE_WORDS)})\\s+(${POINT})${WORD_AFTER}`, 'giu')
const SINGLE = new RegExp(`${WORD_BEFORE}${POINT}${WORD_AFTER}`, 'giu')
/** A range and the first letter after it: in flattened text, a capitalised word there starts the description. */
const RANGE_THEN_WORD = new RegExp(`${RANGE.source}(?=\\s+(?<next>\\S))`, 'giu')
/** A range cut in two by a line break, as PDF extraction leaves it: "2017 –" ending a line, "Present" opening the next. */
const OPEN_RANGE_END = new RegExp(`${WORD_BEFORE}${POINT}${SEPARATOR}$`, 'iu')
const CLOSING_START = new RegExp(`^(?:${POINT}|${PRESENT})${WORD_AFTER}`, 'iu')
const POINT_END = new RegExp(`${WORD_BEFORE}${POINT}$`, 'iu')
const SEPARATED_START = new RegExp(`^${SEPARATOR}(?:${POINT}|${PRESENT})${WORD_AFTER}`, 'iu')

/** Every date has a year: a text without one is not searched with the (large, Unicode) date patterns. */
const HAS_YEAR = /(?:19[5-9]|20\d)\d/

/** One date ("Sept 2018", "März 2019", "enero de 2020", "03/2019", "2019-03", "2019"), or null. */
export function parseDate (text: string): YearMonth | null {
  const value = text.trim().toLowerCase()
  const named = /^(\p{L}+)\.?,?\s*(?:(?:de|del)\s+)?(\d{4})$/u.exec(value)
  if (named !== null) {
    const month = MONTH_NUMBERS.get(named[1] as string)
    return month === undefined ? null : { year: Number(named[2]), month }
  }
  const withDay = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value)
  // Day first, as Europass and most of Europe write it, unless the second figure cannot be a month (US "08/25/2022").
  if (withDay !== null) return yearMonth(Number(withDay[3]), Number(withDay[Number(withDay[2]) > 12 ? 1 : 2]))
  const monthFirst = /^(\d{1,2})[/.](\d{4})$/.exec(value)
  if (monthFirst !== null) return yearMonth(Number(monthFirst[2]), Number(monthFirst[1]))
  const yearFirst = /^(\d{4})[-/](\d{1,2})$/.exec(value)
  if (yearFirst !== null) return yearMonth(Number(yearFirst[1]), Number(yearFirst[2]))
  return /^\d{4}$/.test(value) ? { year: Number(value), month: null } : null
}

/** Flattened text with a line break after each range that a capitalised word follows ("June 2021 - July 2023 Served customers"). */
export function endLinesAfterRanges (text: string): string {
  // Case is told here: the case-insensitive pattern cannot tell \\p{Lu} from \\p{Ll}.
  return text.replace(RANGE_THEN_WORD, (...args: unknown[]) => {
    const range = args[0] as string
    const { next } = args.at(-1) as { next: string }
    return /\p{Lu}/u.test(next) ? `${range}\n` : range
  })
}

/**
 * Whether `next` finishes the range `line` leaves open: "Jan 2017 –" / "Present", or
 * "Jan 2017" / "– Present". Such lines are one header cut by extraction, not two.
 */
export function continuesRange (line: string, next: string): boolean {
  // The end patterns are anchored at the line's end; a header line is short, so only its tail is read.
  const tail = line.slice(-60)
  if (!HAS_YEAR.test(tail)) return false
  return (OPEN_RANGE_END.test(tail) && CLOSING_START.test(next)) || (POINT_END.test(tail) && SEPARATED_START.test(next))
}

function yearMonth (year: number, month: number): YearMonth | null {
  return month >= 1 && month <= 12 ? { year, month } : null
}

/** Every date range in a line, in order: "Jan 2019 – Present", "2017-2019", "since 2020". */
export function findDateRanges (text: string): DateRange[] {
  if (!HAS_YEAR.test(text)) return []
  const ranges: DateRange[] = []
  const taken = new TakenSpans(text.length)
  // The patterns only match what parseDate reads; PRESENT is the one end it reads as null.
  for (const match of text.matchAll(RANGE)) {
    taken.claim(match.index, match.index + match[0].length)
    ranges.push({ start: parseDate(match[1] as string) as YearMonth, end: parseDate(match[2] as string), index: match.index, length: match[0].length })
  }
  for (const match of text.matchAll(SINCE)) {
    if (taken.claim(match.index, match.index + match[0].length)) ranges.push({ start: parseDate(match[1] as string) as YearMonth, end: null, index: match.index, length: match[0].length })
  }
  return ranges.sort((a, b) => a.index - b.index)
}

/** Every single date in a text, ranges included (both their ends), in order; the pattern only matches readable dates. */
export function findDates (text: string): YearMonth[] {
  if (!HAS_YEAR.test(text)) return []
  return [...text.matchAll(SINGLE)].map((match) => parseDate(match[0]) as YearMonth)
}

/** The text with its dates and ranges replaced by " | ", which callers split on. */
export function stripDates (text: string): string {
  if (!HAS_YEAR.test(text)) return text
  return text.replace(RANGE, ' | ').replace(SINCE, ' | ').replace(SINGLE, ' | ').replace(/[([]\s*\|\s*[)\]]/g, ' | ')
}

/** "2019-03", or "2019" when the month is unknown. */
export function formatYearMonth (date: YearMonth): string {
  return date.month === null ? String(date.year) : `${date.year}-${String(date.month).padStart(2, '0')}`
}

/** Months since year 0, for arithmetic. */
function monthIndex (year: number, month: number): number {
  return year * 12 + month - 1
}

/**
 * The months a range covers, as [first, last] indices. A year-only start means January and a
 * year-only end December: "2017–2019" is three years. Nothing counts past `today`.
 */
export function rangeMonths (range: Pick<DateRange, 'start' | 'end'>, today: Date): [number, number] | null {
  const now = monthIndex(today.getUTCFullYear(), today.getUTCMonth() + 1)
  const first = monthIndex(range.start.year, range.start.month ?? 1)
  const last = range.end === null ? now : Math.min(now, monthIndex(range.end.year, range.end.month ?? 12))
  return first > last ? null : [first, last]
}

/** Whole months in a range, both ends included. */
export function durationMonths (range: Pick<DateRange, 'start' | 'end'>, today: Date): number {
  const months = rangeMonths(range, today)
  return months === null ? 0 : months[1] - months[0] + 1
}

/** Years covered by the ranges together, overlaps counted once, to one decimal. */
export function totalYears (ranges: ReadonlyArray<Pick<DateRange, 'start' | 'end'>>, today: Date): number {
  const spans = ranges.map((range) => rangeMonths(range, today)).filter((span) => span !== null).sort((a, b) => a[0] - b[0])
  let months = 0
  let coveredUntil = -Infinity
  for (const [first, last] of spans) {
    const from = Math.max(first, coveredUntil + 1)
    if (last >= from) months += last - from + 1
    coveredUntil = Math.max(coveredUntil, last)
  }
  return Math.round(months / 12 * 10) / 10
}
