import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomUUID } from 'node:crypto'
import { BroadcastChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import type { DocumentsConfig } from '../config.ts'
import type { ExtractionTask } from './extraction-worker.ts'
import { readFailure } from './read-result.ts'
import type { DocumentFormat, DocumentReader, ReadLimits, ReadResult } from './read-result.ts'
import { ServiceBusyError } from './service-busy-error.ts'

/** The worker entry point next to this file: `.ts` when run from source, `.js` once built. */
const WORKER_FILE = new URL(`./extraction-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href
/** The young generation is a small fixed share of a worker's heap; the old generation gets the configured limit. */
const YOUNG_GENERATION_MB = 16
/** How long a document may wait for its worker to start (a replacement loads PDF.js first). */
const WORKER_START_ALLOWANCE_MS = 10_000
const SHUTTING_DOWN = 'The service is shutting down; retry the upload'
const SHUTDOWN_RETRY_AFTER_SECONDS = 1

/**
 * Worker threads that read PDF and DOCX files off the event loop. Each document gets a worker
 * of its own for at most `taskTimeoutMs`; past it the worker is terminated (and replaced), and
 * a worker that reaches its heap limit dies without taking the process with it. Documents
 * wait for a free worker in FIFO order before their time starts, so a slow document makes
 * the next one wait, never fail. `close()` terminates the workers at once: shutdown never
 * waits for a document.
 */
export class ExtractionPool implements DocumentReader {
  readonly limits: ReadLimits
  private readonly pool: Piscina<ExtractionTask, ReadResult>
  private readonly taskTimeoutMs: number
  private free: number
  private readonly waiting: Array<{ resolve: () => void, reject: (error: Error) => void }> = []
  private closed = false
  /** Workers say here which document they start on (a channel, not a port: nothing to transfer). */
  private readonly startChannel = new BroadcastChannel(`jobfit-extraction-start-${randomUUID()}`)
  private readonly onStart = new Map<number, () => void>()
  private nextTaskId = 0

  /** `onWorkerError`: a worker that failed outside any document (it could not start, say); it is replaced. */
  constructor (config: DocumentsConfig, onWorkerError: (error: Error) => void) {
    this.limits = {
      maxPages: config.maxPages,
      maxExtractedTextBytes: config.maxExtractedTextBytes,
      maxInflatedBytes: config.maxInflatedBytes,
      maxArchiveEntries: config.maxArchiveEntries
    }
    this.taskTimeoutMs = config.taskTimeoutMs
    this.free = config.workers
    this.pool = new Piscina({
      filename: WORKER_FILE,
      // Started on the first upload, not at boot (where they would compete with it for the CPU),
      // and then kept: a worker's start-up (loading PDF.js) is paid once, not per burst.
      minThreads: 0,
      maxThreads: config.workers,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: config.workerHeapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
    })
    // Without a listener, the pool's 'error' event would be thrown: the process would die.
    this.pool.on('error', onWorkerError)
    this.startChannel.onmessage = (event) => { this.onStart.get((event as { data: number }).data)?.() }
    // The channel alone must not keep the process alive.
    this.startChannel.unref()
  }

  async read (format: DocumentFormat, data: Buffer): Promise<ReadResult> {
    await this.acquire()
    const abort = new AbortController()
    // The budget starts when a worker starts on the document, not while a replaced worker is
    // still loading PDF.js; the start allowance bounds that wait too.
    const id = this.nextTaskId++
    let deadline = setTimeout(() => abort.abort(), this.taskTimeoutMs + WORKER_START_ALLOWANCE_MS)
    this.onStart.set(id, () => {
      clearTimeout(deadline)
      deadline = setTimeout(() => abort.abort(), this.taskTimeoutMs)
    })
    try {
      const task: ExtractionTask = { format, data, limits: this.limits, id, startChannel: this.startChannel.name }
      return await this.pool.run(task, { signal: abort.signal })
    } catch (error) {
      if (this.closed) throw new ServiceBusyError(SHUTTING_DOWN, SHUTDOWN_RETRY_AFTER_SECONDS)
      if (error instanceof Error && error.name === 'AbortError') return readFailure('timeout')
      if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return readFailure('out_of_memory')
      throw error
    } finally {
      clearTimeout(deadline)
      this.onStart.delete(id)
      this.release()
    }
  }

  /** Terminates every worker now; documents being read or waiting are answered 503. */
  async close (): Promise<void> {
    this.closed = true
    this.startChannel.close()
    for (const waiter of this.waiting.splice(0)) waiter.reject(new ServiceBusyError(SHUTTING_DOWN, SHUTDOWN_RETRY_AFTER_SECONDS))
    await this.pool.destroy()
  }

  private async acquire (): Promise<void> {
    if (this.closed) throw new ServiceBusyError(SHUTTING_DOWN, SHUTDOWN_RETRY_AFTER_SECONDS)
    if (this.free > 0) {
      this.free--
      return
    }
    await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }))
  }

  private release (): void {
    const next = this.waiting.shift()
    if (next === undefined) this.free++
    else next.resolve()
  }
}
