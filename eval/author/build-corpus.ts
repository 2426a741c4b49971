/**
 * Writes eval/corpus/ from the hand-written material in eval/author/: every CV and job posting as
 * text with its ground truth next to it, split into dev and heldout, plus the layouts the eval
 * draws into real PDF and DOCX files. Deterministic: the same material gives the same corpus.
 *
 *   bash .ci/with-node node eval/author/build-corpus.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { canonicalSkillName } from '../../src/ai/taxonomy/skill-extractor.ts'
import type { CvLayout, CvTruth, JdTruth, Split } from '../corpus-types.ts'
import { REFERENCE_DATE } from '../corpus-types.ts'
import { makeCvSpec } from './cv-spec.ts'
import type { CvSpec } from './cv-spec.ts'
import { truthDate, writeRange, yearsCovered } from './dates.ts'
import type { DocLanguage, Month } from './dates.ts'
import { BUSINESS_FAMILIES } from './families-business.ts'
import { PEOPLE_FAMILIES } from './families-people.ts'
import { TECHNICAL_FAMILIES } from './families-technical.ts'
import type { FamilySpec } from './family-types.ts'
import { HANDWRITTEN_CVS } from './handwritten-cvs.ts'
import type { HandwrittenCv } from './handwritten-cvs.ts'
import { HANDWRITTEN_JDS } from './handwritten-jds.ts'
import { emailLocalPart, pick, pickSome, seededRandom } from './people.ts'
import { CV_FORMATS, markedSkills, plain, renderCv } from './render-cv.ts'
import { renderJd } from './render-jd.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus')
const [refYear, refMonth] = REFERENCE_DATE.split('-').map(Number) as [number, number]
const REFERENCE: Month = { year: refYear, month: refMonth }
const FAMILIES: readonly FamilySpec[] = [...PEOPLE_FAMILIES, ...BUSINESS_FAMILIES, ...TECHNICAL_FAMILIES]

/** CVs per family beyond the five every family has. */
const EXTRA_CVS: Readonly<Record<string, number>> = { software: 2, data: 1, nursing_clinical: 1, sales: 1, hospitality: 1 }
/** Families whose CV number `index` is written without dates (a student's placements): no years can be read. */
const UNDATED: ReadonlyArray<[string, number]> = [['teaching', 2], ['software', 3], ['hospitality', 2], ['logistics', 1]]
/** Traps from real documents: a candidate surnamed Jenkins, a person who works at OpenAI. */
const FORCED_SURNAME: ReadonlyArray<[string, number, string]> = [['nursing_clinical', 1, 'Jenkins'], ['sales', 0, 'Jenkins'], ['software', 2, 'Jenkins']]
const FORCED_COMPANY: ReadonlyArray<[string, number, string]> = [['data', 0, 'OpenAI'], ['data', 3, 'OpenAI']]
/** Career changers: the oldest job (and a few listed skills) of CV `index` come from another profession. */
const CAREER_CHANGES: ReadonlyArray<[string, number, string]> = [
  ['data', 2, 'finance_accounting'], ['software', 4, 'customer_service'], ['product_project_management', 1, 'software'],
  ['hr', 3, 'teaching'], ['sales', 2, 'hospitality'], ['pharmacy', 4, 'nursing_clinical'], ['marketing', 0, 'sales'],
  ['customer_service', 3, 'hospitality'], ['construction_trades', 2, 'electrical_engineering'], ['legal', 4, 'hr'],
  ['logistics', 0, 'sales'], ['teaching', 1, 'customer_service']
]
/** 40 % held out: positions 1 and 3 of every five documents of a family. */
const splitOf = (index: number): Split => index % 5 === 1 || index % 5 === 3 ? 'heldout' : 'dev'
/** Formats whose dates are always written with a month, whatever the CV's own style. */
const ALWAYS_MONTHS = new Set(['linkedin', 'europass'])
/** Formats the eval also draws into real PDF and DOCX files. */
const LAYOUT_FORMATS = new Set(['pdf_text', 'docx_text', 'docx_table', 'two_column', 'classic', 'one_line', 'markdown'])

function canonicalSet (names: readonly string[]): string[] {
  return [...new Set(names.map(canonicalSkillName))]
}

function cvTruth (spec: CvSpec, split: Split, listedSkills: readonly string[]): CvTruth {
  const yearOnly = spec.dateStyle === 'year' && !ALWAYS_MONTHS.has(spec.format)
  const prose = [spec.summary ?? '', ...spec.jobs.flatMap((job) => job.bullets), ...spec.certifications]
  return {
    id: spec.id,
    kind: 'cv',
    split,
    family: spec.family.id,
    format: spec.language === 'en' ? spec.format : `localized_${spec.language}`,
    language: spec.language,
    name: spec.name,
    email: spec.email,
    phone: spec.phone,
    total_years_experience: spec.undated ? null : yearsCovered(spec.jobs, REFERENCE, yearOnly),
    jobs: spec.jobs.map((job) => ({
      title: job.title,
      company: job.company,
      location: job.city,
      start: spec.undated ? null : truthDate(job.start, yearOnly),
      end: spec.undated || job.end === null ? null : truthDate(job.end, yearOnly),
      current: !spec.undated && job.end === null
    })),
    degrees: spec.degrees.map((degree) => ({ degree: degree.spec.text, level: degree.spec.level, institution: degree.institution })),
    skills: canonicalSet([...listedSkills, ...prose.flatMap(markedSkills)])
  }
}

function layoutOf (spec: CvSpec): CvLayout {
  return {
    id: spec.id,
    header: [spec.name, spec.headline, [spec.city, spec.email, spec.phone].filter((part) => part !== null).join(' | ')],
    summary: spec.summary === null ? null : plain(spec.summary),
    experience: spec.jobs.map((job) => ({
      dates: writeRange(job.start, job.end, 0, 'en', ' – ', 0),
      title: job.title,
      company: `${job.company}, ${job.city}`,
      bullets: job.bullets.map(plain)
    })),
    education: spec.degrees.map((degree) => ({ dates: `${degree.start.year} – ${degree.end.year}`, degree: degree.spec.text, institution: degree.institution })),
    skills: spec.skills
  }
}

function applyTraps (spec: CvSpec, index: number): void {
  const surname = FORCED_SURNAME.find(([family, at]) => family === spec.family.id && at === index)?.[2]
  if (surname !== undefined) {
    const given = spec.name.split(' ')[0] as string
    spec.name = `${given} ${surname}`
    if (spec.email !== null) spec.email = `${emailLocalPart(given, surname, spec.variant)}@example.com`
  }
  const company = FORCED_COMPANY.find(([family, at]) => family === spec.family.id && at === index)?.[2]
  if (company !== undefined && spec.jobs[0] !== undefined) spec.jobs[0].company = company
}

/** Rewrites the oldest job from the earlier profession, with its own random stream so the other CVs stay as they are. */
function applyCareerChange (spec: CvSpec, index: number): void {
  const from = CAREER_CHANGES.find(([family, at]) => family === spec.family.id && at === index)?.[2]
  const earlier = FAMILIES.find((family) => family.id === from)
  const oldest = spec.jobs.at(-1)
  if (earlier === undefined || oldest === undefined || spec.jobs.length < 2 || spec.language !== 'en') return
  const random = seededRandom(index * 7919 + spec.family.id.length)
  oldest.title = pick(random, earlier.titles)
  oldest.company = pick(random, earlier.companies)
  oldest.bullets = pickSome(random, earlier.bullets, 2)
  spec.skills = [...spec.skills, ...pickSome(random, earlier.skills.filter((skill) => !spec.skills.includes(skill)), 2)]
}

function write (path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content.endsWith('\n') ? content : `${content}\n`)
}

function build (): { cvs: number, jds: number } {
  for (const split of ['dev', 'heldout']) rmSync(join(ROOT, split), { recursive: true, force: true })
  const random = seededRandom(20261101)
  let formatCounter = 0
  let cvs = 0
  let jds = 0
  FAMILIES.forEach((family, familyIndex) => {
    const languages = Object.keys(family.local ?? {}) as DocLanguage[]
    const count = 5 + (EXTRA_CVS[family.id] ?? 0)
    for (let index = 0; index < count; index++) {
      const localized = languages.length > 0 && index === familyIndex % 2
      const format = localized ? 'localized' : CV_FORMATS[formatCounter++ % CV_FORMATS.length] as string
      const undated = UNDATED.some(([id, at]) => id === family.id && at === index)
      const id = `cv-${family.id.replaceAll('_', '-')}-${index + 1}`
      const spec = makeCvSpec(random, family, id, format, localized ? languages[0] as DocLanguage : 'en', REFERENCE, undated)
      if (format === 'linkedin') spec.presentVariant = 0
      applyTraps(spec, index)
      applyCareerChange(spec, index)
      const split = splitOf(index)
      const rendered = renderCv(spec, REFERENCE)
      const truth = cvTruth(spec, split, rendered.listedSkills)
      write(join(ROOT, split, 'cv', `${id}.txt`), rendered.text)
      write(join(ROOT, split, 'cv', `${id}.json`), JSON.stringify(truth, null, 2))
      if (LAYOUT_FORMATS.has(format) && !undated && spec.dateStyle !== 'year' && (index + familyIndex) % 2 === 0) {
        write(join(ROOT, split, 'layouts', `${id}.json`), JSON.stringify(layoutOf(spec), null, 2))
      }
      cvs++
    }
    family.jds.forEach((jd, index) => {
      const id = `jd-${family.id.replaceAll('_', '-')}-${index + 1}`
      const split: Split = index === 1 ? 'heldout' : 'dev'
      const required = canonicalSet([...jd.responsibilities, ...jd.required].flatMap(markedSkills))
      const truth: JdTruth = {
        id,
        kind: 'jd',
        split,
        family: family.id,
        format: jd.header,
        title: jd.title,
        company: jd.company,
        location: jd.location,
        min_years_experience: jd.min_years,
        required_skills: required,
        preferred_skills: canonicalSet(jd.preferred.flatMap(markedSkills)).filter((skill) => !required.includes(skill)),
        role_category: jd.role_category,
        industries: [...jd.industries]
      }
      write(join(ROOT, split, 'jd', `${id}.txt`), renderJd(jd, familyIndex + index))
      write(join(ROOT, split, 'jd', `${id}.json`), JSON.stringify(truth, null, 2))
      jds++
    })
  })
  HANDWRITTEN_CVS.forEach((cv, index) => {
    const split = splitOf(index)
    write(join(ROOT, split, 'cv', `${cv.id}.txt`), cv.text)
    write(join(ROOT, split, 'cv', `${cv.id}.json`), JSON.stringify(handwrittenTruth(cv, split), null, 2))
    cvs++
  })
  HANDWRITTEN_JDS.forEach(({ text, ...truth }, index) => {
    const split = splitOf(index)
    const required = canonicalSet(truth.required_skills)
    const jd: JdTruth = { ...truth, kind: 'jd', split, required_skills: required, preferred_skills: canonicalSet(truth.preferred_skills).filter((skill) => !required.includes(skill)) }
    write(join(ROOT, split, 'jd', `${truth.id}.txt`), text)
    write(join(ROOT, split, 'jd', `${truth.id}.json`), JSON.stringify(jd, null, 2))
    jds++
  })
  return { cvs, jds }
}

/** "2019-03" or "2019" as a month; a year alone is January as a start and December as an end. */
function monthOf (date: string, end: boolean): Month {
  const [year, month] = date.split('-').map(Number) as [number, number | undefined]
  return { year, month: month ?? (end ? 12 : 1) }
}

function handwrittenTruth (cv: HandwrittenCv, split: Split): CvTruth {
  const dated = cv.jobs.filter((job) => job.start !== null)
  return {
    id: cv.id,
    kind: 'cv',
    split,
    family: cv.family,
    format: cv.format,
    language: cv.language,
    name: cv.name,
    email: cv.email,
    phone: cv.phone,
    total_years_experience: dated.length === 0
      ? null
      : yearsCovered(dated.map((job) => ({ start: monthOf(job.start as string, false), end: job.end === null ? null : monthOf(job.end, true) })), REFERENCE, false),
    jobs: cv.jobs.map((job) => ({ ...job, current: job.start !== null && job.end === null })),
    degrees: cv.degrees,
    skills: canonicalSet(cv.skills)
  }
}

const { cvs, jds } = build()
console.log(`eval/corpus: ${cvs} CVs, ${jds} job descriptions`)
