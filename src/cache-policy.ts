/**
 * Which cache namespace each kind of result lives in, and for how long: fresh for `ttlSeconds`,
 * then kept stale for `graceSeconds` more, to be answered when the source fails (fail-safe,
 * src/cache/fail-safe.ts). These are the defaults; CACHE_TTL_<NAMESPACE>_SECONDS and
 * CACHE_GRACE_<NAMESPACE>_SECONDS override them (src/config.ts). Namespaces are metric labels
 * and key segments, so they are fixed identifiers declared here and nowhere else.
 */
const HOUR = 60 * 60
const DAY = 24 * HOUR

export const CACHE_POLICY = {
  domain: { namespace: 'domain', ttlSeconds: HOUR, graceSeconds: DAY },
  jd: { namespace: 'jd', ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY },
  cv: { namespace: 'cv', ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY },
  industries: { namespace: 'industries', ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY },
  role: { namespace: 'role', ttlSeconds: 30 * DAY, graceSeconds: 7 * DAY },
  /** Vectors only change with the model, which is part of their key. */
  embedding: { namespace: 'embedding', ttlSeconds: 180 * DAY, graceSeconds: 30 * DAY }
} as const

export type CacheNamespaceId = keyof typeof CACHE_POLICY
export type CachePolicy = (typeof CACHE_POLICY)[CacheNamespaceId]

/** The lifetimes in effect, after the environment's overrides. */
export type CachePolicies = Readonly<Record<CacheNamespaceId, { namespace: string, ttlSeconds: number, graceSeconds: number }>>

export const CACHE_NAMESPACE_IDS = Object.keys(CACHE_POLICY) as CacheNamespaceId[]
