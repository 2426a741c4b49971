import type { ParsedCv } from '../schemas.ts'
import { parseCvHeader } from './text/cv-header.ts'
import { totalYears } from './text/dates.ts'
import { parseEducation, takeDegreeLines } from './text/education-entries.ts'
import { parseExperience } from './text/experience-entries.ts'
import type { DatedExperience } from './text/experience-entries.ts'
import { prepareText } from './text/document.ts'
import { cvSkills } from './text/cv-skills.ts'
import { documentLanguages } from './text/languages.ts'
import { squash, stripBullet, toLines, truncate } from './text/lines.ts'
import { hasSection, linesOf, splitSections } from './text/sections.ts'
import type { SectionKind } from './text/sections.ts'

/**
 * Reads a CV without a model: header fields from the first lines, everything else from the
 * section it sits in (src/ai/local/text/). `today` closes "Present" ranges; tests pin it.
 */

const MAX_CERTIFICATIONS = 50
/** Without an experience heading, jobs are looked for everywhere but in these. */
const NOT_EXPERIENCE: readonly SectionKind[] = ['summary', 'education', 'skills', 'certifications', 'languages']

export function parseCvText (document: string, today: Date = new Date()): ParsedCv {
  const text = prepareText(document, { reflow: true })
  const lines = toLines(text)
  const sections = splitSections(text)
  const header = parseCvHeader(lines, text)
  const hasExperienceSection = hasSection(sections, 'experience')
  const experienceLines = hasExperienceSection
    ? linesOf(sections, 'experience')
    : sections.filter((section) => !NOT_EXPERIENCE.includes(section.kind)).flatMap((section) => section.lines)
  // "BSc Computer Science" on a line of its own is a degree wherever it sits, never a job.
  const { rest: jobLines, degreeLines } = takeDegreeLines(experienceLines)
  const experience = parseExperience(jobLines)
  return {
    name: header.name,
    contact: header.contact,
    headline: header.headline ?? experience[0]?.entry.title ?? null,
    summary: summary(linesOf(sections, 'summary')),
    ...cvSkills({
      text,
      skillLines: linesOf(sections, 'skills'),
      names: [header.name, header.contact.email, ...header.contact.links, ...experience.map(({ entry }) => entry.company)]
    }),
    experience: experience.map(({ entry }) => entry),
    ...yearsOfExperience(experience, hasExperienceSection && experienceLines.some((line) => line !== ''), today),
    education: parseEducation([...linesOf(sections, 'education'), '', ...degreeLines]),
    certifications: textLines(linesOf(sections, 'certifications')).slice(0, MAX_CERTIFICATIONS),
    languages: documentLanguages(linesOf(sections, 'languages').join('\n'), text)
  }
}

/**
 * Years from the dated jobs; unknown (null, with the reason) when there are none, never 0: a CV
 * whose dates could not be read is not a CV of someone who never worked.
 */
function yearsOfExperience (experience: readonly DatedExperience[], undated: boolean, today: Date): Pick<ParsedCv, 'total_years_experience' | 'experience_unknown_reason'> {
  if (experience.length > 0) return { total_years_experience: Math.min(80, totalYears(experience.map(({ range }) => range), today)), experience_unknown_reason: null }
  return { total_years_experience: null, experience_unknown_reason: undated ? 'no_dated_experience' : 'no_experience_found' }
}

function summary (lines: readonly string[]): string | null {
  const text = textLines(lines).join(' ')
  return text === '' ? null : truncate(text, 5000)
}

function textLines (lines: readonly string[]): string[] {
  return lines.map((line) => truncate(squash(stripBullet(line)), 2000)).filter((line) => line !== '')
}
