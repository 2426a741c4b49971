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
