import { crc32, constants as zlibConstants, deflateRawSync } from 'node:zlib'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'

export const PDF_MIMETYPE = 'application/pdf'
export const DOCX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A real PDF with a text layer: one page per entry of `pages`, one line per string. */
export async function pdfOf (pages: readonly (readonly string[])[]): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const lines of pages) {
    const page = doc.addPage()
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: 750 - index * 16, size: 11, font }))
  }
  return Buffer.from(await doc.save())
}

/** A real Word document, one paragraph per string. */
export async function docxOf (paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] })
  return await Packer.toBuffer(doc)
}

/** A multipart/form-data body as a browser would send it, ready for `app.inject`. */
export async function multipartBody (fields: Record<string, { data: Buffer, filename: string, mimetype: string } | string>): Promise<{ payload: Buffer, headers: Record<string, string> }> {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value)
    else form.append(name, new Blob([new Uint8Array(value.data)], { type: value.mimetype }), value.filename)
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } }
}

/* Hostile documents, built in the test: each is small on the wire and huge once inflated. */

const ADLER_MODULUS = 65521

/** zlib's Adler-32 of `data`, continued from `adler` (1 for a fresh checksum). */
function adler32 (data: Buffer, adler = 1): number {
  let a = adler & 0xffff
  let b = adler >>> 16
  for (const byte of data) {
    a = (a + byte) % ADLER_MODULUS
    b = (b + a) % ADLER_MODULUS
  }
  return ((b << 16) | a) >>> 0
}

/** The Adler-32 of X followed by Y, from X's and Y's own (zlib's adler32_combine). */
function adler32Combine (first: number, second: number, secondLength: number): number {
  const a1 = first & 0xffff
  const b1 = first >>> 16
  const a2 = second & 0xffff
  const b2 = second >>> 16
  const a = (a1 + a2 + ADLER_MODULUS - 1) % ADLER_MODULUS
  const b = Number((BigInt(b1) + BigInt(b2) + BigInt(secondLength) * BigInt(a1 + ADLER_MODULUS - 1)) % BigInt(ADLER_MODULUS))
  return ((b << 16) | a) >>> 0
}

export interface Deflated {
  /** Raw deflate data. */
  raw: Buffer
  /** What it inflates to, in bytes. */
  inflatedBytes: number
  /** Adler-32 of the inflated bytes (for a zlib wrapper). */
  adler: number
}

/**
 * `head + body × repeat + tail`, deflated without ever holding the inflated bytes: each part is
 * deflated on its own with a full flush (byte-aligned, no back-reference into another part), so
 * the body's compressed bytes can simply be repeated.
 */
export function deflateRepeated (head: Buffer, body: Buffer, repeat: number, tail: Buffer): Deflated {
  const flushed = (data: Buffer) => deflateRawSync(data, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH })
  const bodyRaw = flushed(body)
  const raw = Buffer.concat([flushed(head), ...Array.from({ length: repeat }, () => bodyRaw), deflateRawSync(tail, { level: 9 })])
  let adler = adler32(head)
  const bodyAdler = adler32(body)
  for (let i = 0; i < repeat; i++) adler = adler32Combine(adler, bodyAdler, body.length)
  adler = adler32Combine(adler, adler32(tail), tail.length)
  return { raw, inflatedBytes: head.length + body.length * repeat + tail.length, adler }
}

/** The zlib (RFC 1950) form PDF's FlateDecode expects. */
export function zlibWrapped (deflated: Deflated): Buffer {
  const checksum = Buffer.alloc(4)
  checksum.writeUInt32BE(deflated.adler)
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflated.raw, checksum])
}

/** A PDF written by hand from its objects (`objects[i]` is object i + 1), with a correct xref table. */
export function rawPdf (objects: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = parts[0]!.length
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(length)
    const part = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.isBuffer(object) ? object : Buffer.from(object, 'latin1'), Buffer.from('\nendobj\n')])
    parts.push(part)
    length += part.length
  })
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`].join('')
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')])
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'

function streamObject (dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')])
}

/** One page whose content stream (`BT … ET` and then spaces) inflates to about `inflatedBytes`. */
export function pdfWithInflatingContent (inflatedBytes: number): Buffer {
  const body = Buffer.alloc(1024 * 1024, ' ')
  const content = deflateRepeated(Buffer.from('BT /F1 11 Tf 50 750 Td (Jane Doe) Tj ET\n'), body, Math.ceil(inflatedBytes / body.length), Buffer.from('\n'))
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    streamObject('/Filter /FlateDecode', zlibWrapped(content)),
    FONT
  ])
}

/** `pages` pages sharing one small content stream: megabytes on the wire, hours of reading. */
export function pdfWithPages (pages: number, line = 'Jane Doe, Senior Backend Engineer'): Buffer {
  const first = 6
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ')
  // Media box and resources are inherited from the page tree: the smallest valid page object.
  const page = '<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>'
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> >>`,
    streamObject('', Buffer.from(`BT /F1 11 Tf 50 750 Td (${line}) Tj ET`, 'latin1')),
    FONT,
    '<< >>',
    ...Array.from({ length: pages }, () => page)
  ])
}

export interface ZipEntrySpec {
  name: string
  /** Stored as is (method 0)… */
  data?: Buffer
  /** …or already deflated (method 8). */
  deflated?: Deflated
  /** The uncompressed size the headers claim; the true one by default. */
  declaredSize?: number
}

/** A ZIP archive written by hand: local headers, data, central directory, end record. */
export function zipOf (entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = entry.deflated?.raw ?? entry.data ?? Buffer.alloc(0)
    const method = entry.deflated === undefined ? 0 : 8
    const crc = entry.deflated === undefined ? crc32(data) : 0
    const size = entry.declaredSize ?? entry.deflated?.inflatedBytes ?? data.length
    // The local header and the directory entry share these fields, two bytes further on in the latter.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(method, at)
      header.writeUInt32LE(crc, at + 6)
      header.writeUInt32LE(data.length, at + 10)
      header.writeUInt32LE(size, at + 14)
      header.writeUInt16LE(name.length, at + 18)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    shared(local, 8)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    shared(central, 10)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    directory.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directoryBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directoryBytes, end])
}

const WORD_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
const WORD_TAIL = '</w:body></w:document>'
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

/**
 * A Word document whose `document.xml` repeats `paragraph` until it is about `inflatedBytes`
 * long. `declaredSize` makes the ZIP headers lie about it.
 */
export function docxWithInflatingBody (inflatedBytes: number, options: { paragraph?: string, declaredSize?: number } = {}): Buffer {
  const paragraph = Buffer.from(options.paragraph ?? '<w:p><w:r><w:t>Senior Backend Engineer</w:t></w:r></w:p>')
  const body = Buffer.from(paragraph.toString().repeat(Math.max(1, Math.floor(64 * 1024 / paragraph.length))))
  const xml = deflateRepeated(Buffer.from(WORD_HEAD), body, Math.max(1, Math.ceil(inflatedBytes / body.length)), Buffer.from(WORD_TAIL))
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'word/document.xml', deflated: xml, ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }) }
  ])
}

/** A Word document whose `document.xml` is the given body XML, as Word writes it. */
export function docxWithBodyXml (bodyXml: string): Buffer {
  const xml = deflateRepeated(Buffer.from(WORD_HEAD + bodyXml), Buffer.alloc(0), 0, Buffer.from(WORD_TAIL))
  return zipOf([{ name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) }, { name: 'word/document.xml', deflated: xml }])
}
