import type { ParsedCv } from '../../schemas.ts'
import { findEmail, findLinks, findPhone } from './contacts.ts'
import { fieldValue } from './fields.ts'
import { squash, stripMarkdown, truncate } from './lines.ts'
import { findLocation } from './locations.ts'
import { personName } from './person-name.ts'
import { isRoleTitle } from './roles.ts'
import { headingKind } from './sections.ts'

/**
 * The top of a CV: the owner's name, the line that sums them up, and how to reach them.
 * Only the first lines are searched for a name: further down, "Arizona State University" also
 * has the shape of one.
 */

const NAME_LINES = 5
const HEADER_LINES = 10
const MAX_LINKS = 20
/** A first line longer than this is more than a name: flattened text. */
const LONG_FIRST_LINE = 60

export interface CvHeader {
  name: string | null
  headline: string | null
  contact: ParsedCv['contact']
}

export function parseCvHeader (lines: readonly string[], text: string): CvHeader {
  const filled = lines.filter((line) => line !== '')
  const top = filled.slice(0, HEADER_LINES)
  // A flattened CV opens with its owner's name on a long line: read it before lines further down that only look like names.
  const leading = leadingName(filled[0])
  const nameAt = leading === null ? filled.slice(0, NAME_LINES).findIndex((line) => personName(line) !== null) : 0
  const name = leading ?? (nameAt < 0 ? null : personName(filled[nameAt] as string))
  return {
    name: name === null ? null : truncate(name, 200),
    headline: nameAt < 0 ? null : headline(filled[nameAt + 1]),
    contact: {
      email: findEmail(text),
      phone: findPhone(text),
      location: location(top),
      links: findLinks(text).slice(0, MAX_LINKS).map((link) => truncate(link, 500))
    }
  }
}

/**
 * A name that opens a longer first line, as in a flattened CV ("Jade Thompson jade.t@… 555-0147
 * Leeds …"): its leading run of name-like words, at most three, stopping before a job title.
 */
function leadingName (line: string | undefined): string | null {
  if (line === undefined || line.length <= LONG_FIRST_LINE) return null
  const words = line.slice(0, LONG_FIRST_LINE).split(/\s+/)
  for (let count = Math.min(3, words.length); count >= 2; count--) {
    const candidate = words.slice(0, count).join(' ')
    if (personName(candidate) !== null && !isRoleTitle(words[count - 1] as string)) return personName(candidate)
  }
  return null
}

/** The line under the name, when it is a description rather than contact details or a heading. */
function headline (line: string | undefined): string | null {
  if (line === undefined) return null
  const text = squash(stripMarkdown(line))
  const contactLike = findEmail(text) !== null || findPhone(text) !== null || findLinks(text).length > 0 || findLocation(text) === text
  const words = text.split(' ').length
  const prose = (words > 12 && /[.!?]$/.test(text)) || words > 30
  return contactLike || prose || headingKind(text) !== null ? null : truncate(text, 500)
}

function location (top: readonly string[]): string | null {
  const field = fieldValue(top, /^(location|address|based in|city)$/i)
  return field === null ? findLocation(top.join('\n')) : truncate(field, 300)
}
