/**
 * Where a calculate-score request spends its CPU: cold and warm requests in a child process
 * under `node --cpu-prof`, summarized by self time (bench/profile/cpu-profile.ts). The profiles
 * stay in bench/.out/profiles/ for Chrome DevTools or speedscope.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Section } from '../lib/report.ts'
import { ms, ratio, table } from '../lib/report.ts'
import { runNodeScript } from '../memory/node-script.ts'
import { startRedisServer } from '../../test/helpers/redis-server.ts'
import { measureBeforeAfter } from './before-after.ts'
import { summarize } from './cpu-profile.ts'
import type { CpuProfile, ProfileSummary } from './cpu-profile.ts'
import type { ProfileMode, ProfileRun } from './profile-score.ts'

const PROFILE_DIR = new URL('../.out/profiles/', import.meta.url)
const SAMPLING_INTERVAL_US = 200
/** Enough samples per mode for a stable top 15: about 4 s of requests each. */
const REQUESTS: Record<ProfileMode, number> = { cold: 300, warm: 2000 }
const CHILD_TIMEOUT_MS = 90_000
const TOP_FUNCTIONS = 15
const TOP_COMPONENTS = 12

interface Profiled {
  run: ProfileRun
  summary: ProfileSummary
}

export const profileSection: Section = {
  id: 'profile',
  title: 'CPU profile of calculate-score',
  async run () {
    mkdirSync(PROFILE_DIR, { recursive: true })
    const redis = await startRedisServer()
    try {
      const profiled: Profiled[] = []
      for (const mode of ['cold', 'warm'] as const) profiled.push(await profile(mode, redis.url))
      const beforeAfter = measureBeforeAfter()
      return {
        markdown: `${render(profiled)}\n${beforeAfter.markdown}\n`,
        targets: beforeAfter.comparisons.map((row) => ({
          name: `profile-driven change: ${row.what} (${row.workload})`,
          target: 'faster than before',
          measured: `${ratio(row.beforeUs / row.afterUs)} (${row.beforeUs.toFixed(1)} → ${row.afterUs.toFixed(1)} µs)`,
          met: row.afterUs < row.beforeUs
        }))
      }
    } finally {
      await redis.stop()
    }
  }
}

async function profile (mode: ProfileMode, redisUrl: string): Promise<Profiled> {
  const file = new URL(`${mode}.cpuprofile`, PROFILE_DIR)
  rmSync(file, { force: true })
  const run = await runNodeScript<ProfileRun>({
    script: new URL('./profile-score.ts', import.meta.url),
    nodeFlags: ['--cpu-prof', '--cpu-prof-dir', fileURLToPath(PROFILE_DIR), '--cpu-prof-name', `${mode}.cpuprofile`, '--cpu-prof-interval', String(SAMPLING_INTERVAL_US)],
    args: [mode, redisUrl, String(REQUESTS[mode])],
    name: `profile-${mode}`,
    timeoutMs: CHILD_TIMEOUT_MS
  })
  const cpuProfile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  return { run, summary: summarize(cpuProfile, run.intervals) }
}

function render (profiled: readonly Profiled[]): string {
  return [
    'Each mode runs in a child `node --cpu-prof` (sampling every ' + `${SAMPLING_INTERVAL_US} µs) on the app of the cost section ` +
      '(local provider, private Redis), the same CV/JD pair. **cold**: every cache namespace cleared before each request (the ' +
      'clearing itself is left out of the profile) and a new CV text; **warm**: the identical request again, all from L1. ' +
      'Only samples taken while a measured request, or the L2 writes it queued, was running are counted; a tenth as many ' +
      'unmeasured requests warm the JIT up first. Self time is per request; a builtin or Node.js internal is charged to the ' +
      'project file or npm package that called it (column _charged to_). Profiles: `bench/.out/profiles/{cold,warm}.cpuprofile`.',
    '',
    ...profiled.flatMap(renderMode)
  ].join('\n')
}

const MAX_NAME = 60

/** Regex pseudo-functions are named after their (long, `|`-laden) source. */
function cell (name: string): string {
  const short = name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name
  return short.replaceAll('|', '\\|')
}

function renderMode ({ run, summary }: Profiled): string[] {
  const busyUs = summary.totalUs - summary.idleUs
  const perRequest = (us: number) => ms(us / 1000 / run.requests)
  const share = (us: number) => `${(100 * us / busyUs).toFixed(1)}%`
  const hottestProjectFile = summary.components.find(({ component }) => /^(src|routes|plugins)\//.test(component))
  return [
    `### ${run.mode}`,
    '',
    `${run.requests} requests, median ${ms(run.medianMs)} each; CPU busy ${perRequest(busyUs)} per request, ` +
      `idle (waiting on Redis) ${perRequest(summary.idleUs)}.` +
      (hottestProjectFile === undefined ? '' : ` Hottest project file: \`${hottestProjectFile.component}\`, ${share(hottestProjectFile.selfUs)} of busy time.`),
    '',
    table(
      ['component', 'self time per request', 'share of busy'],
      summary.components.filter(({ component }) => component !== '(idle)').slice(0, TOP_COMPONENTS)
        .map(({ component, selfUs }) => [`\`${component}\``, perRequest(selfUs), share(selfUs)])
    ),
    '',
    table(
      ['function', 'location', 'charged to', 'self time per request', 'share of busy'],
      summary.functions.filter(({ name }) => name !== '(idle)').slice(0, TOP_FUNCTIONS)
        .map((fn) => [`\`${cell(fn.name)}\``, `\`${fn.location}\``, `\`${fn.component}\``, perRequest(fn.selfUs), share(fn.selfUs)])
    ),
    ''
  ]
}
