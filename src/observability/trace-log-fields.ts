import { isSpanContextValid, trace } from '@opentelemetry/api'

/**
 * Log fields that tie a log line to its trace: a `⚠️` cache warning carries the trace of the
 * request that fell back. Empty when no span is active (or tracing is off).
 */
export function traceLogFields (): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext()
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return {}
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: `0${spanContext.traceFlags.toString(16)}`
  }
}
