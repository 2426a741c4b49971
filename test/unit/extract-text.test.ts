import { PDFDocument, PDFHexString, StandardFonts } from 'pdf-lib'
import t from 'tap'
import { parseConfig } from '../../src/config.ts'
import { extractText, UnreadableDocumentError } from '../../src/documents/extract-text.ts'
import type { UploadedFile } from '../../src/documents/extract-text.ts'
import { ExtractionPool } from '../../src/documents/extraction-pool.ts'
import { DOCX_MIMETYPE, docxOf as docx, docxWithBodyXml, docxWithInflatingBody, PDF_MIMETYPE, pdfOf, pdfWithPages } from '../helpers/documents.ts'

/** The real worker pool, with the default budgets. */
const pool = new ExtractionPool(parseConfig({}).documents, (error) => { throw error })
t.teardown(() => pool.close())

function extract (file: UploadedFile): Promise<string> {
  return extractText(file, pool)
}

function upload (data: Buffer | string, filename?: string, mimetype?: string): UploadedFile {
  return { data: Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1'), filename, mimetype }
}

/** The error's class, status and message (a reader's refusal also carries its reason, checked elsewhere). */
function unreadable (message: string): { name: string, statusCode: number, message: string } {
  return { name: 'UnreadableDocumentError', statusCode: 422, message }
}

function cvPdf (): Promise<Buffer> {
  return pdfOf([['Jane Doe', 'Senior Backend Engineer'], ['Skills: TypeScript, PostgreSQL, Kubernetes']])
}

/** A scan, as far as text goes: a page with only a drawing. */
async function imageOnlyPdf (): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 100 })
  return Buffer.from(await doc.save())
}

/** A standard security handler whose user password is not empty: PDF.js asks for a password. */
async function passwordPdf (): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage().drawText('Jane Doe', { font: await doc.embedFont(StandardFonts.Helvetica) })
  const { context } = doc
  context.trailerInfo.Encrypt = context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)), P: -4 })
  context.trailerInfo.ID = context.obj([PDFHexString.of('33'.repeat(16)), PDFHexString.of('33'.repeat(16))])
  return Buffer.from(await doc.save({ useObjectStreams: false }))
}


t.test('PDF: the text of every page, in order', async (t) => {
  const text = await extract(upload(await cvPdf(), 'jane.pdf', PDF_MIMETYPE))
  t.equal(text, 'Jane Doe\nSenior Backend Engineer\nSkills: TypeScript, PostgreSQL, Kubernetes')
})

t.test('the bytes decide, whatever the name and mimetype say', async (t) => {
  const pdf = await cvPdf()
  t.match(await extract(upload(pdf, 'jane.txt', 'text/plain')), 'Senior Backend Engineer')
  t.match(await extract(upload(pdf, undefined, undefined)), 'Senior Backend Engineer')
  t.match(await extract(upload(await docx(['Jane Doe']), 'jane.pdf', PDF_MIMETYPE)), 'Jane Doe')
  t.match(await extract(upload(Buffer.concat([Buffer.from('junk before the header\n'), pdf]), 'jane.pdf')), 'Jane Doe', 'a PDF header within the first KiB')
})

t.test('PDF without text: probably a scan', async (t) => {
  await t.rejects(extract(upload(await imageOnlyPdf(), 'scan.pdf', PDF_MIMETYPE)), unreadable('The PDF has no extractable text (is it a scanned image?)'))
})

t.test('corrupt, truncated or password-protected PDFs', async (t) => {
  const pdf = await cvPdf()
  const corrupt = unreadable('The PDF file is corrupt or not a PDF')
  await t.rejects(extract(upload(`%PDF-1.7\n${'garbage '.repeat(100)}`, 'cv.pdf')), corrupt)
  await t.rejects(extract(upload(pdf.subarray(0, Math.floor(pdf.length * 0.6)), 'cv.pdf', PDF_MIMETYPE)), corrupt)
  await t.rejects(extract(upload('Jane Doe, Senior Backend Engineer', 'cv.pdf')), corrupt, 'text in a .pdf')
  await t.rejects(extract(upload('Jane Doe', 'cv', PDF_MIMETYPE)), corrupt, 'text declared as application/pdf')
  await t.rejects(extract(upload(await passwordPdf(), 'cv.pdf')), unreadable('The PDF is password-protected; upload a copy without a password'))
})

t.test('DOCX: the paragraphs, whatever it is called', async (t) => {
  const data = await docx(['Jane Doe', 'Senior Backend Engineer', 'Skills: TypeScript, PostgreSQL, Kubernetes'])
  const expected = 'Jane Doe\n\nSenior Backend Engineer\n\nSkills: TypeScript, PostgreSQL, Kubernetes'
  t.equal(await extract(upload(data, 'jane.docx', DOCX_MIMETYPE)), expected)
  t.equal(await extract(upload(data, undefined, 'application/octet-stream')), expected)
})

t.test('DOCX without text', async (t) => {
  await t.rejects(extract(upload(await docx([]), 'empty.docx', DOCX_MIMETYPE)), unreadable('The DOCX file has no text'))
})

t.test('corrupt DOCX files and ZIPs that are not Word documents', async (t) => {
  const data = await docx(['Jane Doe'])
  const corrupt = unreadable('The DOCX file is corrupt or not a Word document')
  await t.rejects(extract(upload(data.subarray(0, Math.floor(data.length / 2)), 'cv.docx', DOCX_MIMETYPE)), corrupt, 'truncated')
  // Same-length rename: still a valid ZIP, but without the Word main part.
  const zip = Buffer.from(data.toString('latin1').replaceAll('word/document.xml', 'word/documenX.xml'), 'latin1')
  await t.rejects(extract(upload(zip, 'cv.docx', DOCX_MIMETYPE)), corrupt, 'a ZIP called .docx')
  await t.rejects(extract(upload(zip, 'cv.docx')), corrupt, 'a ZIP called .docx, no mimetype')
  await t.rejects(extract(upload(zip, 'cv.zip', 'application/zip')), unreadable('The uploaded file is a ZIP archive; upload a PDF, DOCX or TXT CV'))
  await t.rejects(extract(upload('Jane Doe', 'cv.docx')), corrupt, 'text in a .docx')
})

t.test('TXT: UTF-8 with or without BOM; NFC, LF, no NULs, no trailing spaces, at most two blank lines', async (t) => {
  const summary = 'Builds reliable, observable distributed systems and mentors the people who run them.'
  const text = `Jane Doe  \r\nSenior Backend Engineer\r\n\r\n\r\n\r\n\r\nSkills:\tTypeScript\u0000\rMu\u0308nchen\n${summary}\n`
  const expected = `Jane Doe\nSenior Backend Engineer\n\n\nSkills:\tTypeScript\nMünchen\n${summary}`
  t.equal(await extract(upload(Buffer.from(`\ufeff${text}`), 'cv.txt', 'text/plain; charset=utf-8')), expected)
  t.equal(await extract(upload(Buffer.from(text), 'cv.md')), expected)
  t.equal(await extract(upload(Buffer.from(text), undefined, undefined)), expected)
  t.equal(await extract(upload(Buffer.from('Jane Doe\n\n\nEngineer'), 'cv.txt')), 'Jane Doe\n\n\nEngineer', 'two blank lines stay')
})

t.test('TXT: UTF-16 when a byte-order mark says so', async (t) => {
  const text = 'Jane Doe – Senior Backend Engineer, München'
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  const be = Buffer.from(le.subarray(2)).swap16()
  t.equal(await extract(upload(le, 'cv.txt')), text)
  t.equal(await extract(upload(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'cv.txt')), text)
  await t.rejects(extract(upload(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xd8, 0x41])]), 'cv.txt')), unreadable('The TXT file is not valid UTF-8 text'), 'odd length, lone surrogate')
})

t.test('binary data is not text', async (t) => {
  const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256))
  const invalid = unreadable('The TXT file is not valid UTF-8 text')
  await t.rejects(extract(upload(garbage, 'cv.txt', 'text/plain')), invalid)
  await t.rejects(extract(upload(garbage, 'cv.txt')), invalid)
  const controls = Buffer.from(`Jane Doe ${'\u0001\u0002'.repeat(20)} SECRET`)
  await t.rejects(extract(upload(controls, 'cv.txt')), invalid, 'valid UTF-8, but mostly control characters')
  await t.rejects(extract(upload(Buffer.from('Jane\u0000Doe ', 'utf16le'), 'cv.txt')), invalid, 'UTF-16 without a byte-order mark')
  const unsupported = unreadable('The file is not a PDF, DOCX or text document; upload a PDF, DOCX or TXT CV')
  await t.rejects(extract(upload(garbage, undefined, undefined)), unsupported)
  await t.rejects(extract(upload(garbage, 'cv.bin', 'application/x-whatever')), unsupported)
})

t.test('other formats are named', async (t) => {
  const formats: Array<[string, string]> = [
    ['\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'a PNG image'],
    ['\xff\xd8\xff\xe0\x00\x10JFIF', 'a JPEG image'],
    ['GIF89a\x01\x00', 'a GIF image'],
    ['RIFF\x24\x00\x00\x00WEBPVP8 ', 'a WebP image'],
    ['II*\x00\x08\x00', 'a TIFF image'],
    ['MM\x00*\x00\x08', 'a TIFF image'],
    ['\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00', 'a legacy Office document (.doc)'],
    ['{\\rtf1\\ansi Jane Doe}', 'an RTF document'],
    ['\x1f\x8b\x08\x00', 'a gzip archive']
  ]
  for (const [bytes, description] of formats) {
    await t.rejects(extract(upload(bytes, 'cv.pdf', PDF_MIMETYPE)), unreadable(`The uploaded file is ${description}; upload a PDF, DOCX or TXT CV`), description)
  }
})

t.test('nothing to read', async (t) => {
  await t.rejects(extract(upload('', 'cv.pdf', PDF_MIMETYPE)), unreadable('The file is empty'))
  await t.rejects(extract(upload(Buffer.from('\ufeff \r\n\t\n'), 'cv.txt')), unreadable('The TXT file has no text'))
})

t.test('the error is a 422 whose message never quotes the document', async (t) => {
  const error = await extract(upload(Buffer.from(`SECRET ${'\u0001'.repeat(10)}`), 'cv.txt')).catch((error: unknown) => error)
  t.ok(error instanceof UnreadableDocumentError)
  t.match(error, { statusCode: 422, name: 'UnreadableDocumentError' })
  t.notMatch((error as Error).message, 'SECRET')
})

t.test('private-use bullet glyphs become "•", other private-use glyphs are dropped', async (t) => {
  const text = '\uf0b7 Led the migration\n\uf0a7 Mentored two engineers\n\uf076 Kafka\ue123 and Spark'
  t.equal(await extract(upload(Buffer.from(text), 'cv.txt')), '• Led the migration\n• Mentored two engineers\n• Kafka and Spark')
  const symbolBullets = docxWithBodyXml('<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>Led the migration</w:t></w:r></w:p>')
  t.equal(await extract(upload(symbolBullets, 'cv.docx', DOCX_MIMETYPE)), '•\tLed the migration', 'a DOCX bullet in the Symbol font')
})

t.test('DOCX soft line breaks and tables, read by the worker pool: no glued words', async (t) => {
  const data = docxWithBodyXml('<w:p><w:r><w:t>Senior Engineer, Data Infrastructure</w:t><w:br/><w:t>Amsterdam, Netherlands</w:t><w:br/><w:t>March 2021 – Present</w:t></w:r></w:p>' +
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Python</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8 years</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
  t.equal(await extract(upload(data, 'cv.docx', DOCX_MIMETYPE)), 'Senior Engineer, Data Infrastructure\nAmsterdam, Netherlands\nMarch 2021 – Present\n\nPython | 8 years')
})

t.test('a reader\'s refusal: status, message and reason', async (t) => {
  const small = new ExtractionPool({ ...parseConfig({}).documents, maxPages: 2, maxExtractedTextBytes: 1024 }, (error) => { throw error })
  t.teardown(() => small.close())
  const pages = await extractText(upload(pdfWithPages(3), 'cv.pdf'), small).catch((error: unknown) => error)
  t.match(pages, { statusCode: 422, message: 'The PDF has more than 2 pages; send a shorter CV or a text version', refusal: { format: 'pdf', reason: 'too_many_pages' } })
  const long = await extractText(upload(docxWithInflatingBody(64 * 1024), 'cv.docx'), small).catch((error: unknown) => error)
  t.match(long, { statusCode: 413, message: 'The document holds more than 1024 bytes of text; send a shorter CV', refusal: { format: 'docx', reason: 'text_too_large' } })
})
