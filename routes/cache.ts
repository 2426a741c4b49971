import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Static, TSchema } from 'typebox'
import type { CacheStats, FailureReason, L2Result, RedisInfo } from '../src/cache/index.ts'
import { FAILURE_REASONS } from '../src/cache/index.ts'
import { CACHE_POLICY } from '../src/cache-policy.ts'
import { ACCESS_ERRORS, errorResponses, okResponse } from './shared/openapi.ts'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Count = Type.Integer({ minimum: 0 })

const FailureCounts = Type.Object({
  total: Count,
  by_reason: Type.Record(Type.String(), Count, { description: `Counts for ${FAILURE_REASONS.join(', ')}` })
})

const L2State = Type.Union([
  Type.Literal('ready'), Type.Literal('down'), Type.Literal('circuit_open'), Type.Literal('read_only'), Type.Literal('disabled'), Type.Literal('l1_only')
], {
  description: '`disabled`: the cache is off (DISABLE_CACHE); `l1_only`: no Redis configured; `read_only`: connected to a node that ' +
    'refuses writes; otherwise the state of Redis'
})

const StatsResponse = Type.Object({
  enabled: Type.Boolean(),
  partial: Type.Boolean({ description: 'true when Redis INFO could not be read in time: `l2.info` is then null' }),
  l1: Type.Object({
    hits: Count,
    misses: Count,
    entries: Count,
    bytes: Count,
    max_entries: Count,
    max_bytes: Count
  }),
  l2: Type.Object({
    configured: Type.Boolean(),
    status: L2State,
    breaker: Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open'), Type.Literal('none')]),
    breaker_opens: Count,
    hits: Count,
    misses: Count,
    last_error: Nullable(Type.Object({ reason: Type.String(), message: Type.String(), at: Type.String({ format: 'date-time' }) })),
    info: Nullable(Type.Object({
      version: Nullable(Type.String()),
      role: Nullable(Type.String()),
      connected_clients: Nullable(Count),
      used_memory_bytes: Nullable(Count),
      max_memory_bytes: Nullable(Count),
      max_memory_policy: Nullable(Type.String()),
      keys: Count
    })),
    info_error: Nullable(Type.String({ description: 'Why `info` is null: the failure reason' }))
  }),
  get_failures: FailureCounts,
  set_failures: FailureCounts,
  clear_failures: FailureCounts,
  pending_writes: Count
})

const ClearResponse = Type.Object({
  namespace: Type.String(),
  l1: Type.Object({ removed: Count }),
  l2: Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('skipped')]),
    removed: Count,
    reason: Nullable(Type.String()),
    message: Nullable(Type.String()),
    generation: Nullable(Type.Integer({
      minimum: 1,
      description: 'The namespace\'s new generation: its old Redis keys are unreachable from now on and unlinked in the background (`removed` is then 0)'
    }))
  })
})

/** Cache diagnostics and maintenance. Both answer 200 whatever state Redis is in. */
const cacheRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/api/cache/stats', {
    schema: {
      operationId: 'getCacheStats',
      tags: ['cache'],
      summary: 'Cache counters, breaker and Redis state',
      description: 'Admin route (Authorization: Bearer ADMIN_TOKEN, or loopback only when none is configured). Always 200: when Redis does not answer INFO within the command timeout, `partial` is true.',
      response: { 200: okResponse(StatsResponse, 'getCacheStats', 'Counters since boot, and the state of both tiers'), ...errorResponses(...ACCESS_ERRORS) }
    }
  }, async () => statsBody(fastify.cache.stats(), await fastify.cache.l2Info()))

  fastify.post('/api/cache/clear-domains', {
    schema: {
      operationId: 'clearDomainCache',
      tags: ['cache'],
      summary: 'Empty the domain-lookup cache in both tiers',
      description: 'Admin route (Authorization: Bearer ADMIN_TOKEN, or loopback only when none is configured). L1 is emptied at once; ' +
        'in Redis one INCR starts a new generation of the namespace, so that every instance stops reading the old keys at once, ' +
        'and the old keys are unlinked in the background. When Redis fails, the L2 part is reported as failed; the call still succeeds.',
      response: { 200: okResponse(ClearResponse, 'clearDomainCache', 'What each tier removed, and whether the Redis part failed'), ...errorResponses(...ACCESS_ERRORS) }
    }
  }, async () => {
    const { namespace } = CACHE_POLICY.domain
    const result = await fastify.cache.clearNamespace(namespace)
    const l2Status = ['disabled', 'l1_only'].includes(fastify.cache.l2StatusLabel())
      ? 'skipped' as const
      : result.l2Failure === undefined ? 'ok' as const : 'failed' as const
    return {
      namespace,
      l1: { removed: result.l1Removed },
      l2: {
        status: l2Status,
        removed: result.l2Removed,
        reason: result.l2Failure?.reason ?? null,
        message: result.l2Failure?.message ?? null,
        generation: result.generation ?? null
      }
    }
  })
}

function statsBody (stats: CacheStats, info: L2Result<RedisInfo> | undefined): Static<typeof StatsResponse> {
  const { l1, l2 } = stats
  return {
    enabled: stats.enabled,
    partial: info !== undefined && !info.ok,
    l1: { hits: l1.hits, misses: l1.misses, entries: l1.entries, bytes: l1.bytes, max_entries: l1.maxEntries, max_bytes: l1.maxBytes },
    l2: {
      configured: l2.configured,
      status: l2.status,
      breaker: l2.breaker,
      breaker_opens: l2.breakerOpens,
      hits: l2.hits,
      misses: l2.misses,
      last_error: l2.lastFailure === undefined
        ? null
        : { reason: l2.lastFailure.reason, message: l2.lastFailure.message, at: l2.lastFailure.at.toISOString() },
      info: info?.ok === true ? infoBody(info.value) : null,
      info_error: info?.ok === false ? info.failure.reason : null
    },
    get_failures: failureBody(stats.getFailures),
    set_failures: failureBody(stats.setFailures),
    clear_failures: failureBody(stats.clearFailures),
    pending_writes: stats.pendingWrites
  }
}

function infoBody (info: RedisInfo) {
  return {
    version: info.version ?? null,
    role: info.role ?? null,
    connected_clients: info.connectedClients ?? null,
    used_memory_bytes: info.usedMemoryBytes ?? null,
    max_memory_bytes: info.maxMemoryBytes ?? null,
    max_memory_policy: info.maxMemoryPolicy ?? null,
    keys: info.keys
  }
}

function failureBody (counts: { total: number, byReason: Record<FailureReason, number> }) {
  return { total: counts.total, by_reason: { ...counts.byReason } }
}

export default cacheRoutes
