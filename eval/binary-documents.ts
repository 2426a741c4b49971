import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { PDFFont, PDFPage } from 'pdf-lib'
import type { CvLayout } from './corpus-types.ts'

/**
 * The corpus's layouts drawn as the files people upload: a PDF whose dates sit in a left column
 * beside the title and company (so extraction has to put the two columns back in order), and a
 * DOCX with soft line breaks (Shift+Enter) inside paragraphs and the experience in a two-column
 * table.
 */

export const PDF_MIMETYPE = 'application/pdf'
export const DOCX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const PAGE_TOP = 790
const PAGE_BOTTOM = 50
const LINE = 14
const LEFT = 50
const RIGHT = 175

/** Helvetica writes WinAnsi only; anything else would make pdf-lib throw, so it becomes "?". */
function encodable (font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet())
  return [...text].map((char) => supported.has(char.codePointAt(0) as number) ? char : '?').join('')
}

function wrap (text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return line === '' ? lines : [...lines, line]
}

/** "Mar 2019 – Present" → ["Mar 2019 –", "Present"]. */
function splitAfterDash (range: string): [string, string] {
  const at = range.indexOf('–')
  return at < 0 ? [range, ''] : [range.slice(0, at + 1).trim(), range.slice(at + 1).trim()]
}

export async function layoutPdf (layout: CvLayout): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  let page: PDFPage = doc.addPage()
  let y = PAGE_TOP
  const draw = (text: string, x: number, options: { font?: PDFFont, size?: number, sameLine?: boolean } = {}) => {
    if (y < PAGE_BOTTOM) {
      page = doc.addPage()
      y = PAGE_TOP
    }
    const used = options.font ?? font
    page.drawText(encodable(used, text), { x, y, size: options.size ?? 10, font: used })
    if (options.sameLine !== true) y -= LINE
  }
  const [name, ...header] = layout.header
  draw(name ?? '', LEFT, { font: bold, size: 16 })
  for (const line of header) draw(line, LEFT)
  if (layout.summary !== null) {
    y -= LINE / 2
    draw('PROFILE', LEFT, { font: bold })
    for (const line of wrap(layout.summary, 95)) draw(line, LEFT)
  }
  y -= LINE / 2
  draw('EXPERIENCE', LEFT, { font: bold })
  for (const job of layout.experience) {
    // A narrow date column: the range wraps after its dash, the end ("Present") beside the company.
    const [from, to] = splitAfterDash(job.dates)
    draw(from, LEFT, { sameLine: true })
    draw(job.title, RIGHT, { font: bold })
    draw(to, LEFT, { sameLine: true })
    draw(job.company, RIGHT)
    for (const bullet of job.bullets) wrap(bullet, 75).forEach((line, index) => draw(index === 0 ? `• ${line}` : `  ${line}`, RIGHT))
    y -= LINE / 2
  }
  draw('EDUCATION', LEFT, { font: bold })
  for (const degree of layout.education) {
    draw(degree.dates, LEFT, { sameLine: true })
    draw(degree.degree, RIGHT)
    draw(degree.institution, RIGHT)
  }
  y -= LINE / 2
  draw('SKILLS', LEFT, { font: bold })
  for (const line of wrap(layout.skills.join(', '), 95)) draw(line, LEFT)
  return Buffer.from(await doc.save())
}

/**
 * A two-column template: a narrow sidebar (contact, skills, education) drawn first, then the main
 * column (profile, experience) beside it from the top of the page, as design templates lay out a
 * CV: the text layer holds the sidebar before the main column.
 */
export async function layoutPdfTwoColumn (layout: CvLayout): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const pages: PDFPage[] = [doc.addPage()]
  const column = (x: number, width: number) => {
    let page = 0
    let y = PAGE_TOP
    return (text: string, options: { font?: PDFFont, size?: number } = {}) => {
      for (const line of wrap(text, width)) {
        if (y < PAGE_BOTTOM) {
          page++
          y = PAGE_TOP
          if (pages[page] === undefined) pages.push(doc.addPage())
        }
        const used = options.font ?? font
        ;(pages[page] as PDFPage).drawText(encodable(used, line), { x, y, size: options.size ?? 9, font: used })
        y -= LINE
      }
    }
  }
  const side = column(40, 28)
  const [name, headline, contact] = layout.header
  side(name ?? '', { font: bold, size: 13 })
  side(headline ?? '')
  for (const part of (contact ?? '').split(' | ')) side(part)
  side('SKILLS', { font: bold })
  for (const skill of layout.skills) side(skill)
  side('EDUCATION', { font: bold })
  for (const degree of layout.education) {
    side(degree.degree)
    side(`${degree.institution}, ${degree.dates}`)
  }
  const main = column(220, 60)
  if (layout.summary !== null) {
    main('PROFILE', { font: bold })
    main(layout.summary)
  }
  main('EXPERIENCE', { font: bold })
  for (const job of layout.experience) {
    main(job.title, { font: bold })
    main(`${job.company} | ${job.dates}`)
    for (const bullet of job.bullets) main(`• ${bullet}`)
  }
  return Buffer.from(await doc.save())
}

/** A paragraph whose lines are soft breaks (Shift+Enter), not separate paragraphs. */
function softBroken (lines: readonly string[], boldFirst = false): Paragraph {
  return new Paragraph({ children: lines.map((text, index) => new TextRun({ text, break: index === 0 ? 0 : 1, bold: boldFirst && index === 0 })) })
}

export async function layoutDocx (layout: CvLayout): Promise<Buffer> {
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } })
  const experience = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: layout.experience.map((job) => new TableRow({
      children: [
        cell([new Paragraph(job.dates)], 25),
        cell([softBroken([job.title, job.company], true), ...job.bullets.map((bullet) => new Paragraph({ text: bullet, bullet: { level: 0 } }))], 75)
      ]
    }))
  })
  const children = [
    softBroken(layout.header, true),
    ...(layout.summary === null ? [] : [new Paragraph({ children: [new TextRun({ text: 'Profile', bold: true })] }), new Paragraph(layout.summary)]),
    new Paragraph({ children: [new TextRun({ text: 'Experience', bold: true })] }),
    experience,
    new Paragraph({ children: [new TextRun({ text: 'Education', bold: true })] }),
    ...layout.education.map((degree) => softBroken([degree.degree, `${degree.institution}, ${degree.dates}`])),
    new Paragraph({ children: [new TextRun({ text: 'Skills', bold: true })] }),
    new Paragraph(layout.skills.join(', '))
  ]
  return await Packer.toBuffer(new Document({ sections: [{ children }] }))
}
