import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram } from 'prom-client'
import type { Registry } from 'prom-client'
import { CACHE_POLICY, INVALIDATED_NAMESPACES } from '../src/cache-policy.ts'
import { createCache } from '../src/cache/index.ts'
import type { CacheObserver, FailureEvent, RedisTopology, TwoTierCache } from '../src/cache/index.ts'
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
  logCacheMode(fastify.log, settings)
  const metrics = createCacheMetrics(fastify.metrics)
  const warnings = new WarningCoalescer({ intervalMs: settings.warningIntervalMs })
  const observer: CacheObserver = {
    onHit: (namespace, tier, count) => metrics.hits.inc({ namespace, tier }, count),
    onMiss: (namespace, tier, count) => metrics.misses.inc({ namespace, tier }, count),
    onFailure: (event) => {
      const counter = { get: metrics.getFailures, set: metrics.setFailures, clear: metrics.clearFailures }[event.operation]
      counter.inc({ namespace: event.namespace, tier: event.tier, reason: event.reason }, event.count)
      warnings.warn(`${event.operation}|${event.namespace}|${event.tier}|${event.reason}`, (suppressed) =>
        logFailure(fastify.log, event, suppressed, settings.warningIntervalMs))
    },
    onReplayed: (kind, count) => metrics.replayed.inc({ kind }, count),
    onReplayDropped: (kind, reason, count) => metrics.replayDropped.inc({ kind, reason }, count),
    onL1Resync: () => metrics.l1Resyncs.inc()
  }
  const cache = createCache({ ...settings, resyncNamespaces: INVALIDATED_NAMESPACES, sealedNamespaces: PERSONAL_NAMESPACES }, {
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

/**
 * Once at boot: which cache this process runs, so that an operator can tell the kill switch from
 * a missing REDIS_URL without waiting for a warning. Whether Redis answered follows from the
 * Redis plugin (one line when it is ready, one warning when it cannot be reached).
 */
function logCacheMode (log: FastifyBaseLogger, settings: CacheConfig): void {
  if (!settings.enabled) {
    log.info({ cacheMode: 'disabled' }, 'Cache mode: disabled (DISABLE_CACHE=true): nothing is cached, every request computes')
  } else if (settings.redis === undefined) {
    log.info({ cacheMode: 'l1_only' }, 'Cache mode: L1 only (in-process; no Redis configured)')
  } else {
    const { topology } = settings.redis
    const redis = redisEndpoints(topology)
    log.info({ cacheMode: 'l2', topology: topology.kind, redis }, `Cache mode: L1 + L2 on Redis (${topology.kind}, ${redis}), connecting in the background`)
  }
}

/** Hosts and ports only: a REDIS_URL may carry a password. */
function redisEndpoints (topology: RedisTopology): string {
  switch (topology.kind) {
    case 'standalone': return URL.canParse(topology.url) ? new URL(topology.url).host : 'an unparsable REDIS_URL'
    case 'cluster': return topology.nodes.map(({ host, port }) => `${host}:${port}`).join(',')
    case 'sentinel': return `master ${topology.masterName} via ${topology.sentinels.map(({ host, port }) => `${host}:${port}`).join(',')}`
  }
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
    clearFailures: new Counter({
      name: 'cache_clear_failures_total',
      help: 'Namespace clears whose L2 (Redis) part failed (the L1 part was cleared), by reason.',
      labelNames: ['namespace', 'tier', 'reason'] as const,
      registers
    }),
    l2Duration: new Histogram({
      name: 'cache_l2_operation_duration_seconds',
      help: 'Duration of Redis (L2) operations in seconds, by operation and outcome.',
      labelNames: ['operation', 'outcome'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers
    }),
    replayed: new Counter({
      name: 'cache_replayed_total',
      help: 'Lost L2 writes and invalidations replayed to Redis once it answered again, by kind.',
      labelNames: ['kind'] as const,
      registers
    }),
    replayDropped: new Counter({
      name: 'cache_replay_dropped_total',
      help: 'Lost L2 writes and invalidations given up before Redis returned (queue full, or expired), by kind and reason.',
      labelNames: ['kind', 'reason'] as const,
      registers
    }),
    l1Resyncs: new Counter({
      name: 'cache_l1_resyncs_total',
      help: 'Times the L1 dropped its invalidated namespaces because the invalidation bus (re)subscribed.',
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
    name: 'cache_replay_queue_depth',
    help: 'Lost L2 writes and invalidations waiting for Redis to answer again, by kind.',
    labelNames: ['kind'] as const,
    registers,
    collect () {
      const { writes, invalidations } = cache.stats().replayQueue
      this.set({ kind: 'write' }, writes)
      this.set({ kind: 'invalidation' }, invalidations)
    }
  })
  let opensSeen = 0
  new Counter({
    name: 'cache_l2_breaker_opens_total',
    help: 'Times the L2 circuit breaker opened (closed to open); a high rate means a flapping Redis.',
    registers,
    collect () {
      const opens = cache.stats().l2.breakerOpens
      this.inc(opens - opensSeen)
      opensSeen = opens
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
const CLEARING = {
  prefix: '⚠️  Cache clear failed:',
  consequence: 'L1 was cleared; entries may remain in Redis until they expire or the clear is retried.'
}

function logFailure (log: FastifyBaseLogger, event: FailureEvent, suppressed: number, intervalMs: number): void {
  const wording = { get: RETRIEVAL, set: STORAGE, clear: CLEARING }[event.operation]
  const repeats = suppressed > 0 ? ` ${suppressed} more time(s) in the last ${Math.round(intervalMs / 1000)}s.` : ''
  log.warn(
    { namespace: event.namespace, tier: event.tier, reason: event.reason, error: event.message, suppressed },
    `${wording.prefix} ${event.reason} on ${event.tier} (namespace ${event.namespace}).${repeats} ${wording.consequence}`
  )
}

export default fp(cachePlugin, { name: 'cache', fastify: '5.x', dependencies: ['metrics', 'redis'] })
