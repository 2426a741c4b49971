/**
 * The words CVs write dates with, in English, German, French and Spanish. Month spellings are
 * the full names and the abbreviations of each language's usual style guides (Duden's "Jan.",
 * "Febr.", the Académie française's "janv.", "févr.", the RAE's "ene.", "dic."), plus the
 * accent-less spellings keyboards produce ("fevrier", "aout", "marz"). All lower case; a trailing
 * dot is allowed by the grammar, not listed here.
 */

/** Month number → every spelling of it. */
export const MONTH_SPELLINGS: Readonly<Record<number, readonly string[]>> = {
  1: ['january', 'jan', 'januar', 'jänner', 'janner', 'janvier', 'janv', 'enero', 'ene'],
  2: ['february', 'feb', 'febr', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero'],
  3: ['march', 'mar', 'märz', 'marz', 'maerz', 'mär', 'mars', 'marzo'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
  5: ['may', 'mai', 'mayo'],
  6: ['june', 'jun', 'juni', 'juin', 'junio'],
  7: ['july', 'jul', 'juli', 'juillet', 'juil', 'julio'],
  8: ['august', 'aug', 'août', 'aout', 'agosto', 'ago'],
  9: ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set'],
  10: ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre'],
  11: ['november', 'nov', 'novembre', 'noviembre'],
  12: ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic']
}

/**
 * Words that close a range that is still open ("Jan 2020 – Present"). Multi-word forms carry
 * their own connector ("till date", "bis heute", "à ce jour", "a la fecha") because CVs write
 * them after a dash as often as instead of one.
 */
export const PRESENT_WORDS: readonly string[] = [
  // English
  'present', 'present day', 'the present', 'current', 'currently', 'now', 'today', 'ongoing', 'date', 'to date', 'till date',
  'till now', 'until now', 'to present', 'up to date', 'up to now', 'still employed',
  // German
  'heute', 'bis heute', 'aktuell', 'derzeit', 'jetzt', 'bis jetzt', 'laufend', 'dato', 'bis dato', 'gegenwart',
  // French
  'présent', "aujourd'hui", 'aujourd’hui', "jusqu'à aujourd'hui", "jusqu'à présent", 'ce jour', 'à ce jour', 'en cours', 'actuel', 'actuellement', 'maintenant',
  // Spanish
  'actualidad', 'la actualidad', 'presente', 'hoy', 'actual', 'actualmente', 'la fecha', 'a la fecha', 'en curso'
]

/** Words between the two ends of a range, besides dashes. */
export const RANGE_CONNECTORS: readonly string[] = ['to', 'until', 'till', 'through', 'thru', 'bis', 'à', 'au', 'a', 'hasta', 'al']

/** Words before the start of a range that is still open ("since 2020", "seit 2019", "depuis 2018", "desde 2021"). */
export const SINCE_WORDS: readonly string[] = ['since', 'seit', 'depuis', 'desde']

/** Words between a month and its year ("enero de 2020"). */
export const MONTH_YEAR_JOINERS: readonly string[] = ['de', 'del']
