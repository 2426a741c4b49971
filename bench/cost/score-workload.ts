/**
 * The calculate-score workload the cost and profile sections share: the real app on the local
 * provider against a private Redis, fed the realistic sample CV and JD, with helpers to make a
 * request cold (nothing cached anywhere) or warm (the identical request again).
 */
import { performance } from 'node:perf_hooks'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { CACHE_POLICY } from '../../src/cache-policy.ts'
import { parseConfig } from '../../src/config.ts'
import { redisReady } from '../../test/helpers/app.ts'
import { sampleText } from '../../test/fixtures/texts/index.ts'
import type { SampleName } from '../../test/fixtures/texts/index.ts'

export interface SamplePair {
  cv: SampleName
  jd: SampleName
}

export interface ScorePayload {
  cv: string
  jd: string
}

/** 30+ CV skills against 15+ JD skills: the size the cost targets are about. */
export const MAIN_PAIR: SamplePair = { cv: 'backend-engineer-cv', jd: 'backend-engineer-jd' }
/** A pair from another field, whose skills barely overlap MAIN_PAIR's: used to warm code paths, not keys. */
export const OTHER_PAIR: SamplePair = { cv: 'nurse-cv', jd: 'icu-nurse-jd' }

/**
 * The service as deployed, on the offline provider, silent; resolves once L2 is ready. One setting
 * differs: the L2 command timeout, 50 ms by default, is 1 s, because on a loaded benchmark machine
 * (or under the profiler) a few late replies would open the breaker and the runs would measure the
 * fallback path instead. Counts do not depend on it; measureRequest() checks no L2 call failed.
 */
export async function startScoringApp (redisUrl: string): Promise<FastifyInstance> {
  const app = await buildApp(parseConfig({ REDIS_URL: redisUrl, AI_PROVIDER: 'local', LOCAL_EMBEDDER: 'lexical', LOG_LEVEL: 'silent', CACHE_L2_COMMAND_TIMEOUT_MS: '1000' }))
  await app.ready()
  if (!await redisReady(app)) {
    await app.close()
    throw new Error(`the app did not connect to Redis at ${redisUrl}`)
  }
  return app
}

const texts = new Map<SampleName, string>()

/** Read once: the profile would otherwise show the harness reading files. */
function text (name: SampleName): string {
  const known = texts.get(name)
  if (known !== undefined) return known
  const read = sampleText(name)
  texts.set(name, read)
  return read
}

/** With a `tag`, the CV gets one more line, so its text (and cache key) is new while its content is not. */
export function scorePayload (pair: SamplePair, tag?: string): ScorePayload {
  const cv = text(pair.cv)
  return { cv: tag === undefined ? cv : `${cv}\nReference: ${tag}`, jd: text(pair.jd) }
}

/** One POST /api/calculate-score; resolves with its duration in ms and fails on anything but a 200. */
export async function score (app: FastifyInstance, payload: ScorePayload): Promise<number> {
  const started = performance.now()
  const response = await app.inject({ method: 'POST', url: '/api/calculate-score', payload })
  const elapsed = performance.now() - started
  if (response.statusCode !== 200) throw new Error(`calculate-score answered ${response.statusCode}: ${response.body}`)
  return elapsed
}

/**
 * Makes the next request cold: every namespace is dropped from L1 and L2 (pending writes first,
 * or they would bring values back). A fresh input alone is not enough, since the skills and
 * titles of a new CV are mostly ones whose vectors are already cached.
 */
export async function forgetEverything (app: FastifyInstance): Promise<void> {
  await app.cache.flush()
  for (const { namespace } of Object.values(CACHE_POLICY)) {
    const cleared = await app.cache.clearNamespace(namespace)
    if (cleared.l2Failure !== undefined) throw new Error(`could not clear ${namespace}: ${cleared.l2Failure.message}`)
  }
}
