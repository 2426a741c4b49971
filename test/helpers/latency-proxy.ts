/**
 * A gray network in front of a private redis-server: a loopback TCP proxy that forwards
 * commands at once and holds every reply chunk for a fixed delay, plus jitter, plus (rarely) a
 * multi-second stall. Replies keep their order on each connection, as on a slow link. The
 * delay can be changed while connections are open. Owned by the test (or bench) that starts it.
 */
import net from 'node:net'

const HOST = '127.0.0.1'

export interface LatencyProfile {
  /** Added to every reply chunk. */
  delayMs: number
  /** Up to this much more, uniformly drawn per chunk. */
  jitterMs?: number
  /** The chance (0..1) that a chunk is held for `stallMs` more, delaying everything after it on its connection. */
  stallProbability?: number
  stallMs?: number
}

export interface LatencyProxyOptions extends LatencyProfile {
  /** The redis-server's port on 127.0.0.1. */
  targetPort: number
  /** Where to listen; a free port chosen by the OS by default. */
  port?: number
  /** Injected for reproducible jitter and stalls; Math.random by default. */
  random?: () => number
}

export interface LatencyProxyHandle {
  readonly port: number
  /** `redis://127.0.0.1:PORT` */
  readonly url: string
  /** Reply chunks forwarded, and how many of them were stalled. */
  readonly stats: { chunks: number, stalls: number }
  /** Applies to chunks that arrive from now on. */
  setProfile (profile: LatencyProfile): void
  /** Closes the listener and every connection; idempotent. */
  close (): Promise<void>
}

class LatencyProxy implements LatencyProxyHandle {
  readonly port: number
  readonly url: string
  readonly stats = { chunks: 0, stalls: 0 }
  readonly #server: net.Server
  readonly #sockets = new Set<net.Socket>()
  readonly #timers = new Set<NodeJS.Timeout>()
  readonly #random: () => number
  #profile: Required<LatencyProfile>
  #closing: Promise<void> | undefined

  constructor (server: net.Server, port: number, options: LatencyProxyOptions) {
    this.#server = server
    this.port = port
    this.url = `redis://${HOST}:${port}`
    this.#random = options.random ?? Math.random
    this.#profile = normalise(options)
  }

  setProfile (profile: LatencyProfile): void {
    this.#profile = normalise(profile)
  }

  /** Pairs a client connection with one to Redis: commands straight through, replies delayed. */
  accept (client: net.Socket, targetPort: number): void {
    const upstream = net.connect({ host: HOST, port: targetPort })
    this.#sockets.add(client)
    this.#sockets.add(upstream)
    let lastDueAt = 0
    client.on('data', (chunk) => upstream.write(chunk))
    upstream.on('data', (chunk) => {
      const dueAt = Math.max(lastDueAt, Date.now() + this.#delayFor())
      lastDueAt = dueAt
      const timer = setTimeout(() => {
        this.#timers.delete(timer)
        if (!client.destroyed) client.write(chunk)
      }, dueAt - Date.now())
      this.#timers.add(timer)
    })
    const teardown = (): void => {
      client.destroy()
      upstream.destroy()
      this.#sockets.delete(client)
      this.#sockets.delete(upstream)
    }
    for (const socket of [client, upstream]) {
      socket.on('error', teardown)
      socket.on('close', teardown)
    }
  }

  close (): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      for (const timer of this.#timers) clearTimeout(timer)
      this.#timers.clear()
      for (const socket of this.#sockets) socket.destroy()
      this.#server.close(() => resolve())
    })
    return this.#closing
  }

  #delayFor (): number {
    const { delayMs, jitterMs, stallProbability, stallMs } = this.#profile
    this.stats.chunks++
    let delay = delayMs + jitterMs * this.#random()
    if (stallProbability > 0 && this.#random() < stallProbability) {
      this.stats.stalls++
      delay += stallMs
    }
    return delay
  }
}

function normalise (profile: LatencyProfile): Required<LatencyProfile> {
  return { jitterMs: 0, stallProbability: 0, stallMs: 0, ...profile }
}

/** Starts a proxy to `targetPort` on a free loopback port; with `t`, `close()` is its teardown. */
export async function startLatencyProxy (
  options: LatencyProxyOptions,
  t?: { teardown (fn: () => unknown): void }
): Promise<LatencyProxyHandle> {
  let proxy: LatencyProxy | undefined
  const server = net.createServer((client) => proxy?.accept(client, options.targetPort))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address !== 'object') throw new Error('latency proxy: could not read its port')
  proxy = new LatencyProxy(server, address.port, options)
  const handle = proxy
  t?.teardown(() => handle.close())
  return handle
}
