import { HEADINGS_BY_KIND } from './data/section-headings.ts'
import { isBullet, plainQuotes, stripMarkdown, toLines } from './lines.ts'

/**
 * Splits CVs and job descriptions into sections by their headings. Headings are recognised by
 * wording, not layout: extraction from PDFs loses font sizes, so "EXPERIENCE", "Experience:",
 * "## Work history" and "**Employment**" must all read the same.
 */

export const SECTION_KINDS = [
  'preamble',
  'summary',
  'experience',
  'education',
  'skills',
  'certifications',
  'languages',
  'requirements',
  'preferred',
  'responsibilities',
  'benefits',
  'about',
  'other'
] as const

export type SectionKind = (typeof SECTION_KINDS)[number]

export interface Section {
  kind: SectionKind
  /** The heading as written (markdown removed); null for the preamble. */
  heading: string | null
  /** Trimmed lines, blank lines kept as ''. */
  lines: string[]
}

/**
 * Matched against the whole heading, lower-cased, with "and" spelled "&". Order matters:
 * "preferred skills" is a preferred section before it is a skills section.
 */
const HEADINGS: ReadonlyArray<[Exclude<SectionKind, 'preamble'>, RegExp]> = [
  ['preferred', /^((preferred|desired|desirable|additional|bonus) (qualifications|skills|requirements|experience)|preferred|nice[- ]to[- ]haves?|bonus( points)?|pluses|(it's |would be )?a plus|extra credit|good to have|desirable|we'd love it if you (also )?have)$/],
  ['requirements', /^((job |minimum |basic |key |essential |required )?(requirements|qualifications)( & (qualifications|experience|skills))?|what you('ll| will)? need( to succeed)?|what you bring|what we('re| are) looking for|who you are|about you|you have|you will have|must[- ]haves?|required (skills|experience)|(skills|knowledge) & experience|your (profile|skills|experience|background)|(the )?ideal candidate|essential criteria|who we're looking for)$/],
  ['responsibilities', /^((key |main |your |job |core )?(responsibilities|duties)( & responsibilities)?|duties & responsibilities|what you('ll| will) do|your role|the role|your mission|day[- ]to[- ]day|in this role,? you will|what the job involves|tasks|your impact)$/],
  ['summary', /^((professional |career |executive |personal )?(summary|profile)|about me|(career )?objective|(position|job|role) (summary|overview|description)|about the (role|job|position|opportunity)|job description|overview)$/],
  ['experience', /^((professional |work |relevant |employment |career )?(experience|history)|work history|employment( history)?|career history|professional background|positions held)$/],
  ['education', /^(education( & (training|qualifications|certifications))?|academic (background|qualifications|history)|studies)$/],
  ['certifications', /^((licenses? & )?certifications?( & licenses?)?|certificates|licenses?|credentials|courses( & certifications)?|training)$/],
  ['languages', /^((spoken )?languages?( skills)?)$/],
  ['skills', /^(([a-z]+ ){0,2}skills( & (tools|technologies|expertise|competencies))?|(core )?competencies|areas of expertise|expertise|technologies|tech(nology)? stack|tools( & technologies)?|skills summary)$/],
  ['benefits', /^(benefits|perks( & benefits)?|what we offer|we offer|(compensation|salary)( & benefits)?|pay|why (join us|us|work with us)|what's in it for you)$/],
  ['about', /^(about (us|the company|the team)|who we are|company (overview|description)|our company|about [a-z0-9&.' -]{2,40})$/],
  ['other', /^(projects|(selected |personal )?projects|publications|awards( & honou?rs)?|honou?rs|volunteer(ing| work| experience)?|interests|hobbies|references|how to apply|equal opportunity( employer)?|additional information|activities)$/]
]

const MAX_HEADING_LENGTH = 60

/** The section kind a line introduces, or null when it is not a heading. */
export function headingKind (line: string): Exclude<SectionKind, 'preamble'> | null {
  if (line === '' || line.length > MAX_HEADING_LENGTH * 2 || isBullet(line)) return null
  const heading = normalizeHeading(line)
  if (heading.length === 0 || heading.length > MAX_HEADING_LENGTH) return null
  for (const [kind, pattern] of HEADINGS) {
    if (pattern.test(heading)) return kind
  }
  return TRANSLATED_HEADINGS.get(heading) ?? null
}

const TRANSLATED_HEADINGS = new Map(Object.entries(HEADINGS_BY_KIND).flatMap(([kind, headings]) =>
  headings.map((heading) => [heading, kind as Exclude<SectionKind, 'preamble'>] as const)))

/**
 * The wording of a heading without its decoration: "## 🎓 Education", "EDUCATION ▸",
 * "— Work Experience —", "E X P E R I E N C E", "Skills:" all read as their words. The caller
 * bounds the length, so trimming non-letters from both ends stays cheap.
 */
function normalizeHeading (line: string): string {
  const words = plainQuotes(stripMarkdown(line))
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')
    .toLowerCase()
    .replace(/\s+(and|und|et|y|\+)\s+/g, ' & ')
    .replace(/\s+/g, ' ')
  // Letter-spaced capitals: every word one letter long.
  return /^(\p{L} )+\p{L}$/u.test(words) ? words.replace(/ /g, '') : words
}

/** "Languages: English, French" (or a table row, "SKILLS | Plumbing | …") introduces a section and carries its first content. */
function inlineHeading (line: string): { kind: Exclude<SectionKind, 'preamble'>, heading: string, content: string } | null {
  const match = /^([^:|]{2,40})(?::|\s*\|)\s*(\S.*)$/.exec(stripMarkdown(line))
  if (match === null || isBullet(line)) return null
  const heading = (match[1] as string).trim()
  const kind = headingKind(heading)
  return kind === null ? null : { kind, heading, content: (match[2] as string).trim() }
}

export function splitSections (text: string): Section[] {
  let current: Section = { kind: 'preamble', heading: null, lines: [] }
  const sections = [current]
  for (const line of toLines(text)) {
    const kind = headingKind(line)
    if (kind !== null) {
      current = { kind, heading: stripMarkdown(line).replace(/:$/, ''), lines: [] }
      sections.push(current)
      continue
    }
    // Inside a skills list, "Languages: Go, Rust" and "Tools: Jira" are categories of skills.
    const inline = current.kind === 'skills' ? null : inlineHeading(line)
    if (inline === null) {
      current.lines.push(line)
      continue
    }
    // A one-line section: "Languages: English" at the end of a job must not swallow the jobs after it.
    sections.push({ kind: inline.kind, heading: inline.heading, lines: [inline.content] })
    current = { kind: current.kind, heading: current.heading, lines: [] }
    sections.push(current)
  }
  return sections.filter((section) => section.heading !== null || section.lines.some((line) => line !== ''))
}

/** Every line of the sections of these kinds, in document order. */
export function linesOf (sections: readonly Section[], ...kinds: SectionKind[]): string[] {
  return sections.filter((section) => kinds.includes(section.kind)).flatMap((section) => section.lines)
}

export function hasSection (sections: readonly Section[], kind: SectionKind): boolean {
  return sections.some((section) => section.kind === kind)
}
