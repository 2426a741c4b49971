/**
 * Section 5 of the benchmark issue: does the L1 byte bound hold, and what does the process
 * really pay for it? Each run is a child process (fill-l1.ts) writing 100 000 distinct keys.
 */
import type { Section, TargetResult } from '../lib/report.ts'
import { table } from '../lib/report.ts'
import type { FillResult, ValueKind } from './fill-l1.ts'
import { runNodeScript } from './node-script.ts'

const MIB = 1024 * 1024
const L1_LIMIT = 64 * MIB
/** Control runs: an L1 too small to hold anything, so the RSS they show is the write churn alone. */
const CONTROL_LIMIT = 1 * MIB
/** On top of the baseline and the limit: key strings the estimate may miss, the young generation, garbage not yet collected. */
const ALLOWED_OVERHEAD = L1_LIMIT / 2
/** How far the L1 estimate may be from the memory the cache really retains. */
const ESTIMATE_TOLERANCE = 0.2
/** A heap sized for a 64 MiB L1: what a deployment can set to keep V8's garbage headroom small. */
const TIGHT_HEAP_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=1']
const CHILD_TIMEOUT_MS = 60_000

interface Run {
  label: string
  kind: ValueKind
  l1MaxBytes: number
  nodeFlags: readonly string[]
}

interface Measured extends Run {
  result: FillResult
}

const KINDS: ReadonlyArray<{ kind: ValueKind, description: string }> = [
  { kind: 'json', description: 'parsed CVs' },
  { kind: 'vector', description: '768-dim vectors' }
]

const RUNS: readonly Run[] = KINDS.flatMap(({ kind, description }) => [
  { label: `${description}, 64 MiB L1`, kind, l1MaxBytes: L1_LIMIT, nodeFlags: [] },
  { label: `${description}, 1 MiB L1 (control)`, kind, l1MaxBytes: CONTROL_LIMIT, nodeFlags: [] },
  { label: `${description}, 64 MiB L1, tight heap`, kind, l1MaxBytes: L1_LIMIT, nodeFlags: TIGHT_HEAP_FLAGS }
])

export const memorySection: Section = {
  id: 'memory',
  title: 'Memory: L1 bound vs process RSS',
  async run () {
    const measured: Measured[] = []
    for (const [index, run] of RUNS.entries()) {
      const result = await runNodeScript<FillResult>({
        script: new URL('./fill-l1.ts', import.meta.url),
        nodeFlags: ['--expose-gc', ...run.nodeFlags],
        args: [run.kind, String(run.l1MaxBytes)],
        name: `memory-${index}-${run.kind}`,
        timeoutMs: CHILD_TIMEOUT_MS
      })
      measured.push({ ...run, result })
    }
    return { markdown: render(measured), targets: targets(measured) }
  }
}

function mib (bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`
}

/** Heap + external memory the full cache held: the same process after a GC, with it and without it. */
function retainedBytes ({ filled, emptied }: FillResult): number {
  return filled.heapUsed + filled.external - (emptied.heapUsed + emptied.external)
}

function estimateRatio (result: FillResult): number {
  return result.l1.finalBytes / retainedBytes(result)
}

function growth (result: FillResult): number {
  return result.peakRss - result.baseline.rss
}

function render (measured: readonly Measured[]): string {
  const main = measured.filter((run) => run.l1MaxBytes === L1_LIMIT && run.nodeFlags.length === 0)
  return [
    `Each run is a child \`node --expose-gc\` writing ${measured[0]?.result.keys.toLocaleString('en-US') ?? '?'} distinct keys through ` +
      '`createCache` (the service\'s default settings, `l1MaxBytes` as stated) with `safeSet`, L1 only: L2 lives in another process, ' +
      'so it adds nothing to this RSS, and with Redis the write-behind queue would add its in-flight texts to what is measured. ' +
      'Values: **parsed CVs** (the backend-engineer sample, `JSON.parse`d per key as an L2 hit hands them to L1, ' +
      `${measured[0]?.result.valueBytes ?? '?'} chars of JSON) or **768-dim vectors** from the lexical embedder (one 3 KiB ArrayBuffer each). ` +
      'L1 bytes are sampled after every write, RSS every 500 writes. The baseline is the child after loading the service\'s modules and a full GC.',
    '',
    '**L1 accounting** (64 MiB runs): the estimate (`cache.stats().l1.bytes`) against what the cache really retains, i.e. heap + external ' +
      'memory after a full GC with the cache minus the same after dropping it.',
    '',
    table(
      ['values', 'entries kept', 'peak L1 bytes / limit', 'estimated per entry', 'retained per entry', 'estimate / retained'],
      main.map(({ label, result }) => [
        label,
        result.l1.entries.toLocaleString('en-US'),
        `${mib(result.l1.peakBytes)} / ${mib(result.l1.maxBytes)}`,
        `${(result.l1.finalBytes / result.l1.entries).toFixed(0)} B`,
        `${(retainedBytes(result) / result.l1.entries).toFixed(0)} B`,
        `${estimateRatio(result).toFixed(2)}`
      ])
    ),
    '',
    '**Process RSS**. _Control_ runs keep (almost) nothing, so their growth is the cost of the writes themselves (values, encoded ' +
      `texts, keys: all garbage once evicted). _Tight heap_ runs add \`${TIGHT_HEAP_FLAGS.join(' ')}\`.`,
    '',
    table(
      ['run', 'write time', 'RSS baseline', 'peak RSS', 'peak − baseline', 'RSS after GC, cache full', 'heap used + external after GC', 'RSS after dropping the cache + GC'],
      measured.map(({ label, result }) => [
        label,
        `${result.writeSeconds.toFixed(1)} s`,
        mib(result.baseline.rss),
        mib(result.peakRss),
        `**${mib(growth(result))}**`,
        mib(result.filled.rss),
        mib(result.filled.heapUsed + result.filled.external),
        mib(result.emptied.rss)
      ])
    ),
    '',
    'RSS does not come back down after a GC: V8 keeps the pages it freed in a pool for reuse (`--trace-gc` reports them as "pooled") ' +
      'and freed ArrayBuffer backing stores go back to malloc, not to the OS. So RSS is set by the peak heap, i.e. by how far V8 lets ' +
      'the heap grow past the live set before a full collection; the tight-heap runs show that bound is the heap flags, not the L1 limit.'
  ].join('\n')
}

function targets (measured: readonly Measured[]): TargetResult[] {
  const tight = (kind: ValueKind) => measured.find((run) => run.kind === kind && run.nodeFlags.length > 0)
  return measured.filter((run) => run.l1MaxBytes === L1_LIMIT && run.nodeFlags.length === 0).flatMap(({ label, kind, result }) => {
    const allowed = result.l1.maxBytes + ALLOWED_OVERHEAD
    const tightRun = tight(kind)
    return [
      {
        name: `${label}: L1 bytes never above the limit`,
        target: `<= ${mib(result.l1.maxBytes)}`,
        measured: `peak ${mib(result.l1.peakBytes)} (${result.l1.entries.toLocaleString('en-US')} entries kept)`,
        met: result.l1.peakBytes <= result.l1.maxBytes
      },
      {
        name: `${label}: peak RSS within baseline + limit + ${mib(ALLOWED_OVERHEAD)}`,
        target: `<= ${mib(result.baseline.rss + allowed)} (baseline ${mib(result.baseline.rss)})`,
        measured: `${mib(result.peakRss)} (+${mib(growth(result))})`,
        met: growth(result) <= allowed,
        note: `V8 lets the heap grow to several times the live set before collecting, and keeps freed pages; ` +
          (tightRun === undefined ? '' : `with ${TIGHT_HEAP_FLAGS.join(' ')} the growth is ${mib(growth(tightRun.result))}`)
      },
      {
        name: `${label}: L1 estimate vs retained memory`,
        target: `within ±${ESTIMATE_TOLERANCE * 100}%`,
        measured: `${mib(result.l1.finalBytes)} estimated, ${mib(retainedBytes(result))} retained (${estimateRatio(result).toFixed(2)}x)`,
        met: Math.abs(estimateRatio(result) - 1) <= ESTIMATE_TOLERANCE
      }
    ]
  })
}
