import type { ParsedCv } from '../../schemas.ts'
import { extractSkills } from '../../taxonomy/skill-extractor.ts'
import { dedupe, phrasePattern } from './lines.ts'
import { unlistedSkills } from './skill-list.ts'

/**
 * A CV's skills: what the taxonomy recognises in its skills section and its text, then what its
 * skills section lists beyond the taxonomy (`skills_unlisted`). Names are not skills: the
 * candidate's own name ("Mary Jenkins" is not `jenkins`), contact details, and the employers
 * (working at OpenAI is not the `openai api`) are blanked before the text is read.
 */

const MAX_SKILLS = 200
/** Shorter names ("HP", "GE") are blanked too, but only as whole words. */
const MIN_NAME_LENGTH = 2

export interface CvSkillSources {
  text: string
  skillLines: readonly string[]
  /** The candidate's name, e-mail, links and employers. */
  names: ReadonlyArray<string | null>
}

export function cvSkills ({ text, skillLines, names }: CvSkillSources): Pick<ParsedCv, 'skills' | 'skills_unlisted'> {
  const known = dedupe([...extractSkills(skillLines.join('\n')), ...extractSkills(withoutNames(text, names))])
  const unlisted = unlistedSkills(skillLines, names).filter((skill) => !known.includes(skill))
  const skills = [...known, ...unlisted].slice(0, MAX_SKILLS)
  return { skills, skills_unlisted: unlisted.filter((skill) => skills.includes(skill)) }
}

/** The text with every mention of these names replaced by blanks of the same length (offsets stay put). */
function withoutNames (text: string, names: ReadonlyArray<string | null>): string {
  const spellings = dedupe(names.filter((name): name is string => name !== null && name.trim().length >= MIN_NAME_LENGTH).map((name) => name.trim()))
  if (spellings.length === 0) return text
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrasePattern(spellings)})(?![\\p{L}\\p{N}])`, 'giu')
  return text.replace(pattern, (name) => ' '.repeat(name.length))
}
