import type { ParsedCv } from '../../schemas.ts'
import { findEmail, findLinks, findPhone } from './contacts.ts'
import { fieldValue } from './fields.ts'
import { squash, stripMarkdown, truncate } from './lines.ts'
import { findLocation } from './locations.ts'
import { personName } from './person-name.ts'
import { headingKind } from './sections.ts'

/**
 * The top of a CV: the owner's name, the line that sums them up, and how to reach them.
 * Only the first lines are searched for a name: further down, "Arizona State University" also
 * has the shape of one.
 */

const NAME_LINES = 5
const HEADER_LINES = 10
const MAX_LINKS = 20

export interface CvHeader {
  name: string | null
  headline: string | null
  contact: ParsedCv['contact']
}

export function parseCvHeader (lines: readonly string[], text: string): CvHeader {
  const filled = lines.filter((line) => line !== '')
  const top = filled.slice(0, HEADER_LINES)
  const nameAt = filled.slice(0, NAME_LINES).findIndex((line) => personName(line) !== null)
  return {
    name: nameAt < 0 ? null : truncate(personName(filled[nameAt] as string) as string, 200),
    headline: nameAt < 0 ? null : headline(filled[nameAt + 1]),
    contact: {
      email: findEmail(text),
      phone: findPhone(text),
      location: location(top),
      links: findLinks(text).slice(0, MAX_LINKS).map((link) => truncate(link, 500))
    }
  }
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
