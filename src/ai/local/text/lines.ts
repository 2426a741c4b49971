/**
 * Line-level clean-up shared by the parsers. Documents arrive from PDF/DOCX extraction, e-mails
 * and web pages, so the same bullet or heading shows up in many spellings.
 */

const BULLET = /^(?:[-*•·▪◦‣●○■□➢➤►–—]|\d{1,2}[.)])\s+/

/**
 * Trimmed lines; blank lines are kept (as '') because they separate blocks, and so are runs of
 * spaces inside a line, which are often the only separator between columns of a PDF layout.
 */
export function toLines (text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t\u00a0\u2000-\u200b\u202f\u3000]/g, ' ').trim())
}

export function squash (text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function isBullet (line: string): boolean {
  return BULLET.test(line)
}

export function stripBullet (line: string): string {
  return line.replace(BULLET, '').trim()
}

/** Markdown emphasis and heading marks, which carry no meaning for the parsers. */
export function stripMarkdown (line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '').trim()
}

/** Typographic quotes to ASCII, so patterns can say "you'll" once. */
export function plainQuotes (text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"')
}

/** Strips these characters from both ends (a loop: `/[…]+$/` is quadratic on long runs). */
export function trimChars (text: string, chars: string): string {
  let start = 0
  let end = text.length
  while (start < end && chars.includes(text[start] as string)) start++
  while (end > start && chars.includes(text[end - 1] as string)) end--
  return text.slice(start, end)
}

export function truncate (text: string, maxLength: number): string {
  return text.length <= maxLength ? text : text.slice(0, maxLength).trimEnd()
}

export function dedupe<T> (items: Iterable<T>): T[] {
  return [...new Set(items)]
}

/**
 * A pattern matching any of these phrases literally, longest first so that the longest one
 * wins where several start at the same place ("bis heute" before "heute").
 */
export function phrasePattern (phrases: Iterable<string>): string {
  return [...phrases].sort((a, b) => b.length - a.length).map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
}
