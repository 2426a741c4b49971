import { readFileSync } from 'node:fs'
import t from 'tap'
import { buildTestApp } from './helpers/app.ts'
import { DOCX_MIMETYPE, multipartBody, PDF_MIMETYPE } from './helpers/documents.ts'
import { SAMPLE_DOCUMENT_SOURCE } from './fixtures/documents/generate.ts'
import { sampleText } from './fixtures/texts/index.ts'

// The README's "try an upload" commands send these committed files: they must parse, and to what
// the text they were generated from parses to.
const DOCUMENTS = [
  { file: `${SAMPLE_DOCUMENT_SOURCE}.pdf`, mimetype: PDF_MIMETYPE },
  { file: `${SAMPLE_DOCUMENT_SOURCE}.docx`, mimetype: DOCX_MIMETYPE }
]

t.test('the sample PDF and DOCX CVs parse to what their text parses to', async (t) => {
  const { app } = await buildTestApp(t)
  const fromText = (await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: sampleText(SAMPLE_DOCUMENT_SOURCE) } })).json()
  t.equal(fromText.name, 'Daniel Okafor', 'the text fixture is the one the documents hold')
  for (const { file, mimetype } of DOCUMENTS) {
    const data = readFileSync(new URL(`fixtures/documents/${file}`, import.meta.url))
    const { payload, headers } = await multipartBody({ file: { data, filename: file, mimetype } })
    const response = await app.inject({ method: 'POST', url: '/api/parse-cv', payload, headers })
    t.equal(response.statusCode, 200, `${file}: 200`)
    const parsed = response.json()
    t.same({ name: parsed.name, contact: parsed.contact, headline: parsed.headline }, { name: fromText.name, contact: fromText.contact, headline: fromText.headline }, `${file}: name and contact`)
    t.same(parsed.skills, fromText.skills, `${file}: skills`)
    t.same(parsed.experience.map((job: { title: string }) => job.title), fromText.experience.map((job: { title: string }) => job.title), `${file}: experience`)
    t.equal(parsed.total_years_experience, fromText.total_years_experience, `${file}: total years`)
  }
})
