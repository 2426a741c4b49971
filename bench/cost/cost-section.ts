/**
 * Section 4 of the benchmark issue: what one POST /api/calculate-score costs in provider calls,
 * embeddings and Redis round trips, cold and warm, and how long the server spends on it.
 */
import type { FastifyInstance } from 'fastify'
import type { Section, TargetResult } from '../lib/report.ts'
import { ms, table } from '../lib/report.ts'
import { startRedisServer } from '../../test/helpers/redis-server.ts'
import type { RedisServerHandle } from '../../test/helpers/redis-server.ts'
import { sampleText } from '../../test/fixtures/texts/index.ts'
import { AI_OPERATIONS, measureRequest, REDIS_COMMANDS } from './request-cost.ts'
import type { RequestCost } from './request-cost.ts'
import { forgetEverything, MAIN_PAIR, OTHER_PAIR, score, scorePayload, startScoringApp } from './score-workload.ts'
import type { SamplePair, ScorePayload } from './score-workload.ts'

const RUNS = 30
const L2_RUNS = 10
const SMALL_RUNS = 10
/** Fresh instances whose very first request is measured. */
const BOOT_RUNS = 3
/** Unmeasured rounds first, so that the first measured runs do not pay for JIT compilation. */
const WARMUP_ROUNDS = 10
/** A smaller pair: if round trips are O(1), it needs as many as MAIN_PAIR. */
const SMALL_PAIR: SamplePair = { cv: 'data-scientist-cv', jd: 'data-science-jd' }
/** By construction: GETs for cv, jd, role and industries, one MGET for vectors, and at most one write pipeline for each of those five. */
const MAX_COLD_ROUND_TRIPS = 10
const MIN_CV_SKILLS = 30
const MIN_JD_SKILLS = 15

interface Case {
  name: string
  runs: RequestCost[]
}

interface SkillCounts {
  cv: number
  jdRequired: number
  jdPreferred: number
}

export const costSection: Section = {
  id: 'cost',
  title: 'Cost per request',
  async run () {
    const redis = await startRedisServer()
    try {
      const app = await startScoringApp(redis.url)
      try {
        return await measureCases(app, redis)
      } finally {
        await app.close()
      }
    } finally {
      await redis.stop()
    }
  }
}

async function measureCases (app: FastifyInstance, redis: RedisServerHandle) {
  const skills = await skillCounts(app, MAIN_PAIR)
  await warmUp(app)
  const small = await coldRuns(app, redis, SMALL_PAIR, SMALL_RUNS)
  const cold: RequestCost[] = []
  const warm: RequestCost[] = []
  const newText: RequestCost[] = []
  let last = scorePayload(MAIN_PAIR)
  for (let run = 0; run < RUNS; run++) {
    await forgetEverything(app)
    last = scorePayload(MAIN_PAIR, `cold-${run}`)
    cold.push(await measureRequest(app, redis, last))
    warm.push(await measureRequest(app, redis, last))
    newText.push(await measureRequest(app, redis, scorePayload(MAIN_PAIR, `new-${run}`)))
  }
  // `last` is in Redis now (measureRequest flushed its writes): fresh instances read it from L2.
  const fromL2 = await secondInstanceRuns(redis, last, true)
  const firstAfterBoot = await secondInstanceRuns(redis, last, false)
  const cases: Case[] = [
    { name: 'cold', runs: cold },
    { name: 'new CV text', runs: newText },
    { name: 'warm (L1)', runs: warm },
    { name: 'warm from L2', runs: fromL2 },
    { name: 'cold, smaller pair', runs: small }
  ]
  return {
    markdown: render(skills, cases, { first: firstAfterBoot, warmedUp: fromL2 }),
    targets: targets(skills, cold, small, warm, fromL2)
  }
}

async function skillCounts (app: FastifyInstance, pair: SamplePair): Promise<SkillCounts> {
  const cv = await app.inject({ method: 'POST', url: '/api/parse-cv', payload: { text: sampleText(pair.cv) } })
  const jd = await app.inject({ method: 'POST', url: '/api/parse', payload: { text: sampleText(pair.jd) } })
  if (cv.statusCode !== 200 || jd.statusCode !== 200) throw new Error(`parsing the samples failed: ${cv.body} ${jd.body}`)
  const job = jd.json<{ required_skills: string[], preferred_skills: string[] }>()
  return { cv: cv.json<{ skills: string[] }>().skills.length, jdRequired: job.required_skills.length, jdPreferred: job.preferred_skills.length }
}

/** Cold and warm requests on a pair whose keys the measured runs never use. */
async function warmUp (app: FastifyInstance): Promise<void> {
  for (let round = 0; round < WARMUP_ROUNDS; round++) {
    await forgetEverything(app)
    const payload = scorePayload(OTHER_PAIR, `warm-up-${round}`)
    await score(app, payload)
    await score(app, payload)
  }
}

async function coldRuns (app: FastifyInstance, redis: RedisServerHandle, pair: SamplePair, runs: number): Promise<RequestCost[]> {
  const costs: RequestCost[] = []
  for (let run = 0; run < runs; run++) {
    await forgetEverything(app)
    costs.push(await measureRequest(app, redis, scorePayload(pair, `cold-${run}`)))
  }
  return costs
}

/**
 * Each run is a new instance on the same Redis, so its L1 is empty. Its first request would also
 * pay for per-instance lazy setup, so with `warmedUp` an unrelated pair goes first.
 */
async function secondInstanceRuns (redis: RedisServerHandle, payload: ScorePayload, warmedUp: boolean): Promise<RequestCost[]> {
  const costs: RequestCost[] = []
  for (let run = 0; run < (warmedUp ? L2_RUNS : BOOT_RUNS); run++) {
    const instance = await startScoringApp(redis.url)
    try {
      if (warmedUp) await score(instance, scorePayload(OTHER_PAIR))
      costs.push(await measureRequest(instance, redis, payload))
    } finally {
      await instance.close()
    }
  }
  return costs
}

function sorted (values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b)
}

function quantile (values: readonly number[], q: number): number {
  const ordered = sorted(values)
  return ordered[Math.min(ordered.length - 1, Math.floor(q * ordered.length))] ?? NaN
}

/** The median, with the range when the runs did not all agree. */
function countCell (values: readonly number[]): string {
  const ordered = sorted(values)
  const [min, max] = [ordered[0], ordered[ordered.length - 1]]
  const median = quantile(values, 0.5)
  return min === max ? String(median) : `${median} (${min}–${max})`
}

type Row = [label: string, of: (cost: RequestCost) => number]

const ROWS: readonly Row[] = [
  ...AI_OPERATIONS.map((operation): Row => [`provider calls: ${operation}`, (cost) => cost.providerCalls[operation]]),
  ['texts embedded by the provider', (cost) => cost.vectors.computed],
  ['vectors from L1', (cost) => cost.vectors.l1],
  ['vectors from L2', (cost) => cost.vectors.l2],
  ...REDIS_COMMANDS.map((command): Row => [`Redis ${command.toUpperCase()} commands`, (cost) => cost.commands.get(command) ?? 0]),
  ['other Redis commands', (cost) => [...cost.commands].reduce((sum, [command, calls]) => (REDIS_COMMANDS as readonly string[]).includes(command) ? sum : sum + calls, 0)],
  ['write-behind SET pipelines', (cost) => cost.setPipelines],
  ['**Redis round trips**', (cost) => cost.roundTrips]
]

function medianMs (costs: readonly RequestCost[]): string {
  return ms(quantile(costs.map((cost) => cost.serverMs), 0.5))
}

function render (skills: SkillCounts, cases: readonly Case[], boot: { first: RequestCost[], warmedUp: RequestCost[] }): string {
  const serverTimes = (q: number) => cases.map(({ runs }) => ms(quantile(runs.map((cost) => cost.serverMs), q)))
  return [
    `The real app in process (\`buildApp\`, default cache settings, \`AI_PROVIDER=local\`, a private redis-server), driven by ` +
      '`app.inject` (no network: server time is routing, validation, the cache, the provider and scoring). ' +
      `Inputs: \`${MAIN_PAIR.cv}\` (${skills.cv} skills per \`/api/parse-cv\`) against \`${MAIN_PAIR.jd}\` ` +
      `(${skills.jdRequired} required + ${skills.jdPreferred} preferred skills per \`/api/parse\`).`,
    '',
    '- **cold**: nothing cached anywhere (every namespace cleared from L1 and Redis) and a CV text never seen (one line appended).',
    '- **new CV text**: a CV text never seen, everything else as cached by the previous requests: what a resubmitted, slightly edited CV costs.',
    '- **warm (L1)**: the identical request again.',
    '- **warm from L2**: a second app instance on the same Redis, with an empty L1 (its first request, on an unrelated pair, pays for per-instance setup).',
    `- **cold, smaller pair**: \`${SMALL_PAIR.cv}\` × \`${SMALL_PAIR.jd}\`, to check that round trips do not grow with the number of texts.`,
    '',
    `Counts are medians over the runs, with the range when runs differed. Provider calls and vectors come from the app's metrics ` +
      '(`ai_requests_total`, `ai_embedding_batch_size_sum`, `cache_hits_total`), Redis commands from the server\'s `INFO commandstats` ' +
      '(after `CONFIG RESETSTAT`), pipelines from `cache_l2_operation_duration_seconds_count{operation="set"}`. A round trip is one non-SET ' +
      'command or one write-behind pipeline (which carries all the SETs queued in one event-loop turn, after the response).',
    '',
    table(
      ['per request', ...cases.map(({ name, runs }) => `${name} (n=${runs.length})`)],
      [
        ['server time, median', ...serverTimes(0.5)],
        ['server time, p90', ...serverTimes(0.9)],
        ...ROWS.map(([label, of]) => [label, ...cases.map(({ runs }) => countCell(runs.map(of)))])
      ]
    ),
    '',
    `The first request an instance serves (warm from L2, nothing before it) took ${medianMs(boot.first)} ` +
      `(median of ${boot.first.length} fresh instances) against ${medianMs(boot.warmedUp)} once the instance has served one request. ` +
      'The Redis work is the same, so the difference is what an instance sets up on first use (a deployment should warm up before taking traffic).'
  ].join('\n')
}

function allEqual (costs: readonly RequestCost[], of: (cost: RequestCost) => number, expected: number): boolean {
  return costs.every((cost) => of(cost) === expected)
}

function providerCalls (cost: RequestCost): number {
  return AI_OPERATIONS.reduce((sum, operation) => sum + cost.providerCalls[operation], 0)
}

function vectorRoundTrips (cost: RequestCost): number {
  return (cost.commands.get('mget') ?? 0) + cost.setPipelines
}

function targets (skills: SkillCounts, cold: RequestCost[], small: RequestCost[], warm: RequestCost[], fromL2: RequestCost[]): TargetResult[] {
  const median = (costs: readonly RequestCost[], of: (cost: RequestCost) => number) => quantile(costs.map(of), 0.5)
  const maxRoundTrips = Math.max(...[...cold, ...small].map((cost) => cost.roundTrips))
  const jdSkills = skills.jdRequired + skills.jdPreferred
  return [
    {
      name: 'realistic inputs: CV skills / JD skills',
      target: `>= ${MIN_CV_SKILLS} / >= ${MIN_JD_SKILLS}`,
      measured: `${skills.cv} / ${jdSkills}`,
      met: skills.cv >= MIN_CV_SKILLS && jdSkills >= MIN_JD_SKILLS
    },
    {
      name: 'cold: provider embeddings calls',
      target: '1',
      measured: `${countCell(cold.map((cost) => cost.providerCalls.embed))} for ${median(cold, (cost) => cost.vectors.computed)} texts`,
      met: allEqual(cold, (cost) => cost.providerCalls.embed, 1)
    },
    {
      name: 'cold: Redis round trips, O(1) in the number of texts',
      target: `<= ${MAX_COLD_ROUND_TRIPS} whatever the texts`,
      measured: `${countCell(cold.map((cost) => cost.roundTrips))} for ${median(cold, (cost) => cost.vectors.computed)} texts, ` +
        `${countCell(small.map((cost) => cost.roundTrips))} for ${median(small, (cost) => cost.vectors.computed)}`,
      met: maxRoundTrips <= MAX_COLD_ROUND_TRIPS,
      note: `up to ${maxRoundTrips}`
    },
    {
      name: 'warm: provider calls',
      target: '0',
      measured: countCell(warm.map(providerCalls)),
      met: allEqual(warm, providerCalls, 0)
    },
    {
      name: 'warm: Redis round trips for vectors',
      target: '0',
      measured: `${countCell(warm.map(vectorRoundTrips))} (all commands: ${countCell(warm.map((cost) => cost.roundTrips))})`,
      met: allEqual(warm, vectorRoundTrips, 0)
    },
    {
      name: 'warm from L2 (empty L1): provider calls',
      target: '0',
      measured: `${countCell(fromL2.map(providerCalls))}, vectors in ${countCell(fromL2.map((cost) => cost.commands.get('mget') ?? 0))} MGET`,
      met: allEqual(fromL2, providerCalls, 0)
    }
  ]
}
