import { continuesRange, endLinesAfterRanges } from './dates.ts'
import { FLATTENED_HEADINGS } from './data/section-headings.ts'
import { phrasePattern } from './lines.ts'

/**
 * What the parsers read, rebuilt from text as extraction leaves it: private-use bullet glyphs
 * made plain, date ranges cut by a line break put back on one line, flattened text (a CV
 * exported as one paragraph) cut at its headings and entries, and every line bounded in length
 * so that no per-line pattern can cost more than a constant per character.
 */

/** The backstop on per-line work: a longer line is cut at the last blank before this length. */
export const MAX_LINE_LENGTH = 1000
/**
 * A flattened CV: most of its text sits on lines this long, or it has no more than a few lines.
 * Laid-out CVs have short lines; a long summary paragraph alone does not make a CV flattened.
 */
const LONG_LINE = 150
const FEW_LINES = 3
/** Symbol-font bullets PDF extraction keeps as private-use code points (Wingdings, Symbol). */
const PRIVATE_BULLETS = /[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06c\uf06e\uf0be]/g

/** A heading inside running text: capitalised as a heading, then a colon, a dash, or a capitalised word. */
const INLINE_HEADING = new RegExp(`(?<=^|\\S\\s+)(${phrasePattern(FLATTENED_HEADINGS.flatMap((heading) => [heading, heading.toUpperCase()]))})(?::\\s*|\\s+[-–—]\\s+|\\s+(?=\\p{Lu}|\\d))`, 'gu')
/** The end of a sentence in running text, where the next entry may start. */
const SENTENCE_BREAK = /(?<=[\p{Ll}\d)][.!?])\s+(?=\p{Lu})/gu

export interface PrepareOptions {
  /** Cut long lines at headings and sentences: a CV's flattened text (a posting's long lines are prose). */
  reflow: boolean
}

export function prepareText (text: string, options: PrepareOptions): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(PRIVATE_BULLETS, '•').split('\n')
  const reflowed = options.reflow && isFlattened(lines) ? lines.flatMap((line) => line.length > LONG_LINE ? reflow(line) : [line]) : lines
  return joinSplitRanges(reflowed).flatMap(boundLine).join('\n')
}

function isFlattened (lines: readonly string[]): boolean {
  const filled = lines.filter((line) => line.trim() !== '')
  const total = filled.reduce((sum, line) => sum + line.length, 0)
  const inLongLines = filled.reduce((sum, line) => sum + (line.length > LONG_LINE ? line.length : 0), 0)
  return inLongLines > 0 && (filled.length <= FEW_LINES || inLongLines * 2 > total)
}

/** Headings, sentence ends and the ends of date ranges become line breaks, so sections and entries read as in a laid-out CV. */
function reflow (line: string): string[] {
  return endLinesAfterRanges(line.replace(INLINE_HEADING, '\n$1\n').replace(SENTENCE_BREAK, '\n')).split('\n')
}

/** "Nurse | Hospital | 2017 –" followed by "Present": one line again. */
function joinSplitRanges (lines: readonly string[]): string[] {
  const joined: string[] = []
  for (const line of lines) {
    const previous = joined.at(-1)
    if (previous !== undefined && previous.length <= MAX_LINE_LENGTH && continuesRange(previous.trimEnd(), line.trim())) {
      joined[joined.length - 1] = `${previous.trimEnd()} ${line.trim()}`
    } else {
      joined.push(line)
    }
  }
  return joined
}

/** Lines no longer than MAX_LINE_LENGTH, cut at blanks where there are any. */
function boundLine (line: string): string[] {
  if (line.length <= MAX_LINE_LENGTH) return [line]
  const pieces: string[] = []
  let rest = line
  while (rest.length > MAX_LINE_LENGTH) {
    const blank = rest.lastIndexOf(' ', MAX_LINE_LENGTH)
    const cut = blank > MAX_LINE_LENGTH / 2 ? blank : MAX_LINE_LENGTH
    pieces.push(rest.slice(0, cut))
    rest = rest.slice(cut)
  }
  pieces.push(rest)
  return pieces
}
