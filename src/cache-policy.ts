/**
 * Which cache namespace each kind of result lives in, and for how long. Namespaces are metric
 * labels and key segments, so they are fixed identifiers declared here and nowhere else.
 */
export const CACHE_POLICY = {
  domain: { namespace: 'domain', ttlSeconds: 60 * 60 }
} as const
