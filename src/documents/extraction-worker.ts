import { BroadcastChannel } from 'node:worker_threads'
import { getResolvedPDFJS } from 'unpdf'
import { readDocx } from './docx-text.ts'
import { readPdf } from './pdf-text.ts'
import type { DocumentFormat, ReadLimits, ReadResult } from './read-result.ts'

export interface ExtractionTask {
  format: DocumentFormat
  data: Uint8Array
  limits: ReadLimits
  id: number
  /** The BroadcastChannel on which the worker posts `id` as it starts: the time budget starts then. */
  startChannel: string
}

const startChannels = new Map<string, BroadcastChannel>()

function announceStart (task: ExtractionTask): void {
  let channel = startChannels.get(task.startChannel)
  if (channel === undefined) {
    channel = new BroadcastChannel(task.startChannel)
    channel.unref()
    startChannels.set(task.startChannel, channel)
  }
  channel.postMessage(task.id)
}

// Loaded as the worker starts (piscina imports this file then), not within a document's time budget.
await getResolvedPDFJS()

/** The worker thread's entry point: piscina calls the default export once per document. */
export default async function extract (task: ExtractionTask): Promise<ReadResult> {
  announceStart(task)
  const data = Buffer.from(task.data.buffer, task.data.byteOffset, task.data.byteLength)
  return task.format === 'pdf' ? await readPdf(data, task.limits) : readDocx(data, task.limits)
}
