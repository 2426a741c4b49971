import { canonicalWords } from '../../taxonomy/skill-extractor.ts'
import type { EmbedderState, LocalEmbedder } from './local-embedder.ts'
import { ModelWorker } from './model-worker.ts'
import { MODEL_DIMENSIONS, SEMANTIC_MODEL_ID } from './semantic-model.ts'

export interface SemanticEmbedderOptions {
  /** Output length: the model's 512 numbers, zero-padded (padding keeps every cosine). */
  dimensions: number
  /** Model threads; each holds its own copy of the model (~180 MB). */
  threads: number
  timeoutMs: number
  maxHeapMb: number
}

/** Texts per message to a thread: a large batch is spread over the threads, in order. */
const CHUNK_SIZE = 64

/** The worker script next to this module, `.ts` when run from source and `.js` once compiled. */
const WORKER_SCRIPT = new URL(`./semantic-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)

/**
 * Embeddings that know meaning (`registered nurse ICU` is close to `critical care nursing`), from
 * a sentence encoder running in worker threads: the event loop never runs the model. The model
 * loads in the background from the moment the embedder exists: nothing waits for it but the
 * requests that need a vector, each bounded by `timeoutMs`; `state()` says when it is ready.
 *
 * The skills taxonomy still decides identity: each text is written with canonical skill names
 * first (`k8s` becomes `kubernetes`), so two spellings of one skill embed identically; the
 * model only decides how related different things are.
 */
export class SemanticEmbedder implements LocalEmbedder {
  readonly id = SEMANTIC_MODEL_ID
  private readonly dimensions: number
  private readonly workers: ModelWorker[]

  constructor (options: SemanticEmbedderOptions) {
    if (options.dimensions < MODEL_DIMENSIONS) throw new RangeError(`the semantic embedder needs at least ${MODEL_DIMENSIONS} dimensions, got ${options.dimensions}`)
    this.dimensions = options.dimensions
    this.workers = Array.from({ length: options.threads }, () => new ModelWorker({
      script: WORKER_SCRIPT,
      timeoutMs: options.timeoutMs,
      maxHeapMb: options.maxHeapMb
    }))
  }

  async embed (texts: readonly string[]): Promise<Float32Array[]> {
    const prepared = texts.map((text) => canonicalWords(text).join(' '))
    // A text without words has no meaning to encode (and the model drops empty inputs): it
    // embeds as the unit vector on dimension 0, as with the lexical embedder.
    const toModel = prepared.filter((text) => text !== '')
    const chunks: string[][] = []
    for (let start = 0; start < toModel.length; start += CHUNK_SIZE) chunks.push(toModel.slice(start, start + CHUNK_SIZE))
    const outputs = await Promise.all(chunks.map((chunk) => this.leastLoaded().run(chunk)))
    let next = 0
    return prepared.map((text) => {
      const vector = new Float32Array(this.dimensions)
      if (text === '') {
        vector[0] = 1
        return vector
      }
      const chunk = outputs[Math.floor(next / CHUNK_SIZE)] as Float32Array
      const offset = (next % CHUNK_SIZE) * MODEL_DIMENSIONS
      next++
      vector.set(chunk.subarray(offset, offset + MODEL_DIMENSIONS))
      return normalized(vector)
    })
  }

  /** Ready as soon as one thread is; failed only when every thread failed to load the model. */
  state (): EmbedderState {
    const states = this.workers.map((worker) => worker.state())
    if (states.includes('ready')) return 'ready'
    return states.every((state) => state === 'failed') ? 'failed' : 'loading'
  }

  async close (): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()))
  }

  private leastLoaded (): ModelWorker {
    const usable = this.workers.filter((worker) => worker.state() !== 'failed')
    const candidates = usable.length > 0 ? usable : this.workers
    return candidates.reduce((best, worker) => worker.load() < best.load() ? worker : best)
  }
}

/** The model's vectors are unit length to ~1e-7; exact normalization keeps cosine = dot product. */
function normalized (vector: Float32Array): Float32Array {
  let sum = 0
  for (const value of vector) sum += value * value
  const norm = Math.sqrt(sum)
  if (norm === 0) {
    vector[0] = 1
    return vector
  }
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm
  return vector
}
