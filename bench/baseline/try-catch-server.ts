/**
 * The README's "why not just wrap Redis in try/catch?" as a running server, for the `baseline`
 * section only. It does the same work as jobfit's `POST /api/calculate-score` (same provider,
 * parsers, classifiers, embedder and scoring, the same five cached steps, one MGET and one
 * pipeline for the embeddings) but caches each step the obvious way: an ioredis client with its
 * default options, every call wrapped in try/catch, no L1, no deadline, no circuit breaker.
 *
 * Env: PORT, HOST, REDIS_URL (required: this must never fall back to a shared Redis).
 * GET /debug/queue reports the client's queues and the process' memory.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import Fastify from 'fastify'
import { LexicalEmbedder } from '../../src/ai/local/embedders/lexical.ts'
import { LocalProvider } from '../../src/ai/local/local-provider.ts'
import { describeCv } from '../../src/matching/describe-cv.ts'
import { FitScore } from '../../src/matching/fit-score.ts'
import { skillThresholdsFor } from '../../src/matching/skill-thresholds.ts'
import { scoreFit } from '../../src/matching/score-fit.ts'

// The service's own ioredis (resolved from src/: the root's v6), not the bench's v5: the
// baseline uses the very client jobfit ships, with that version's defaults (offline queue on,
// 20 retries per request, no command timeout, reconnect backoff up to 5 s).
const { Redis } = createRequire(new URL('../../src/', import.meta.url))('ioredis') as typeof import('ioredis')

/** What ioredis keeps private but the benchmark wants to watch. */
interface ClientQueues {
  offlineQueue: { length: number }
  commandQueue: { length: number }
}

interface ScoreRequest {
  cv: string
  jd: string
}

const TTL_SECONDS = 30 * 24 * 60 * 60
/** jobfit's defaults (EMBEDDING_DIMENSIONS, EMBEDDING_BATCH_SIZE). */
const provider = new LocalProvider({ embedder: new LexicalEmbedder(768), embeddingDimensions: 768, maxEmbeddingBatch: 256 })

const redisUrl = process.env.REDIS_URL
if (redisUrl === undefined || redisUrl === '') throw new Error('REDIS_URL is required')
const redis = new Redis(redisUrl)
// Without a listener ioredis prints every reconnection error; the naive code ignores them too.
redis.on('error', () => {})

/** The whole idea under test: a Redis failure is caught and treated as "no cache". */
async function tryRedis<T> (command: () => Promise<T>): Promise<T | undefined> {
  try {
    return await command()
  } catch {
    return undefined
  }
}

function cacheKey (namespace: string, input: unknown): string {
  return `baseline:${namespace}:${createHash('sha256').update(JSON.stringify({ provider: provider.id, input })).digest('hex')}`
}

async function cached<T> (namespace: string, input: unknown, compute: () => Promise<T>): Promise<T> {
  const key = cacheKey(namespace, input)
  const hit = await tryRedis(() => redis.get(key))
  if (typeof hit === 'string') return JSON.parse(hit) as T
  const value = await compute()
  await tryRedis(() => redis.set(key, JSON.stringify(value), 'EX', TTL_SECONDS))
  return value
}

/** One MGET for the batch, the missing vectors computed in one call and written in one pipeline. */
async function embed (texts: string[]): Promise<Float32Array[]> {
  const keys = texts.map((text) => cacheKey('embedding', { model: provider.embeddingModel, text }))
  const stored = await tryRedis(() => redis.mget(...keys))
  const vectors = texts.map((_, index) => decodeVector(stored?.[index]))
  const missing = texts.flatMap((_, index) => vectors[index] === undefined ? [index] : [])
  if (missing.length === 0) return vectors as Float32Array[]
  const fresh = await provider.embed(missing.map((index) => texts[index]!))
  const pipeline = redis.pipeline()
  missing.forEach((index, position) => {
    vectors[index] = fresh[position]
    pipeline.set(keys[index]!, encodeVector(fresh[position]!), 'EX', TTL_SECONDS)
  })
  await tryRedis(() => pipeline.exec())
  return vectors as Float32Array[]
}

function encodeVector (vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')
}

function decodeVector (text: string | null | undefined): Float32Array | undefined {
  if (typeof text !== 'string') return undefined
  const bytes = Buffer.from(text, 'base64')
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
}

/** routes/calculate-score.ts for text inputs, step for step. */
async function calculateScore ({ cv, jd }: ScoreRequest) {
  const [parsedCv, parsedJob] = await Promise.all([
    cached('cv', cv, () => provider.parseCv(cv)),
    cached('jd', jd, () => provider.parseJobDescription(jd))
  ])
  const profile = describeCv(parsedCv)
  const [cvRoleCategory, cvIndustries] = await Promise.all([
    cached('role', profile, () => provider.classifyRoleCategory(profile.title, profile.text)),
    cached('industries', profile.text, () => provider.extractIndustries(profile.text))
  ])
  return scoreFit({ cv: parsedCv, jd: parsedJob, cvRoleCategory, cvIndustries, embed, skillThresholds: skillThresholdsFor(provider.embeddingModel) })
}

/** Handlers that started and have not returned yet: requests stuck inside the server. */
let inFlight = 0

const app = Fastify({ logger: false })

app.post<{ Body: ScoreRequest }>('/api/calculate-score', {
  schema: {
    body: {
      type: 'object',
      required: ['cv', 'jd'],
      additionalProperties: false,
      properties: { cv: { type: 'string', minLength: 1 }, jd: { type: 'string', minLength: 1 } }
    },
    response: { 200: FitScore }
  }
}, async (request) => {
  inFlight++
  try {
    return await calculateScore(request.body)
  } finally {
    inFlight--
  }
})

app.get('/health', async () => ({ status: 'ok' }))

app.get('/debug/queue', async () => {
  const queues = redis as unknown as ClientQueues
  const memory = process.memoryUsage()
  return {
    offlineQueue: queues.offlineQueue.length,
    commandQueue: queues.commandQueue.length,
    inFlightRequests: inFlight,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed
  }
})

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' })
