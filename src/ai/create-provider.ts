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
  if (config.openai !== undefined) {
    // The SDK's per-attempt timeout never outlasts the hard timeout, which aborts the call anyway.
    const { chat, embedding: embeddingTimeouts } = config.resilience
    const timeoutMs = Math.min(config.openai.timeoutMs, Math.max(chat.hardMs, embeddingTimeouts.hardMs))
    return new OpenAiProvider({ ...config.openai, timeoutMs, ...embedding }, observer)
  }
  return new LocalProvider({ embeddingDimensions: config.embeddingDimensions, maxEmbeddingBatch: config.embeddingBatchSize, observer })
}
