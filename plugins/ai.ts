import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Histogram } from 'prom-client'
import type { Registry } from 'prom-client'
import { AiService } from '../src/ai/ai-service.ts'
import { createProvider } from '../src/ai/create-provider.ts'
import type { AiObserver } from '../src/ai/telemetry.ts'
import type { AiConfig } from '../src/config.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Parsing, classification and embeddings, each cached through `fastify.cache`. */
    ai: AiService
  }
}

export interface AiPluginOptions {
  ai: AiConfig
}

/** Picks the provider the config names and counts every call it makes. */
async function aiPlugin (fastify: FastifyInstance, options: AiPluginOptions): Promise<void> {
  const provider = createProvider(options.ai, aiMetricsObserver(fastify.metrics))
  fastify.decorate('ai', new AiService(provider, fastify.cache))
  fastify.addHook('onClose', async () => { await provider.close?.() })
  fastify.log.info({ provider: provider.id, embeddingModel: provider.embeddingModel, dimensions: provider.embeddingDimensions }, 'AI provider ready')
}

function aiMetricsObserver (registry: Registry): AiObserver {
  const registers = [registry]
  const requests = new Counter({
    name: 'ai_requests_total',
    help: 'Calls to the AI provider, by provider, operation and outcome (ok or the failure reason).',
    labelNames: ['provider', 'operation', 'outcome'] as const,
    registers
  })
  const duration = new Histogram({
    name: 'ai_request_duration_seconds',
    help: 'Duration of AI provider calls in seconds, by provider and operation.',
    labelNames: ['provider', 'operation'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers
  })
  const tokens = new Counter({
    name: 'ai_tokens_total',
    help: 'Tokens billed by the AI provider, by provider, operation and type (input or output).',
    labelNames: ['provider', 'operation', 'type'] as const,
    registers
  })
  const batchSize = new Histogram({
    name: 'ai_embedding_batch_size',
    help: 'Texts sent in one embeddings call.',
    labelNames: ['provider'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 150, 250, 500, 1000, 2048],
    registers
  })
  return {
    onCall (record) {
      requests.inc({ provider: record.provider, operation: record.operation, outcome: record.outcome })
      duration.observe({ provider: record.provider, operation: record.operation }, record.durationSeconds)
      if (record.inputTokens !== undefined) tokens.inc({ provider: record.provider, operation: record.operation, type: 'input' }, record.inputTokens)
      if (record.outputTokens !== undefined) tokens.inc({ provider: record.provider, operation: record.operation, type: 'output' }, record.outputTokens)
      if (record.batchSize !== undefined) batchSize.observe({ provider: record.provider }, record.batchSize)
    }
  }
}

export default fp(aiPlugin, { name: 'ai', fastify: '5.x', dependencies: ['metrics', 'cache'] })
