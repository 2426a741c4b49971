import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram } from 'prom-client'
import type { Registry } from 'prom-client'
import { createCache } from '../src/cache/index.ts'
import { CACHE_POLICY } from '../src/cache-policy.ts'
import type { CacheObserver, FailureEvent, TwoTierCache } from '../src/cache/index.ts'
import type { CacheConfig } from '../src/config.ts'
import { WarningCoalescer } from '../src/observability/warning-coalescer.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The two-tier cache: `safeGet`, `safeSet`, `safeMGet`, `safeMSet`, `safeDel`, `getOrSet`, … Never throws. */
    cache: TwoTierCache
  }
}

export interface CachePluginOptions {
  cache: CacheConfig
}

const BREAKER_STATES = ['closed', 'half_open', 'open'] as const

/** The namespaces whose values are derived from a CV (personal data): sealed in L2 when keys are configured. */
const PERSONAL_NAMESPACES = [CACHE_POLICY.cv.namespace, CACHE_POLICY.role.namespace, CACHE_POLICY.industries.namespace]

/**
 * Adapts the framework-free cache to Fastify: every failure the cache reports becomes a
 * Prometheus increment and a (coalesced) `⚠️` warning; the cache itself already marks its span.
 */
async function cachePlugin (fastify: FastifyInstance, options: CachePluginOptions): Promise<void> {
  const settings = options.cache
  const metrics = createCacheMetrics(fastify.metrics)
  const warnings = new WarningCoalescer({ intervalMs: settings.warningIntervalMs })
  const observer: CacheObserver = {
    onHit: (namespace, tier, count) => metrics.hits.inc({ namespace, tier }, count),
    onMiss: (namespace, tier, count) => metrics.misses.inc({ namespace, tier }, count),
    onFailure: (event) => {
      const counter = event.operation === 'get' ? metrics.getFailures : metrics.setFailures
      counter.inc({ namespace: event.namespace, tier: event.tier, reason: event.reason }, event.count)
      warnings.warn(`${event.operation}|${event.namespace}|${event.tier}|${event.reason}`, (suppressed) =>
        logFailure(fastify.log, event, suppressed, settings.warningIntervalMs))
    }
  }
  const cache = createCache({ ...settings, sealedNamespaces: PERSONAL_NAMESPACES }, {
    l2: fastify.hasDecorator('redisConnection') ? fastify.redisConnection : undefined,
    observer,
    onL2Latency: (operation, seconds, ok) => metrics.l2Duration.observe({ operation, outcome: ok ? 'ok' : 'error' }, seconds)
  })
  observeCacheState(fastify.metrics, cache)
  fastify.decorate('cache', cache)
  fastify.addHook('onClose', async () => {
    await cache.close()
    warnings.flush()
  })
}

function createCacheMetrics (registry: Registry) {
  const registers = [registry]
  return {
    hits: new Counter({
      name: 'cache_hits_total',
      help: 'Cache lookups answered by the tier.',
      labelNames: ['namespace', 'tier'] as const,
      registers
    }),
    misses: new Counter({
      name: 'cache_misses_total',
      help: 'Cache lookups the tier could not answer (including failed L2 reads).',
      labelNames: ['namespace', 'tier'] as const,
      registers
    }),
    getFailures: new Counter({
      name: 'cache_get_failures_total',
      help: 'Cache reads that failed and fell back to a fresh calculation, by reason.',
      labelNames: ['namespace', 'tier', 'reason'] as const,
      registers
    }),
    setFailures: new Counter({
      name: 'cache_set_failures_total',
      help: 'Cache writes that were lost (the result was still returned), by reason.',
      labelNames: ['namespace', 'tier', 'reason'] as const,
      registers
    }),
    l2Duration: new Histogram({
      name: 'cache_l2_operation_duration_seconds',
      help: 'Duration of Redis (L2) operations in seconds, by operation and outcome.',
      labelNames: ['operation', 'outcome'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers
    })
  }
}

/** Gauges read at scrape time, so they cost nothing between scrapes. */
function observeCacheState (registry: Registry, cache: TwoTierCache): void {
  const registers = [registry]
  new Gauge({
    name: 'cache_l2_breaker_state',
    help: 'L2 circuit breaker state: 1 for the current state, 0 for the others.',
    labelNames: ['state'] as const,
    registers,
    collect () {
      const current = cache.stats().l2.breaker
      for (const state of BREAKER_STATES) this.set({ state }, state === current ? 1 : 0)
    }
  })
  new Gauge({
    name: 'cache_l2_up',
    help: '1 when the L2 (Redis) connection is ready and its circuit closed, else 0.',
    registers,
    collect () {
      this.set(cache.l2StatusLabel() === 'ready' ? 1 : 0)
    }
  })
  new Gauge({
    name: 'cache_l1_entries',
    help: 'Entries held in the in-process L1 cache.',
    registers,
    collect () {
      this.set(cache.stats().l1.entries)
    }
  })
  new Gauge({
    name: 'cache_l1_bytes',
    help: 'Estimated bytes held in the in-process L1 cache.',
    registers,
    collect () {
      this.set(cache.stats().l1.bytes)
    }
  })
}

const RETRIEVAL = {
  prefix: '⚠️  Cache retrieval failed:',
  consequence: 'Falling back to fresh calculation.'
}
const STORAGE = {
  prefix: '⚠️  Cache storage failed:',
  consequence: 'Result not cached, but returned to user.'
}

function logFailure (log: FastifyBaseLogger, event: FailureEvent, suppressed: number, intervalMs: number): void {
  const wording = event.operation === 'get' ? RETRIEVAL : STORAGE
  const repeats = suppressed > 0 ? ` ${suppressed} more time(s) in the last ${Math.round(intervalMs / 1000)}s.` : ''
  log.warn(
    { namespace: event.namespace, tier: event.tier, reason: event.reason, error: event.message, suppressed },
    `${wording.prefix} ${event.reason} on ${event.tier} (namespace ${event.namespace}).${repeats} ${wording.consequence}`
  )
}

export default fp(cachePlugin, { name: 'cache', fastify: '5.x', dependencies: ['metrics', 'redis'] })
