import type { MessagePort } from 'node:worker_threads'
import { getResolvedPDFJS } from 'unpdf'
import { readDocx } from './docx-text.ts'
import { readPdf } from './pdf-text.ts'
import type { DocumentFormat, ReadLimits, ReadResult } from './read-result.ts'

export interface ExtractionTask {
  format: DocumentFormat
  data: Uint8Array
  limits: ReadLimits
  /** Told as the worker starts on the document: its time budget starts then. */
  started: MessagePort
}

// Loaded as the worker starts (piscina imports this file then), not within a document's time budget.
await getResolvedPDFJS()

/** The worker thread's entry point: piscina calls the default export once per document. */
export default async function extract (task: ExtractionTask): Promise<ReadResult> {
  task.started.postMessage(null)
  task.started.close()
  const data = Buffer.from(task.data.buffer, task.data.byteOffset, task.data.byteLength)
  return task.format === 'pdf' ? await readPdf(data, task.limits) : readDocx(data, task.limits)
}
