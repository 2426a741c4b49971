import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { TapTest } from './app.ts'
import { eventually } from './app.ts'

/**
 * How long a spawned server may take to answer `/health`. Boots take 1–3 s on an idle machine and
 * up to ~9 s on a loaded 2-core one (TypeScript stripping, OpenTelemetry preloading): the bound
 * only stops a test from waiting forever for a server that will never come up.
 */
export const SERVER_READY_TIMEOUT_MS = 60_000

export interface ServerProcess {
  child: ChildProcess
  /** The `http://127.0.0.1:<port>` the server listens on. */
  address: string
  /** Every stdout line so far. */
  lines: string[]
  /** stdout and stderr so far, for failure messages. */
  output (): string
  /** Sends SIGTERM and resolves with the exit code. */
  stop (): Promise<number | null>
}

/**
 * Spawns `node <args>` (the server entry point) on an ephemeral port and waits until it answers
 * `/health`. A server that exits or never becomes ready fails the test with its whole output, and
 * so does any later failing assertion of the test. The child is SIGKILLed when the test ends if
 * it is still running.
 */
export async function startServerProcess (t: TapTest, args: readonly string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  const stderr: string[] = []
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line))
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line))
  const output = (): string => `--- server stdout ---\n${lines.join('\n')}\n--- server stderr ---\n${stderr.join('\n')}`
  const exited = once(child, 'exit')
  t.teardown(() => {
    if (!t.passing()) t.comment(output())
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })

  // PORT=0: the address is known once Fastify logs it; then /health says it serves.
  const listening = (): string | undefined => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.join('\n'))?.[1]
  const healthy = async (address: string): Promise<boolean> => {
    try {
      return (await fetch(`${address}/health`)).status === 200
    } catch {
      return false
    }
  }
  const ready = await eventually(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return true
    const address = listening()
    return address !== undefined && await healthy(address)
  }, SERVER_READY_TIMEOUT_MS, 100)
  const address = listening()
  if (!ready || address === undefined || child.exitCode !== null) {
    t.comment(output())
    throw new Error(`the server did not become ready within ${SERVER_READY_TIMEOUT_MS} ms (exit code ${child.exitCode}); its output is above`)
  }
  return {
    child,
    address,
    lines,
    output,
    async stop () {
      child.kill('SIGTERM')
      const [code] = await exited as [number | null]
      return code
    }
  }
}
