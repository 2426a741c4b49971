import t from 'tap'
import { sampleText } from './fixtures/texts/index.ts'
import { buildTestApp } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { DOCX_MIMETYPE, docxOf, multipartBody, PDF_MIMETYPE, pdfOf } from './helpers/documents.ts'

const FASTIFY_ERROR_KEYS = ['error', 'message', 'statusCode']

interface Case {
  name: string
  url: string
  payload: string | Buffer | Record<string, unknown>
  headers?: Record<string, string>
  status: number
  message?: RegExp
}

async function expectErrors (t: TapTest, cases: readonly Case[], env: Record<string, string> = {}): Promise<void> {
  const { app } = await buildTestApp(t, env)
  for (const { name, url, payload, headers, status, message } of cases) {
    const response = await app.inject({ method: 'POST', url, payload, ...(headers === undefined ? {} : { headers }) })
    t.equal(response.statusCode, status, `${name}: ${status}`)
    const body = response.json()
    t.same(Object.keys(body).sort(), FASTIFY_ERROR_KEYS, `${name}: Fastify's error shape`)
    t.equal(body.statusCode, status)
    if (message !== undefined) t.match(body.message, message, `${name}: says why`)
  }
}

t.test('JSON routes: blank, missing, mistyped or unknown fields are 400s that say why', async (t) => {
  await expectErrors(t, [
    { name: 'empty text', url: '/api/parse', payload: { text: '' }, status: 400, message: /text/ },
    { name: 'white space only', url: '/api/parse', payload: { text: ' \n\t ' }, status: 400, message: /empty or only white space/ },
    { name: 'no text field', url: '/api/parse', payload: {}, status: 400, message: /text/ },
    { name: 'text is a number', url: '/api/parse', payload: { text: 42 }, status: 400, message: /string/ },
    { name: 'unknown field', url: '/api/parse', payload: { text: 'a job', extra: true }, status: 400, message: /additional properties/ },
    { name: 'not JSON', url: '/api/parse', payload: '{"text": ', headers: { 'content-type': 'application/json' }, status: 400 },
    { name: 'CV white space', url: '/api/parse-cv', payload: { text: '   ' }, status: 400, message: /empty/ },
    { name: 'score without jd', url: '/api/calculate-score', payload: { cv: 'a cv' }, status: 400, message: /jd/ },
    { name: 'score with blank cv', url: '/api/calculate-score', payload: { cv: '  ', jd: 'a job' }, status: 400, message: /cv must not be empty/ },
    { name: 'score with a half object', url: '/api/calculate-score', payload: { cv: { name: 'x' }, jd: 'a job' }, status: 400 }
  ])
})

t.test('too much: text over MAX_TEXT_BYTES or a body over BODY_LIMIT_BYTES is a 413', async (t) => {
  const long = 'x'.repeat(2001)
  await expectErrors(t, [
    { name: 'JD text', url: '/api/parse', payload: { text: long }, status: 413, message: /2001 bytes.*limit is 2000/ },
    { name: 'CV text', url: '/api/parse-cv', payload: { text: long }, status: 413, message: /limit is 2000/ },
    { name: 'score cv', url: '/api/calculate-score', payload: { cv: long, jd: 'a job' }, status: 413, message: /cv is 2001 bytes/ },
    { name: 'multi-byte characters count as bytes', url: '/api/parse', payload: { text: 'é'.repeat(1001) }, status: 413 },
    { name: 'body', url: '/api/parse', payload: { text: 'y'.repeat(5000) }, status: 413 }
  ], { MAX_TEXT_BYTES: '2000', BODY_LIMIT_BYTES: '4096' })
})

t.test('wrong content type is a 415; multipart only on the upload route', async (t) => {
  const upload = await multipartBody({ file: { data: Buffer.from('Jane Doe'), filename: 'cv.txt', mimetype: 'text/plain' } })
  await expectErrors(t, [
    // The message names what the route accepts, and curl's way to send it.
    {
      name: 'text/plain',
      url: '/api/parse',
      payload: 'a job description',
      headers: { 'content-type': 'text/plain' },
      status: 415,
      message: /^Content-Type text\/plain is not accepted here: send application\/json\. With curl: -H 'Content-Type: application\/json'/
    },
    {
      name: "curl -d's default form type, on the upload route",
      url: '/api/parse-cv',
      payload: 'text=a+cv',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
      message: /^Content-Type application\/x-www-form-urlencoded is not accepted here: send application\/json or multipart\/form-data\..*-F file=@cv\.pdf/
    },
    {
      name: 'multipart to /api/parse',
      url: '/api/parse',
      payload: upload.payload,
      headers: upload.headers,
      status: 415,
      message: /^Content-Type multipart\/form-data is not accepted here: send application\/json\./
    }
  ])
})

t.test('uploads: PDF, DOCX and TXT are read; anything else is a 422 naming the problem', async (t) => {
  const { app } = await buildTestApp(t)
  const cvLines = ['Jane Doe', 'Senior Backend Engineer', 'jane.doe@example.com', 'Skills: TypeScript, PostgreSQL, Kubernetes']
  const files = [
    { data: await pdfOf([cvLines]), filename: 'jane.pdf', mimetype: PDF_MIMETYPE },
    { data: await docxOf(cvLines), filename: 'jane.docx', mimetype: DOCX_MIMETYPE },
    { data: Buffer.from(cvLines.join('\n')), filename: 'jane.txt', mimetype: 'text/plain' }
  ]
  for (const file of files) {
    const { payload, headers } = await multipartBody({ file })
    const response = await app.inject({ method: 'POST', url: '/api/parse-cv', payload, headers })
    t.equal(response.statusCode, 200, file.filename)
    t.match(response.json(), { name: 'Jane Doe', contact: { email: 'jane.doe@example.com' } }, `${file.filename}: parsed`)
    t.ok(response.json().skills.includes('kubernetes'), `${file.filename}: skills`)
  }

  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])
  const unreadable = [
    { file: { data: png, filename: 'photo.png', mimetype: 'image/png' }, message: /PNG/ },
    { file: { data: Buffer.from('%PDF-1.7\n garbage'), filename: 'broken.pdf', mimetype: PDF_MIMETYPE }, message: /PDF/ },
    { file: { data: await pdfOf([[]]), filename: 'scan.pdf', mimetype: PDF_MIMETYPE }, message: /no extractable text/ }
  ]
  for (const { file, message } of unreadable) {
    const { payload, headers } = await multipartBody({ file })
    const response = await app.inject({ method: 'POST', url: '/api/parse-cv', payload, headers })
    t.equal(response.statusCode, 422, file.filename)
    t.match(response.json(), { statusCode: 422, error: 'Unprocessable Entity', message }, `${file.filename}: says why`)
  }

  const noFile = await multipartBody({ note: 'no file here' })
  const response = await app.inject({ method: 'POST', url: '/api/parse-cv', ...noFile })
  t.equal(response.statusCode, 400)
  t.match(response.json().message, /file/)
})

t.test('uploads over MAX_UPLOAD_BYTES are a 413; extracted text over MAX_TEXT_BYTES too', async (t) => {
  const big = await multipartBody({ file: { data: Buffer.from('a'.repeat(3000)), filename: 'cv.txt', mimetype: 'text/plain' } })
  const wordy = await multipartBody({ file: { data: Buffer.from(sampleText('backend-engineer-cv').slice(0, 1500)), filename: 'cv.txt', mimetype: 'text/plain' } })
  await expectErrors(t, [
    { name: 'file over the upload limit', url: '/api/parse-cv', ...big, status: 413 },
    { name: 'text over the text limit', url: '/api/parse-cv', ...wordy, status: 413, message: /uploaded file is 1\d{3} bytes/i }
  ], { MAX_UPLOAD_BYTES: '2048', MAX_TEXT_BYTES: '1024' })
})
