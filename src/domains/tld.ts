import { foldLatin } from './company-name.ts'

/** Where a TLD came from: `.com` always, a ccTLD from the location, `.io`/`.ai`/`.org` from the industry. */
export type TldSource = 'generic' | 'location' | 'industry'

export interface TldChoice {
  /** Without the leading dot: `com`, `co.uk`. */
  tld: string
  source: TldSource
  /** How likely a company with these hints uses this TLD, 0..1; multiplies the name's own weight. */
  weight: number
}

export interface TldHints {
  location?: string | undefined
  industry?: string | undefined
}

/**
 * TLD weights, best first:
 * - the location's main ccTLD: 1.0 (local companies mostly use it, international ones usually hold it);
 * - `.com`: 1.0 without a ccTLD, 0.95 with one, 0.9 for non-profits;
 * - `.org` for non-profits: 1.0;
 * - the location's other ccTLD spellings (`.uk` after `.co.uk`): 0.8;
 * - `.ai` for AI companies: 0.75, `.io` for software and AI companies: 0.7 (start-ups, rarely the only domain).
 */
export function chooseTlds (hints: TldHints): TldChoice[] {
  const countryTlds = hints.location === undefined ? [] : locationTlds(hints.location)
  const industryTlds = hints.industry === undefined ? [] : industryChoices(hints.industry)
  const nonProfit = industryTlds.some((choice) => choice.tld === 'org')
  const choices: TldChoice[] = [
    ...countryTlds.map((tld, i) => ({ tld, source: 'location' as const, weight: i === 0 ? 1 : 0.8 })),
    { tld: 'com', source: 'generic', weight: nonProfit ? 0.9 : countryTlds.length > 0 ? 0.95 : 1 },
    ...industryTlds
  ]
  return choices.sort((a, b) => b.weight - a.weight)
}

interface Country {
  /** ISO 3166 alpha-2, recognised only as a whole part of the location ("Berlin, DE"). */
  code: string
  /** Best first; empty for the US, whose companies use `.com`. */
  tlds: string[]
  /** Names, native names and big cities, lower case without diacritics. */
  names: string[]
}

const UNITED_STATES: Country = {
  code: 'us',
  tlds: [],
  names: ['united states', 'united states of america', 'usa', 'america', 'new york', 'new york city', 'nyc', 'san francisco',
    'los angeles', 'seattle', 'boston', 'chicago', 'austin', 'denver', 'atlanta', 'miami', 'california', 'texas',
    'silicon valley', 'bay area']
}

const COUNTRIES: readonly Country[] = [
  UNITED_STATES,
  { code: 'gb', tlds: ['co.uk', 'uk'], names: ['united kingdom', 'uk', 'great britain', 'britain', 'england', 'scotland', 'wales', 'london', 'manchester', 'edinburgh', 'glasgow', 'bristol', 'leeds', 'birmingham'] },
  { code: 'ie', tlds: ['ie'], names: ['ireland', 'dublin', 'cork', 'galway'] },
  { code: 'de', tlds: ['de'], names: ['germany', 'deutschland', 'berlin', 'munich', 'munchen', 'hamburg', 'frankfurt', 'cologne', 'koln', 'stuttgart', 'dusseldorf', 'leipzig'] },
  { code: 'at', tlds: ['at'], names: ['austria', 'osterreich', 'vienna', 'wien', 'graz', 'salzburg'] },
  { code: 'ch', tlds: ['ch'], names: ['switzerland', 'schweiz', 'suisse', 'svizzera', 'zurich', 'geneva', 'geneve', 'basel', 'bern', 'lausanne'] },
  { code: 'fr', tlds: ['fr'], names: ['france', 'paris', 'lyon', 'marseille', 'toulouse', 'bordeaux', 'lille', 'nantes'] },
  { code: 'es', tlds: ['es'], names: ['spain', 'espana', 'madrid', 'barcelona', 'valencia', 'seville', 'sevilla', 'malaga'] },
  { code: 'it', tlds: ['it'], names: ['italy', 'italia', 'rome', 'roma', 'milan', 'milano', 'turin', 'torino', 'naples'] },
  { code: 'pt', tlds: ['pt'], names: ['portugal', 'lisbon', 'lisboa', 'porto'] },
  { code: 'nl', tlds: ['nl'], names: ['netherlands', 'nederland', 'holland', 'amsterdam', 'rotterdam', 'utrecht', 'eindhoven', 'the hague'] },
  { code: 'be', tlds: ['be'], names: ['belgium', 'belgique', 'belgie', 'brussels', 'bruxelles', 'antwerp'] },
  { code: 'lu', tlds: ['lu'], names: ['luxembourg'] },
  { code: 'dk', tlds: ['dk'], names: ['denmark', 'danmark', 'copenhagen', 'kobenhavn', 'aarhus'] },
  { code: 'se', tlds: ['se'], names: ['sweden', 'sverige', 'stockholm', 'gothenburg', 'goteborg', 'malmo'] },
  { code: 'no', tlds: ['no'], names: ['norway', 'norge', 'oslo', 'bergen'] },
  { code: 'fi', tlds: ['fi'], names: ['finland', 'suomi', 'helsinki', 'espoo'] },
  { code: 'pl', tlds: ['pl'], names: ['poland', 'polska', 'warsaw', 'warszawa', 'krakow', 'wroclaw'] },
  { code: 'cz', tlds: ['cz'], names: ['czech republic', 'czechia', 'prague', 'praha', 'brno'] },
  { code: 'ee', tlds: ['ee'], names: ['estonia', 'tallinn'] },
  { code: 'ru', tlds: ['ru'], names: ['russia', 'moscow'] },
  { code: 'ua', tlds: ['com.ua', 'ua'], names: ['ukraine', 'kyiv', 'kiev'] },
  { code: 'tr', tlds: ['com.tr'], names: ['turkey', 'turkiye', 'istanbul', 'ankara'] },
  { code: 'il', tlds: ['co.il'], names: ['israel', 'tel aviv', 'jerusalem'] },
  { code: 'ae', tlds: ['ae'], names: ['united arab emirates', 'uae', 'dubai', 'abu dhabi'] },
  { code: 'in', tlds: ['in', 'co.in'], names: ['india', 'bangalore', 'bengaluru', 'mumbai', 'delhi', 'new delhi', 'hyderabad', 'chennai', 'pune'] },
  { code: 'cn', tlds: ['cn', 'com.cn'], names: ['china', 'beijing', 'shanghai', 'shenzhen', '中国', '北京', '上海'] },
  { code: 'hk', tlds: ['com.hk', 'hk'], names: ['hong kong'] },
  { code: 'tw', tlds: ['com.tw', 'tw'], names: ['taiwan', 'taipei'] },
  { code: 'jp', tlds: ['co.jp', 'jp'], names: ['japan', 'nippon', 'nihon', 'tokyo', 'osaka', 'kyoto', 'yokohama', '日本', '東京'] },
  { code: 'kr', tlds: ['co.kr', 'kr'], names: ['south korea', 'korea', 'seoul'] },
  { code: 'sg', tlds: ['com.sg', 'sg'], names: ['singapore'] },
  { code: 'au', tlds: ['com.au'], names: ['australia', 'sydney', 'melbourne', 'brisbane', 'perth', 'adelaide'] },
  { code: 'nz', tlds: ['co.nz'], names: ['new zealand', 'auckland', 'wellington'] },
  { code: 'za', tlds: ['co.za'], names: ['south africa', 'johannesburg', 'cape town'] },
  { code: 'ng', tlds: ['com.ng', 'ng'], names: ['nigeria', 'lagos'] },
  { code: 'ke', tlds: ['co.ke'], names: ['kenya', 'nairobi'] },
  { code: 'br', tlds: ['com.br'], names: ['brazil', 'brasil', 'sao paulo', 'rio de janeiro'] },
  { code: 'ar', tlds: ['com.ar'], names: ['argentina', 'buenos aires'] },
  { code: 'mx', tlds: ['com.mx', 'mx'], names: ['mexico', 'mexico city', 'guadalajara', 'monterrey'] },
  { code: 'cl', tlds: ['cl'], names: ['chile'] },
  { code: 'co', tlds: ['com.co', 'co'], names: ['colombia', 'bogota', 'medellin'] },
  { code: 'ca', tlds: ['ca'], names: ['canada', 'toronto', 'vancouver', 'montreal', 'ottawa', 'calgary'] }
]

/** "City, ST" is how US job ads write a place; several state codes are also country codes (CA, DE, IN). */
const US_STATE_CODES = new Set(('al ak az ar ca co ct dc de fl ga hi ia id il in ks ky la ma md me mi mn mo ms mt nc nd ne ' +
  'nh nj nm nv ny oh ok or pa ri sc sd tn tx ut va vt wa wi wv wy').split(' '))

const COUNTRY_BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]))
const COUNTRY_BY_NAME = new Map(COUNTRIES.flatMap((country) => country.names.map((name) => [name, country])))

interface IndustryTlds {
  phrases: string[]
  choices: Array<{ tld: string, weight: number }>
}

const INDUSTRY_TLDS: readonly IndustryTlds[] = [
  {
    phrases: ['ai', 'artificial intelligence', 'machine learning', 'ml', 'llm', 'genai', 'generative ai', 'deep learning'],
    choices: [{ tld: 'ai', weight: 0.75 }, { tld: 'io', weight: 0.7 }]
  },
  {
    phrases: ['software', 'saas', 'devtools', 'developer tools', 'cloud', 'api', 'apis', 'internet', 'web', 'tech', 'technology',
      'it', 'startup', 'cybersecurity', 'data', 'analytics', 'blockchain', 'crypto', 'web3'],
    choices: [{ tld: 'io', weight: 0.7 }]
  },
  {
    phrases: ['nonprofit', 'non profit', 'not for profit', 'ngo', 'charity', 'charitable', 'foundation', 'association'],
    choices: [{ tld: 'org', weight: 1 }]
  }
]

const INDUSTRY_BY_PHRASE = new Map(INDUSTRY_TLDS.flatMap((entry) => entry.phrases.map((phrase) => [phrase, entry])))

const LONGEST_PHRASE_WORDS = 4
const PART_SEPARATORS = /[,;/|()\n]+/

/**
 * The ccTLDs of the country the location names, read from its last part backwards
 * ("London, Ontario, Canada" is in Canada); empty when no country is recognised.
 */
function locationTlds (location: string): string[] {
  const parts = foldLatin(location).split(PART_SEPARATORS).map(words).filter((part) => part.length > 0)
  for (let i = parts.length - 1; i >= 0; i--) {
    const country = partCountry(parts[i] as string[], parts.slice(0, i))
    if (country !== undefined) return country.tlds
  }
  return []
}

function partCountry (part: string[], earlierParts: string[][]): Country | undefined {
  const named = namedCountry(part)
  if (named !== undefined || part.length !== 1) return named
  return codeCountry(part[0] as string, earlierParts)
}

/** A US state code after a city means the US, unless the city is in the country that code also stands for ("Toronto, CA"). */
function codeCountry (code: string, earlierParts: string[][]): Country | undefined {
  const country = COUNTRY_BY_CODE.get(code)
  if (!US_STATE_CODES.has(code)) return country
  const confirmed = earlierParts.length === 0 || earlierParts.some((part) => namedCountry(part) === country)
  return country !== undefined && confirmed ? country : UNITED_STATES
}

function namedCountry (part: string[]): Country | undefined {
  return findPhrases(part, COUNTRY_BY_NAME)[0]
}

function industryChoices (industry: string): TldChoice[] {
  const choices = new Map<string, TldChoice>()
  for (const { tld, weight } of findPhrases(words(foldLatin(industry)), INDUSTRY_BY_PHRASE).flatMap((entry) => entry.choices)) {
    if ((choices.get(tld)?.weight ?? 0) < weight) choices.set(tld, { tld, source: 'industry', weight })
  }
  return [...choices.values()]
}

/** Values of the phrases (up to four words) found in `words`, the rightmost and then longest first. */
function findPhrases<T> (words: readonly string[], phrases: ReadonlyMap<string, T>): T[] {
  const found: T[] = []
  for (let end = words.length; end > 0; end--) {
    for (let start = Math.max(0, end - LONGEST_PHRASE_WORDS); start < end; start++) {
      const value = phrases.get(words.slice(start, end).join(' '))
      if (value !== undefined) found.push(value)
    }
  }
  return found
}

function words (part: string): string[] {
  return part.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')
}
