import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ClientError } from '../src/client-error.ts'
import type { SecurityConfig } from '../src/config.ts'
import { addressId, bearerToken, isLoopback, SecretSet } from '../src/http/credentials.ts'
import { routeClassOf } from '../src/http/route-classes.ts'
import type { RouteClass } from '../src/http/route-classes.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by access control: who this caller is for rate limiting (a key index, else the peer address). */
    clientId: string
  }
}

export interface AccessControlOptions {
  security: SecurityConfig
}

type Decision = { allowed: true } | { allowed: false, status: 401 | 403, message: string }

const ALLOWED: Decision = { allowed: true }

const METRICS_URL = '/metrics'

/**
 * Who may call what, decided in `onRequest` before any body is read:
 * - admin routes: `Authorization: Bearer ADMIN_TOKEN`; with no token configured, loopback peers
 *   only (fail closed: a service listening on 0.0.0.0 never administers for the network);
 * - erasure (`DELETE /api/cv`): the admin token or an API key; with neither configured, loopback;
 * - compute routes: an API key when API_KEYS is set (`x-api-key` or `Authorization: Bearer`);
 * - reads: anyone, except /metrics when METRICS_REQUIRE_TOKEN is set.
 * Answers 401 (no or wrong credentials) or 403 (not a loopback peer) in Fastify's error shape.
 */
async function accessControlPlugin (fastify: FastifyInstance, options: AccessControlOptions): Promise<void> {
  const { security } = options
  const admin = new SecretSet(security.adminToken === undefined ? [] : [security.adminToken])
  const apiKeys = new SecretSet(security.apiKeys)

  if (admin.empty) {
    fastify.log.warn('ADMIN_TOKEN is not set: the admin routes (/api/cache/*, DELETE /api/cv) answer loopback clients only')
  } else {
    fastify.log.info('Admin routes require Authorization: Bearer ADMIN_TOKEN')
  }
  if (!apiKeys.empty) fastify.log.info({ keys: security.apiKeys.length }, 'API routes require an API key (x-api-key or Authorization: Bearer)')

  fastify.decorateRequest('clientId', '')

  const presentedKey = (request: FastifyRequest): number => {
    const header = request.headers['x-api-key']
    return apiKeys.indexOf(typeof header === 'string' ? header : bearerToken(request.headers.authorization))
  }
  const adminDecision = (request: FastifyRequest, alsoApiKey: boolean): Decision => {
    const token = bearerToken(request.headers.authorization)
    if (admin.indexOf(token) !== -1) return ALLOWED
    if (alsoApiKey && presentedKey(request) !== -1) return ALLOWED
    if (admin.empty && (!alsoApiKey || apiKeys.empty)) {
      return isLoopback(request.socket.remoteAddress)
        ? ALLOWED
        : { allowed: false, status: 403, message: 'This route answers loopback clients only until ADMIN_TOKEN is configured' }
    }
    return { allowed: false, status: 401, message: 'This route requires Authorization: Bearer <token>' }
  }
  const decide = (request: FastifyRequest, routeClass: RouteClass): Decision => {
    switch (routeClass) {
      case 'admin': return adminDecision(request, false)
      case 'erasure': return adminDecision(request, true)
      case 'compute':
        if (apiKeys.empty || presentedKey(request) !== -1) return ALLOWED
        return { allowed: false, status: 401, message: 'This route requires an API key in x-api-key or Authorization: Bearer <key>' }
      case 'read':
        return request.routeOptions.url === METRICS_URL && security.metricsRequireToken ? adminDecision(request, false) : ALLOWED
    }
  }

  // Identify every request first (global hooks run before route hooks), so that the rate limiter
  // counts by client; decide in a route hook appended after the limiter's, so that refused
  // attempts are counted and limited too (no unlimited token guessing).
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    const keyIndex = apiKeys.empty ? -1 : presentedKey(request)
    // The key's position, never the key, and a hash of the address, never the address:
    // rate-limit counters live in Redis (for one window).
    request.clientId = keyIndex === -1 ? `ip:${addressId(request.ip)}` : `key:${keyIndex}`
  })
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const routeClass = routeClassOf(methods[0] ?? 'GET', route.url)
    const enforce = async (request: FastifyRequest, reply: FastifyReply) => {
      const decision = decide(request, routeClass)
      if (decision.allowed) return
      if (decision.status === 401) reply.header('www-authenticate', 'Bearer')
      throw new ClientError(decision.status, decision.message)
    }
    route.onRequest = [...(route.onRequest === undefined ? [] : [route.onRequest].flat()), enforce]
  })
}

export default fp(accessControlPlugin, { name: 'access-control', fastify: '5.x' })
