import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, metricValue } from './helpers/app.ts'
import type { TapTest } from './helpers/app.ts'
import { DOCX_MIMETYPE, docxOf, docxWithInflatingBody, multipartBody, PDF_MIMETYPE, pdfWithInflatingContent, pdfWithPages } from './helpers/documents.ts'

/**
 * Each document bomb of issue 13, built here and uploaded to the real app: it is answered 422,
 * `/health` keeps answering while it is read, the process lives on (this file keeps running)
 * and its memory grows by less than one worker's heap limit (generous: 256 MiB).
 */
const MIB = 1024 * 1024
const MAX_RSS_GROWTH = 256 * MIB
const TOO_COMPLEX = 'The document is too large or too complex to read; send a smaller PDF or DOCX, or a text version'

interface Watched {
  statusCode: number
  message: string
  /** /health answers (200) received before the upload was answered. */
  healthBefore: number
  peakRssGrowth: number
}

async function upload (app: FastifyInstance, data: Buffer, filename: string, mimetype: string) {
  const { payload, headers } = await multipartBody({ file: { data, filename, mimetype } })
  return await app.inject({ method: 'POST', url: '/api/parse-cv', payload, headers })
}

/** Uploads `data` and, until it is answered, keeps asking /health and sampling the RSS. */
async function uploadWhileWatching (app: FastifyInstance, data: Buffer, filename: string, mimetype: string): Promise<Watched> {
  const baseline = process.memoryUsage.rss()
  let peak = baseline
  let settled = false
  let healthBefore = 0
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 10)
  const answer = upload(app, data, filename, mimetype).finally(() => { settled = true })
  const health = (async () => {
    while (!settled) {
      const response = await app.inject({ method: 'GET', url: '/health' })
      if (!settled && response.statusCode === 200) healthBefore++
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  const response = await answer
  await health
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage.rss())
  return { statusCode: response.statusCode, message: response.json().message, healthBefore, peakRssGrowth: peak - baseline }
}

/** An app whose workers have read one document already (PDF.js loaded): the baseline RSS includes them. */
async function warmApp (t: TapTest, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const { app } = await buildTestApp(t, env)
  const cv = await docxOf(['Jane Doe', 'Senior Backend Engineer at Acme since 2019, TypeScript and PostgreSQL'])
  t.equal((await upload(app, cv, 'cv.docx', DOCX_MIMETYPE)).statusCode, 200, 'a normal upload first')
  return app
}

async function assertStillServes (t: TapTest, app: FastifyInstance): Promise<void> {
  const cv = await docxOf(['Jane Doe', 'Senior Backend Engineer at Acme since 2019, TypeScript and PostgreSQL'])
  const response = await upload(app, cv, 'cv.docx', DOCX_MIMETYPE)
  t.equal(response.statusCode, 200, 'the next upload is read (a worker is there to read it)')
}

interface BombCase {
  name: string
  build (): Buffer
  format: 'pdf' | 'docx'
  /** Its size on the wire is below this. */
  maxBytes: number
  message: string
  reason: string
  env?: Record<string, string>
  /** Slow enough for /health to be asked while it is read (the others are refused before parsing). */
  slow?: boolean
}

/** Caps raised so that only the time budget or the heap limit can stop the last two. */
const LARGE_CAPS = { MAX_DOCUMENT_INFLATED_BYTES: String(128 * MIB), MAX_EXTRACTED_TEXT_BYTES: String(100 * MIB), MAX_TEXT_BYTES: String(10 * MIB) }

const BOMBS: readonly BombCase[] = [
  { name: 'a PDF whose content stream inflates to ~1 GB', build: () => pdfWithInflatingContent(1024 * MIB), format: 'pdf', maxBytes: 2 * MIB, message: TOO_COMPLEX, reason: 'too_large' },
  { name: 'a PDF with 50,000 pages', build: () => pdfWithPages(50_000), format: 'pdf', maxBytes: 5 * MIB, message: 'The PDF has more than 50 pages; send a shorter CV or a text version', reason: 'too_many_pages' },
  { name: 'a DOCX whose document.xml inflates to 200 MB, as its ZIP directory declares', build: () => docxWithInflatingBody(200 * MIB), format: 'docx', maxBytes: MIB, message: TOO_COMPLEX, reason: 'too_large' },
  { name: 'a DOCX whose ZIP directory lies: declares 1 KB, inflates to 1 GB', build: () => docxWithInflatingBody(1024 * MIB, { declaredSize: 1024 }), format: 'docx', maxBytes: 5 * MIB, message: TOO_COMPLEX, reason: 'too_large' },
  {
    // 60 MB of empty runs: no text, 11 million tags, over ten seconds of walking on this machine.
    name: 'a DOCX that takes long to read: the worker is terminated at the time budget',
    build: () => docxWithInflatingBody(60 * MIB, { paragraph: '<w:r></w:r>' }),
    format: 'docx',
    maxBytes: MIB,
    message: TOO_COMPLEX,
    reason: 'timeout',
    env: { ...LARGE_CAPS, DOCUMENT_TASK_TIMEOUT_MS: '1000' },
    slow: true
  },
  {
    // 30 MB of XML holding 14 million characters of text: more than a 64 MiB heap can hold.
    name: 'a DOCX that needs more heap than a worker has: the worker dies, the process does not',
    build: () => docxWithInflatingBody(30 * MIB),
    format: 'docx',
    maxBytes: MIB,
    message: TOO_COMPLEX,
    reason: 'out_of_memory',
    env: { ...LARGE_CAPS, DOCUMENT_WORKER_HEAP_MB: '64', DOCUMENT_TASK_TIMEOUT_MS: '120000' },
    slow: true
  }
]

for (const bomb of BOMBS) {
  t.test(bomb.name, async (t) => {
    const app = await warmApp(t, bomb.env)
    const data = bomb.build()
    t.ok(data.length < bomb.maxBytes, `${data.length} bytes on the wire`)
    const watched = await uploadWhileWatching(app, data, `cv.${bomb.format}`, bomb.format === 'pdf' ? PDF_MIMETYPE : DOCX_MIMETYPE)
    t.match(watched, { statusCode: 422, message: bomb.message })
    t.equal(await metricValue(app, 'documents_refused_total', { format: bomb.format, reason: bomb.reason }), 1, `refused for ${bomb.reason}`)
    if (bomb.slow === true) t.ok(watched.healthBefore >= 1, `/health answered ${watched.healthBefore} times while the document was read`)
    t.ok(watched.peakRssGrowth <= MAX_RSS_GROWTH, `RSS grew by ${(watched.peakRssGrowth / MIB).toFixed(0)} MiB`)
    await assertStillServes(t, app)
  })
}
