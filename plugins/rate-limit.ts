import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { Counter } from 'prom-client'
import { ClientError } from '../src/client-error.ts'
import type { CacheConfig, RateLimitConfig } from '../src/config.ts'
import { routeClassOf } from '../src/http/route-classes.ts'
import type { RouteClass } from '../src/http/route-classes.ts'
import { WarningCoalescer } from '../src/observability/warning-coalescer.ts'
import { DegradingCounter, DegradingRateLimitStore } from '../src/rate-limit/degrading-store.ts'
import type { RateLimitRedis } from '../src/rate-limit/degrading-store.ts'

export interface RateLimitPluginOptions {
  rateLimit: RateLimitConfig
  cache: CacheConfig
}

/**
 * Per-client limits by route class (see src/http/route-classes.ts), counted in Redis when it
 * answers within the cache's deadline and in this process otherwise: limits degrade to a
 * per-instance share, they never switch off and never wait on Redis. Exceeding answers 429
 * with `Retry-After` in Fastify's error shape. Register before the routes and before
 * access control (so that refused credentials are counted too).
 */
async function rateLimitPlugin (fastify: FastifyInstance, options: RateLimitPluginOptions): Promise<void> {
  const { rateLimit: limits, cache } = options
  const maxByClass: Record<RouteClass, number> = {
    compute: limits.computeMax,
    erasure: limits.adminMax,
    admin: limits.adminMax,
    read: limits.readMax
  }
  const warnings = new WarningCoalescer({ intervalMs: cache.warningIntervalMs })
  // Created once the app is ready: the metrics registry is decorated after this plugin (whose
  // hooks must see every route, /metrics included), and no request comes before.
  let metrics: ReturnType<typeof createRateLimitMetrics> | undefined
  let connectedOnce = false
  fastify.addHook('onReady', async () => {
    metrics = createRateLimitMetrics(fastify)
    if (!fastify.hasDecorator('redis')) return
    connectedOnce = fastify.redis.status === 'ready'
    fastify.redis.once('ready', () => { connectedOnce = true })
  })
  const counters = () => metrics!

  const counter = new DegradingCounter({
    redis: () => fastify.hasDecorator('redis') ? fastify.redis as unknown as RateLimitRedis : undefined,
    keyPrefix: cache.keyPrefix,
    deadlineMs: cache.l2CommandTimeoutMs,
    breakerFailureThreshold: cache.breakerFailureThreshold,
    breakerCooldownMs: cache.breakerCooldownMs,
    breakerHysteresis: {
      maxCooldownMs: cache.breakerMaxCooldownMs,
      cooldownJitter: cache.breakerCooldownJitter,
      windowMs: cache.breakerWindowMs,
      minCallsInWindow: cache.breakerMinCallsInWindow,
      failureRateThreshold: cache.breakerFailureRateThreshold
    },
    instances: limits.instances,
    onFallback: (reason) => {
      counters().fallbacks.inc({ reason })
      // Booting while Redis connects is counted, not warned about: the Redis plugin logs the connection.
      if (reason === 'connection' && !connectedOnce) return
      warnings.warn(reason, (suppressed) => fastify.log.warn({ reason, suppressed },
        `⚠️  Rate limiter could not use Redis: ${reason}.${suppressed > 0 ? ` ${suppressed} more time(s).` : ''} ` +
        `Counting in this instance (1/${limits.instances} of each limit) until it answers.`))
    }
  })
  const store = new DegradingRateLimitStore(counter)
  const classOf = (request: FastifyRequest): RouteClass => routeClassOf(request.method, request.routeOptions.url)

  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: limits.windowMs,
    store: class { constructor () { return store } } as never,
    keyGenerator: (request) => `${classOf(request)}:${request.clientId}`,
    max: (request) => maxByClass[classOf(request)],
    onExceeded: (request) => counters().exceeded.inc({ class: classOf(request) }),
    errorResponseBuilder: (request, context) => new ClientError(429,
      `Rate limit of ${context.max} requests per ${Math.round(limits.windowMs / 1000)} s exceeded for ${classOf(request)} routes; retry in ${context.after}`)
  })
  // Unmatched URLs have no route to hook: count them as reads, so that probing for routes is limited too.
  fastify.setNotFoundHandler({ preHandler: fastify.rateLimit() }, async (request, reply) => reply.code(404).send({
    statusCode: 404,
    error: 'Not Found',
    message: `Route ${request.method}:${request.url} not found`
  }))
  fastify.addHook('onClose', async () => warnings.flush())
}

function createRateLimitMetrics (fastify: FastifyInstance) {
  const registers = [fastify.metrics]
  return {
    exceeded: new Counter({
      name: 'rate_limit_exceeded_total',
      help: 'Requests refused with 429, by route class.',
      labelNames: ['class'] as const,
      registers
    }),
    fallbacks: new Counter({
      name: 'rate_limit_local_fallbacks_total',
      help: 'Rate-limit counts made in-process because Redis could not be used, by reason.',
      labelNames: ['reason'] as const,
      registers
    })
  }
}

export default fp(rateLimitPlugin, { name: 'rate-limit', fastify: '5.x' })
