import { stripMarkdown } from './lines.ts'
import { isRoleTitle } from './roles.ts'
import { headingKind } from './sections.ts'

/**
 * A person's name as CVs put it on their first line: "Daniel Okafor", "MARIA L. SANTOS, RN, BSN",
 * "Jean-Luc van der Berg". Post-nominals after a comma are dropped, and names written in capitals
 * are given their usual case.
 */

const UPPER = 'A-ZÀ-ÖØ-Þ'
const LOWER = 'a-zà-öø-ÿ'
/** "Okafor", "McDonald", "O’Connor"; hyphenated "Morgan-Reid". */
const PART = `[${UPPER}](?:[${LOWER}]+(?:[${UPPER}][${LOWER}]+)?|['’][${UPPER}][${LOWER}]+)`
const CAPITALS = `[${UPPER}](?:['’]?[${UPPER}])+`
const NAME_WORD = new RegExp(`^(?:${PART}(?:-${PART})*|${CAPITALS}(?:-${CAPITALS})*|[${UPPER}]\\.?)$`)
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'bin', 'al', 'el', 'ter', 'ten'])
/** Two capitalised words that are a CV's furniture, not its owner. */
const NOT_A_NAME = /(?<!\p{L})(curr[ií]culum|v[ií]tae|resume|résumé|cv|lebenslauf|contact|details|information|page|references)(?!\p{L})/iu

/** The name on a line, or null when the line is not a name. */
export function personName (line: string): string | null {
  const candidate = (stripMarkdown(line).replace(/^name\s*:\s*/i, '').split(',')[0] as string).trim()
  const words = candidate.split(/\s+/)
  if (words.length < 2 || words.length > 5 || NOT_A_NAME.test(candidate) || headingKind(candidate) !== null || isRoleTitle(candidate)) return null
  if (!words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word))) return null
  if (!words.some((word) => word.replace(/\W/g, '').length > 1)) return null
  return candidate === candidate.toUpperCase() ? words.map(capitalize).join(' ') : candidate
}

function capitalize (word: string): string {
  return word.toLowerCase().replace(/(^|['’-])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase())
}
