/**
 * Section `ai-soak`: the AI provider's faults measured over HTTP. The real service runs as a
 * child process with the `openai` provider against the loopback fake OpenAI server (in this
 * process), with the default soft and hard timeouts and `AI_FALLBACK=local`, while the fake goes
 * through healthy → slow → hung → 429 storm → recovered. Load: the 80/20 mix of bench/lib/load.ts
 * on `POST /api/calculate-score`, sent by workers here so that each answer is classed by input
 * (repeated or new) and by its `x-jobfit-source`.
 */
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { HttpReply, sampleInstance, slowly, startFakeOpenAi } from '../../test/helpers/fake-openai.ts'
import type { ChatRequest, EmbeddingsAnswer, FakeOpenAi } from '../../test/helpers/fake-openai.ts'
import { nextMixedBody, percentile, SCORE_PATH } from '../lib/load.ts'
import { ms, table } from '../lib/report.ts'
import type { Section, TargetResult } from '../lib/report.ts'
import { deltaByKey, startService, withTeardown } from '../lib/service.ts'
import type { Metrics, ServiceHandle } from '../lib/service.ts'

type PhaseId = 'healthy' | 'slow' | 'hung' | 'rate_limited' | 'recovered'

interface ProviderPhase {
  id: PhaseId
  label: string
  chat: (request: ChatRequest) => unknown
  embeddings: (answer: EmbeddingsAnswer) => unknown
}

/** The service's defaults (src/config.ts), restated for the report and the targets. */
const CHAT_SOFT_MS = 1500
const CHAT_HARD_MS = 5000
const EMBEDDING_SOFT_MS = 500
const EMBEDDING_HARD_MS = 3000
const BREAKER_COOLDOWN_MS = 5000
/** Short, so that the repeated inputs go stale during every phase and the fail-safe path is what is measured. */
const TTL_SECONDS = 5
const HEALTHY_CHAT_MS = 200
const HEALTHY_EMBEDDINGS_MS = 50
/** Between the soft and the hard timeout. */
const SLOW_CHAT_MS = 2500
const SLOW_EMBEDDINGS_MS = 1000
const P99_MARGIN_MS = 50
const WORKERS = 10
const REQUEST_TIMEOUT_MS = 30_000
const WARMUP_SECONDS = 5
const DEFAULT_PHASE_SECONDS = 15

const healthy = (request: ChatRequest) => slowly(HEALTHY_CHAT_MS, modelAnswer(request))
const rateLimited = () => new HttpReply(429, undefined, { 'retry-after': '1' })

const PHASES: readonly ProviderPhase[] = [
  { id: 'healthy', label: 'healthy', chat: healthy, embeddings: (answer) => slowly(HEALTHY_EMBEDDINGS_MS, answer) },
  { id: 'slow', label: `slow (chat ${SLOW_CHAT_MS / 1000} s, embeddings ${SLOW_EMBEDDINGS_MS / 1000} s)`, chat: (request) => slowly(SLOW_CHAT_MS, modelAnswer(request)), embeddings: (answer) => slowly(SLOW_EMBEDDINGS_MS, answer) },
  { id: 'hung', label: 'hung (never answers)', chat: () => 'hang', embeddings: () => 'hang' },
  { id: 'rate_limited', label: '429 storm (Retry-After: 1)', chat: rateLimited, embeddings: rateLimited },
  { id: 'recovered', label: 'recovered', chat: healthy, embeddings: (answer) => slowly(HEALTHY_EMBEDDINGS_MS, answer) }
]

const SOURCES = ['cache', 'provider', 'stale', 'fallback'] as const
type Source = (typeof SOURCES)[number]

interface Answer {
  unique: boolean
  ok: boolean
  latencyMs: number
  source: Source | undefined
  /** Seconds since the phase began, when the answer arrived. */
  at: number
}

interface Slice {
  requests: number
  failed: number
  p50Ms: number
  p99Ms: number
  sources: Record<Source, number>
}

interface PhaseResult {
  phase: ProviderPhase
  repeated: Slice
  fresh: Slice
  /** Recovered phase: seconds until new inputs stopped being answered by the fallback. */
  leftFallbackSeconds: number | undefined
  counters: Map<string, number>
  /** The service's longest event-loop delay during the phase, in seconds. */
  eventLoopLagMaxSeconds: number
}

/**
 * A model that answers by the schema asked for, with skills that depend on the text, so that a
 * new input needs new embeddings as well as new parses.
 */
function modelAnswer (request: ChatRequest): unknown {
  const sample = sampleInstance(request.response_format.json_schema.schema) as Record<string, unknown>
  const text = request.messages.at(-1)?.content ?? ''
  const skills = ['node.js', 'typescript', 'postgresql', `skill-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`]
  switch (request.response_format.json_schema.name) {
    case 'parsed_job': return { ...sample, title: 'Engineer', required_skills: skills }
    case 'parsed_cv': return { ...sample, skills }
    default: return sample
  }
}

export const aiSoakSection: Section = {
  id: 'ai-soak',
  title: 'AI provider fault soak over HTTP',
  run: () => withTeardown(async (defer) => {
    const seconds = phaseSeconds()
    const teardowns: Array<() => unknown> = []
    defer(async () => { for (const teardown of teardowns) await teardown() })
    const fake = await startFakeOpenAi({ teardown: (fn) => teardowns.push(fn) })
    setPhase(fake, PHASES[0]!)
    const service = await startService({
      redisUrl: '',
      name: 'jobfit-ai-soak',
      env: {
        AI_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-bench',
        OPENAI_BASE_URL: fake.baseUrl,
        AI_FALLBACK: 'local',
        CACHE_TTL_JD_SECONDS: String(TTL_SECONDS),
        CACHE_TTL_CV_SECONDS: String(TTL_SECONDS),
        CACHE_TTL_ROLE_SECONDS: String(TTL_SECONDS),
        CACHE_TTL_INDUSTRIES_SECONDS: String(TTL_SECONDS),
        CACHE_TTL_EMBEDDING_SECONDS: String(TTL_SECONDS)
      }
    })
    defer(() => service.stop())

    await runPhase(service.url, WARMUP_SECONDS)
    const results: PhaseResult[] = []
    for (const phase of PHASES) {
      console.log(`  phase ${phase.label}`)
      results.push(await measurePhase(fake, service, phase, seconds))
    }
    return { markdown: render(results, seconds), targets: targets(results) }
  })
}

function phaseSeconds (): number {
  const value = Number(process.env.BENCH_AI_PHASE_SECONDS ?? DEFAULT_PHASE_SECONDS)
  if (!Number.isFinite(value) || value < 5) throw new Error(`BENCH_AI_PHASE_SECONDS must be a number >= 5, got "${process.env.BENCH_AI_PHASE_SECONDS}"`)
  return value
}

function setPhase (fake: FakeOpenAi, phase: ProviderPhase): void {
  fake.onChat = phase.chat
  fake.onEmbeddings = (_request, answer) => phase.embeddings(answer) as ReturnType<FakeOpenAi['onEmbeddings']>
}

async function measurePhase (fake: FakeOpenAi, service: ServiceHandle, phase: ProviderPhase, seconds: number): Promise<PhaseResult> {
  const before = await service.metrics()
  setPhase(fake, phase)
  const answers = await runPhase(service.url, seconds)
  const after = await service.metrics()
  const fresh = answers.filter((answer) => answer.unique)
  return {
    phase,
    repeated: slice(answers.filter((answer) => !answer.unique)),
    fresh: slice(fresh),
    leftFallbackSeconds: phase.id === 'recovered' ? leftFallback(fresh) : undefined,
    counters: countersDelta(before, after),
    // prom-client resets its event-loop delay histogram at every scrape: this covers the phase.
    eventLoopLagMaxSeconds: after.sum('nodejs_eventloop_lag_max_seconds')
  }
}

/** `WORKERS` loops, each with one request in flight, for `seconds`; answers in arrival order. */
async function runPhase (url: string, seconds: number): Promise<Answer[]> {
  const answers: Answer[] = []
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(Array.from({ length: WORKERS }, async () => {
    while (performance.now() < deadline) answers.push(await request(url, started))
  }))
  return answers
}

async function request (url: string, phaseStarted: number): Promise<Answer> {
  const { body, unique } = nextMixedBody()
  const sent = performance.now()
  try {
    const response = await fetch(`${url}${SCORE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    })
    await response.arrayBuffer()
    const done = performance.now()
    const source = response.headers.get('x-jobfit-source') as Source | null
    return { unique, ok: response.ok, latencyMs: done - sent, source: source ?? undefined, at: (done - phaseStarted) / 1000 }
  } catch {
    const done = performance.now()
    return { unique, ok: false, latencyMs: done - sent, source: undefined, at: (done - phaseStarted) / 1000 }
  }
}

function slice (answers: readonly Answer[]): Slice {
  const latencies = answers.filter((answer) => answer.ok).map((answer) => answer.latencyMs).sort((a, b) => a - b)
  const sources = Object.fromEntries(SOURCES.map((source) => [source, 0])) as Record<Source, number>
  for (const answer of answers) if (answer.ok && answer.source !== undefined) sources[answer.source]++
  return {
    requests: answers.length,
    failed: answers.filter((answer) => !answer.ok).length,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    sources
  }
}

/** When the last new input answered by the fallback arrived; 0 when none was. */
function leftFallback (fresh: readonly Answer[]): number | undefined {
  const fallbacks = fresh.filter((answer) => answer.source === 'fallback')
  if (fallbacks.length === 0) return 0
  const last = fallbacks.at(-1)!.at
  const later = fresh.filter((answer) => answer.at > last)
  return later.length === 0 ? undefined : last
}

const COUNTERS: ReadonlyArray<{ label: string, read: (metrics: Metrics) => Map<string, number> }> = [
  { label: 'stale', read: (metrics) => metrics.byLabel('ai_stale_served_total', 'reason', { provider: 'openai' }) },
  { label: 'timeout', read: (metrics) => metrics.byLabel('ai_timeouts_total', 'kind', { provider: 'openai' }) },
  { label: 'fallback', read: (metrics) => metrics.byLabel('ai_fallbacks_total', 'reason', { provider: 'openai' }) }
]

function countersDelta (before: Metrics, after: Metrics): Map<string, number> {
  const delta = new Map<string, number>()
  for (const counter of COUNTERS) {
    for (const [key, value] of deltaByKey(counter.read(before), counter.read(after))) {
      if (value > 0) delta.set(`${counter.label} ${key}`, value)
    }
  }
  return delta
}

// ---------------------------------------------------------------------------------------------
// Targets and report

function findPhase (results: readonly PhaseResult[], id: PhaseId): PhaseResult {
  return results.find((result) => result.phase.id === id)!
}

function share (slice: Slice, source: Source): number {
  const answered = slice.requests - slice.failed
  return answered === 0 ? 0 : slice.sources[source] / answered
}

function percent (value: number): string {
  return `${(value * 100).toFixed(0)} %`
}

function targets (results: readonly PhaseResult[]): TargetResult[] {
  const failing = results.filter((result) => result.repeated.failed + result.fresh.failed > 0)
  const total = results.reduce((sum, result) => sum + result.repeated.requests + result.fresh.requests, 0)
  const boundMs = CHAT_SOFT_MS + P99_MARGIN_MS
  const slowPhases = ['slow', 'hung'] as const
  const recovered = findPhase(results, 'recovered').leftFallbackSeconds
  return [
    {
      name: 'AI_FALLBACK=local: every request answered 2xx, in every provider phase',
      target: '0 non-2xx, timeouts or errors',
      measured: failing.length === 0
        ? `0 of ${total} requests`
        : failing.map((result) => `${result.phase.label}: ${result.repeated.failed + result.fresh.failed}`).join('; '),
      met: failing.length === 0
    },
    ...slowPhases.map((id): TargetResult => {
      const { repeated, eventLoopLagMaxSeconds } = findPhase(results, id)
      const met = repeated.requests > 0 && repeated.p99Ms <= boundMs
      return {
        name: `repeated inputs while the provider is ${id}: p99 within the soft timeout + ${P99_MARGIN_MS} ms`,
        target: `<= ${ms(boundMs)}`,
        measured: `p99 ${ms(repeated.p99Ms)} (p50 ${ms(repeated.p50Ms)}, ${repeated.requests} requests)`,
        met,
        ...(met ? {} : { note: `by ${ms(repeated.p99Ms - boundMs)}; the service's event loop lagged up to ${ms(eventLoopLagMaxSeconds * 1000)} in this phase` })
      }
    }),
    {
      name: 'new inputs answered by the fallback, per phase',
      target: 'reported',
      measured: results.map((result) => `${result.phase.id} ${percent(share(result.fresh, 'fallback'))}`).join(', '),
      met: true,
      descriptive: true
    },
    {
      name: 'time to leave fallback after the provider recovers (new inputs)',
      target: `<= breaker cool-down (${BREAKER_COOLDOWN_MS / 1000} s) + hard timeout (${CHAT_HARD_MS / 1000} s)`,
      measured: recovered === undefined ? 'still on fallback at the end of the phase' : `${recovered.toFixed(1)} s`,
      met: recovered !== undefined && recovered <= (BREAKER_COOLDOWN_MS + CHAT_HARD_MS) / 1000
    }
  ]
}

function sources (slice: Slice): string {
  return SOURCES.filter((source) => slice.sources[source] > 0).map((source) => `${source} ${percent(share(slice, source))}`).join(', ') || '–'
}

function counters (counts: ReadonlyMap<string, number>): string {
  if (counts.size === 0) return '0'
  return [...counts].sort(([, a], [, b]) => b - a).map(([key, count]) => `${key} ${count}`).join(', ')
}

function render (results: readonly PhaseResult[], seconds: number): string {
  const rows = results.flatMap((result) => (['repeated', 'fresh'] as const).map((kind) => {
    const slice = result[kind]
    return [
      kind === 'repeated' ? result.phase.label : '',
      kind === 'repeated' ? 'repeated (80 %)' : 'new (20 %)',
      slice.requests, slice.failed, ms(slice.p50Ms), ms(slice.p99Ms), sources(slice)
    ]
  }))
  const counterRows = results.map((result) => [result.phase.label, counters(result.counters), ms(result.eventLoopLagMaxSeconds * 1000)])
  const recovered = findPhase(results, 'recovered').leftFallbackSeconds
  return [
    'The service (`node src/server.ts`, no Redis: L1 only) runs as a child process with `AI_PROVIDER=openai` against the ' +
      'loopback fake OpenAI server of test/helpers/fake-openai.ts, `AI_FALLBACK=local` and the default timeouts and breaker: ' +
      `soft ${ms(CHAT_SOFT_MS)} / hard ${ms(CHAT_HARD_MS)} for chat, soft ${ms(EMBEDDING_SOFT_MS)} / hard ${ms(EMBEDDING_HARD_MS)} ` +
      `for embeddings, cool-down ${BREAKER_COOLDOWN_MS / 1000} s, the client's own 2 retries. Every AI namespace has a ` +
      `${TTL_SECONDS} s TTL (and the default grace of days), so the repeated inputs keep going stale and each phase measures ` +
      'the fail-safe path, not fresh cache hits. The fake answers healthy chat calls in ' +
      `${HEALTHY_CHAT_MS} ms and embeddings in ${HEALTHY_EMBEDDINGS_MS} ms.`,
    '',
    `Each phase: ${seconds} s of \`POST /api/calculate-score\` from ${WORKERS} workers (one request in flight each), ` +
      '80 % known (CV, JD) pairs, 20 % CVs never seen before; a new CV needs a parse, a role, industries and embeddings ' +
      `(its skills include one unique to it). A ${WARMUP_SECONDS} s unreported healthy warm-up comes first. Latencies are ` +
      `of answered requests; a request unanswered after ${REQUEST_TIMEOUT_MS / 1000} s would count as failed. *Sources* are ` +
      'the `x-jobfit-source` headers of the answers.',
    '',
    table(['provider phase', 'inputs', 'requests', 'failed', 'p50', 'p99', 'sources'], rows),
    '',
    'What the service counted per phase (deltas of its `/metrics`, provider `openai`): `ai_stale_served_total` by reason, ' +
      '`ai_timeouts_total` by kind, `ai_fallbacks_total` by reason.',
    '',
    table(['provider phase', 'counters', 'event-loop lag, max'], counterRows),
    '',
    `**Leaving fallback.** After the provider recovered, the last new input answered by the fallback arrived ` +
      `${recovered === undefined ? '(never: still on fallback at the end)' : `${recovered.toFixed(1)} s`} into the phase: ` +
      'the breakers opened during the outage let one probe through per operation after their cool-down, and the first ' +
      'successful probe closes them. Repeated inputs whose stale values were re-cached for the fail-safe throttle ' +
      '(30 s) keep answering `stale` until it ends, without asking the provider.'
  ].join('\n')
}
