/** How CVs write dates, per language, and the month arithmetic of the ground truth. */

export interface Month {
  year: number
  /** 1–12 */
  month: number
}

export type DocLanguage = 'en' | 'de' | 'fr' | 'es'

const NAMES: Record<DocLanguage, { full: readonly string[], short: readonly string[], present: readonly string[], since: string }> = {
  en: {
    full: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    present: ['Present', 'present', 'Current', 'till date', 'to date', 'now', 'ongoing', 'Today'],
    since: 'since'
  },
  de: {
    full: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    short: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
    present: ['heute', 'bis heute', 'aktuell', 'dato'],
    since: 'seit'
  },
  fr: {
    full: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    short: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    present: ['aujourd\'hui', 'à ce jour', 'présent', 'en cours'],
    since: 'depuis'
  },
  es: {
    full: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    short: ['ene.', 'feb.', 'mar.', 'abr.', 'may.', 'jun.', 'jul.', 'ago.', 'sept.', 'oct.', 'nov.', 'dic.'],
    present: ['actualidad', 'presente', 'la fecha', 'hoy'],
    since: 'desde'
  }
}

/** 0 "Mar 2019", 1 "March 2019", 2 "03/2019", 3 "2019-03", 4 "03.2019"; year-only CVs write "2019". */
export type DateStyle = 0 | 1 | 2 | 3 | 4 | 'year'

export function writeMonth (date: Month, style: DateStyle, language: DocLanguage): string {
  const names = NAMES[language]
  const mm = String(date.month).padStart(2, '0')
  switch (style) {
    case 'year': return String(date.year)
    case 0: return `${names.short[date.month - 1] as string} ${date.year}`
    case 1: return `${names.full[date.month - 1] as string} ${date.year}`
    case 2: return `${mm}/${date.year}`
    case 3: return `${date.year}-${mm}`
    case 4: return `${mm}.${date.year}`
  }
}

export function presentWord (language: DocLanguage, variant: number): string {
  const words = NAMES[language].present
  return words[variant % words.length] as string
}

export function sinceWord (language: DocLanguage): string {
  return NAMES[language].since
}

export const SEPARATORS = [' – ', ' - ', ' — ', ' to ', '–', ' -- '] as const

export function writeRange (start: Month, end: Month | null, style: DateStyle, language: DocLanguage, separator: string, presentVariant: number): string {
  const sep = language !== 'en' && separator === ' to ' ? ' – ' : separator
  return `${writeMonth(start, style, language)}${sep}${end === null ? presentWord(language, presentVariant) : writeMonth(end, style, language)}`
}

export function monthIndex (date: Month): number {
  return date.year * 12 + date.month - 1
}

export function fromIndex (index: number): Month {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** "2019-03", or "2019" for a year-only document. */
export function truthDate (date: Month, yearOnly: boolean): string {
  return yearOnly ? String(date.year) : `${date.year}-${String(date.month).padStart(2, '0')}`
}

/**
 * Years of the ranges together (overlaps once, both end months included, nothing past the reference
 * month), to one decimal. A year-only start is January and a year-only end December, the reading
 * the README documents for "2017–2019".
 */
export function yearsCovered (ranges: ReadonlyArray<{ start: Month, end: Month | null }>, reference: Month, yearOnly: boolean): number {
  const covered = new Set<number>()
  const last = monthIndex(reference)
  for (const range of ranges) {
    const first = monthIndex(yearOnly ? { year: range.start.year, month: 1 } : range.start)
    const end = range.end === null ? last : Math.min(last, monthIndex(yearOnly ? { year: range.end.year, month: 12 } : range.end))
    for (let month = first; month <= end; month++) covered.add(month)
  }
  return Math.round(covered.size / 12 * 10) / 10
}

/** LinkedIn's "(3 years 2 months)" after a range. */
export function linkedInDuration (start: Month, end: Month | null, reference: Month): string {
  const months = monthIndex(end ?? reference) - monthIndex(start) + 1
  const years = Math.floor(months / 12)
  const rest = months % 12
  const parts = [years > 0 ? `${years} year${years === 1 ? '' : 's'}` : '', rest > 0 ? `${rest} month${rest === 1 ? '' : 's'}` : '']
  return parts.filter((part) => part !== '').join(' ')
}
