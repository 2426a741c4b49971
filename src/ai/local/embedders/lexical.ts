import { embedLexically } from '../lexical-embedder.ts'
import type { EmbedderState, LocalEmbedder } from './local-embedder.ts'

/** The smallest footprint: no model, no thread, nothing to load (LOCAL_EMBEDDER=lexical). */
export class LexicalEmbedder implements LocalEmbedder {
  readonly id = 'jobfit-lexical-v1'
  private readonly dimensions: number

  constructor (dimensions: number) {
    this.dimensions = dimensions
  }

  async embed (texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => embedLexically(text, this.dimensions))
  }

  state (): EmbedderState {
    return 'ready'
  }

  async close (): Promise<void> {}
}
