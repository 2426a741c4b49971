import { readFileSync } from 'node:fs'
import type { ConnectionOptions } from 'node:tls'
import type { Cluster, Redis, RedisOptions } from 'ioredis'
import type { RedisConnectionSettings } from './l2-connection.ts'

/**
 * Options for an ioredis client (or a cluster node) on which nothing can wait unboundedly.
 * ioredis' defaults are dangerous for a cache: no command timeout (a SIGSTOPped server hangs a
 * request forever), and an offline queue with 20 retries per request (a refused server stalls
 * each request for seconds).
 *
 * Clients are created disconnected: `connect()` is the caller's to call and not to await, so
 * boot never depends on Redis. Reconnection runs in the background for ever, with capped backoff.
 */
const BACKSTOP_SLACK_MS = 1000

export function boundedClientOptions (settings: RedisConnectionSettings): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    // The deadline that counts is RedisTier's, which first reads a reply already waiting in the
    // socket; ioredis' own timer, which cannot, only backs it up for calls nobody awaits any more.
    commandTimeout: settings.commandTimeoutMs + BACKSTOP_SLACK_MS,
    connectTimeout: settings.connectTimeoutMs,
    // A command that was in flight when the connection dropped fails instead of being retried later.
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt: number) => reconnectDelay(attempt, settings.maxReconnectDelayMs),
    // The ready check (an INFO before "ready") can itself hang on a stopped server or fail with
    // NOAUTH; without it every command reports its own, classified, failure instead.
    enableReadyCheck: false,
    autoResubscribe: false,
    disableClientInfo: true,
    // A READONLY reply means the node we talk to was demoted: drop the connection so that the
    // next one goes to whoever is master now (Sentinel asks the sentinels again; a DNS name that
    // follows the master resolves again). The failed command is not resent: it counts as failed.
    reconnectOnError: (error: Error) => isReadonlyReply(error) ? 1 : false,
    ...(settings.username === undefined ? {} : { username: settings.username }),
    ...(settings.password === undefined ? {} : { password: settings.password }),
    ...(settings.tls ? { tls: tlsOptions(settings) } : {})
  }
}

export function isReadonlyReply (error: Error): boolean {
  return error.message.startsWith('READONLY')
}

export function reconnectDelay (attempt: number, maxDelayMs: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 10), maxDelayMs)
}

export function tlsOptions (settings: RedisConnectionSettings): ConnectionOptions {
  return settings.tlsCaFile === undefined ? {} : { ca: readFileSync(settings.tlsCaFile) }
}

const CLOSE_GRACE_MS = 1000

/**
 * QUIT lets Redis finish what we sent, and we wait (briefly) for the socket to close; a client
 * that is not connected, or a server that does not answer in time, is simply cut off. The final
 * disconnect() also runs after a clean QUIT: only it stops what the connector keeps on the side
 * (Sentinel's failover detector holds connections to every sentinel).
 */
export async function closeClient (client: Redis | Cluster): Promise<void> {
  if (client.status === 'ready') {
    // Not events.once(): that would reject on an 'error' event emitted while closing.
    const ended = new Promise<boolean>((resolve) => client.once('end', () => resolve(true)))
    client.quit().catch(() => client.disconnect())
    const timedOut = new Promise<boolean>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS, false).unref())
    await Promise.race([ended, timedOut])
  }
  client.disconnect()
}
