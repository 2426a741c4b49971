import { context, INVALID_SPAN_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import type { Attributes, Span } from '@opentelemetry/api'
import type { CacheFailure, Tier } from './failure.ts'

/**
 * Cache operations as OpenTelemetry spans. There is no semantic convention for caches yet, so
 * the attributes are ours: `cache.namespace`, `cache.tier`, `cache.hit`, `cache.batch_size`.
 * Never the key or the input. Until a tracer provider is registered these are no-ops.
 */
const tracer = trace.getTracer('jobfit-cache')

export type CacheSpanName = 'cache.get' | 'cache.mget' | 'cache.set' | 'cache.mset' | 'cache.del' | 'cache.clear' | 'cache.link' | 'cache.erase'

/** Outside any traced operation there is no trace to join: this stands in, recording nothing. */
const UNTRACED: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT)

/**
 * A cache span, inside a traced operation. Outside one (a benchmark, a script) the hot path
 * skips span creation and context switching altogether, like L1 hits do.
 */
export function startCacheSpan (name: CacheSpanName, namespace: string, attributes: Attributes = {}): Span {
  if (trace.getActiveSpan() === undefined) return UNTRACED
  return tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: { 'cache.namespace': namespace, ...attributes } })
}

/**
 * An operation answered by L1 alone. Recorded only inside a traced operation (like Redis
 * commands): the hot path costs nothing extra when nobody is tracing.
 */
export function recordL1Hit (name: 'cache.get' | 'cache.mget', namespace: string, hits: number): void {
  if (trace.getActiveSpan() === undefined) return
  startCacheSpan(name, namespace, { 'cache.tier': 'l1', 'cache.hit': true, 'cache.hits': hits, 'cache.batch_size': hits }).end()
}

/** Runs `work` with `span` as the active span, so Redis client spans nest under the cache span. */
export function inSpan<T> (span: Span, work: () => Promise<T>): Promise<T> {
  return span === UNTRACED ? work() : context.with(trace.setSpan(context.active(), span), work)
}

/** The failure is recorded on the cache span only: the request that fell back still succeeds. */
export function recordFailure (span: Span, tier: Tier, cacheFailure: CacheFailure): void {
  span.setAttribute('cache.tier', tier)
  span.setAttribute('error.type', cacheFailure.reason)
  span.recordException({ name: `CacheFailure(${cacheFailure.reason})`, message: cacheFailure.message })
  span.setStatus({ code: SpanStatusCode.ERROR, message: `${cacheFailure.reason}: ${cacheFailure.message}` })
}
