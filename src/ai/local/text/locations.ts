import { CITIES } from './data/cities.ts'
import { phrasePattern } from './lines.ts'

/**
 * Places written the usual way, "City, ST" (US states, Canadian provinces) or "City, Country".
 * A bare city name is recognised only when it is in the gazetteer (data/cities.ts): otherwise it
 * cannot be told from a company name.
 */

const REGIONS = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
  'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'ON', 'PE', 'QC', 'SK'
]

const COUNTRIES = [
  'USA', 'US', 'United States', 'Canada', 'Mexico', 'Brazil', 'Argentina', 'Chile', 'Colombia', 'UK', 'United Kingdom', 'England',
  'Scotland', 'Ireland', 'Germany', 'France', 'Spain', 'Portugal', 'Italy', 'Netherlands', 'The Netherlands', 'Belgium',
  'Luxembourg', 'Switzerland', 'Austria', 'Denmark', 'Sweden', 'Norway', 'Finland', 'Poland', 'Czechia', 'Czech Republic',
  'Hungary', 'Romania', 'Greece', 'Turkey', 'Ukraine', 'Israel', 'UAE', 'United Arab Emirates', 'Saudi Arabia', 'Egypt',
  'Nigeria', 'Kenya', 'South Africa', 'India', 'Pakistan', 'Bangladesh', 'Sri Lanka', 'China', 'Hong Kong', 'Taiwan',
  'Japan', 'South Korea', 'Korea', 'Singapore', 'Malaysia', 'Indonesia', 'Philippines', 'Vietnam', 'Thailand',
  'Australia', 'New Zealand'
]

const CITY = "[A-Z][A-Za-z.'-]{1,30}(?: [A-Z][A-Za-z.'-]{1,30}){0,3}"
const PLACE = new RegExp(`\\b${CITY},\\s*(?:(?:${REGIONS.join('|')})|(?:${COUNTRIES.join('|')}))(?![\\w-])`, 'g')

/** Every "City, Region" in a text, in order. */
export function findLocations (text: string): Array<{ value: string, index: number }> {
  return [...text.matchAll(PLACE)].map((match) => ({ value: match[0], index: match.index }))
}

export function findLocation (text: string): string | null {
  return findLocations(text)[0]?.value ?? null
}

/** "Remote", "Remote - US": a location that is a work arrangement rather than a place. */
export function isRemoteLocation (text: string): boolean {
  return /^(fully )?remote\b/i.test(text.trim())
}

const KNOWN_CITY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrasePattern(CITIES)})(?:,\\s*(?:${REGIONS.join('|')}|${COUNTRIES.join('|')}))?(?![\\p{L}\\p{N}])`, 'u')

/** The first "City, Region" in a text, else the first city of the gazetteer it names ("Acme · Leeds · Full-time"). */
export function findPlace (text: string): string | null {
  return findLocation(text) ?? KNOWN_CITY.exec(text)?.[0] ?? null
}
