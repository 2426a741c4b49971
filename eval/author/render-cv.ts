import type { CvSpec } from './cv-spec.ts'
import { linkedInDuration, presentWord, sinceWord, writeMonth, writeRange } from './dates.ts'
import type { DocLanguage, Month } from './dates.ts'

/**
 * The CV formats of the corpus, each the way such a document reaches a parser: text extracted
 * from a PDF (wrapped lines, a date range split over two lines, private-use bullet glyphs, page
 * footers), from a DOCX (paragraphs, soft breaks, table cells), markdown with emoji headings, a
 * LinkedIn export, Europass, one flattened paragraph, decorated plain text, one-line entries, and
 * German, French and Spanish CVs.
 */

export interface RenderedCv {
  text: string
  /** The skills the document lists, as written (a LinkedIn export shows only its top three). */
  listedSkills: string[]
}

const MARKER = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g

/** Prose as the document shows it: markers replaced by their surface text. */
export function plain (text: string): string {
  return text.replace(MARKER, (_, surface: string) => surface)
}

/** The skills a piece of prose names: the canonical part of each marker, else its surface. */
export function markedSkills (text: string): string[] {
  return [...text.matchAll(MARKER)].map((match) => (match[2] ?? match[1]) as string)
}

function wrap (text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

function range (spec: CvSpec, job: { start: Month, end: Month | null }, style = spec.dateStyle, separator = spec.separator): string {
  return writeRange(job.start, job.end, style, spec.language, separator, spec.presentVariant)
}

function degreeYears (spec: CvSpec, degree: CvSpec['degrees'][number]): string {
  return `${degree.start.year} – ${degree.end.year}`.replace(' – ', spec.separator.trim() === 'to' ? ' – ' : spec.separator)
}

const HEADINGS: Record<DocLanguage, { summary: string, experience: string, education: string, skills: string, certifications: string, languages: string }> = {
  en: { summary: 'Profile', experience: 'Work Experience', education: 'Education', skills: 'Skills', certifications: 'Certifications', languages: 'Languages' },
  de: { summary: 'Profil', experience: 'Berufserfahrung', education: 'Ausbildung', skills: 'Kenntnisse', certifications: 'Zertifikate', languages: 'Sprachen' },
  fr: { summary: 'Profil', experience: 'Expérience professionnelle', education: 'Formation', skills: 'Compétences', certifications: 'Certifications', languages: 'Langues' },
  es: { summary: 'Perfil', experience: 'Experiencia profesional', education: 'Formación académica', skills: 'Habilidades', certifications: 'Certificaciones', languages: 'Idiomas' }
}

const SPOKEN: Record<DocLanguage, string> = {
  en: 'English (native), Spanish (B1)',
  de: 'Deutsch (Muttersprache), Englisch (fließend)',
  fr: 'Français (langue maternelle), Anglais (courant)',
  es: 'Español (nativo), Inglés (C1)'
}

function contactParts (spec: CvSpec): string[] {
  return [spec.city, spec.email, spec.phone].filter((part): part is string => part !== null)
}

/** Text extracted from a PDF: wrapped at ~80 columns, a current job's range split after the dash, U+F0B7 bullets, a page footer. */
function pdfText (spec: CvSpec): RenderedCv {
  const out: string[] = [spec.name.toUpperCase(), spec.headline, contactParts(spec).join('  |  '), '']
  if (spec.summary !== null) out.push('PROFESSIONAL SUMMARY', ...wrap(plain(spec.summary), 80), '')
  out.push('WORK EXPERIENCE')
  spec.jobs.forEach((job, index) => {
    out.push(job.title)
    const where = `${job.company}, ${job.city}`
    if (spec.undated) out.push(where)
    else if (job.end === null) {
      const dates = range(spec, job)
      const cut = dates.lastIndexOf(presentWord(spec.language, spec.presentVariant))
      out.push(`${where}    ${dates.slice(0, cut).trimEnd()}`, dates.slice(cut))
    } else out.push(...wrap(`${where}    ${range(spec, job)}`, 80))
    for (const bullet of job.bullets) {
      const [first, ...rest] = wrap(plain(bullet), 76)
      out.push(`\uF0B7 ${first ?? ''}`, ...rest.map((line) => `  ${line}`))
    }
    if (index === 0) out.push('', `${spec.name} – CV`, 'Page 1 of 2', '')
  })
  out.push('', 'EDUCATION')
  for (const degree of spec.degrees) out.push(degree.spec.text, `${degree.institution}, ${degreeYears(spec, degree)}`)
  out.push('', 'SKILLS', ...wrap(spec.skills.join(', '), 80))
  if (spec.certifications.length > 0) out.push('', 'CERTIFICATIONS', ...spec.certifications.map((cert) => `\uF0B7 ${plain(cert)}`))
  return { text: out.join('\n'), listedSkills: spec.skills }
}

/** Text of a DOCX as paragraphs: a blank line between paragraphs, soft breaks inside an entry as single newlines. */
function docxText (spec: CvSpec): RenderedCv {
  const paragraphs: string[] = [`${spec.name}\n${spec.headline}`, contactParts(spec).join(' • ')]
  if (spec.summary !== null) paragraphs.push('Summary', plain(spec.summary))
  paragraphs.push('Professional Experience')
  for (const job of spec.jobs) {
    paragraphs.push(spec.undated ? `${job.title}\n${job.company} | ${job.city}` : `${job.title}\n${job.company} | ${job.city}\n${range(spec, job)}`)
    paragraphs.push(...job.bullets.map(plain))
  }
  paragraphs.push('Education')
  for (const degree of spec.degrees) paragraphs.push(`${degree.spec.text}\n${degree.institution}\n${degreeYears(spec, degree)}`)
  paragraphs.push('Key Skills', spec.skills.join(' · '))
  if (spec.certifications.length > 0) paragraphs.push('Certifications', ...spec.certifications.map(plain))
  return { text: paragraphs.join('\n\n'), listedSkills: spec.skills }
}

/** A DOCX whose experience is a two-column table, extracted cell by cell with " | " between cells. */
function docxTable (spec: CvSpec): RenderedCv {
  const out: string[] = [`${spec.name} | ${contactParts(spec).join(', ')}`, spec.headline, '']
  if (spec.summary !== null) out.push(`ABOUT | ${plain(spec.summary)}`, '')
  out.push('EXPERIENCE')
  for (const job of spec.jobs) {
    out.push(`${spec.undated ? '' : range(spec, job)} | ${job.title}`, ` | ${job.company}, ${job.city}`)
    for (const bullet of job.bullets) out.push(` | • ${plain(bullet)}`)
  }
  out.push('', 'EDUCATION')
  for (const degree of spec.degrees) out.push(`${degreeYears(spec, degree)} | ${degree.spec.text}, ${degree.institution}`)
  out.push('', `SKILLS | ${spec.skills.join(' | ')}`)
  if (spec.certifications.length > 0) out.push(`CERTIFICATES | ${spec.certifications.map(plain).join('; ')}`)
  return { text: out.join('\n'), listedSkills: spec.skills }
}

/** A two-column template read in extraction order: the sidebar (contact, skills, education) first, then the main column. */
function twoColumn (spec: CvSpec): RenderedCv {
  const out: string[] = [spec.name, spec.headline, '', 'CONTACT', ...contactParts(spec), '', 'SKILLS', ...spec.skills, '', 'EDUCATION']
  for (const degree of spec.degrees) out.push(degree.spec.text, degree.institution, degreeYears(spec, degree))
  out.push('', 'LANGUAGES', ...SPOKEN.en.split(', '), '')
  if (spec.summary !== null) out.push('PROFILE', plain(spec.summary), '')
  out.push('EXPERIENCE')
  for (const job of spec.jobs) {
    out.push(job.title, job.company)
    if (!spec.undated) out.push(`${range(spec, job)} | ${job.city}`)
    out.push(...job.bullets.map((bullet) => `• ${plain(bullet)}`))
  }
  if (spec.certifications.length > 0) out.push('', 'CERTIFICATIONS', ...spec.certifications.map(plain))
  return { text: out.join('\n'), listedSkills: spec.skills }
}

const EMOJI = { summary: '👋', experience: '💼', education: '🎓', skills: '🛠️', certifications: '📜' }

function markdown (spec: CvSpec): RenderedCv {
  const out: string[] = [`# ${spec.name}`, `**${spec.headline}** · ${spec.city}`, '', [spec.email === null ? '' : `📧 ${spec.email}`, spec.phone === null ? '' : `📞 ${spec.phone}`].filter((part) => part !== '').join(' · '), '']
  if (spec.summary !== null) out.push(`## ${EMOJI.summary} About me`, '', plain(spec.summary), '')
  out.push(`## ${EMOJI.experience} Experience`, '')
  for (const job of spec.jobs) {
    out.push(`### ${job.title} — ${job.company}`)
    if (!spec.undated) out.push(`*${range(spec, job)}* · ${job.city}`)
    out.push('', ...job.bullets.map((bullet) => `- ${plain(bullet)}`), '')
  }
  out.push(`## ${EMOJI.education} Education`, '')
  for (const degree of spec.degrees) out.push(`**${degree.spec.text}** — ${degree.institution} (${degreeYears(spec, degree)})`, '')
  out.push(`## ${EMOJI.skills} Skills`, '', spec.skills.map((skill) => `\`${skill}\``).join(' '), '')
  if (spec.certifications.length > 0) out.push(`## ${EMOJI.certifications} Certifications`, '', ...spec.certifications.map((cert) => `- ${plain(cert)}`))
  return { text: out.join('\n'), listedSkills: spec.skills }
}

/** LinkedIn's "Save to PDF": contact and top skills in a sidebar first, company above title, durations after ranges. */
function linkedIn (spec: CvSpec, reference: Month): RenderedCv {
  const slug = spec.name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '-')
  const top = spec.skills.slice(0, 3)
  const out: string[] = ['Contact']
  if (spec.email !== null) out.push(spec.email)
  if (spec.phone !== null) out.push(`${spec.phone} (Mobile)`)
  out.push(`www.linkedin.com/in/${slug}`, '(LinkedIn)', '', 'Top Skills', ...top, '')
  if (spec.certifications.length > 0) out.push('Certifications', ...spec.certifications.map(plain), '')
  out.push(spec.name, spec.headline, spec.city, '')
  if (spec.summary !== null) out.push('Summary', plain(spec.summary), '')
  out.push('Experience')
  for (const job of spec.jobs) {
    out.push(job.company, job.title)
    if (!spec.undated) out.push(`${range(spec, job, 1, ' - ')} (${linkedInDuration(job.start, job.end, reference)})`)
    out.push(job.city, ...job.bullets.map(plain), '')
  }
  out.push('Education')
  for (const degree of spec.degrees) out.push(degree.institution, `${degree.spec.text} · (${degree.start.year} - ${degree.end.year})`)
  out.push('', `Page 1 of ${spec.jobs.length > 2 ? 3 : 2}`)
  return { text: out.join('\n'), listedSkills: top }
}

function europassDate (date: Month): string {
  return `01/${String(date.month).padStart(2, '0')}/${date.year}`
}

/** Europass: labelled personal information, day-first dates, "Current", job-related skills in a labelled row. */
function europass (spec: CvSpec): RenderedCv {
  const out: string[] = ['Europass', 'Curriculum Vitae', '', 'PERSONAL INFORMATION', spec.name, `Address: ${spec.city}`]
  if (spec.phone !== null) out.push(`Telephone: ${spec.phone}`)
  if (spec.email !== null) out.push(`Email address: ${spec.email}`)
  out.push('', 'WORK EXPERIENCE', '')
  for (const job of spec.jobs) {
    if (!spec.undated) out.push(`${europassDate(job.start)} – ${job.end === null ? 'CURRENT' : europassDate(job.end)}`)
    out.push(job.title.toUpperCase(), `${job.company} – ${job.city}`, ...job.bullets.map((bullet) => `◦ ${plain(bullet)}`), '')
  }
  out.push('EDUCATION AND TRAINING', '')
  for (const degree of spec.degrees) out.push(`${europassDate(degree.start)} – ${europassDate(degree.end)}`, degree.spec.text.toUpperCase(), degree.institution, '')
  out.push('LANGUAGE SKILLS', 'Mother tongue(s): English', 'Other language(s): Spanish', '', 'DIGITAL AND JOB-RELATED SKILLS', spec.skills.join(' | '))
  if (spec.certifications.length > 0) out.push('', 'CERTIFICATES', ...spec.certifications.map(plain))
  return { text: out.join('\n'), listedSkills: spec.skills }
}

/** One paragraph, as dataset exports and some applicant-tracking systems store a CV. */
function flattened (spec: CvSpec): RenderedCv {
  const parts: string[] = [spec.name, spec.headline, ...contactParts(spec)]
  if (spec.summary !== null) parts.push('Summary', plain(spec.summary))
  parts.push('Experience')
  for (const job of spec.jobs) {
    parts.push(spec.undated ? `${job.title} ${job.company} ${job.city}` : `${job.title} ${job.company} ${job.city} ${range(spec, job)}`, ...job.bullets.map((bullet) => `${plain(bullet)}.`))
  }
  parts.push('Education')
  for (const degree of spec.degrees) parts.push(`${degree.spec.text} ${degree.institution} ${degreeYears(spec, degree)}`)
  parts.push('Skills', spec.skills.join(', '))
  if (spec.certifications.length > 0) parts.push('Certifications', spec.certifications.map(plain).join(', '))
  return { text: parts.join(' '), listedSkills: spec.skills }
}

const DECORATIONS = [(h: string) => `═══ ${h.toUpperCase()} ═══`, (h: string) => `${h.toUpperCase()} ▸`, (h: string) => `—— ${h} ——`, (h: string) => `■ ${h.toUpperCase()}`, (h: string) => `${h.toUpperCase()}\n${'_'.repeat(40)}`]

/** Plain text with decorated headings and "Title | Company | dates" entries (titles may contain " / "). */
function classic (spec: CvSpec): RenderedCv {
  const heading = DECORATIONS[spec.variant % DECORATIONS.length] as (h: string) => string
  const out: string[] = [spec.name, `${spec.headline} — ${spec.city}`, [spec.email, spec.phone].filter((part) => part !== null).join(' / '), '']
  if (spec.summary !== null) out.push(heading('Career Summary'), plain(spec.summary), '')
  out.push(heading('Employment History'))
  for (const job of spec.jobs) {
    out.push(spec.undated ? `${job.title} | ${job.company}, ${job.city}` : `${job.title} | ${job.company}, ${job.city} | ${range(spec, job)}`)
    out.push(...job.bullets.map((bullet) => `  - ${plain(bullet)}`), '')
  }
  out.push(heading('Education'))
  for (const degree of spec.degrees) out.push(`${degree.spec.text}, ${degree.institution} (${degree.end.year})`)
  out.push('', heading('Core Skills'), ...spec.skills.map((skill) => `* ${skill}`))
  if (spec.certifications.length > 0) out.push('', heading('Licences & Certifications'), ...spec.certifications.map((cert) => `* ${plain(cert)}`))
  return { text: out.join('\n'), listedSkills: spec.skills }
}

/** One line per job: "Title, Company (dates): …" or "Title — Company — dates". */
function oneLine (spec: CvSpec): RenderedCv {
  const out: string[] = [spec.name, contactParts(spec).join(' · '), '']
  if (spec.summary !== null) out.push(plain(spec.summary), '')
  out.push('Experience')
  spec.jobs.forEach((job, index) => {
    const dates = spec.undated ? '' : range(spec, job)
    if ((spec.variant + index) % 2 === 0) out.push(`${job.title}, ${job.company} (${dates}): ${job.bullets.map(plain).join('; ')}.`)
    else out.push(`${job.title} — ${job.company} — ${dates}`, ...job.bullets.map((bullet) => `• ${plain(bullet)}`))
  })
  out.push('', 'Education')
  for (const degree of spec.degrees) out.push(`${degree.spec.text} — ${degree.institution} — ${degree.end.year}`)
  out.push('', `Skills: ${spec.skills.join(', ')}`)
  if (spec.certifications.length > 0) out.push(`Certifications: ${spec.certifications.map(plain).join(', ')}`)
  return { text: out.join('\n'), listedSkills: spec.skills }
}

const LOCAL_HEADER: Record<Exclude<DocLanguage, 'en'>, { title: string, phone: string, email: string, address: string }> = {
  de: { title: 'Lebenslauf', phone: 'Telefon', email: 'E-Mail', address: 'Wohnort' },
  fr: { title: 'Curriculum Vitae', phone: 'Tél.', email: 'E-mail', address: 'Adresse' },
  es: { title: 'Currículum Vítae', phone: 'Teléfono', email: 'Correo electrónico', address: 'Dirección' }
}

/** A German, French or Spanish CV: local headings, month names, "seit/depuis/desde" and present words. */
function localized (spec: CvSpec): RenderedCv {
  const language = spec.language as Exclude<DocLanguage, 'en'>
  const words = LOCAL_HEADER[language]
  const headings = HEADINGS[language]
  const out: string[] = [words.title, '', spec.name, spec.headline, `${words.address}: ${spec.city}`]
  if (spec.phone !== null) out.push(`${words.phone}: ${spec.phone}`)
  if (spec.email !== null) out.push(`${words.email}: ${spec.email}`)
  out.push('')
  if (spec.summary !== null) out.push(headings.summary.toUpperCase(), plain(spec.summary), '')
  out.push(headings.experience.toUpperCase())
  spec.jobs.forEach((job, index) => {
    const style = spec.dateStyle === 'year' ? 'year' : ((spec.variant + index) % 2 === 0 ? 2 : 1)
    const dates = job.end === null && (spec.variant + index) % 3 === 0
      ? `${sinceWord(language)} ${writeMonth(job.start, style, language)}`
      : range(spec, job, style, ' – ')
    out.push(`${dates}    ${job.title}`, `${job.company}, ${job.city}`, ...job.bullets.map((bullet) => `• ${plain(bullet)}`), '')
  })
  out.push(headings.education.toUpperCase())
  for (const degree of spec.degrees) out.push(`${writeMonth(degree.start, 2, language)} – ${writeMonth(degree.end, 2, language)}    ${degree.spec.text}`, degree.institution)
  out.push('', headings.skills.toUpperCase(), spec.skills.join(', '), '', headings.languages.toUpperCase(), SPOKEN[language])
  return { text: out.join('\n'), listedSkills: spec.skills }
}

export const CV_FORMATS = ['pdf_text', 'docx_text', 'docx_table', 'two_column', 'markdown', 'linkedin', 'europass', 'flattened', 'classic', 'one_line'] as const

export function renderCv (spec: CvSpec, reference: Month): RenderedCv {
  switch (spec.format) {
    case 'pdf_text': return pdfText(spec)
    case 'docx_text': return docxText(spec)
    case 'docx_table': return docxTable(spec)
    case 'two_column': return twoColumn(spec)
    case 'markdown': return markdown(spec)
    case 'linkedin': return linkedIn(spec, reference)
    case 'europass': return europass(spec)
    case 'flattened': return flattened(spec)
    case 'classic': return classic(spec)
    case 'one_line': return oneLine(spec)
    default: return localized(spec)
  }
}
