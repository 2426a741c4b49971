/**
 * A small, fair micro-benchmark harness: every case is warmed up, then measured for a fixed time
 * in several rounds whose order rotates (so drift, GC and turbo clocks hit every case alike),
 * and the median of the rounds is kept. Async cases await each operation before starting the
 * next (sequential), or run that loop in `concurrency` workers at once.
 */
import { performance } from 'node:perf_hooks'

export interface BenchCase {
  name: string
  /** One operation. A promise is awaited before the next operation starts. */
  operation: () => unknown
  async: boolean
  /** Workers running the operation loop side by side (async cases only); 1 = sequential. */
  concurrency?: number
}

export interface HarnessOptions {
  rounds: number
  durationMs: number
  warmupMs: number
}

/** Sync operations between clock reads: reading the clock costs more than a Map lookup. */
const SYNC_BATCH = 512
const ASYNC_BATCH = 8

/** Every result is stored here, so that the JIT cannot drop the work that produced it. */
const sink: { value: unknown } = { value: undefined }

function runSync (operation: () => unknown, durationMs: number): number {
  let operations = 0
  const started = performance.now()
  let now = started
  while (now - started < durationMs) {
    for (let i = 0; i < SYNC_BATCH; i++) sink.value = operation()
    operations += SYNC_BATCH
    now = performance.now()
  }
  return operations / ((now - started) / 1000)
}

async function runAsync (operation: () => unknown, durationMs: number, concurrency: number): Promise<number> {
  let operations = 0
  const started = performance.now()
  const worker = async (): Promise<void> => {
    while (performance.now() - started < durationMs) {
      for (let i = 0; i < ASYNC_BATCH; i++) sink.value = await operation()
      operations += ASYNC_BATCH
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return operations / ((performance.now() - started) / 1000)
}

function runCase (benchCase: BenchCase, durationMs: number): Promise<number> | number {
  return benchCase.async
    ? runAsync(benchCase.operation, durationMs, benchCase.concurrency ?? 1)
    : runSync(benchCase.operation, durationMs)
}

/** Between cases, so that one case's garbage is not collected on the next one's time (needs --expose-gc). */
function collectGarbage (): void {
  globalThis.gc?.()
}

/** Median operations per second of each case, by name. */
export async function measure (cases: readonly BenchCase[], options: HarnessOptions): Promise<Map<string, number>> {
  for (const benchCase of cases) await runCase(benchCase, options.warmupMs)
  const samples = new Map(cases.map((benchCase) => [benchCase.name, [] as number[]]))
  for (let round = 0; round < options.rounds; round++) {
    const offset = round % cases.length
    for (const benchCase of [...cases.slice(offset), ...cases.slice(0, offset)]) {
      collectGarbage()
      samples.get(benchCase.name)!.push(await runCase(benchCase, options.durationMs))
    }
  }
  return new Map([...samples].map(([name, values]) => [name, percentile([...values].sort((a, b) => a - b), 50) ?? 0]))
}

/** Nearest-rank percentile of ascending `sorted`; `undefined` when it is empty. */
export function percentile (sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
