import { performance } from 'node:perf_hooks'
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import type { Span } from '@opentelemetry/api'
import { AiProviderError } from './errors.ts'
import type { AiFailureReason } from './errors.ts'
import type { AiOperation } from './provider.ts'

/**
 * Every call to an AI backend becomes one span and one `AiCallRecord`. Span attributes follow the
 * OpenTelemetry GenAI conventions (`gen_ai.*`); `jobfit.ai.operation` says which of our tasks
 * the call served. Inputs and outputs are never recorded: they hold personal data.
 */
const tracer = trace.getTracer('jobfit-ai')

export interface AiCallRecord {
  provider: string
  operation: AiOperation
  model: string
  outcome: 'ok' | AiFailureReason
  durationSeconds: number
  inputTokens: number | undefined
  outputTokens: number | undefined
  /** Texts in one embeddings request; undefined for other operations. */
  batchSize: number | undefined
}

export interface AiObserver {
  onCall (record: AiCallRecord): void
}

export interface AiCallDescription {
  /** `gen_ai.provider.name`: `openai` or `local`. */
  provider: string
  operation: AiOperation
  model: string
  batchSize?: number
}

export interface Usage {
  inputTokens: number
  outputTokens: number
}

export interface AiCallResult<T> {
  value: T
  usage?: Usage | undefined
}

/**
 * Runs one backend call inside a span and reports it to `observer`, whether it succeeded or not.
 * Errors other than `AiProviderError` are reported as `bad_response` and rethrown unchanged.
 */
export async function traceAiCall<T> (
  call: AiCallDescription,
  observer: AiObserver | undefined,
  work: (span: Span) => Promise<AiCallResult<T>>
): Promise<T> {
  const genAiOperation = call.operation === 'embed' ? 'embeddings' : 'chat'
  const span = tracer.startSpan(`${genAiOperation} ${call.model}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'gen_ai.operation.name': genAiOperation,
      'gen_ai.provider.name': call.provider,
      'gen_ai.request.model': call.model,
      'jobfit.ai.operation': call.operation,
      ...(call.batchSize === undefined ? {} : { 'jobfit.ai.batch_size': call.batchSize })
    }
  })
  const started = performance.now()
  const report = (outcome: AiCallRecord['outcome'], usage: Usage | undefined) => observer?.onCall({
    provider: call.provider,
    operation: call.operation,
    model: call.model,
    outcome,
    durationSeconds: (performance.now() - started) / 1000,
    inputTokens: usage?.inputTokens,
    outputTokens: usage?.outputTokens,
    batchSize: call.batchSize
  })
  try {
    const result = await work(span)
    recordUsage(span, result.usage)
    report('ok', result.usage)
    return result.value
  } catch (error) {
    const reason = error instanceof AiProviderError ? error.reason : 'bad_response'
    const usage = error instanceof AiProviderError ? error.usage : undefined
    recordUsage(span, usage)
    span.setAttribute('error.type', reason)
    span.setStatus({ code: SpanStatusCode.ERROR, message: reason })
    report(reason, usage)
    throw error
  } finally {
    span.end()
  }
}

function recordUsage (span: Span, usage: Usage | undefined): void {
  if (usage === undefined) return
  span.setAttribute('gen_ai.usage.input_tokens', usage.inputTokens)
  span.setAttribute('gen_ai.usage.output_tokens', usage.outputTokens)
}
