/**
 * A private redis-server per test file, on an ephemeral loopback port, with fault injection
 * (kill/restart, SIGSTOP hang, OOM, read-only replica, password). Never touches the shared
 * Redis on :6379.
 *
 * Every fault is injected through {@link RedisServerHandle.command}, a tiny RESP client on a
 * short-lived socket of its own: it does not depend on the app's client nor on redis-cli.
 */
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { findOnPath, makeOwnedTempDir, removeOwnedTempDir, spawnOwned } from './owned-process.ts'

const HOST = '127.0.0.1'
const DEFAULT_COMMAND_TIMEOUT_MS = 2000
const READY_TIMEOUT_MS = 5000
const RESTART_BIND_RETRY_MS = 3000
const START_PORT_ATTEMPTS = 5
const PAD_KEY = '__pad__'
const PROBE_KEY = '__probe__'

/** One parsed RESP2 reply. A nil bulk string or nil array is `null`; an error reply is a {@link RedisReplyError}. */
export type RespReply = string | number | null | RedisReplyError | RespReply[]

/** An error reply from Redis (`-ERR ...`, `-OOM ...`, `-READONLY ...`, `-NOAUTH ...`): its message is the server's text. */
export class RedisReplyError extends Error {
  override name = 'RedisReplyError'
}

export interface CommandOptions {
  /** Bound for connect + AUTH + the reply; the socket is destroyed when it runs out. Default 2000 ms. */
  timeoutMs?: number
  /** Sent as `AUTH password` before the command when set. */
  password?: string | undefined
}

export interface RedisServerHandle {
  readonly port: number
  /** `redis://127.0.0.1:PORT` */
  readonly url: string
  /** The running child's pid, `undefined` while killed or stopped. */
  readonly pid: number | undefined
  /** True between pause() and resume(). */
  readonly paused: boolean
  /**
   * Runs one command on a fresh connection (authenticating first if requirePassword() is in
   * force), bounded by 2 s. Error replies reject with their text; integers come back as decimal
   * strings, a nil reply as '' and arrays as their elements joined by '\n'.
   */
  command (...args: string[]): Promise<string>
  /** Same, with the parsed reply and a timeout of the caller's choosing. */
  rawCommand (args: readonly string[], options?: { timeoutMs?: number }): Promise<RespReply>
  /** SIGKILLs the server and waits for it to exit; the port stays reserved for restart(). */
  kill (): Promise<void>
  /** Starts a fresh (empty, fault-free) server on the same port and waits for PING. */
  restart (): Promise<void>
  /** SIGSTOP: connections are accepted by the kernel but nothing is ever answered. */
  pause (): void
  /** SIGCONT */
  resume (): void
  /** Writes then fail with `OOM command not allowed when used memory > 'maxmemory'`. */
  fillToOom (): Promise<void>
  /** Writes then fail with `READONLY`, reads still work (stale data is served). */
  makeReadonlyReplica (): Promise<void>
  /** Sets requirepass and disconnects every other client, which then get NOAUTH. */
  requirePassword (password: string): Promise<void>
  /** Undoes fillToOom, makeReadonlyReplica and requirePassword (and resumes a paused server). */
  clearFaults (): Promise<void>
  /** Idempotent: resumes if paused, SIGKILLs, waits for exit, removes the temp dir. */
  stop (): Promise<void>
}


// ---------------------------------------------------------------------------------------------
// A minimal RESP2 client: one connection, optional AUTH, one command, one reply.

function encodeCommand (args: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)]
  for (const arg of args) {
    const bytes = Buffer.from(arg, 'utf8')
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'))
  }
  return Buffer.concat(parts)
}

/** Parses one reply starting at `offset`; `undefined` means more bytes are needed. */
function parseReply (buf: Buffer, offset: number): { reply: RespReply, next: number } | undefined {
  const lineEnd = buf.indexOf('\r\n', offset)
  if (lineEnd === -1) return undefined
  const type = String.fromCharCode(buf[offset] ?? 0)
  const line = buf.toString('utf8', offset + 1, lineEnd)
  const next = lineEnd + 2
  switch (type) {
    case '+': return { reply: line, next }
    case '-': return { reply: new RedisReplyError(line), next }
    case ':': return { reply: Number(line), next }
    case '$': {
      const length = Number(line)
      if (length < 0) return { reply: null, next }
      if (buf.length < next + length + 2) return undefined
      return { reply: buf.toString('utf8', next, next + length), next: next + length + 2 }
    }
    case '*': {
      const count = Number(line)
      if (count < 0) return { reply: null, next }
      const items: RespReply[] = []
      let cursor = next
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, cursor)
        if (item === undefined) return undefined
        items.push(item.reply)
        cursor = item.next
      }
      return { reply: items, next: cursor }
    }
    default:
      throw new Error(`unexpected RESP reply type ${JSON.stringify(type)}`)
  }
}

/**
 * Sends one command to 127.0.0.1:port on a connection of its own and resolves with the parsed
 * reply (an error reply resolves as a RedisReplyError; see {@link command} to reject instead).
 * Rejects on a connection error (e.g. ECONNREFUSED), a failed AUTH or the timeout.
 */
export async function respCommand (port: number, args: readonly string[], options: CommandOptions = {}): Promise<RespReply> {
  const { timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS, password } = options
  const commands = password === undefined ? [args] : [['AUTH', password], args]
  return await new Promise<RespReply>((resolve, reject) => {
    const socket = net.connect({ host: HOST, port })
    let buffered = Buffer.alloc(0)
    const replies: RespReply[] = []
    const finish = (error: Error | undefined, reply?: RespReply): void => {
      clearTimeout(timer)
      socket.destroy()
      if (error !== undefined) reject(error)
      else resolve(reply ?? null)
    }
    const timer = setTimeout(() => {
      finish(new Error(`redis ${args[0] ?? ''} on port ${port} timed out after ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('connect', () => socket.write(Buffer.concat(commands.map(encodeCommand))))
    socket.on('error', (error) => finish(error))
    socket.on('close', () => finish(new Error(`redis ${args[0] ?? ''} on port ${port}: connection closed before a reply`)))
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk])
      try {
        while (replies.length < commands.length) {
          const parsed = parseReply(buffered, 0)
          if (parsed === undefined) break
          replies.push(parsed.reply)
          buffered = buffered.subarray(parsed.next)
        }
      } catch (error) {
        finish(error as Error)
        return
      }
      if (replies.length < commands.length) return
      const authReply = password === undefined ? undefined : replies[0]
      if (authReply instanceof RedisReplyError) finish(authReply)
      else finish(undefined, replies[replies.length - 1])
    })
  })
}

/** Flattens a reply to a string for tests: nil → '', integers → decimal, arrays → lines; error replies throw. */
function replyToString (reply: RespReply): string {
  if (reply instanceof RedisReplyError) throw reply
  if (reply === null) return ''
  if (Array.isArray(reply)) return reply.map(replyToString).join('\n')
  return String(reply)
}

export interface CommandMonitor {
  /** MONITOR's lines so far: `<time> [<db> <client addr>] "<command>" "<arg>" …` */
  readonly lines: string[]
  stop (): void
}

/**
 * Every command a server executes, from MONITOR on a connection of its own: which client sent
 * what (e.g. to tell an application's writes from a replication stream).
 */
export function monitorCommands (port: number): CommandMonitor {
  const lines: string[] = []
  const socket = net.connect(port, HOST, () => socket.write('MONITOR\r\n'))
  let buffered = ''
  socket.on('data', (chunk) => {
    buffered += chunk.toString('utf8')
    const complete = buffered.split('\r\n')
    buffered = complete.pop() ?? ''
    lines.push(...complete)
  })
  socket.on('error', () => {})
  return { lines, stop: () => socket.destroy() }
}

/** Resolves with a port nothing listened on a moment ago (the OS picks it). */
export async function freePort (): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not read the ephemeral port'))
      })
    })
  })
}

// ---------------------------------------------------------------------------------------------

interface Launch {
  child: ChildProcess
  exited: Promise<void>
}

type LaunchResult = { ok: true, launch: Launch } | { ok: false, bindFailed: boolean, output: string }

/**
 * The command line of a server on `port` with `dir` as its working directory. The default is a
 * plain cache server; cluster nodes and sentinels (test/helpers/redis-cluster.ts,
 * redis-sentinel.ts) bring their own.
 */
export type ServerArgs = (port: number, dir: string) => string[]

export const PLAIN_SERVER: ServerArgs = (port, dir) => [
  '--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no',
  '--daemonize', 'no', '--loglevel', 'warning', '--dir', dir
]

export interface StartOptions {
  args?: ServerArgs
}

class RedisServer implements RedisServerHandle {
  readonly port: number
  readonly url: string
  readonly #dir: string
  readonly #args: ServerArgs
  #current: Launch | undefined
  #paused = false
  #password: string | undefined
  #stopping: Promise<void> | undefined

  constructor (port: number, dir: string, args: ServerArgs, launch: Launch) {
    this.port = port
    this.url = `redis://${HOST}:${port}`
    this.#dir = dir
    this.#args = args
    this.#current = launch
  }

  get pid (): number | undefined {
    return this.#running()?.child.pid
  }

  get paused (): boolean {
    return this.#paused
  }

  async command (...args: string[]): Promise<string> {
    return replyToString(await this.rawCommand(args))
  }

  async rawCommand (args: readonly string[], options: { timeoutMs?: number } = {}): Promise<RespReply> {
    return await respCommand(this.port, args, { ...options, password: this.#password })
  }

  async kill (): Promise<void> {
    const launch = this.#current
    this.#current = undefined
    this.#password = undefined
    if (launch === undefined) return
    if (this.#paused) {
      launch.child.kill('SIGCONT')
      this.#paused = false
    }
    launch.child.kill('SIGKILL')
    launch.child.ref()
    await launch.exited
  }

  async restart (): Promise<void> {
    if (this.#stopping !== undefined) throw new Error('restart() after stop()')
    await this.kill()
    const deadline = Date.now() + RESTART_BIND_RETRY_MS
    for (;;) {
      const result = await launchServer(this.port, this.#dir, this.#args)
      if (result.ok) {
        this.#current = result.launch
        return
      }
      if (!result.bindFailed || Date.now() > deadline) {
        throw new Error(`redis-server could not restart on port ${this.port}:\n${result.output}`)
      }
      await sleep(100)
    }
  }

  pause (): void {
    const launch = this.#requireRunning('pause')
    launch.child.kill('SIGSTOP')
    this.#paused = true
  }

  resume (): void {
    const launch = this.#running()
    if (launch !== undefined && this.#paused) launch.child.kill('SIGCONT')
    this.#paused = false
  }

  async fillToOom (): Promise<void> {
    await this.command('SET', PAD_KEY, 'x'.repeat(2 * 1024 * 1024))
    await this.command('CONFIG', 'SET', 'maxmemory-policy', 'noeviction')
    await this.command('CONFIG', 'SET', 'maxmemory', '1mb')
    await this.#expectWriteToFail(/^OOM /, 'fillToOom')
  }

  async makeReadonlyReplica (): Promise<void> {
    const nobody = await freePort()
    await this.command('REPLICAOF', HOST, String(nobody))
    await this.#expectWriteToFail(/^READONLY /, 'makeReadonlyReplica')
  }

  async requirePassword (password: string): Promise<void> {
    await this.command('CONFIG', 'SET', 'requirepass', password)
    this.#password = password
    await this.command('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes')
  }

  async clearFaults (): Promise<void> {
    if (this.#running() === undefined) return
    this.resume()
    await this.command('REPLICAOF', 'NO', 'ONE')
    await this.command('CONFIG', 'SET', 'maxmemory', '0')
    await this.command('DEL', PAD_KEY, PROBE_KEY)
    await this.command('CONFIG', 'SET', 'requirepass', '')
    this.#password = undefined
  }

  async stop (): Promise<void> {
    this.#stopping ??= (async () => {
      await this.kill()
      await removeOwnedTempDir(this.#dir)
    })()
    await this.#stopping
  }

  #running (): Launch | undefined {
    const launch = this.#current
    if (launch === undefined || launch.child.exitCode !== null || launch.child.signalCode !== null) return undefined
    return launch
  }

  #requireRunning (what: string): Launch {
    const launch = this.#running()
    if (launch === undefined) throw new Error(`${what}(): redis-server on port ${this.port} is not running`)
    return launch
  }

  async #expectWriteToFail (expected: RegExp, what: string): Promise<void> {
    const reply = await this.rawCommand(['SET', PROBE_KEY, 'x'])
    if (!(reply instanceof RedisReplyError) || !expected.test(reply.message)) {
      throw new Error(`${what}(): expected SET to fail with ${String(expected)}, got ${JSON.stringify(reply instanceof Error ? reply.message : reply)}`)
    }
  }
}

/** Spawns redis-server on `port` and waits until it answers PING (as itself, not some other server on that port). */
async function launchServer (port: number, dir: string, args: ServerArgs): Promise<LaunchResult> {
  const redisArgs = args(port, dir)
  const { child, exited, hasExited, output } = spawnOwned('redis-server', redisArgs, { cwd: dir, logFile: path.join(dir, `redis-${port}.log`) })

  const deadline = Date.now() + READY_TIMEOUT_MS
  while (!hasExited() && Date.now() < deadline) {
    try {
      if (await respCommand(port, ['PING'], { timeoutMs: 500 }) === 'PONG') {
        // The port may have been taken by another test file's server: make sure it is ours.
        const info = await respCommand(port, ['INFO', 'server'], { timeoutMs: 500 })
        if (typeof info === 'string' && info.includes(`process_id:${child.pid}\r\n`)) {
          child.unref()
          return { ok: true, launch: { child, exited } }
        }
      }
    } catch {}
    await sleep(hasExited() ? 0 : 20)
  }
  if (!hasExited()) {
    child.kill('SIGKILL')
    await exited
    return { ok: false, bindFailed: false, output: `no PONG within ${READY_TIMEOUT_MS} ms\n${output()}` }
  }
  await exited
  const text = output()
  return { ok: false, bindFailed: /Address already in use|Failed listening on port/i.test(text), output: text }
}

/**
 * Starts a private redis-server on a free loopback port, in a fresh temp dir, and waits until
 * it answers PING. With `t`, `stop()` is registered as its teardown.
 */
export async function startRedisServer (t?: { teardown (fn: () => unknown): void }, options: StartOptions = {}): Promise<RedisServerHandle> {
  const args = options.args ?? PLAIN_SERVER
  if (findOnPath('redis-server') === undefined) {
    throw new Error('redis-server is not on PATH (Debian: apt-get install redis-server)')
  }
  const dir = await makeOwnedTempDir('jobfit-redis-')
  let lastOutput = ''
  try {
    for (let attempt = 0; attempt < START_PORT_ATTEMPTS; attempt++) {
      const port = await freePort()
      const result = await launchServer(port, dir, args)
      if (result.ok) {
        const server = new RedisServer(port, dir, args, result.launch)
        t?.teardown(() => server.stop())
        return server
      }
      lastOutput = result.output
      if (!result.bindFailed) break
    }
  } catch (error) {
    await removeOwnedTempDir(dir)
    throw error
  }
  await removeOwnedTempDir(dir)
  throw new Error(`redis-server did not start:\n${lastOutput}`)
}
