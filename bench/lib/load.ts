/**
 * Load on `POST /api/calculate-score` with a realistic mix: most requests score (CV, JD) pairs
 * the service has seen before, some score inputs it has never seen. autocannon runs as a
 * library, in this process, for a fixed duration.
 */
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { sampleText, SAMPLE_CVS, SAMPLE_JDS } from '../../test/fixtures/texts/index.ts'

export const SCORE_PATH = '/api/calculate-score'

/** One request in this many is a never-seen input (20 %); the others reuse a known pair. */
const UNIQUE_EVERY = 5
const DEFAULT_CONNECTIONS = 10
const DEFAULT_TIMEOUT_SECONDS = 10

export interface LoadOptions {
  /** The service's base URL, e.g. `http://127.0.0.1:4321`. */
  url: string
  durationSeconds: number
  /** Concurrent connections, each with one request in flight. Default 10: enough to queue, not to saturate 2 cores. */
  connections?: number
  /** A request without an answer after this long counts as a timeout and its connection is replaced. Default 10 s. */
  timeoutSeconds?: number
}

export interface LoadResult {
  /** Answered requests, whatever their status. */
  requests: number
  non2xx: number
  timeouts: number
  /** Connection errors (refused, reset…), timeouts excluded. */
  errors: number
  /** Latency of the answered requests, in ms (timed-out ones are not in it). */
  p50Ms: number
  p99Ms: number
  maxMs: number
}

const RUN_ID = randomBytes(4).toString('hex')

/** Every CV with every JD: the inputs that come back again and again. */
const REPEATED_BODIES = SAMPLE_CVS.flatMap((cv) => SAMPLE_JDS.map((jd) => JSON.stringify({ cv: sampleText(cv), jd: sampleText(jd) })))

/** The `index`th known pair (wrapping around), as a JSON body. */
export function repeatedBody (index: number): string {
  return REPEATED_BODIES[index % REPEATED_BODIES.length]!
}

let uniqueCount = 0

/**
 * A sample CV with a line no other request has, so its text hash (and cache key) is new: the
 * service must parse it afresh, as it would a CV it has never received.
 */
export function uniqueBody (): string {
  const index = uniqueCount++
  const cv = `${sampleText(SAMPLE_CVS[index % SAMPLE_CVS.length]!)}\nReference: ${RUN_ID}-${index}`
  return JSON.stringify({ cv, jd: sampleText(SAMPLE_JDS[index % SAMPLE_JDS.length]!) })
}

let mixCount = 0

/** The next body of the 80/20 mix, and whether it is a never-seen input. */
export function nextMixedBody (): { body: string, unique: boolean } {
  const index = mixCount++
  const unique = index % UNIQUE_EVERY === UNIQUE_EVERY - 1
  return { body: unique ? uniqueBody() : repeatedBody(index), unique }
}

function nextBody (): string {
  return nextMixedBody().body
}

export async function runLoad (options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: options.url,
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      duration: options.durationSeconds,
      timeout: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      requests: [{
        method: 'POST',
        path: SCORE_PATH,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: nextBody() })
      }]
    }, (error: unknown, done) => error === null || error === undefined ? resolve(done) : reject(error))
    // autocannon's own histogram has 1 ms resolution; the per-response times are exact.
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })
  latencies.sort((a, b) => a - b)
  const requests = result['2xx'] + result.non2xx
  return {
    requests,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? 0
  }
}

/** Nearest-rank percentile of sorted values; 0 when there are none. */
export function percentile (sorted: readonly number[], quantile: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!
}
