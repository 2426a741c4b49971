/**
 * Child process of the profile section, run under `node --cpu-prof`:
 * `profile-score.ts <cold|warm> <redisUrl> <requests> <result.json>`. Warms the JIT up, then sends
 * `requests` calculate-score requests and writes when each one ran (in the CPU profile's clock),
 * so that the summary leaves out startup, warm-up and the cache resets between cold requests.
 */
import { writeFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { forgetEverything, MAIN_PAIR, score, scorePayload, startScoringApp } from '../cost/score-workload.ts'

export type ProfileMode = 'cold' | 'warm'

export interface ProfileRun {
  mode: ProfileMode
  requests: number
  /**
   * [start, end] of each request and of the L2 writes it queued, in µs on the monotonic clock
   * V8's profiler timestamps use.
   */
  intervals: Array<[number, number]>
  /** Median duration of one request (the response, not its L2 writes), ms. */
  medianMs: number
}

/** Unmeasured requests first, so the profile shows optimized code rather than the JIT at work. */
const WARMUP_SHARE = 0.1

function monotonicUs (): number {
  return Number(process.hrtime.bigint() / 1000n)
}

interface Timed {
  durationMs: number
  interval: [number, number]
}

/** One request of `mode`; a cold one is made cold first, outside its interval. */
async function request (app: FastifyInstance, mode: ProfileMode, index: number): Promise<Timed> {
  if (mode === 'cold') await forgetEverything(app)
  const payload = scorePayload(MAIN_PAIR, mode === 'cold' ? `profile-${index}` : undefined)
  const startUs = monotonicUs()
  const durationMs = await score(app, payload)
  // The write-behind pipeline is part of what a request costs the process, after the response.
  await app.cache.flush()
  return { durationMs, interval: [startUs, monotonicUs()] }
}

async function profile (mode: ProfileMode, redisUrl: string, requests: number): Promise<ProfileRun> {
  const app = await startScoringApp(redisUrl)
  try {
    for (let index = 0; index < Math.ceil(requests * WARMUP_SHARE); index++) await request(app, mode, -index - 1)
    const timed: Timed[] = []
    for (let index = 0; index < requests; index++) timed.push(await request(app, mode, index))
    const durations = timed.map(({ durationMs }) => durationMs).sort((a, b) => a - b)
    return { mode, requests, intervals: timed.map(({ interval }) => interval), medianMs: durations[Math.floor(requests / 2)] ?? NaN }
  } finally {
    await app.close()
  }
}

const [mode, redisUrl, requests, resultFile] = process.argv.slice(2)
if ((mode !== 'cold' && mode !== 'warm') || redisUrl === undefined || !(Number(requests) > 0) || resultFile === undefined) {
  throw new Error('usage: profile-score.ts <cold|warm> <redisUrl> <requests> <result.json>')
}
writeFileSync(resultFile, JSON.stringify(await profile(mode, redisUrl, Number(requests))))
