import { domainToASCII } from 'node:url'
import { Type } from 'typebox'
import type { Static } from 'typebox'
import { foldLatin, InvalidCompanyNameError, normalizeCompanyName } from './company-name.ts'
import type { DomainVerifier } from './dns-verifier.ts'
import { chooseTlds } from './tld.ts'
import type { TldChoice } from './tld.ts'

export { InvalidCompanyNameError }

/** One suggestion: the type, the route's response schema and the cache's shape check at once. */
export const DomainSuggestion = Type.Object({
  domain: Type.String({ description: 'ASCII host name (punycode for internationalized names), lower case' }),
  confidence: Type.Number({ minimum: 0, maximum: 1, description: 'A heuristic estimate that this is the company\'s domain' }),
  source: Type.Enum(['name', 'name+location', 'name+industry', 'abbreviation', 'first-word'], {
    description: 'How the label was formed: the whole name (with a generic, location or industry TLD), its initials, or its first word'
  }),
  verified: Type.Union([Type.Boolean(), Type.Null()], { description: 'Resolves in DNS; null when not checked (DOMAIN_VERIFY_DNS off) or inconclusive' })
}, { additionalProperties: false })

export type DomainSuggestion = Static<typeof DomainSuggestion>
export type DomainSource = DomainSuggestion['source']

export interface DomainQuery {
  companyName: string
  location?: string | undefined
  industry?: string | undefined
}

export const MAX_SUGGESTIONS = 10

type LabelKind = 'name' | 'abbreviation' | 'first-word'

interface Label {
  /** Unicode, lower case; punycoded with the TLD. */
  text: string
  kind: LabelKind
  weight: number
}

/**
 * Whole-name labels are what companies register first; hyphens, initials and the first word alone
 * are progressively rarer (and the first word is often someone else's).
 */
const KIND_WEIGHTS: Readonly<Record<LabelKind, number>> = { name: 0.9, abbreviation: 0.55, 'first-word': 0.45 }
const HYPHENATED_WEIGHT = 0.65
/** Long labels are rarely a company's main domain: -0.025 per character beyond 12, down to half. */
const SHORT_LABEL_CHARS = 12
const PENALTY_PER_EXTRA_CHAR = 0.025
/** "Marks & Spencer" is marksandspencer.com more often than marksspencer.com. */
const AMPERSAND_DROPPED_WEIGHT = 0.9
/**
 * Non-ASCII names: the German transliteration (ü → ue) first, as German companies register it,
 * then the accents dropped, then the IDN as written (punycode), which few companies use alone.
 */
const SPELLING_WEIGHTS = { transliterated: 1, accentsDropped: 0.9, idn: 0.85 }
const ASCII_WORD = /^[a-z0-9]+$/
const STOP_WORDS = new Set(['and', 'of', 'the', 'for', 'de', 'der', 'und', 'et', 'y'])
const MIN_ABBREVIATION_WORDS = 3
const MIN_FIRST_WORD_CHARS = 3

/**
 * Ranked domain guesses for a company, best first, at most MAX_SUGGESTIONS. Each label (whole
 * name joined or hyphenated, initials of 3+ words, first word; in every spelling) is combined
 * with every TLD chosen from the location and industry (see chooseTlds), and confidence =
 * label kind weight × length factor × spelling weight × `&` wording weight × TLD weight.
 * Throws InvalidCompanyNameError when no valid hostname can be formed from the name.
 */
export function suggestDomains (query: DomainQuery): DomainSuggestion[] {
  const tlds = chooseTlds({ location: query.location, industry: query.industry })
  const suggestions = candidateLabels(query.companyName)
    .flatMap((label) => tlds.map((tld) => suggestion(label, tld)))
    .filter((candidate) => candidate !== undefined)
    .sort((a, b) => b.confidence - a.confidence)
  const unique = bestPerDomain(suggestions)
  if (unique.length === 0) throw new InvalidCompanyNameError('No valid domain name can be formed from the company name (is it too long?)')
  return unique.slice(0, MAX_SUGGESTIONS)
}

/**
 * Adds what DNS says: a domain that resolves gains half its remaining doubt (0.6 → 0.8) and
 * ranks before all others; one that does not exist keeps a quarter of its confidence and ranks
 * last; an inconclusive lookup changes nothing. Within each group the order is by confidence.
 */
export async function verifySuggestions (suggestions: readonly DomainSuggestion[], verifier: DomainVerifier): Promise<DomainSuggestion[]> {
  const verdicts = await verifier.verify(suggestions.map((suggestion) => suggestion.domain))
  return suggestions
    .map((suggestion) => withVerdict(suggestion, verdicts.get(suggestion.domain) ?? null))
    .sort((a, b) => verdictRank(a.verified) - verdictRank(b.verified) || b.confidence - a.confidence)
}

/** Keeps the first (best-ranked) suggestion of each domain: spellings and wordings can coincide. */
function bestPerDomain (ranked: readonly DomainSuggestion[]): DomainSuggestion[] {
  const seen = new Set<string>()
  return ranked.filter((suggestion) => {
    if (seen.has(suggestion.domain)) return false
    seen.add(suggestion.domain)
    return true
  })
}

function withVerdict (suggestion: DomainSuggestion, verified: boolean | null): DomainSuggestion {
  const confidence = verified === null
    ? suggestion.confidence
    : verified ? suggestion.confidence + (1 - suggestion.confidence) / 2 : suggestion.confidence / 4
  return { ...suggestion, confidence: round(confidence), verified }
}

function verdictRank (verified: boolean | null): number {
  return verified === true ? 0 : verified === null ? 1 : 2
}

function candidateLabels (companyName: string): Label[] {
  const name = normalizeCompanyName(companyName)
  const wordings = name.andTokens === undefined
    ? [{ tokens: name.tokens, weight: 1 }]
    : [{ tokens: name.andTokens, weight: 1 }, { tokens: name.tokens, weight: AMPERSAND_DROPPED_WEIGHT }]
  return wordings.flatMap((wording) => spellings(wording.tokens).flatMap((spelling) =>
    labelsOf(spelling.tokens).map((label) => ({ ...label, weight: label.weight * wording.weight * spelling.weight }))))
}

function spellings (tokens: string[]): Array<{ tokens: string[], weight: number }> {
  const variants = [
    { tokens: tokens.map((token) => foldLatin(token.replace(/[äöü]/g, (umlaut) => `${umlaut}e`))), weight: SPELLING_WEIGHTS.transliterated },
    { tokens: tokens.map(foldLatin), weight: SPELLING_WEIGHTS.accentsDropped }
  ].filter((variant) => variant.tokens.every((token) => ASCII_WORD.test(token)))
  return [...variants, { tokens, weight: SPELLING_WEIGHTS.idn }]
}

function labelsOf (tokens: string[]): Label[] {
  const labels = [label(tokens.join(''), 'name', KIND_WEIGHTS.name)]
  if (tokens.length > 1) labels.push(label(tokens.join('-'), 'name', HYPHENATED_WEIGHT))
  const words = tokens.filter((token) => !STOP_WORDS.has(token))
  const initials = words.map((word) => word[0]).join('')
  // Initials of accented words ("ÖSG") are left to the transliterated spellings ("osg").
  if (words.length >= MIN_ABBREVIATION_WORDS && ASCII_WORD.test(initials)) labels.push(label(initials, 'abbreviation', KIND_WEIGHTS.abbreviation))
  const first = tokens[0] as string
  if (tokens.length > 1 && [...first].length >= MIN_FIRST_WORD_CHARS) labels.push(label(first, 'first-word', KIND_WEIGHTS['first-word']))
  return labels
}

function label (text: string, kind: LabelKind, kindWeight: number): Label {
  const extraChars = Math.max(0, [...text].length - SHORT_LABEL_CHARS)
  return { text, kind, weight: kindWeight * Math.max(0.5, 1 - PENALTY_PER_EXTRA_CHAR * extraChars) }
}

function suggestion (label: Label, tld: TldChoice): DomainSuggestion | undefined {
  const domain = domainToASCII(`${label.text}.${tld.tld}`)
  if (!isHostname(domain)) return undefined
  return { domain, confidence: round(label.weight * tld.weight), source: source(label.kind, tld), verified: null }
}

function source (kind: LabelKind, tld: TldChoice): DomainSource {
  if (kind !== 'name') return kind
  return tld.source === 'generic' ? 'name' : `name+${tld.source}`
}

const MAX_HOSTNAME_LENGTH = 253
/** Letters, digits and inner hyphens, 1-63 characters (RFC 1123). */
const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

function isHostname (domain: string): boolean {
  return domain.length <= MAX_HOSTNAME_LENGTH && domain.split('.').every((part) => LDH_LABEL.test(part))
}

function round (confidence: number): number {
  return Math.round(confidence * 100) / 100
}
