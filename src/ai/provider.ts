import type { Industry, ParsedCv, ParsedJob, RoleCategory } from './schemas.ts'
import type { Usage } from './telemetry.ts'

/**
 * Per call, from the resilience layer (src/ai/resilience/): `signal` aborts the call at the hard
 * timeout (the SDK's own timeout and retries included); `onUsage` receives the tokens each
 * successful request billed, to be stored with the cached answer. Providers that make no
 * network call (the local one) may ignore both.
 */
export interface CallOptions {
  signal?: AbortSignal | undefined
  onUsage?: ((usage: Usage) => void) | undefined
}

/**
 * What the service asks of an AI backend. Two implementations: `OpenAiProvider` (any
 * OpenAI-compatible API) and `LocalProvider` (heuristics, offline). Callers never see which one
 * answers, except through `id`, which is part of every cache key so the two never share entries.
 *
 * Methods reject with an `AiProviderError` (src/ai/errors.ts) when the backend fails; they never
 * cache anything themselves: caching is the AI service's job (src/ai/ai-service.ts).
 */
export interface AiProvider {
  /** Stable identity of the answers, e.g. `local:v1` or `openai:gpt-4o-mini`. */
  readonly id: string
  readonly embeddingModel: string
  readonly embeddingDimensions: number
  /** How many texts one `embed` call may carry; the service splits larger batches. */
  readonly maxEmbeddingBatch: number

  parseJobDescription (text: string, options?: CallOptions): Promise<ParsedJob>
  parseCv (text: string, options?: CallOptions): Promise<ParsedCv>
  extractIndustries (text: string, options?: CallOptions): Promise<Industry[]>
  classifyRoleCategory (title: string, text: string, options?: CallOptions): Promise<RoleCategory>
  /** One vector per text, in order, each L2-normalized, `embeddingDimensions` long. */
  embed (texts: readonly string[], options?: CallOptions): Promise<Float32Array[]>
}

export type AiOperation = 'parse_job' | 'parse_cv' | 'extract_industries' | 'classify_role' | 'embed'
