import t from 'tap'
import { readPdf } from '../../src/documents/pdf-text.ts'
import type { ReadLimits } from '../../src/documents/read-result.ts'
import { deflateRepeated, pdfOf, pdfWithInflatingContent, pdfWithPages, rawPdf, zlibWrapped } from '../helpers/documents.ts'

const LIMITS: ReadLimits = { maxPages: 50, maxExtractedTextBytes: 1024 * 1024, maxInflatedBytes: 32 * 1024 * 1024, maxArchiveEntries: 1000 }
const MIB = 1024 * 1024

t.test('pages are counted before PDF.js opens the file, and by PDF.js for pages it cannot see', async (t) => {
  t.same(await readPdf(pdfWithPages(51), LIMITS), { ok: false, reason: 'too_many_pages' })
  t.match(await readPdf(pdfWithPages(50), LIMITS), { ok: true, text: /Jane Doe/ })
  // pdf-lib writes page objects into compressed object streams: only PDF.js can count them.
  const hidden = await pdfOf(Array.from({ length: 12 }, () => ['Jane Doe']))
  t.same(await readPdf(hidden, { ...LIMITS, maxPages: 10 }), { ok: false, reason: 'too_many_pages' })
})

t.test('Flate streams are inflated against MAX_DOCUMENT_INFLATED_BYTES, in all, before parsing', async (t) => {
  t.same(await readPdf(pdfWithInflatingContent(40 * MIB), LIMITS), { ok: false, reason: 'too_large' })
  t.match(await readPdf(pdfWithInflatingContent(2 * MIB), LIMITS), { ok: true, text: /Jane Doe/ }, 'under the cap: read')
  t.same(await readPdf(pdfWithInflatingContent(2 * MIB), { ...LIMITS, maxInflatedBytes: MIB }), { ok: false, reason: 'too_large' })
})

t.test('a truncated bomb (no end of stream, no end of file) is still measured', async (t) => {
  const content = zlibWrapped(deflateRepeated(Buffer.from('BT ET\n'), Buffer.alloc(MIB, ' '), 80, Buffer.from('\n')))
  const cut = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Length 99 /Filter /FlateDecode >>\nstream\r\n', 'latin1'), content.subarray(0, content.length / 2)])
  t.same(await readPdf(cut, LIMITS), { ok: false, reason: 'too_large' })
  t.same(await readPdf(Buffer.from('%PDF-1.7\nstream', 'latin1'), LIMITS), { ok: false, reason: 'corrupt' }, '"stream" as the last word')
})

t.test('more text than MAX_EXTRACTED_TEXT_BYTES', async (t) => {
  const pdf = pdfWithPages(20)
  t.same(await readPdf(pdf, { ...LIMITS, maxExtractedTextBytes: 100 }), { ok: false, reason: 'text_too_large' })
})

t.test('a stream that is not zlib data (an image, say) is not counted and does not stop the reading', async (t) => {
  const image = Buffer.from('\xff\xd8\xff\xe0 not zlib at all', 'latin1')
  const pdf = rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${image.length + 40} >>\nstream\n`, 'latin1'), Buffer.from('BT /F1 11 Tf 50 750 Td (Jane Doe) Tj ET\n'), image, Buffer.from('\nendstream', 'latin1')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ])
  t.match(await readPdf(pdf, LIMITS), { ok: true })
})
