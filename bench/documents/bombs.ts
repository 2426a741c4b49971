/**
 * Issue 13's document bombs against the real service (a child process on loopback): for each,
 * the status, the time to the answer, the service's peak RSS while it was read (sampled from
 * /proc every 10 ms) and /health's worst latency meanwhile (asked back to back). A normal CV
 * upload is the control. Run: `npm run bench -- --only documents`.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { DOCX_MIMETYPE, docxWithInflatingBody, multipartBody, PDF_MIMETYPE, pdfOf, pdfWithInflatingContent, pdfWithPages } from '../../test/helpers/documents.ts'
import { ms, table } from '../lib/report.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { startService } from '../lib/service.ts'
import type { ServiceHandle } from '../lib/service.ts'

const MIB = 1024 * 1024
/** Issue 13's bound on a bomb's memory. */
const MAX_RSS_GROWTH_MIB = 256
/** Issue 13: "answered 413/422 within a few seconds". */
const MAX_ANSWER_SECONDS = 15

interface Bomb {
  name: string
  build (): Promise<Buffer> | Buffer
  filename: string
  mimetype: string
  /** Which service runs it: the defaults, or raised caps so that only the time or heap budget can stop it. */
  service: 'defaults' | 'raised-caps'
  /** What the issue measured before this change. */
  before: string
}

const BOMBS: readonly Bomb[] = [
  { name: 'control: a 2-page CV (PDF)', build: () => pdfOf([['Jane Doe', 'Senior Backend Engineer'], ['Skills: TypeScript, PostgreSQL']]), filename: 'cv.pdf', mimetype: PDF_MIMETYPE, service: 'defaults', before: '200' },
  { name: 'PDF, content stream inflating to 1 GiB', build: () => pdfWithInflatingContent(1024 * MIB), filename: 'cv.pdf', mimetype: PDF_MIMETYPE, service: 'defaults', before: 'no answer; RSS 6.4 GiB; /health blocked > 60 s' },
  { name: 'PDF, 50,000 pages', build: () => pdfWithPages(50_000), filename: 'cv.pdf', mimetype: PDF_MIMETYPE, service: 'defaults', before: 'connection reset; RSS 4 GiB; /health blocked 60 s' },
  { name: 'DOCX, document.xml declared and inflating to 200 MiB', build: () => docxWithInflatingBody(200 * MIB), filename: 'cv.docx', mimetype: DOCX_MIMETYPE, service: 'defaults', before: 'process killed (heap out of memory) from a 154 KB upload' },
  { name: 'DOCX, declares 1 KiB, inflates to 1 GiB', build: () => docxWithInflatingBody(1024 * MIB, { declaredSize: 1024 }), filename: 'cv.docx', mimetype: DOCX_MIMETYPE, service: 'defaults', before: 'process killed (heap out of memory)' },
  { name: 'DOCX, 60 MiB of empty runs (slow to walk)', build: () => docxWithInflatingBody(60 * MIB, { paragraph: '<w:r></w:r>' }), filename: 'cv.docx', mimetype: DOCX_MIMETYPE, service: 'raised-caps', before: 'event loop frozen 23-45 s (31-92 KB DOCX)' },
  { name: 'DOCX, 30 MiB holding 14 M characters of text', build: () => docxWithInflatingBody(30 * MIB), filename: 'cv.docx', mimetype: DOCX_MIMETYPE, service: 'raised-caps', before: 'event loop frozen, 3.6 GB allocated' }
]

/** Caps raised so that the time budget (10 s) or the worker's heap (256 MiB) has to stop the document. */
const RAISED_CAPS = { MAX_DOCUMENT_INFLATED_BYTES: String(128 * MIB), MAX_EXTRACTED_TEXT_BYTES: String(100 * MIB), MAX_TEXT_BYTES: String(10 * MIB) }

interface Measured {
  status: number
  seconds: number
  baselineRssMib: number
  peakRssMib: number
  healthWorstMs: number
  healthAnswers: number
  alive: boolean
}

function rssMib (pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0) / 1024
}

async function measure (service: ServiceHandle, bomb: Bomb): Promise<Measured> {
  const { payload, headers } = await multipartBody({ file: { data: await bomb.build(), filename: bomb.filename, mimetype: bomb.mimetype } })
  await sleep(500)
  const baselineRssMib = rssMib(service.pid)
  let peakRssMib = baselineRssMib
  const sampler = setInterval(() => { peakRssMib = Math.max(peakRssMib, rssMib(service.pid)) }, 10)
  let settled = false
  let healthWorstMs = 0
  let healthAnswers = 0
  const started = performance.now()
  const upload = fetch(`${service.url}/api/parse-cv`, { method: 'POST', body: new Uint8Array(payload), headers, signal: AbortSignal.timeout(120_000) })
    .then((response) => response.status, () => 0)
    .finally(() => { settled = true })
  const health = (async () => {
    while (!settled) {
      const asked = performance.now()
      const response = await fetch(`${service.url}/health`, { signal: AbortSignal.timeout(120_000) }).catch(() => undefined)
      healthWorstMs = Math.max(healthWorstMs, performance.now() - asked)
      if (response?.ok === true) healthAnswers++
    }
  })()
  const status = await upload
  const seconds = (performance.now() - started) / 1000
  await health
  clearInterval(sampler)
  const alive = (await fetch(`${service.url}/health`).then((response) => response.ok, () => false))
  return { status, seconds, baselineRssMib, peakRssMib, healthWorstMs, healthAnswers, alive }
}

export const documentBombsSection: Section = {
  id: 'documents',
  title: 'Document bombs: status, time, peak RSS and /health while each is read',
  async run () {
    const services = {
      defaults: await startService({ redisUrl: '', name: 'documents-defaults' }),
      'raised-caps': await startService({ redisUrl: '', name: 'documents-raised-caps', env: RAISED_CAPS })
    }
    // Workers start on the first upload: one normal upload each first, so that a bomb's figures are its own.
    for (const service of Object.values(services)) await measure(service, BOMBS[0]!)
    const rows: Array<Array<string | number>> = []
    const targets: TargetResult[] = []
    try {
      for (const bomb of BOMBS) {
        const result = await measure(services[bomb.service], bomb)
        const growth = result.peakRssMib - result.baselineRssMib
        console.log(`  ${bomb.name}: ${result.status} in ${result.seconds.toFixed(2)} s, RSS +${growth.toFixed(0)} MiB, /health worst ${result.healthWorstMs.toFixed(0)} ms`)
        rows.push([bomb.name, bomb.before, String(result.status), `${result.seconds.toFixed(2)} s`, `${result.peakRssMib.toFixed(0)} MiB (+${growth.toFixed(0)})`,
          `${ms(result.healthWorstMs)} (${result.healthAnswers} answers)`, result.alive ? 'yes' : '**no**'])
        if (bomb.name.startsWith('control')) continue
        targets.push({
          name: `${bomb.name}: refused, in time, within memory, /health answering`,
          target: `413/422 in <= ${MAX_ANSWER_SECONDS} s, RSS +<= ${MAX_RSS_GROWTH_MIB} MiB, alive`,
          measured: `${result.status} in ${result.seconds.toFixed(1)} s, +${growth.toFixed(0)} MiB, /health worst ${ms(result.healthWorstMs)}`,
          met: (result.status === 413 || result.status === 422) && result.seconds <= MAX_ANSWER_SECONDS && growth <= MAX_RSS_GROWTH_MIB && result.alive
        })
      }
    } finally {
      await services.defaults.stop()
      await services['raised-caps'].stop()
    }
    const markdown = [
      'Each document is built by the test helpers (`test/helpers/documents.ts`) and uploaded to a started service ' +
        '(`src/server.ts`, local provider, no Redis). Peak RSS is the service process\'s (workers included), sampled every 10 ms ' +
        'from `/proc`; /health is asked back to back while the upload is read. The last two run with raised caps ' +
        `(\`${Object.entries(RAISED_CAPS).map(([key, value]) => `${key}=${value}`).join(' ')}\`) so that the 10 s time budget ` +
        'or the 256 MiB worker heap has to stop them. "Before" is what issue 13 measured on the code without the worker pool ' +
        '(not re-run here: those uploads take the machine\'s memory, shared with other runs). Each service reads one normal CV ' +
        'before the measurements, so that its workers have started (they start on the first upload).',
      '',
      table(['document', 'before (issue 13)', 'status', 'answered in', 'peak RSS (growth)', '/health worst latency', 'alive after'], rows)
    ].join('\n')
    return { markdown, targets }
  }
}
