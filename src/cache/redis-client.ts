import { Redis } from 'ioredis'

export interface RedisClientOptions {
  url: string
  commandTimeoutMs: number
  connectTimeoutMs: number
  maxReconnectDelayMs: number
}

/**
 * An ioredis client on which nothing can wait unboundedly. ioredis' defaults are dangerous for
 * a cache: no command timeout (a SIGSTOPped server hangs a request forever), and an offline
 * queue with 20 retries per request (a refused server stalls each request for seconds).
 *
 * The client is created disconnected: `connect()` is the caller's to call and not to await, so
 * boot never depends on Redis. Reconnection runs in the background for ever, with capped backoff.
 */
const BACKSTOP_SLACK_MS = 1000

export function createRedisClient (options: RedisClientOptions): Redis {
  const client = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    // The deadline that counts is RedisTier's, which first reads a reply already waiting in the
    // socket; ioredis' own timer, which cannot, only backs it up for calls nobody awaits any more.
    commandTimeout: options.commandTimeoutMs + BACKSTOP_SLACK_MS,
    connectTimeout: options.connectTimeoutMs,
    // A command that was in flight when the connection dropped fails instead of being retried later.
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 10), options.maxReconnectDelayMs),
    // The ready check (an INFO before "ready") can itself hang on a stopped server or fail with
    // NOAUTH; without it every command reports its own, classified, failure instead.
    enableReadyCheck: false,
    autoResubscribe: false,
    disableClientInfo: true
  })
  return client
}
