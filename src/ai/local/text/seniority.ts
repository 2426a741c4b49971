import type { Seniority } from '../../schemas.ts'

/**
 * Seniority from a job title's wording, else from the experience asked for. Title words win:
 * a "Senior" title asking for 3 years is still a senior role.
 */

/** Checked in order, so "Senior Director" is an executive and "Lead Intern" an intern. */
const TITLE_WORDS: ReadonlyArray<[Seniority, RegExp]> = [
  ['intern', /\b(intern|internship|trainee|apprentice|working student|werkstudent)\b/i],
  ['executive', /\b(chief|c[etfoi]o|vp|svp|evp|vice[- ]president|president|director|head of|managing partner|general manager)\b/i],
  ['principal', /\b(principal|distinguished|fellow)\b/i],
  ['lead', /\b(lead|tech lead|team lead|staff (\w+ )?(engineer|developer|scientist|architect)|architect)\b/i],
  ['senior', /\b(senior|sr\.?|snr|experienced|iii|level 3)\b/i],
  ['junior', /\b(junior|jr\.?|entry[- ]level|graduate|new grad|associate (engineer|developer|analyst|consultant))\b|\bI$/i],
  ['mid', /\b(mid[- ]level|intermediate|medior|ii)\b/i]
]

export function seniorityFromTitle (title: string): Seniority | null {
  return TITLE_WORDS.find(([, pattern]) => pattern.test(title))?.[0] ?? null
}

/** Typical bands: under 2 years junior, under 5 mid, more senior. */
export function seniorityFromYears (minYears: number | null): Seniority | null {
  if (minYears === null) return null
  if (minYears < 2) return 'junior'
  return minYears < 5 ? 'mid' : 'senior'
}

export function detectSeniority (title: string | null, minYears: number | null): Seniority | null {
  return (title === null ? null : seniorityFromTitle(title)) ?? seniorityFromYears(minYears)
}
