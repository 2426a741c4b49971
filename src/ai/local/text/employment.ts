import type { ParsedJob } from '../../schemas.ts'

/**
 * Employment type and work arrangement. Postings state both near the top ("Full-time · Remote")
 * but also use the same words for other things ("vendor contracts", "remote patient monitoring"),
 * so only unambiguous phrasings count, and the first one in the text wins.
 */

type EmploymentType = NonNullable<ParsedJob['employment_type']>
type RemotePolicy = NonNullable<ParsedJob['remote_policy']>

const EMPLOYMENT: ReadonlyArray<[EmploymentType, RegExp]> = [
  ['full_time', /\b(full[- ]?time|permanent|FTE)\b/i],
  ['part_time', /\b(part[- ]?time)\b/i],
  ['contract', /\b(freelance|contractor|contract(?:[- ]to[- ]hire| role| position| basis| assignment| job)|fixed[- ]term contract|\d+[- ]months? contract)\b|\(contract\)|\bcontract$/im],
  ['temporary', /\b(temporary|temp(?= role| position| job)|seasonal|fixed[- ]term|locum)\b/i],
  ['internship', /\b(internship|intern)\b/i]
]

const REMOTE: ReadonlyArray<[RemotePolicy, RegExp]> = [
  ['remote', /\b(fully[- ]remote|100% remote|remote[- ](first|friendly|only|position|role|job|opportunity)|work(ing)? remotely|work from (home|anywhere)|wfh)\b|\bremote\b(?=\s*($|[(),/|·•;:–—-]))/im],
  ['onsite', /\b(on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\b/i]
]
/** "Hybrid" says it all, except when it is about clouds or apps. */
const HYBRID = /\bhybrid\b(?!\s+(cloud|app|apps|mobile|search|infrastructure|model|models|vehicle|vehicles))/i

export function detectEmploymentType (text: string): EmploymentType | null {
  return firstMatch(EMPLOYMENT, text)
}

export function detectRemotePolicy (text: string): RemotePolicy | null {
  return HYBRID.test(text) ? 'hybrid' : firstMatch(REMOTE, text)
}

function firstMatch<T> (patterns: ReadonlyArray<[T, RegExp]>, text: string): T | null {
  let best: { value: T, index: number } | null = null
  for (const [value, pattern] of patterns) {
    const index = text.search(pattern)
    if (index >= 0 && (best === null || index < best.index)) best = { value, index }
  }
  return best?.value ?? null
}
