/**
 * Every route belongs to one class, which decides who may call it and how often:
 * - `compute`: parsing and scoring, the CPU- and provider-heavy API (API key when API_KEYS is set);
 * - `erasure`: removing one CV's data (admin token or API key);
 * - `admin`: cache maintenance and diagnostics (admin token, else loopback only);
 * - `read`: health, readiness, docs, metrics and anything unmatched.
 * Fail closed: a route under an admin prefix is admin even if nobody listed it here.
 */
export type RouteClass = 'compute' | 'erasure' | 'admin' | 'read'

export const ROUTE_CLASSES: readonly RouteClass[] = ['compute', 'erasure', 'admin', 'read']

const COMPUTE_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/parse',
  'POST /api/parse-cv',
  'POST /api/calculate-score',
  'POST /api/rank',
  'POST /api/find-domain'
])

const ERASURE_ROUTES: ReadonlySet<string> = new Set(['DELETE /api/cv'])

const ADMIN_PREFIXES = ['/api/cache/', '/api/admin/'] as const

/** `url` is the route pattern (`request.routeOptions.url`), `undefined` when no route matched. */
export function routeClassOf (method: string, url: string | undefined): RouteClass {
  if (url === undefined) return 'read'
  if (ADMIN_PREFIXES.some((prefix) => url.startsWith(prefix))) return 'admin'
  const route = `${method} ${url}`
  if (ERASURE_ROUTES.has(route)) return 'erasure'
  if (COMPUTE_ROUTES.has(route)) return 'compute'
  return 'read'
}
