import type { JdSpec } from './family-types.ts'
import { plain } from './render-cv.ts'

/**
 * Job postings as they are pasted in: the title line in the usual forms ("X at Acme (Berlin,
 * hybrid)", "X (m/f/d) – Amsterdam, hybrid", "X in Berlin", labelled fields), varied headings,
 * bullets or prose, and benefit boilerplate at the end.
 */

const HEADINGS = [
  { about: 'About us', duties: 'What you\'ll do', required: 'What we\'re looking for', preferred: 'Nice to have', benefits: 'What we offer' },
  { about: 'The company', duties: 'Responsibilities', required: 'Requirements', preferred: 'Preferred qualifications', benefits: 'Benefits' },
  { about: 'Who we are', duties: 'Your role', required: 'About you', preferred: 'Bonus points', benefits: 'Perks' },
  { about: 'Overview', duties: 'Key responsibilities:', required: 'Qualifications:', preferred: 'Desirable:', benefits: 'Why join us?' }
]
const GERMAN_HEADINGS = { about: 'Über uns', duties: 'Ihre Aufgaben', required: 'Ihr Profil', preferred: 'Wünschenswert', benefits: 'Wir bieten' }

function titleLines (jd: JdSpec, variant: number): string[] {
  const arrangement = /(hybrid|remote)/.exec(jd.intro)?.[1] ?? (variant % 2 === 0 ? 'hybrid' : 'on-site')
  switch (jd.header) {
    case 'at_paren': return [`${jd.title} at ${jd.company} (${jd.location ?? ''}, ${arrangement})`]
    case 'mfd_dash': return [`${jd.title} (m/f/d) – ${jd.location ?? ''}, ${arrangement}`, jd.company]
    case 'in_city': return [`${jd.title} in ${jd.location ?? ''}`, `${jd.company} is hiring`]
    case 'labelled': return [`Job Title: ${jd.title}`, `Company: ${jd.company}`, `Location: ${jd.location ?? 'Remote'}`, 'Job Type: Full-time']
    case 'plain_then_location': return [jd.title, `${jd.company} · ${jd.location ?? ''} · Full-time`]
    case 'title_only': return [jd.title, `${jd.company} · Remote (EU)`]
  }
}

export function renderJd (jd: JdSpec, variant: number): string {
  const german = /Erfahrung|Studium|Kenntnisse/.test(jd.required.join(' '))
  const headings = german ? GERMAN_HEADINGS : HEADINGS[variant % HEADINGS.length] as (typeof HEADINGS)[number]
  const bullet = ['- ', '• ', '* ', '· '][variant % 4] as string
  const prose = variant % 5 === 3
  const out: string[] = [...titleLines(jd, variant), '', headings.about, plain(jd.intro), '']
  out.push(headings.duties, ...jd.responsibilities.map((line) => `${bullet}${plain(line)}`), '')
  if (prose) out.push(headings.required, `${jd.required.map(plain).join('. ')}.`, '')
  else out.push(headings.required, ...jd.required.map((line) => `${bullet}${plain(line)}`), '')
  if (jd.preferred.length > 0) out.push(headings.preferred, ...jd.preferred.map((line) => `${bullet}${plain(line)}`), '')
  out.push(headings.benefits, ...jd.benefits.map((line) => `${bullet}${line}`))
  if (variant % 3 === 0) out.push('', `${jd.company} is an equal opportunity employer. We welcome applications from everyone.`)
  return out.join('\n')
}
