import type { Salary } from '../../schemas.ts'

/**
 * Pay as postings write it: "$120,000 – $150,000 a year", "€60k-75k", "£45,000 per annum",
 * "$45/hour", "USD 100k". A figure needs a currency; it counts as pay when something says so
 * (a period, a range, a "k", or a salary word on its line), which keeps "$2M budget" out.
 */

const SYMBOLS: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'],
  ['S$', 'SGD'], ['R$', 'BRL'], ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['zł', 'PLN']
]
const CODES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'INR', 'JPY', 'CNY', 'SGD', 'HKD', 'BRL', 'MXN', 'ZAR', 'AED']

const escape = (text: string): string => text.replace(/[$.]/g, '\\$&')
const CURRENCY = `(?:${SYMBOLS.map(([symbol]) => escape(symbol)).join('|')}|\\b(?:${CODES.join('|')})\\b)`
/** Thousands grouped the Western way (120,000 / 60.000 / 60 000) or the Indian way (12,00,000). */
const GROUPED = '\\d{1,3}(?:,\\d{2})+,\\d{3}(?!\\d)|\\d{1,3}(?:[,.\\s]\\d{3})+(?!\\d)'
const IS_GROUPED = new RegExp(`^(?:${GROUPED})$`)
/**
 * A figure starts where a number starts, never inside one: without the look-behind, a grouping
 * that never closes ("1,11,11,…") is re-read from each of its digits, quadratic in its length.
 */
const AMOUNT = `(?<![\\d,.])(?:${GROUPED}|\\d+(?:\\.\\d{1,2})?)`
const FIGURE = `(${CURRENCY})?\\s?(${AMOUNT})\\s?([kKmM](?![a-zA-Z]))?\\s?(${CURRENCY})?`
const RANGE_SEPARATOR = '\\s*(?:-|–|—|to|and)\\s*'
const SALARY = new RegExp(`${FIGURE}(?:${RANGE_SEPARATOR}${FIGURE})?`, 'g')

const PERIODS: ReadonlyArray<[Salary['period'], RegExp]> = [
  ['hour', /^\s*(?:\/\s*|per |an |a )?(?:hour|hr|h)\b|^\s*hourly\b/i],
  ['day', /^\s*(?:\/\s*|per |a )?(?:day|diem)\b|^\s*daily\b/i],
  ['week', /^\s*(?:\/\s*|per |a )?(?:week|wk)\b|^\s*weekly\b/i],
  ['month', /^\s*(?:\/\s*|per |a )?(?:month|mo|pcm)\b|^\s*monthly\b/i],
  ['year', /^\s*(?:\/\s*|per |a |an )?(?:year|yr|annum|annual|p\.?a\.?)(?![a-z])|^\s*(?:annually|yearly)\b/i]
]
const PERIOD_BEFORE: ReadonlyArray<[Salary['period'], RegExp]> = [
  ['hour', /\b(hourly|per hour)\b[^.\d]*$/i],
  ['year', /\b(annual|yearly|per year|per annum)\b[^.\d]*$/i],
  ['month', /\b(monthly|per month)\b[^.\d]*$/i]
]
const PAY_WORDS = /\b(salary|salaries|pay|compensation|wage|rate|base|OTE|earn|remuneration|stipend)\b/i

/** How far from a figure its period may be written ("… a year", "Hourly rate: …"). */
const CONTEXT = 40

interface Candidate { salary: Salary, score: number }

/** The most salary-like figure or range in a text, or null. */
export function findSalary (text: string): Salary | null {
  let best: Candidate | null = null
  for (const line of text.split('\n')) {
    if (!/\d/.test(line)) continue
    for (const candidate of lineCandidates(line)) {
      if (best === null || candidate.score > best.score) best = candidate
    }
  }
  return best?.salary ?? null
}

function lineCandidates (line: string): Candidate[] {
  const candidates: Candidate[] = []
  let payWords: boolean | undefined
  for (const match of line.matchAll(SALARY)) {
    const [, beforeA, amountA = '', suffixA, afterA, beforeB, amountB, suffixB, afterB] = match
    const currency = currencyOf(beforeA ?? afterA ?? beforeB ?? afterB)
    if (currency === null) continue
    const isRange = amountB !== undefined
    const second = isRange ? scaled(amountB, suffixB) : null
    // "€60-75k": the suffix on the second figure applies to both.
    const first = scaled(amountA, suffixA ?? (second !== null && Number.parseFloat(amountA) < 1000 ? suffixB : undefined))
    const end = match.index + match[0].length
    const period = periodAfter(line.slice(end, end + CONTEXT)) ?? periodBefore(line.slice(Math.max(0, match.index - CONTEXT), match.index))
    payWords ??= PAY_WORDS.test(line)
    const hasK = [suffixA, suffixB].some((suffix) => suffix?.toLowerCase() === 'k')
    const score = (period === null ? 0 : 2) + (payWords ? 2 : 0) + (isRange ? 1 : 0) + (hasK ? 1 : 0)
    // Zero is no pay, and a few hundred digits is no number.
    if (score === 0 || first === 0 || !Number.isFinite(first) || !Number.isFinite(second ?? 0)) continue
    const [min, max] = second === null ? [first, first] : [Math.min(first, second), Math.max(first, second)]
    candidates.push({ salary: { min, max, currency, period: period ?? (min >= 10000 ? 'year' : null) }, score })
  }
  return candidates
}

/** The ISO code of a symbol; the pattern only captures symbols and codes. */
function currencyOf (marker: string | undefined): string | null {
  if (marker === undefined) return null
  return SYMBOLS.find(([symbol]) => symbol === marker)?.[1] ?? marker
}

function scaled (amount: string, suffix: string | undefined): number {
  const value = Number.parseFloat(IS_GROUPED.test(amount) ? amount.replace(/[,.\s]/g, '') : amount)
  const factor = suffix === undefined ? 1 : suffix.toLowerCase() === 'k' ? 1000 : 1_000_000
  return Math.round(value * factor * 100) / 100
}

function periodAfter (rest: string): Salary['period'] {
  const text = rest.replace(/^\s*(?:\+\s*)?(?:gross|net|base|before tax|plus bonus)?\s*,?/i, '')
  return PERIODS.find(([, pattern]) => pattern.test(text))?.[0] ?? null
}

function periodBefore (start: string): Salary['period'] {
  return PERIOD_BEFORE.find(([, pattern]) => pattern.test(start))?.[0] ?? null
}
