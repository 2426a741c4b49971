/**
 * Which cache namespace each kind of result lives in, and for how long. Namespaces are metric
 * labels and key segments, so they are fixed identifiers declared here and nowhere else.
 */
const HOUR = 60 * 60
const DAY = 24 * HOUR

export const CACHE_POLICY = {
  domain: { namespace: 'domain', ttlSeconds: HOUR },
  jd: { namespace: 'jd', ttlSeconds: 30 * DAY },
  cv: { namespace: 'cv', ttlSeconds: 30 * DAY },
  industries: { namespace: 'industries', ttlSeconds: 30 * DAY },
  role: { namespace: 'role', ttlSeconds: 30 * DAY },
  /** Vectors only change with the model, which is part of their key. */
  embedding: { namespace: 'embedding', ttlSeconds: 180 * DAY }
} as const

export type CachePolicy = (typeof CACHE_POLICY)[keyof typeof CACHE_POLICY]

/**
 * Namespaces that are deleted or cleared at runtime (POST /api/cache/clear-domains). When the
 * invalidation bus resubscribes after a gap, their L1 entries are dropped: a clear made
 * elsewhere meanwhile may have been missed. The others are keyed by their content and never
 * invalidated, so they keep their L1 entries through a Redis outage.
 */
export const INVALIDATED_NAMESPACES: readonly string[] = [CACHE_POLICY.domain.namespace]
