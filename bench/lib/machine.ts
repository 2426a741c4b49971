import { execFileSync } from 'node:child_process'
import os from 'node:os'

/** The facts a reader needs to compare their numbers with ours. */
export function describeMachine (): string[] {
  const cpus = os.cpus()
  return [
    `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `Node.js: ${process.version}`,
    `Redis: ${redisVersion()}`
  ]
}

function redisVersion (): string {
  try {
    return execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return 'redis-server not found'
  }
}
