import { FastifyOtelInstrumentation } from '@fastify/otel'
import type { Instrumentation } from '@opentelemetry/instrumentation'
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http'
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis'

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
    new IORedisInstrumentation({ requireParentSpan: true })
  ]
}
