import type { EducationLevel, ParsedJob } from '../schemas.ts'
import { extractSkills } from '../taxonomy/skill-extractor.ts'
import { detectIndustries } from './industries.ts'
import { detectRoleCategory } from './role-category.ts'
import { fieldsOfStudy, levelsPerText, lowestLevel } from './text/education.ts'
import { detectEmploymentType, detectRemotePolicy } from './text/employment.ts'
import { findCompany, findJobLocation, findJobTitle } from './text/job-header.ts'
import { documentLanguages } from './text/languages.ts'
import { prepareText } from './text/document.ts'
import { toLines } from './text/lines.ts'
import { responsibilities, splitRequirements } from './text/requirements.ts'
import { findSalary } from './text/salary.ts'
import { linesOf, splitSections } from './text/sections.ts'
import type { Section, SectionKind } from './text/sections.ts'
import { detectSeniority } from './text/seniority.ts'
import { findYearsRequirement } from './text/years.ts'

/**
 * Reads a job description without a model: sections by their headings, requirements split into
 * required and preferred clauses, and each field by its own rules (src/ai/local/text/).
 * Deterministic and fast enough to run on every request.
 */

const MAX_SKILLS = 200
const MAX_FIELDS = 20
/** What a posting says about the role and the employer's business: its benefits ("discounts with retailers", "gym") say nothing of either. */
const NOT_ABOUT_THE_BUSINESS: readonly SectionKind[] = ['benefits']

function employerText (sections: readonly Section[]): string {
  return sections.filter((section) => !NOT_ABOUT_THE_BUSINESS.includes(section.kind)).flatMap((section) => [section.heading ?? '', ...section.lines]).join('\n')
}

const DEGREE_CONTEXT = /\b(degree|major|graduate|diploma|studies)\b/i

export function parseJobText (document: string): ParsedJob {
  const text = prepareText(document, { reflow: false })
  const lines = toLines(text)
  const sections = splitSections(text)
  const title = findJobTitle(lines)
  const { required, preferred } = splitRequirements(sections)
  // "Two years of experience, ICU preferred": a preferred clause still says what experience is expected.
  const years = findYearsRequirement(required) ?? findYearsRequirement(preferred)
  const requiredSkills = extractSkills([title ?? '', ...required].join('\n'))
  const clauses = [...required, ...preferred]
  const levels = levelsPerText(clauses)
  const degreeClauses = clauses.filter((clause, index) => DEGREE_CONTEXT.test(clause) || (levels[index] as EducationLevel[]).length > 0)
  return {
    title,
    company: findCompany(lines, sections),
    location: findJobLocation(lines),
    remote_policy: detectRemotePolicy(text),
    employment_type: detectEmploymentType(text),
    seniority: detectSeniority(title, years?.min ?? null),
    min_years_experience: years?.min ?? null,
    max_years_experience: years?.max ?? null,
    required_skills: requiredSkills.slice(0, MAX_SKILLS),
    preferred_skills: extractSkills(preferred.join('\n')).filter((skill) => !requiredSkills.includes(skill)).slice(0, MAX_SKILLS),
    responsibilities: responsibilities(sections),
    education: {
      minimum_level: lowestLevel(levels.slice(0, required.length).flat()),
      fields: fieldsOfStudy(degreeClauses.join('\n')).slice(0, MAX_FIELDS)
    },
    languages: documentLanguages(linesOf(sections, 'languages').join('\n'), text),
    salary: findSalary(text),
    industries: detectIndustries(employerText(sections)),
    role_category: detectRoleCategory(title ?? '', text)
  }
}
