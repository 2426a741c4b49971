import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram } from 'prom-client'
import type { Registry } from 'prom-client'
import type { AiService } from '../src/ai/ai-service.ts'
import { createAiService, providerName } from '../src/ai/create-service.ts'
import { AI_OPERATIONS } from '../src/ai/resilience/provider-breakers.ts'
import type { ResilienceObserver } from '../src/ai/resilience/resilience-observer.ts'
import type { AiObserver } from '../src/ai/telemetry.ts'
import type { CachePolicies } from '../src/cache-policy.ts'
import type { AiConfig } from '../src/config.ts'
import { WarningCoalescer } from '../src/observability/warning-coalescer.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Parsing, classification and embeddings, each cached through `fastify.cache`. */
    ai: AiService
  }
}

export interface AiPluginOptions {
  ai: AiConfig
  cachePolicies: CachePolicies
  /** Identical AI warnings are coalesced over this interval (CACHE_WARNING_INTERVAL_MS). */
  warningIntervalMs: number
}

const BREAKER_STATES = ['closed', 'open', 'half_open'] as const

/** Picks the provider the config names (and its fallback), counts every call and every degraded answer. */
async function aiPlugin (fastify: FastifyInstance, options: AiPluginOptions): Promise<void> {
  const resilienceMetrics = new ResilienceMetrics(fastify.metrics)
  const warnings = new WarningCoalescer({ intervalMs: options.warningIntervalMs })
  fastify.addHook('onClose', async () => warnings.flush())
  const ai = createAiService(options.ai, options.cachePolicies, fastify.cache, {
    calls: aiMetricsObserver(fastify.metrics),
    resilience: (provider) => resilienceMetrics.observer(provider, fastify.log, warnings)
  })
  observeBreakers(fastify.metrics, ai)
  fastify.decorate('ai', ai)
  const { provider } = ai
  fastify.log.info({
    provider: provider.id,
    fallback: options.ai.fallback,
    embeddingModel: provider.embeddingModel,
    dimensions: provider.embeddingDimensions
  }, 'AI provider ready')
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

/** The resilience layer's counters, shared by the primary provider and its fallback (told apart by `provider`). */
class ResilienceMetrics {
  private readonly answers: Counter<'provider' | 'operation' | 'source'>
  private readonly staleServed: Counter<'provider' | 'operation' | 'reason'>
  private readonly timeouts: Counter<'provider' | 'operation' | 'kind'>
  private readonly fallbacks: Counter<'provider' | 'operation' | 'reason'>
  private readonly tokensSaved: Counter<'provider' | 'operation' | 'type'>

  constructor (registry: Registry) {
    const counter = <L extends string> (name: string, help: string, label: L) =>
      new Counter({ name, help, labelNames: ['provider', 'operation', label] as const, registers: [registry] })
    this.answers = counter('ai_answers_total',
      'AI answers given to requests, by provider, operation and source (cache, provider, stale, fallback).', 'source')
    this.staleServed = counter('ai_stale_served_total',
      'Cached AI answers served past their TTL (fail-safe), by provider, operation and reason (soft_timeout, throttled or the failure).', 'reason')
    this.timeouts = counter('ai_timeouts_total',
      'AI provider calls that hit the soft timeout (a stale value was answered, the call went on) or the hard one (the call was aborted).', 'kind')
    this.fallbacks = counter('ai_fallbacks_total',
      'Answers the fallback (local) provider gave because this provider failed with nothing stale at hand, by reason.', 'reason')
    this.tokensSaved = counter('ai_tokens_saved_total',
      'Tokens that cached answers avoided spending, from the usage recorded with each cached value, by type (input or output).', 'type')
  }

  observer (provider: string, log: FastifyBaseLogger, warnings: WarningCoalescer): ResilienceObserver {
    const warn = (identity: string, fields: Record<string, string>, message: string) => warnings.warn(`${provider}:${identity}`, (suppressed) => {
      const repeats = suppressed > 0 ? ` ${suppressed} more time(s) since the last warning.` : ''
      log.warn({ provider, ...fields, suppressed }, `⚠️  ${message}${repeats}`)
    })
    return {
      onAnswer: (operation, source) => this.answers.inc({ provider, operation, source }),
      onStaleServed: (operation, reason) => {
        this.staleServed.inc({ provider, operation, reason })
        warn(`stale:${operation}:${reason}`, { operation, reason }, `AI provider ${provider}: ${reason} on ${operation}. Answered with a stale cached value.`)
      },
      onTimeout: (operation, kind) => {
        this.timeouts.inc({ provider, operation, kind })
        if (kind === 'hard') warn(`timeout:${operation}`, { operation, reason: 'timeout' }, `AI provider ${provider}: ${operation} hit the hard timeout and was aborted.`)
      },
      onFallback: (operation, reason) => {
        this.fallbacks.inc({ provider, operation, reason })
        warn(`fallback:${operation}:${reason}`, { operation, reason }, `AI provider ${provider}: ${reason} on ${operation}. Answered by the fallback (local) provider.`)
      },
      onTokensSaved: (operation, usage) => {
        this.tokensSaved.inc({ provider, operation, type: 'input' }, usage.inputTokens)
        this.tokensSaved.inc({ provider, operation, type: 'output' }, usage.outputTokens)
      }
    }
  }
}

/** The primary provider's breakers, read at scrape time like the cache's. */
function observeBreakers (registry: Registry, ai: AiService): void {
  const provider = providerName(ai.provider.id)
  new Gauge({
    name: 'ai_breaker_state',
    help: 'AI provider circuit breaker state per operation: 1 for the current state, 0 for the others.',
    labelNames: ['provider', 'operation', 'state'] as const,
    registers: [registry],
    collect () {
      for (const operation of AI_OPERATIONS) {
        const current = ai.breakers.state(operation)
        for (const state of BREAKER_STATES) this.set({ provider, operation, state }, state === current ? 1 : 0)
      }
    }
  })
}

export default fp(aiPlugin, { name: 'ai', fastify: '5.x', dependencies: ['metrics', 'cache'] })
