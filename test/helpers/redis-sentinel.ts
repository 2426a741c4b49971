/**
 * A private Sentinel group per test: a master, a replica of it, and three
 * `redis-server <conf> --sentinel` processes (quorum 2) on ephemeral loopback ports. Never
 * touches the shared Redis on :6379. Failover is quick on purpose (down-after 1 s).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { PLAIN_SERVER, startRedisServer } from './redis-server.ts'
import type { RedisServerHandle, ServerArgs } from './redis-server.ts'

const HOST = '127.0.0.1'
export const MASTER_NAME = 'jobfit-test'
const SENTINELS = 3
const WAIT_MS = 20_000

export interface SentinelGroupHandle {
  /** The servers that started as master and as replica (roles change on failover). */
  readonly servers: readonly RedisServerHandle[]
  readonly sentinels: readonly RedisServerHandle[]
  /** `127.0.0.1:p1,…`: REDIS_SENTINELS */
  readonly sentinelAddresses: string
  /** The port the sentinels currently name as master. */
  masterPort (): Promise<number>
  /** The server the sentinels currently name as master. */
  master (): Promise<RedisServerHandle>
  /** Waits until the sentinels name a master other than `port`; resolves with the new master's port. */
  waitForFailoverFrom (port: number, timeoutMs?: number): Promise<number>
  stop (): Promise<void>
}

/** Replicas sync at once (the default waits 5 s for more replicas before a diskless transfer). */
const DATA_SERVER: ServerArgs = (port, dir) => [...PLAIN_SERVER(port, dir), '--repl-diskless-sync-delay', '0']

function sentinelArgs (masterPort: number): ServerArgs {
  return (port, dir) => {
    const file = path.join(dir, `sentinel-${port}.conf`)
    writeFileSync(file, [
      `port ${port}`,
      `bind ${HOST}`,
      `dir ${dir}`,
      `sentinel monitor ${MASTER_NAME} ${HOST} ${masterPort} 2`,
      `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
      `sentinel failover-timeout ${MASTER_NAME} 5000`,
      `sentinel parallel-syncs ${MASTER_NAME} 1`,
      ''
    ].join('\n'))
    return [file, '--sentinel', '--loglevel', 'warning']
  }
}

class SentinelGroup implements SentinelGroupHandle {
  readonly servers: RedisServerHandle[] = []
  readonly sentinels: RedisServerHandle[] = []

  get sentinelAddresses (): string {
    return this.sentinels.map((sentinel) => `${HOST}:${sentinel.port}`).join(',')
  }

  async masterPort (): Promise<number> {
    for (const sentinel of this.sentinels) {
      try {
        const reply = await sentinel.rawCommand(['SENTINEL', 'get-master-addr-by-name', MASTER_NAME])
        if (Array.isArray(reply) && typeof reply[1] === 'string') return Number(reply[1])
      } catch {}
    }
    throw new Error('no sentinel named a master')
  }

  async master (): Promise<RedisServerHandle> {
    const port = await this.masterPort()
    const server = this.servers.find((candidate) => candidate.port === port)
    if (server === undefined) throw new Error(`the sentinels name an unknown master on port ${port}`)
    return server
  }

  async waitForFailoverFrom (port: number, timeoutMs = WAIT_MS): Promise<number> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      try {
        const current = await this.masterPort()
        if (current !== port) return current
      } catch {}
      await sleep(50)
    }
    throw new Error(`the sentinels still named port ${port} as master after ${timeoutMs} ms`)
  }

  async stop (): Promise<void> {
    await Promise.all([...this.sentinels, ...this.servers].map((server) => server.stop()))
  }
}

/**
 * Starts the group and waits until every sentinel knows the master, its replica and the other
 * sentinels (a failover needs all three). With `t`, `stop()` is its teardown.
 */
export async function startSentinelGroup (t: { teardown (fn: () => unknown): void }): Promise<SentinelGroupHandle> {
  const group = new SentinelGroup()
  t.teardown(() => group.stop())
  const master = await startRedisServer(undefined, { args: DATA_SERVER })
  group.servers.push(master)
  const replica = await startRedisServer(undefined, {
    args: (port, dir) => [...DATA_SERVER(port, dir), '--replicaof', HOST, String(master.port)]
  })
  group.servers.push(replica)
  for (let index = 0; index < SENTINELS; index++) group.sentinels.push(await startRedisServer(undefined, { args: sentinelArgs(master.port) }))
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const states = await Promise.all(group.sentinels.map((sentinel) => sentinel.rawCommand(['SENTINEL', 'master', MASTER_NAME]).catch(() => null)))
    const ready = states.every((state) => {
      if (!Array.isArray(state)) return false
      const fields = new Map<string, unknown>()
      for (let index = 0; index + 1 < state.length; index += 2) fields.set(String(state[index]), state[index + 1])
      return Number(fields.get('num-slaves')) >= 1 && Number(fields.get('num-other-sentinels')) >= SENTINELS - 1
    })
    const synced = (await replica.command('INFO', 'replication')).includes('master_link_status:up')
    if (ready && synced) return group
    if (Date.now() > deadline) throw new Error(`the sentinel group did not settle within ${WAIT_MS} ms: ${JSON.stringify(states)}`)
    await sleep(100)
  }
}
