import type { AiOperation, AiProvider } from '../provider.ts'
import type { Industry, ParsedCv, ParsedJob, RoleCategory } from '../schemas.ts'
import { traceAiCall } from '../telemetry.ts'
import type { AiObserver } from '../telemetry.ts'
import { parseCvText } from './cv-parser.ts'
import { detectIndustries } from './industries.ts'
import { parseJobText } from './jd-parser.ts'
import { embedLexically } from './lexical-embedder.ts'
import { detectRoleCategory } from './role-category.ts'

/** Bump when a parser, taxonomy or the embedder changes what they return: it is in every cache key. */
const HEURISTICS_MODEL = 'jobfit-heuristics-v2'
const EMBEDDING_MODEL = 'jobfit-lexical-v1'

export interface LocalProviderOptions {
  embeddingDimensions: number
  maxEmbeddingBatch: number
  observer?: AiObserver | undefined
}

/**
 * The offline provider: rule-based parsers, keyword taxonomies and a lexical embedder, all in
 * process. Its calls are traced and counted like remote ones, so dashboards and the
 * "provider calls per request" figures mean the same thing whichever provider runs.
 */
export class LocalProvider implements AiProvider {
  readonly id = `local:${HEURISTICS_MODEL}`
  readonly embeddingModel = EMBEDDING_MODEL
  readonly embeddingDimensions: number
  readonly maxEmbeddingBatch: number
  private readonly observer: AiObserver | undefined

  constructor (options: LocalProviderOptions) {
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
      { provider: 'local', operation: 'embed', model: EMBEDDING_MODEL, batchSize: texts.length },
      this.observer,
      async () => ({ value: texts.map((text) => embedLexically(text, this.embeddingDimensions)) })
    )
  }

  private run<T> (operation: AiOperation, work: () => T): Promise<T> {
    return traceAiCall({ provider: 'local', operation, model: HEURISTICS_MODEL }, this.observer, async () => ({ value: work() }))
  }
}
