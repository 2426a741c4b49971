import { Worker } from 'node:worker_threads'
import { AiProviderError } from '../../errors.ts'
import type { EmbedderState } from './local-embedder.ts'

export interface ModelWorkerOptions {
  /** The worker script. */
  script: URL
  /** Bound on one request, waiting for the model to load included. */
  timeoutMs: number
  /** V8 old-generation cap of the thread: a runaway model cannot take the process down. */
  maxHeapMb: number
}

interface Pending {
  resolve (vectors: Float32Array): void
  reject (error: Error): void
  timer: NodeJS.Timeout
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'failed', message: string }
  | { id: number, vectors: Float32Array }
  | { id: number, error: string }

/**
 * One model thread and the requests in flight on it. Every request is bounded by `timeoutMs`; a
 * thread that overruns it is assumed stuck, terminated and started again, and so is one that
 * dies. A model that fails to load stays `failed`: loading it again would fail the same way.
 */
export class ModelWorker {
  private readonly options: ModelWorkerOptions
  private worker!: Worker
  private status: EmbedderState = 'loading'
  private readonly pending = new Map<number, Pending>()
  private readonly waitingForModel = new Set<() => void>()
  private nextId = 0
  private closing = false

  constructor (options: ModelWorkerOptions) {
    this.options = options
    this.start()
  }

  state (): EmbedderState {
    return this.status
  }

  /** Requests sent or waiting for the model: where to send the next one. */
  load (): number {
    return this.pending.size
  }

  /** The model's output for `texts`: one flat array, `texts.length` vectors end to end. */
  run (texts: readonly string[]): Promise<Float32Array> {
    if (this.status === 'failed' || this.closing) return Promise.reject(modelUnavailable())
    const id = this.nextId++
    return new Promise<Float32Array>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(id), this.options.timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      this.whenLoaded(() => this.worker.postMessage({ id, texts }))
    })
  }

  async close (): Promise<void> {
    this.closing = true
    this.failAll(modelUnavailable())
    await this.worker.terminate()
  }

  private start (): void {
    this.status = 'loading'
    this.worker = new Worker(this.options.script, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } })
    const worker = this.worker
    worker.on('message', (message: WorkerMessage) => this.onMessage(message))
    worker.on('error', () => {}) // the 'exit' that follows restarts it; the error text may quote input
    worker.on('exit', () => {
      if (this.closing || worker !== this.worker || this.status === 'failed') return
      this.failAll(new AiProviderError('unavailable', 'The local embedding model stopped; it is being restarted. Retry shortly.'))
      this.start()
    })
  }

  private onMessage (message: WorkerMessage): void {
    if ('type' in message) {
      this.status = message.type === 'ready' ? 'ready' : 'failed'
      if (this.status === 'failed') this.failAll(modelUnavailable())
      const waiting = [...this.waitingForModel]
      this.waitingForModel.clear()
      if (this.status === 'ready') waiting.forEach((send) => send())
      return
    }
    const pending = this.pending.get(message.id)
    if (pending === undefined) return
    this.pending.delete(message.id)
    clearTimeout(pending.timer)
    if ('vectors' in message) pending.resolve(message.vectors)
    else pending.reject(new AiProviderError('bad_response', 'The local embedding model could not embed these texts.'))
  }

  private whenLoaded (send: () => void): void {
    if (this.status === 'ready') send()
    else this.waitingForModel.add(send)
  }

  private timedOut (id: number): void {
    const pending = this.pending.get(id)
    if (pending === undefined) return
    this.pending.delete(id)
    pending.reject(new AiProviderError('timeout', `The local embedding model did not answer within ${this.options.timeoutMs} ms (LOCAL_EMBEDDER_TIMEOUT_MS). Retry shortly.`))
    if (this.status === 'ready') this.restart()
  }

  /** A thread that overran a request may be stuck: replace it, failing what it still holds. */
  private restart (): void {
    const stuck = this.worker
    this.failAll(new AiProviderError('unavailable', 'The local embedding model was restarted. Retry shortly.'))
    this.start()
    void stuck.terminate()
  }

  private failAll (error: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer)
      pending.reject(error)
      this.pending.delete(id)
    }
    this.waitingForModel.clear()
  }
}

function modelUnavailable (): AiProviderError {
  return new AiProviderError('unavailable', 'The local embedding model could not be loaded. The operator can set LOCAL_EMBEDDER=lexical.')
}
