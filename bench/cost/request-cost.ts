/**
 * What one request costs, from two independent witnesses: the app's own Prometheus counters
 * (provider calls, embeddings, cache tiers, L2 pipelines) and the Redis server's INFO
 * commandstats (every command it executed, whoever sent it).
 */
import type { FastifyInstance } from 'fastify'
import type { AiOperation } from '../../src/ai/provider.ts'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import { score } from './score-workload.ts'
import type { ScorePayload } from './score-workload.ts'

export const AI_OPERATIONS: readonly AiOperation[] = ['parse_cv', 'parse_job', 'classify_role', 'extract_industries', 'embed']

/** The commands a request may cause; any other command the server saw is reported under `other`. */
export const REDIS_COMMANDS = ['get', 'mget', 'set'] as const

export interface RequestCost {
  serverMs: number
  providerCalls: Record<AiOperation, number>
  /** Commands Redis executed, by lower-case name (`config|resetstat` and `info`, ours, excluded). */
  commands: Map<string, number>
  /** Write-behind pipelines: each is one round trip, however many SETs it carries. */
  setPipelines: number
  /** Every non-SET command is a round trip of its own; SETs travel in `setPipelines`. */
  roundTrips: number
  /** Where the request's vectors came from; `computed` is the texts sent to the provider. */
  vectors: { l1: number, l2: number, computed: number }
}

type Scrape = ReadonlyMap<string, number>

/** One /metrics scrape: every sample line's value, keyed by the rest of the line (name and labels). */
async function scrape (app: FastifyInstance): Promise<Scrape> {
  const response = await app.inject({ method: 'GET', url: '/metrics' })
  const samples = new Map<string, number>()
  for (const line of response.body.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const space = line.lastIndexOf(' ')
    samples.set(line.slice(0, space), Number(line.slice(space + 1)))
  }
  return samples
}

/** Sum over the series of `name` carrying all of `labels`, like metricValue() in the tests. */
function total (samples: Scrape, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`)
  let sum = 0
  for (const [series, value] of samples) {
    if (!series.startsWith(`${name}{`) && series !== name) continue
    if (wanted.every((pair) => series.includes(pair))) sum += value
  }
  return sum
}

const OUR_OWN_COMMANDS = new Set(['config|resetstat', 'info'])

/** `cmdstat_get:calls=3,usec=…` lines → get → 3. */
export function commandCalls (commandstats: string): Map<string, number> {
  const calls = new Map<string, number>()
  for (const match of commandstats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const command = match[1]!
    if (!OUR_OWN_COMMANDS.has(command)) calls.set(command, Number(match[2]))
  }
  return calls
}

/**
 * Sends `payload` once and counts what it caused. Queued L2 writes are flushed before the
 * counters are reset and again after the response, so the write-behind pipeline a request
 * queues is counted with it, and nothing earlier is.
 */
export async function measureRequest (app: FastifyInstance, redis: RedisServerHandle, payload: ScorePayload): Promise<RequestCost> {
  await app.cache.flush()
  await redis.command('CONFIG', 'RESETSTAT')
  const before = await scrape(app)
  const serverMs = await score(app, payload)
  await app.cache.flush()
  const after = await scrape(app)
  const commands = commandCalls(await redis.command('INFO', 'commandstats'))
  const delta = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels)
  const failures = delta('cache_get_failures_total') + delta('cache_set_failures_total')
  if (failures > 0) throw new Error(`${failures} cache operation(s) failed during a measured request: its counts would be those of the fallback path`)
  const setPipelines = delta('cache_l2_operation_duration_seconds_count', { operation: 'set' })
  const nonSet = [...commands].reduce((sum, [command, calls]) => command === 'set' ? sum : sum + calls, 0)
  return {
    serverMs,
    providerCalls: Object.fromEntries(AI_OPERATIONS.map((operation) => [operation, delta('ai_requests_total', { operation })])) as Record<AiOperation, number>,
    commands,
    setPipelines,
    roundTrips: nonSet + setPipelines,
    vectors: {
      l1: delta('cache_hits_total', { namespace: 'embedding', tier: 'l1' }),
      l2: delta('cache_hits_total', { namespace: 'embedding', tier: 'l2' }),
      computed: delta('ai_embedding_batch_size_sum')
    }
  }
}
