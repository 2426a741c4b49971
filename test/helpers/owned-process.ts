/**
 * Processes and temp dirs that a test started, and only those: a child still alive when the
 * test process exits is SIGKILLed (after SIGCONT, in case it was paused) and the temp dirs are
 * removed. On Linux children also get PR_SET_PDEATHSIG=SIGKILL through `setpriv`, which covers
 * the test process itself being SIGKILLed (tap's timeout), where no 'exit' handler runs.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { accessSync, closeSync, constants as fsConstants, openSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const liveChildren = new Set<ChildProcess>()
const liveDirs = new Set<string>()

process.on('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGCONT')
      child.kill('SIGKILL')
    } catch {}
  }
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true })
})

export function findOnPath (command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue
    const candidate = path.join(dir, command)
    try {
      accessSync(candidate, fsConstants.X_OK)
      return candidate
    } catch {}
  }
  return undefined
}

const setpriv = process.platform === 'linux' ? findOnPath('setpriv') : undefined

export interface OwnedProcess {
  child: ChildProcess
  /** Resolves when the process has exited (or failed to spawn). */
  exited: Promise<void>
  hasExited (): boolean
  /** What it wrote to stdout and stderr so far, preceded by the spawn error if there was one. */
  output (): string
}

/**
 * Spawns `command` with its stdout and stderr going to `logFile` (a file, not a pipe: nothing
 * to drain and no stream holding the event loop open).
 */
export function spawnOwned (command: string, args: readonly string[], options: { cwd: string, logFile: string }): OwnedProcess {
  const logFd = openSync(options.logFile, 'w')
  let child: ChildProcess
  try {
    child = setpriv === undefined
      ? spawn(command, args, { cwd: options.cwd, stdio: ['ignore', logFd, logFd] })
      : spawn(setpriv, ['--pdeathsig', 'KILL', '--', command, ...args], { cwd: options.cwd, stdio: ['ignore', logFd, logFd] })
  } finally {
    closeSync(logFd)
  }
  liveChildren.add(child)
  let spawnError: Error | undefined
  let hasExited = false
  const exited = new Promise<void>((resolve) => {
    const done = (): void => {
      hasExited = true
      liveChildren.delete(child)
      resolve()
    }
    child.once('error', (error) => {
      spawnError = error
      done()
    })
    child.once('exit', done)
  })
  const output = (): string => {
    let text = ''
    try {
      text = readFileSync(options.logFile, 'utf8')
    } catch {}
    return spawnError === undefined ? text : `${spawnError.message}\n${text}`
  }
  return { child, exited, hasExited: () => hasExited, output }
}

export async function makeOwnedTempDir (prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  liveDirs.add(dir)
  return dir
}

export async function removeOwnedTempDir (dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  liveDirs.delete(dir)
}
