import type { DateStyle, DocLanguage, Month } from './dates.ts'
import { fromIndex, monthIndex } from './dates.ts'
import type { DegreeSpec, FamilySpec } from './family-types.ts'
import { emailLocalPart, GIVEN_NAMES, phoneNumber, pick, pickSome, randomInt, SURNAMES } from './people.ts'
import type { Random } from './people.ts'

/** One CV before it is written out: the person, their jobs and how the document writes them. */
export interface CvSpec {
  id: string
  family: FamilySpec
  format: string
  language: DocLanguage
  name: string
  email: string | null
  phone: string | null
  city: string
  headline: string
  summary: string | null
  jobs: Array<{ title: string, company: string, city: string, start: Month, end: Month | null, bullets: string[] }>
  /** Jobs written without any dates (a student's placements): no total years can be read. */
  undated: boolean
  dateStyle: DateStyle
  separator: string
  presentVariant: number
  degrees: Array<{ spec: DegreeSpec, institution: string, start: Month, end: Month }>
  skills: string[]
  certifications: string[]
  variant: number
}

const COUNTRY_OF_LANGUAGE: Record<DocLanguage, string> = { en: 'uk', de: 'de', fr: 'fr', es: 'es' }
/** Where a German, French or Spanish CV's person lives and works. */
const LOCAL_CITIES: Record<Exclude<DocLanguage, 'en'>, readonly string[]> = {
  de: ['Berlin', 'München', 'Hamburg', 'Stuttgart', 'Köln'],
  fr: ['Lyon', 'Paris', 'Nice', 'Bordeaux'],
  es: ['Madrid', 'Sevilla', 'Zaragoza', 'Valencia']
}
const DEGREE_YEARS: Record<DegreeSpec['level'], number> = { high_school: 2, vocational: 2, associate: 2, bachelor: 3, master: 1, doctorate: 4 }

export function makeCvSpec (random: Random, family: FamilySpec, id: string, format: string, language: DocLanguage, reference: Month, undated: boolean): CvSpec {
  const local = language === 'en' ? undefined : family.local?.[language]
  const given = pick(random, GIVEN_NAMES)
  const surname = pick(random, SURNAMES)
  const variant = randomInt(random, 0, 1000)
  const cities = language === 'en' ? family.cities : LOCAL_CITIES[language]
  const city = pick(random, cities)
  const country = /, [A-Z]{2}$/.test(city) ? 'us' : COUNTRY_OF_LANGUAGE[language]
  const jobCount = undated ? 2 : randomInt(random, 1, 4)
  const jobs: CvSpec['jobs'] = []
  const bulletPool = [...(local?.bullets ?? family.bullets)]
  let nextStart = monthIndex(reference) + 1
  for (let index = 0; index < jobCount; index++) {
    const current = index === 0 && random() < 0.7
    const endIndex = current ? null : nextStart - (index === 0 ? randomInt(random, 2, 14) : randomInt(random, 1, 5))
    const duration = randomInt(random, 8, 54)
    const startIndex = (endIndex ?? monthIndex(reference)) - duration + 1
    const bullets = pickSome(random, bulletPool, randomInt(random, 2, 3))
    for (const bullet of bullets) bulletPool.splice(bulletPool.indexOf(bullet), 1)
    jobs.push({
      title: pick(random, local?.titles ?? family.titles),
      company: pick(random, family.companies),
      city: pick(random, cities),
      start: fromIndex(startIndex),
      end: endIndex === null ? null : fromIndex(endIndex),
      bullets
    })
    nextStart = startIndex
  }
  const careerStart = jobs.at(-1)?.start ?? reference
  const degreeSpecs = pickSome(random, local?.degrees ?? family.degrees, randomInt(random, 1, 2))
  let degreeEnd = careerStart.year - randomInt(random, 0, 1)
  const degrees = degreeSpecs.map((spec) => {
    const end = { year: degreeEnd, month: pick(random, [6, 7, 9]) }
    const start = { year: end.year - DEGREE_YEARS[spec.level] - randomInt(random, 0, 1), month: 9 }
    degreeEnd = start.year - randomInt(random, 0, 2)
    return { spec, institution: pick(random, spec.institutions), start, end }
  })
  const hasEmail = random() > 0.06
  return {
    id,
    family,
    format,
    language,
    name: `${given} ${surname}`,
    email: hasEmail ? `${emailLocalPart(given, surname, variant)}@${random() < 0.7 ? 'example.com' : 'example.org'}` : null,
    phone: random() > 0.1 ? phoneNumber(random, country) : null,
    city,
    headline: jobs[0]?.title ?? (local?.titles[0] ?? family.titles[0] as string),
    summary: local !== undefined ? local.summary : random() < 0.65 ? pick(random, family.summaries) : null,
    jobs,
    undated,
    dateStyle: random() < 0.15 ? 'year' : (randomInt(random, 0, 4) as DateStyle),
    separator: pick(random, [' – ', ' - ', ' — ', ' to ', '–', ' -- ']),
    presentVariant: randomInt(random, 0, 7),
    degrees,
    skills: pickSome(random, family.skills, randomInt(random, 6, 10)),
    certifications: random() < 0.5 ? pickSome(random, family.certifications, randomInt(random, 1, 2)) : [],
    variant
  }
}
