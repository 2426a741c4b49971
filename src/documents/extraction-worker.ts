import { readDocx } from './docx-text.ts'
import { readPdf } from './pdf-text.ts'
import type { DocumentFormat, ReadLimits, ReadResult } from './read-result.ts'

export interface ExtractionTask {
  format: DocumentFormat
  data: Uint8Array
  limits: ReadLimits
}

/** The worker thread's entry point: piscina calls the default export once per document. */
export default async function extract (task: ExtractionTask): Promise<ReadResult> {
  const data = Buffer.from(task.data.buffer, task.data.byteOffset, task.data.byteLength)
  return task.format === 'pdf' ? await readPdf(data, task.limits) : readDocx(data, task.limits)
}
