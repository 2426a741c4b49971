/**
 * Runs a bench script in a child Node.js of its own: memory is measured in a process that holds
 * nothing else, and a CPU profile covers only the workload. The child writes its result as JSON
 * to a file whose path is its last argument; its output goes to a log file kept for post-mortems.
 */
import { readFileSync, rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { spawnOwned } from '../../test/helpers/owned-process.ts'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT_DIR = new URL('../.out/', import.meta.url)

export interface NodeScriptRun {
  script: URL
  /** Passed to node before the script, e.g. `--expose-gc`. */
  nodeFlags: readonly string[]
  args: readonly string[]
  /** Names the log and result files in bench/.out/. */
  name: string
  timeoutMs: number
}

export async function runNodeScript<Result> (run: NodeScriptRun): Promise<Result> {
  const resultFile = fileURLToPath(new URL(`${run.name}.json`, OUT_DIR))
  const logFile = fileURLToPath(new URL(`${run.name}.log`, OUT_DIR))
  // A child that exits without writing must not hand back an earlier run's result.
  rmSync(resultFile, { force: true })
  const owned = spawnOwned(process.execPath, [...run.nodeFlags, fileURLToPath(run.script), ...run.args, resultFile], { cwd: REPO_ROOT, logFile })
  try {
    const finished = await Promise.race([owned.exited.then(() => true), sleep(run.timeoutMs, false, { ref: false })])
    if (!finished) throw new Error(`${run.name} did not finish within ${run.timeoutMs} ms; log: ${logFile}`)
    if (owned.child.exitCode !== 0) throw new Error(`${run.name} failed (exit ${owned.child.exitCode ?? owned.child.signalCode}):\n${owned.output()}`)
    return JSON.parse(readFileSync(resultFile, 'utf8')) as Result
  } finally {
    if (!owned.hasExited()) {
      owned.child.kill('SIGKILL')
      await owned.exited
    }
  }
}
