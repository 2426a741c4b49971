import type { AiConfig } from '../config.ts'
import { LocalProvider } from './local/local-provider.ts'
import { OpenAiProvider } from './openai/openai-provider.ts'
import type { AiProvider } from './provider.ts'
import type { AiObserver } from './telemetry.ts'

/** The provider AI_PROVIDER resolved to (config parsing already turned `auto` into one of the two). */
export function createProvider (config: AiConfig, observer?: AiObserver): AiProvider {
  const embedding = {
    embeddingModel: config.embeddingModel,
    embeddingDimensions: config.embeddingDimensions,
    embeddingBatchSize: config.embeddingBatchSize
  }
  if (config.openai !== undefined) return new OpenAiProvider({ ...config.openai, ...embedding }, observer)
  return new LocalProvider({ embeddingDimensions: config.embeddingDimensions, maxEmbeddingBatch: config.embeddingBatchSize, observer })
}
