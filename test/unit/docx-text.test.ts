import { deflateRawSync } from 'node:zlib'
import { Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun } from 'docx'
import t from 'tap'
import { readDocx } from '../../src/documents/docx-text.ts'
import type { ReadLimits } from '../../src/documents/read-result.ts'
import { inflateEntry, readZipDirectory } from '../../src/documents/zip-directory.ts'
import { docxWithBodyXml, docxWithInflatingBody, zipOf } from '../helpers/documents.ts'

const LIMITS: ReadLimits = { maxPages: 50, maxExtractedTextBytes: 1024 * 1024, maxInflatedBytes: 32 * 1024 * 1024, maxArchiveEntries: 1000 }

async function wordFile (children: Array<Paragraph | Table>): Promise<Buffer> {
  return await Packer.toBuffer(new Document({ sections: [{ children }] }))
}

function text (data: Buffer, limits: ReadLimits = LIMITS): string {
  const result = readDocx(data, limits)
  if (!result.ok) throw new Error(`not read: ${result.reason}`)
  return result.text
}

const cell = (...lines: string[]) => new TableCell({ children: lines.map((line) => new Paragraph(line)) })

t.test('soft line breaks (Shift+Enter) are newlines and tabs are tabs: no glued words (Word file made by `docx`)', async (t) => {
  const data = await wordFile([
    new Paragraph({ children: [new TextRun('Senior Engineer, Data Infrastructure'), new TextRun({ text: 'Amsterdam, Netherlands', break: 1 }), new TextRun({ text: 'March 2021 – Present', break: 1 })] }),
    new Paragraph({ children: [new TextRun({ children: ['Skills:', new Tab(), 'Kafka, Spark'] })] })
  ])
  t.equal(text(data), 'Senior Engineer, Data Infrastructure\nAmsterdam, Netherlands\nMarch 2021 – Present\n\nSkills:\tKafka, Spark\n\n')
})

t.test('tables in reading order: one-line cells side by side, multi-line cells (two-column layouts) one after the other', async (t) => {
  const data = await wordFile([
    new Paragraph('Languages'),
    new Table({ rows: [new TableRow({ children: [cell('English'), cell('native')] }), new TableRow({ children: [cell('German'), cell('B2')] })] }),
    new Table({
      rows: [new TableRow({
        children: [
          cell('Jane Doe', 'jane@example.com', 'SKILLS', 'Python, SQL'),
          cell('EXPERIENCE', 'Data Engineer, Acme', '2019 – 2023')
        ]
      })]
    })
  ])
  t.equal(text(data), 'Languages\n\nEnglish | native\nGerman | B2\n\n' +
    'Jane Doe\njane@example.com\nSKILLS\nPython, SQL\n\nEXPERIENCE\nData Engineer, Acme\n2019 – 2023\n\n')
})

t.test('Word\'s own XML: symbols, entities, text boxes once, deleted text and field codes never, nested tables', async (t) => {
  const body = [
    '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> R&amp;D &lt;lead&gt; &#233;t&#xE9; &quot;x&quot; &apos;y&apos; &bogus;</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>co</w:t><w:noBreakHyphen/><w:t>op</w:t></w:r></w:p>',
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>In a box</w:t></w:r></w:p></w:txbxContent></mc:Choice>',
    '<mc:Fallback><w:txbxContent><w:p><w:r><w:t>In a box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    '<w:p><w:del><w:r><w:delText>removed</w:delText></w:r></w:del><w:r><w:instrText> HYPERLINK </w:instrText><w:t>kept</w:t></w:r></w:p>',
    '<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>inner b</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>',
    '<w:tc><w:p/></w:tc></w:tr></w:tbl>'
  ].join('')
  t.equal(text(docxWithBodyXml(body)), '\uf0b7 R&D <lead> été "x" \'y\' &bogus;\n\nco-op\n\nIn a box\n\n\n\nkept\n\ninner a | inner b\n\n')
})

t.test('text beyond MAX_EXTRACTED_TEXT_BYTES stops the reading', async (t) => {
  const data = docxWithInflatingBody(2 * 1024 * 1024)
  t.same(readDocx(data, { ...LIMITS, maxExtractedTextBytes: 64 * 1024 }), { ok: false, reason: 'text_too_large' })
  const breaks = docxWithBodyXml(`<w:p><w:r>${'<w:br/>'.repeat(2000)}</w:r></w:p>`)
  t.same(readDocx(breaks, { ...LIMITS, maxExtractedTextBytes: 1024 }), { ok: false, reason: 'text_too_large' }, 'line breaks count')
  const tabs = docxWithBodyXml(`<w:p><w:r>${'<w:tab/>'.repeat(2000)}</w:r></w:p>`)
  t.same(readDocx(tabs, { ...LIMITS, maxExtractedTextBytes: 1024 }), { ok: false, reason: 'text_too_large' }, 'tabs count')
})

t.test('the central directory is checked before anything is inflated', async (t) => {
  const entries = Array.from({ length: 20 }, (_, i) => ({ name: `word/media/image${i}.png`, data: Buffer.from('x') }))
  t.same(readDocx(zipOf([...entries, { name: 'word/document.xml', data: Buffer.from('<w:p/>') }]), { ...LIMITS, maxArchiveEntries: 10 }), { ok: false, reason: 'too_large' }, 'entry count')
  t.same(readDocx(docxWithInflatingBody(40 * 1024 * 1024), LIMITS), { ok: false, reason: 'too_large' }, 'declared size')
  t.same(readDocx(docxWithInflatingBody(64 * 1024 * 1024, { declaredSize: 100 }), LIMITS), { ok: false, reason: 'too_large' }, 'a lying declared size')
  t.same(readDocx(zipOf([{ name: 'word/document.xml', data: Buffer.alloc(10), declaredSize: 0xffffffff }]), LIMITS), { ok: false, reason: 'too_large' }, 'ZIP64 sizes')
})

t.test('broken archives are corrupt, not crashes', async (t) => {
  const good = docxWithBodyXml('<w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p>')
  t.equal(text(good), 'Jane Doe\n\n')
  const corrupt = { ok: false, reason: 'corrupt' }
  t.same(readDocx(Buffer.from('PK\x03\x04 not really a zip'), LIMITS), corrupt, 'no end record')
  t.same(readDocx(good.subarray(0, good.length - 30), LIMITS), corrupt, 'end record cut off')
  const end = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const badDirectory = Buffer.from(good)
  badDirectory.writeUInt32LE(good.length - 10, end + 16)
  t.same(readDocx(badDirectory, LIMITS), corrupt, 'directory offset out of range')
  t.same(readDocx(zipOf([{ name: 'word/other.xml', data: Buffer.from('<w:p/>') }]), LIMITS), corrupt, 'no main part')
  const encrypted = Buffer.from(good)
  const directory = encrypted.readUInt32LE(end + 16)
  encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), directory + 1) + 8)
  t.same(readDocx(encrypted, LIMITS), corrupt, 'an encrypted entry')
})

t.test('entries: stored or deflated, and anything else refused', async (t) => {
  const xml = Buffer.from('<w:p><w:r><w:t>Stored</w:t></w:r></w:p>')
  t.equal(text(zipOf([{ name: 'word/document.xml', data: xml }])), 'Stored\n\n', 'stored (method 0)')
  const zip = zipOf([{ name: 'word/document.xml', data: xml }])
  const directory = readZipDirectory(zip, 10, 1000)
  if (!directory.ok) throw new Error('not read')
  const [entry] = directory.entries
  t.same(inflateEntry(zip, { ...entry!, uncompressedSize: 3 }), { ok: false, reason: 'corrupt' }, 'stored with the wrong size')
  t.same(inflateEntry(zip, { ...entry!, method: 12 }), { ok: false, reason: 'corrupt' }, 'bzip2 and other methods')
  t.same(inflateEntry(zip, { ...entry!, localHeaderOffset: 5 }), { ok: false, reason: 'corrupt' }, 'no local header there')
  t.same(inflateEntry(zip, { ...entry!, compressedSize: zip.length }), { ok: false, reason: 'corrupt' }, 'data past the end')
  const deflated = deflateRawSync(xml)
  const garbage = zipOf([{ name: 'word/document.xml', deflated: { raw: Buffer.from('\xff\xff\xff\xff garbage', 'latin1'), inflatedBytes: 50, adler: 0 } }])
  t.same(readDocx(garbage, LIMITS), { ok: false, reason: 'corrupt' }, 'deflate data that does not inflate')
  t.equal(text(zipOf([{ name: 'word/document.xml', deflated: { raw: deflated, inflatedBytes: xml.length, adler: 0 } }])), 'Stored\n\n', 'deflated (method 8)')
})
