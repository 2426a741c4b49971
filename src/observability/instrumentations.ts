import { FastifyOtelInstrumentation } from '@fastify/otel'
import type { Instrumentation } from '@opentelemetry/instrumentation'
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http'
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis'
import type { Span } from '@opentelemetry/api'
import { classifyError } from '../cache/failure.ts'

/** Scraped and probed many times a minute: traces of them would drown the interesting ones. */
const UNTRACED_PATHS = new Set(['/metrics', '/health', '/ready'])

function isUntraced (url: string): boolean {
  return UNTRACED_PATHS.has(url.split('?', 1)[0] ?? url)
}

/**
 * What gets traced: incoming HTTP, Fastify's request lifecycle (@fastify/otel registers itself
 * on every Fastify instance created after this), and every Redis command (as children of the
 * cache spans; Redis commands outside a traced operation are not recorded).
 */
export function createInstrumentations (): Instrumentation[] {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => isUntraced(request.url ?? '') }),
    new FastifyOtelInstrumentation({ registerOnInitialization: true, ignorePaths: (route) => isUntraced(route.url) }),
    new IORedisInstrumentation({ requireParentSpan: true, requestHook: (span) => reduceRedisErrors(span) })
  ]
}

/**
 * The ioredis instrumentation records a failed command's error text on its span, and Redis
 * echoes a command's arguments in some replies (`ERR unknown command 'set', with args beginning
 * with: <key> <value>`). On Redis spans, errors are recorded as their code and a fixed text only.
 */
function reduceRedisErrors (span: Span): void {
  const recordException = span.recordException.bind(span)
  const setStatus = span.setStatus.bind(span)
  span.recordException = (exception, time) => {
    const reduced = classifyError(exception)
    recordException({ name: `RedisError(${reduced.reason})`, message: reduced.message }, time)
  }
  span.setStatus = (status) => setStatus(status.message === undefined ? status : { ...status, message: classifyError(new Error(status.message)).message })
}
