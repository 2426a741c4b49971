import type { AiOperation, AiProvider } from '../provider.ts'
import type { Industry, ParsedCv, ParsedJob, RoleCategory } from '../schemas.ts'
import { traceAiCall } from '../telemetry.ts'
import type { AiObserver } from '../telemetry.ts'
import { parseCvText } from './cv-parser.ts'
import { detectIndustries } from './industries.ts'
import { parseJobText } from './jd-parser.ts'
import type { EmbedderState, LocalEmbedder } from './embedders/local-embedder.ts'
import { detectRoleCategory } from './role-category.ts'

/** Bump when a parser or taxonomy changes what they return: it is in every cache key. */
const HEURISTICS_MODEL = 'jobfit-heuristics-v2'

export interface LocalProviderOptions {
  /** Lexical or semantic (src/ai/local/embedders/); its id keys the vectors. */
  embedder: LocalEmbedder
  embeddingDimensions: number
  maxEmbeddingBatch: number
  observer?: AiObserver | undefined
}

/**
 * The offline provider: rule-based parsers, keyword taxonomies and a local embedder (a sentence
 * encoder in worker threads, or the lexical one), no network. Its calls are traced and counted like remote ones, so dashboards and the
 * "provider calls per request" figures mean the same thing whichever provider runs.
 */
export class LocalProvider implements AiProvider {
  readonly id = `local:${HEURISTICS_MODEL}`
  readonly embeddingModel: string
  readonly embeddingDimensions: number
  readonly maxEmbeddingBatch: number
  private readonly observer: AiObserver | undefined
  private readonly embedder: LocalEmbedder

  constructor (options: LocalProviderOptions) {
    this.embedder = options.embedder
    this.embeddingModel = options.embedder.id
    this.embeddingDimensions = options.embeddingDimensions
    this.maxEmbeddingBatch = options.maxEmbeddingBatch
    this.observer = options.observer
  }

  parseJobDescription (text: string): Promise<ParsedJob> {
    return this.run('parse_job', () => parseJobText(text))
  }

  parseCv (text: string): Promise<ParsedCv> {
    return this.run('parse_cv', () => parseCvText(text))
  }

  extractIndustries (text: string): Promise<Industry[]> {
    return this.run('extract_industries', () => detectIndustries(text))
  }

  classifyRoleCategory (title: string, text: string): Promise<RoleCategory> {
    return this.run('classify_role', () => detectRoleCategory(title, text))
  }

  embed (texts: readonly string[]): Promise<Float32Array[]> {
    return traceAiCall(
      { provider: 'local', operation: 'embed', model: this.embeddingModel, batchSize: texts.length },
      this.observer,
      async () => ({ value: await this.embedder.embed(texts) })
    )
  }

  readiness (): EmbedderState {
    return this.embedder.state()
  }

  close (): Promise<void> {
    return this.embedder.close()
  }

  private run<T> (operation: AiOperation, work: () => T): Promise<T> {
    return traceAiCall({ provider: 'local', operation, model: HEURISTICS_MODEL }, this.observer, async () => ({ value: work() }))
  }
}
