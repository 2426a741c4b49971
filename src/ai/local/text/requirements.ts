import { clauses, isPreferredClause } from './clauses.ts'
import { isBullet, squash, stripBullet, truncate } from './lines.ts'
import { linesOf } from './sections.ts'
import type { Section, SectionKind } from './sections.ts'

/**
 * A posting's text sorted by what it asks for: everything is a requirement unless it sits in a
 * preferred section or says "preferred"/"a plus" itself. Benefits and the company blurb ask for
 * nothing, so they are left out.
 */

export interface RequirementText {
  required: string[]
  preferred: string[]
}

const ASKS_NOTHING: readonly SectionKind[] = ['benefits', 'about']

export function splitRequirements (sections: readonly Section[]): RequirementText {
  const result: RequirementText = { required: [], preferred: [] }
  for (const section of sections) {
    if (ASKS_NOTHING.includes(section.kind)) continue
    for (const line of section.lines) {
      for (const clause of clauses(stripBullet(line))) {
        const preferred = section.kind === 'preferred' || isPreferredClause(clause)
        result[preferred ? 'preferred' : 'required'].push(clause)
      }
    }
  }
  return result
}

const MAX_RESPONSIBILITIES = 100
const MAX_LENGTH = 2000

/** The bullets of the responsibilities sections, or all their lines when they have no bullets. */
export function responsibilities (sections: readonly Section[]): string[] {
  const lines = linesOf(sections, 'responsibilities').filter((line) => line !== '')
  const bullets = lines.filter(isBullet)
  return (bullets.length > 0 ? bullets : lines)
    .map((line) => truncate(squash(stripBullet(line)), MAX_LENGTH))
    .filter((line) => line.length > 2)
    .slice(0, MAX_RESPONSIBILITIES)
}
