import { extractSkills, skillCategory } from '../../taxonomy/skill-extractor.ts'
import { findLanguages } from './languages.ts'
import { findPlace } from './locations.ts'
import { personName } from './person-name.ts'
import { isRoleTitle } from './roles.ts'
import { dedupe, squash, stripBullet, stripMarkdown, trimChars } from './lines.ts'

/**
 * The items a CV lists under a skills heading, as written: "Kitchen management, Food safety,
 * Menu costing", "Tools: Jira · Confluence", one per line. What the taxonomy knows is read by the
 * skill extractor; the rest is kept here, normalised (lower case, single spaces) and
 * de-duplicated, so that an executive chef's or a welder's skills are not lost for being
 * outside a software-heavy vocabulary.
 */

const MAX_ITEM_LENGTH = 60
const MAX_ITEM_WORDS = 6
/** Between items: commas, semicolons, bullets, pipes, and a slash with spaces around it ("CI/CD" is one item). */
const ITEM_SEPARATOR = /\s*[,;•·|▪●]\s*|\s+\/\s+|\s{3,}|`\s+`/
/** "Tools: Jira, Confluence": the category before the colon is not an item. */
const CATEGORY = /^[^:]{1,40}:\s*/

/**
 * The listed items the taxonomy does not know, lower case, in order, each once. Lines a skills
 * section runs into without a heading (a LinkedIn export's name, title and place after its "Top
 * Skills") are not skills: names given, places, and job titles (a role word last: "Charge
 * Nurse", not "Lead generation") are left out.
 */
export function unlistedSkills (skillLines: readonly string[], names: ReadonlyArray<string | null> = []): string[] {
  const excluded = new Set(names.filter((name) => name !== null).map((name) => name.toLowerCase()))
  return dedupe(listItems(skillLines)
    .filter((item) => extractSkills(item).length === 0 && skillCategory(item) === undefined && findLanguages(capitalised(item)).length === 0)
    .filter((item) => !excluded.has(item.toLowerCase()) && findPlace(item) === null && !isRoleTitle(item.split(' ').at(-1) as string))
    .map((item) => item.toLowerCase()))
}

function listItems (skillLines: readonly string[]): string[] {
  return joinWrapped(listLines(skillLines))
    .filter((line) => findPlace(line) !== line)
    .flatMap((line) => stripMarkdown(stripBullet(line)).replace(CATEGORY, '').split(ITEM_SEPARATOR))
    .map((item) => trimChars(squash(item), ' .:-–—*`'))
    .filter(isItem)
}

/**
 * The lines of the list: a skills section without a heading after it runs on into whatever
 * follows; past a blank line, a person's name ends the list (a LinkedIn export's sidebar).
 */
function listLines (lines: readonly string[]): readonly string[] {
  const end = lines.findIndex((line, index) => index > 0 && lines[index - 1] === '' && personName(line) !== null && extractSkills(line).length === 0)
  return end < 0 ? lines : lines.slice(0, end)
}

/** A list wrapped by extraction ("…, Menu" / "development, Cash handling"): a line starting in lower case continues the one before. */
function joinWrapped (lines: readonly string[]): string[] {
  const joined: string[] = []
  for (const line of lines) {
    const previous = joined.at(-1)
    if (previous !== undefined && previous !== '' && /^\p{Ll}/u.test(line) && !/[,;]$/.test(previous)) joined[joined.length - 1] = `${previous} ${line}`
    else joined.push(line)
  }
  return joined
}

/** A name, not a sentence: short, a letter in it, no sentence punctuation inside. */
function isItem (item: string): boolean {
  return item.length >= 2 && item.length <= MAX_ITEM_LENGTH && item.split(' ').length <= MAX_ITEM_WORDS && /\p{L}/u.test(item) && !/[.!?]\s/.test(item)
}

/** Language names are matched capitalised; a listed "english" is still a language, not a skill. */
function capitalised (item: string): string {
  return item.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())
}
