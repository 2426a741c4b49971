import { PhraseIndex, phraseKey, tokenize } from './phrase-index.ts'
import type { PhraseMatch, Token } from './phrase-index.ts'
import { SKILLS } from './skills.ts'
import type { SkillCategory, SkillEntry } from './skills.ts'

/** How far free text is trusted to mean the skill when it contains this spelling (see `SkillEntry`). */
type Trust = 'always' | 'list_only' | 'exact_case'

interface Spelling {
  readonly skill: SkillEntry
  /** The canonical name as words, to substitute for the spelling. */
  readonly skillWords: readonly string[]
  readonly trust: Trust
  /** As written in the taxonomy: an `exact_case` spelling must appear just so. */
  readonly written: string
}

type Candidate = PhraseMatch<Spelling>

/** Between two items of a list of skills: punctuation, spaces and conjunctions, but no line break. */
const LIST_GAP = /^(?:[ \t,;/|&+()·•]|\band\b|\bor\b)*$/i
/** Three skill spellings in a row ("Go, R and C") are a list of skills even if each could be a word. */
const MIN_LIST_BY_ITSELF = 3
/** Nothing but a bullet (or nothing at all) before a word on its line. */
const BULLET_ONLY = /^[\s\-–—•·*]*$/
/** Before a word on its line: the end of a sentence or a colon, so the word is capitalized anyway. */
const SENTENCE_END = /[.!?:]\s*$/
/** Blanks that may trail a word on its line, and the one punctuation mark allowed among them. */
const LINE_BLANK = /[^\S\n]/
const LINE_PUNCTUATION = '.,;'
const LINE_LOOKBACK = 80
/**
 * A mention that is someone else's work, not the writer's skill: "referred patients to physical
 * therapy", "liaised with occupational therapy", "worked alongside the DevOps team". Read on the
 * bounded look-back window, so its cost is a constant per mention.
 */
const INCIDENTAL_BEFORE = /\b(referr\w*|refer|liais\w*|collaborat\w*|partner(ed|ing)|alongside|signpost\w*)\b[^.;:!?]{0,40}?\b(to|with|alongside)\s+(the\s+)?$|\balongside\s+(the\s+)?$/i

const INDEX = buildIndex()

function buildIndex (): PhraseIndex<Spelling> {
  const index = new PhraseIndex<Spelling>()
  for (const skill of SKILLS) {
    const skillWords = phraseKey(skill.name).split(' ')
    const guarded = new Set([...(skill.listOnly ?? []), ...(skill.exactCase ?? [])].map(phraseKey))
    for (const written of [skill.name, ...(skill.aliases ?? [])]) {
      if (!guarded.has(phraseKey(written))) index.set(written, { skill, skillWords, trust: 'always', written })
    }
    for (const written of skill.listOnly ?? []) index.set(written, { skill, skillWords, trust: 'list_only', written })
    for (const written of skill.exactCase ?? []) index.set(written, { skill, skillWords, trust: 'exact_case', written })
  }
  // A plural is no more trustworthy than its singular: "Gos" and "Rs" are not skills.
  index.addPlurals((spelling) => spelling.trust === 'always')
  return index
}

/**
 * Canonical names of the skills `text` mentions, each once, in order of first mention.
 * Spellings that are also everyday words count only where they read as skills (see `SkillEntry`),
 * so "we go further" yields nothing while "Go, Python" and "Golang" yield `go`.
 */
export function extractSkills (text: string): string[] {
  const tokens = tokenize(text)
  const names = recognize(text, tokens, INDEX.matches(tokens)).map((candidate) => candidate.value.skill.name)
  return [...new Set(names)]
}

/**
 * The canonical name of a skill written any known way (`K8s` → `kubernetes`, `TS` → `typescript`),
 * or the trimmed, lower-cased input (inner spaces collapsed) for a skill the taxonomy does not know.
 */
export function canonicalSkillName (name: string): string {
  return INDEX.get(name)?.skill.name ?? name.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** The taxonomy category of a skill written any known way; undefined for an unknown skill. */
export function skillCategory (name: string): SkillCategory | undefined {
  return INDEX.get(name)?.skill.category
}

/**
 * The words of `text`, lower-cased, with each skill it mentions written as its canonical name
 * (`K8s clusters` → `kubernetes clusters`), for comparisons that should see one spelling per
 * skill. A text that is nothing but a skill spelling is that skill, even an ambiguous one (`TS`).
 */
export function canonicalWords (text: string): string[] {
  const tokens = tokenize(text)
  const candidates = INDEX.matches(tokens)
  const whole = candidates.length === 1 && candidates[0]?.from === 0 && candidates[0].to === tokens.length
  const words: string[] = []
  let next = 0
  for (const skill of whole ? candidates : recognize(text, tokens, candidates)) {
    for (; next < skill.from; next++) words.push((tokens[next] as Token).text)
    words.push(...skill.value.skillWords)
    next = skill.to
  }
  for (; next < tokens.length; next++) words.push((tokens[next] as Token).text)
  return words
}

/**
 * The candidates that read as skills: trusted spellings always; an ambiguous one when it is
 * alone on its line, or when it is not glued into a hyphenated word and either reads as a
 * proper name (`exact_case` only) or sits in a list of skills: next to a certain one
 * ("Python, R"), or among three or more.
 */
function recognize (text: string, tokens: readonly Token[], candidates: readonly Candidate[]): Candidate[] {
  const certain = candidates.map((candidate) => isCertain(text, tokens, candidate))
  const recognized: Candidate[] = []
  let runStart = 0
  for (let end = 1; end <= candidates.length; end++) {
    const runEnds = end === candidates.length ||
      !LIST_GAP.test(text.slice(endOf(tokens, candidates[end - 1] as Candidate), startOf(tokens, candidates[end] as Candidate)))
    if (!runEnds) continue
    const isList = end - runStart >= MIN_LIST_BY_ITSELF || certain.slice(runStart, end).includes(true)
    // "Liaised with physiotherapy, OT and pharmacy": the whole run is someone else's work.
    const incidental = INCIDENTAL_BEFORE.test(lineBefore(text, startOf(tokens, candidates[runStart] as Candidate)))
    for (let i = runStart; i < end && !incidental; i++) {
      const candidate = candidates[i] as Candidate
      if (certain[i] === true || (isList && !gluedByHyphen(text, tokens, candidate))) recognized.push(candidate)
    }
    runStart = end
  }
  return recognized
}

function isCertain (text: string, tokens: readonly Token[], candidate: Candidate): boolean {
  const { trust } = candidate.value
  return trust === 'always' || aloneOnLine(text, tokens, candidate) ||
    (trust === 'exact_case' && readsAsName(text, tokens, candidate) && !gluedByHyphen(text, tokens, candidate))
}

/** Nothing else on its line but a bullet and punctuation: an item of a skills section listing one per line. */
function aloneOnLine (text: string, tokens: readonly Token[], candidate: Candidate): boolean {
  return BULLET_ONLY.test(lineBefore(text, startOf(tokens, candidate))) && onlyPunctuationToLineEnd(text, endOf(tokens, candidate))
}

/**
 * Nothing but blanks and at most one of `.,;` from `offset` to the end of its line. A scan, not
 * a pattern: `\s*[.,;]?\s*$` tries every split of a long run of blanks between its two `\s*`
 * and is quadratic in the run's length.
 */
function onlyPunctuationToLineEnd (text: string, offset: number): boolean {
  let punctuation = false
  for (let at = offset; at < text.length; at++) {
    const char = text[at] as string
    if (char === '\n') return true
    if (LINE_PUNCTUATION.includes(char) && !punctuation) punctuation = true
    else if (!LINE_BLANK.test(char)) return false
  }
  return true
}

/** Written exactly as the taxonomy has it, not where every word is capitalized anyway. */
function readsAsName (text: string, tokens: readonly Token[], candidate: Candidate): boolean {
  const start = startOf(tokens, candidate)
  const end = endOf(tokens, candidate)
  if (text.slice(start, end) !== candidate.value.written) return false
  const before = lineBefore(text, start)
  if (BULLET_ONLY.test(before) || SENTENCE_END.test(before)) return false
  const next = tokens[candidate.to]
  // "Go To Market", "Julia Smith": a run of capitalized words is a title or a name.
  return next === undefined || !/^[ \t]+$/.test(text.slice(end, next.start)) || !/^\p{Lu}/u.test(text.slice(next.start, next.end))
}

/** Part of a hyphenated word ("go-to-market", "C-suite", "R-squared"), not a name of its own. */
function gluedByHyphen (text: string, tokens: readonly Token[], candidate: Candidate): boolean {
  const start = startOf(tokens, candidate)
  const end = endOf(tokens, candidate)
  return /[\p{L}\p{N}]-$/u.test(text.slice(Math.max(0, start - 2), start)) || /^-[\p{L}\p{N}]/u.test(text.slice(end, end + 2))
}

/**
 * The text before `offset` on its line, at most LINE_LOOKBACK characters of it: enough to see a
 * bullet or the end of a sentence, without scanning back through a long line for every word.
 */
function lineBefore (text: string, offset: number): string {
  const window = text.slice(Math.max(0, offset - LINE_LOOKBACK), offset)
  return window.slice(window.lastIndexOf('\n') + 1)
}

function startOf (tokens: readonly Token[], candidate: Candidate): number {
  return (tokens[candidate.from] as Token).start
}

function endOf (tokens: readonly Token[], candidate: Candidate): number {
  return (tokens[candidate.to - 1] as Token).end
}
