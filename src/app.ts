import { STATUS_CODES } from 'node:http'
import Fastify from 'fastify'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import accessControlPlugin from '../plugins/access-control.ts'
import aiPlugin from '../plugins/ai.ts'
import cachePlugin from '../plugins/cache.ts'
import gracefulClosePlugin from '../plugins/graceful-close.ts'
import metricsPlugin from '../plugins/metrics.ts'
import rateLimitPlugin from '../plugins/rate-limit.ts'
import redisPlugin from '../plugins/redis.ts'
import swaggerPlugin from '../plugins/swagger.ts'
import cacheRoutes from '../routes/cache.ts'
import calculateScoreRoutes from '../routes/calculate-score.ts'
import cvRoutes from '../routes/cv.ts'
import findDomainRoutes from '../routes/find-domain.ts'
import healthRoutes from '../routes/health.ts'
import { unsupportedMediaTypeMessage } from '../routes/shared/errors.ts'
import parseCvRoutes from '../routes/parse-cv.ts'
import parseRoutes from '../routes/parse.ts'
import rankRoutes from '../routes/rank.ts'
import type { Config } from './config.ts'
import { traceLogFields } from './observability/trace-log-fields.ts'

export interface AppOptions {
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: { write (line: string): void }
}

/** Never logged, whatever a handler or plugin attaches to a log line. */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.body', 'body', 'text', 'cv', 'jd']

/**
 * Builds the whole application: infrastructure plugins first (metrics, Redis, cache), then
 * the routes that use them. Tests call this with a config of their own and use `inject()`.
 */
export async function buildApp (config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.limits.bodyLimitBytes,
    // A stalled or dripping client is dropped: idle sockets after connectionTimeout, requests
    // not complete after requestTimeout (408), headers not complete after headersTimeout.
    connectionTimeout: config.http.connectionTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      // Node checks the two deadlines above on this interval (30 s by default): a tenth of
      // the shorter one keeps a deadline within 10 % of its setting.
      connectionsCheckingInterval: Math.max(10, Math.floor(config.http.headersTimeoutMs / 10))
    },
    // Unknown fields are rejected and types are never coerced: `{ "text": 42 }` is a 400, not "42".
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    logger: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: traceLogFields,
      ...(options.logStream === undefined ? {} : { stream: options.logStream })
    }
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setErrorHandler(replyWithoutInternals)
  // The API speaks JSON (and multipart on the upload route): anything else is a 415.
  app.removeContentTypeParser('text/plain')

  await app.register(gracefulClosePlugin)
  // Before every route (both hook routes as they are added): the limiter first, so that refused
  // credentials are counted too.
  await app.register(rateLimitPlugin, { rateLimit: config.security.rateLimit, cache: config.cache })
  await app.register(accessControlPlugin, { security: config.security })
  await app.register(metricsPlugin, { port: config.security.metricsPort, host: config.host })
  await app.register(redisPlugin, { cache: config.cache })
  await app.register(cachePlugin, { cache: config.cache })
  await app.register(aiPlugin, { ai: config.ai, cachePolicies: config.cache.policies, warningIntervalMs: config.cache.warningIntervalMs })
  await app.register(swaggerPlugin)

  await app.register(healthRoutes)
  await app.register(cacheRoutes)
  await app.register(parseRoutes, { limits: config.limits })
  await app.register(parseCvRoutes, { limits: config.limits, documents: config.documents })
  await app.register(calculateScoreRoutes, { limits: config.limits })
  await app.register(rankRoutes, { limits: config.limits })
  await app.register(cvRoutes, { limits: config.limits })
  await app.register(findDomainRoutes, { domains: config.domains, cache: config.cache })
  return app
}

/**
 * Client errors keep Fastify's `{ statusCode, error, message }` shape and message. Server errors
 * are logged in full and answered without internals (no stack, no upstream text) unless the
 * error carries `expose: true`, i.e. its message was written for the client (an upstream 503).
 */
function replyWithoutInternals (error: FastifyError & { expose?: boolean, retryAfterSeconds?: number }, request: FastifyRequest, reply: FastifyReply) {
  const statusCode = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
  const exposed = statusCode < 500 || error.expose === true
  if (statusCode >= 500) request.log.error({ err: error }, 'request failed')
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.ceil(error.retryAfterSeconds)))
  return reply.status(statusCode).send({
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
      ? unsupportedMediaTypeMessage(request)
      : exposed ? error.message : 'The server could not complete the request. It has been logged; retrying may help.'
  })
}
