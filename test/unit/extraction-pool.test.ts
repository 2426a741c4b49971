import t from 'tap'
import { parseConfig } from '../../src/config.ts'
import { ExtractionPool } from '../../src/documents/extraction-pool.ts'
import { docxOf, docxWithInflatingBody } from '../helpers/documents.ts'

const MIB = 1024 * 1024
/** Within every cap, but over ten seconds of walking: only the time budget stops it. */
const slowDocx = () => docxWithInflatingBody(60 * MIB, { paragraph: '<w:r></w:r>' })

function onePool (overrides: { taskTimeoutMs?: number } = {}): ExtractionPool {
  const documents = { ...parseConfig({}).documents, workers: 1, maxInflatedBytes: 128 * MIB, ...overrides }
  return new ExtractionPool(documents, (error) => { throw error })
}

t.test('one worker: documents wait their turn, and the time budget starts when the worker starts on them', async (t) => {
  const pool = onePool({ taskTimeoutMs: 1500 })
  t.teardown(() => pool.close())
  const cv = await docxOf(['Jane Doe', 'Senior Backend Engineer'])
  const order: string[] = []
  const slow = pool.read('docx', slowDocx()).then((result) => { order.push('slow'); return result })
  // Queued behind a document that uses its whole budget: it waits longer than the budget itself.
  const next = pool.read('docx', cv).then((result) => { order.push('next'); return result })
  t.same(await slow, { ok: false, reason: 'timeout' })
  t.match(await next, { ok: true, text: /Senior Backend Engineer/ }, 'read by the replacement worker, not timed out for its wait')
  t.same(order, ['slow', 'next'], 'first in, first out')
})

t.test('close(): the document being read and the ones waiting are answered 503, and so is any later one', async (t) => {
  const pool = onePool({ taskTimeoutMs: 300_000 })
  const cv = await docxOf(['Jane Doe'])
  const reading = pool.read('docx', slowDocx()).catch((error: unknown) => error)
  const waiting = pool.read('docx', cv).catch((error: unknown) => error)
  await new Promise((resolve) => setTimeout(resolve, 200))
  await pool.close()
  const busy = { statusCode: 503, message: 'The service is shutting down; retry the upload', retryAfterSeconds: 1 }
  t.match(await reading, busy, 'the worker was terminated')
  t.match(await waiting, busy, 'the waiting one was refused')
  t.match(await pool.read('docx', cv).catch((error: unknown) => error), busy, 'after close')
})
