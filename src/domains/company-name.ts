import { ClientError } from '../client-error.ts'

/**
 * Reduces a company's registered name to the words a web domain is likely built from:
 * "The Müller & Söhne GmbH & Co. KG" → "Müller & Söhne".
 */

export class InvalidCompanyNameError extends ClientError {
  constructor (message: string) {
    super(400, message)
  }
}

export interface CompanyName {
  /** The name as written, without legal form, leading "The", bracketed parts and stray punctuation. */
  core: string
  /** Its lower-case words; a free-standing `&` is dropped and in-word punctuation removed ("AT&T" → `att`). */
  tokens: string[]
  /** The words with a free-standing `&` spelled `and` ("Marks & Spencer"); undefined when there is none. */
  andTokens: string[] | undefined
}

/**
 * Legal forms, as dot-free lower-case words, longest first ("& Co" before "Co"). They are stripped
 * from the end only, repeatedly, so that stacked forms go too ("GmbH & Co. KG", "Co., Ltd.", "Pty Ltd").
 */
const LEGAL_FORMS: readonly string[][] = [
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'plc',
  'gmbh', 'ggmbh', 'mbh', 'ug', 'ag', 'kg', 'kgaa', 'ohg', 'ev', 'se', 'sa', 'sas', 'sasu', 'sarl', 'eurl',
  'spa', 'srl', 'sl', 'slu', 'sau', 'bv', 'nv', 'oy', 'oyj', 'ab', 'publ', 'as', 'asa', 'aps', 'pty', 'pte',
  'pvt', 'kk', 'lda', 'ltda', 'bhd', 'sdn', 'sro', 'kft', 'zrt', 'doo', 'jsc', 'sp z oo', 'sa de cv', '& co',
  'and co', '& company', 'and company'
].map((form) => form.split(' ')).sort((a, b) => b.length - a.length)

/** CJK legal forms are written without spaces, before or after the name. */
const CJK_LEGAL_FORMS = /株式会社|有限会社|合同会社|股份有限公司|有限公司/g
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|（[^）]*）/g
/** Joins words inside a token ("Coca-Cola" → coca, cola) rather than gluing them. */
const WORD_JOINERS = /[-/_+]+/
const NOT_NAME_CHARACTERS = /[^\p{L}\p{M}\p{N}]/gu
/** Keeps an abbreviation's final dot ("Bros.") but not a trailing "!" or quote. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{M}\p{N}&]+|[^\p{L}\p{M}\p{N}&.]+$/gu

export function normalizeCompanyName (name: string): CompanyName {
  const words = stripLegalForms(
    name.normalize('NFC').replace(BRACKETED, ' ').replace(CJK_LEGAL_FORMS, ' ').split(/[\s,;]+/).filter((word) => word !== '')
  )
  const tokens = words.filter((word) => word !== '&').flatMap(wordTokens)
  if (tokens.length === 0) throw new InvalidCompanyNameError('The company name has no letters or digits once its legal form is removed')
  return {
    core: words.map((word) => word.replace(EDGE_PUNCTUATION, '')).filter((word) => word !== '').join(' '),
    tokens,
    andTokens: words.includes('&') ? words.flatMap((word) => word === '&' ? ['and'] : wordTokens(word)) : undefined
  }
}

function stripLegalForms (words: string[]): string[] {
  const kept = [...words]
  if (kept.length > 1 && legalKey(kept[0] as string) === 'the') kept.shift()
  let form = trailingLegalForm(kept)
  while (form !== undefined) {
    kept.length -= form.length
    form = trailingLegalForm(kept)
  }
  return kept
}

function trailingLegalForm (words: readonly string[]): string[] | undefined {
  const keys = words.map(legalKey)
  return LEGAL_FORMS.find((form) => form.length <= keys.length && form.every((part, i) => keys[keys.length - form.length + i] === part))
}

/** "S.A.S." → `sas`, "A/S" → `as`, "o.o." → `oo`. */
function legalKey (word: string): string {
  return word.toLowerCase().replace(/[.'’/]/g, '')
}

/** Letters that are not a base letter plus accents, so NFD leaves them whole. */
const LATIN_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }
const LATIN_LETTER = new RegExp(`[${Object.keys(LATIN_LETTERS).join('')}]`, 'g')

/** Lower-cases and drops accents: "Société" → `societe`, "Straße" → `strasse`, "Søren" → `soren`; other scripts are kept. */
export function foldLatin (text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(LATIN_LETTER, (letter) => LATIN_LETTERS[letter] as string).normalize('NFC')
}

function wordTokens (word: string): string[] {
  return word.toLowerCase().split(WORD_JOINERS).map((part) => part.replace(NOT_NAME_CHARACTERS, '')).filter((part) => part !== '')
}
