import { fastifyRedis } from '@fastify/redis'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { CacheConfig } from '../src/config.ts'
import { createRedisClient } from '../src/cache/index.ts'

export interface RedisPluginOptions {
  cache: CacheConfig
}

const CLOSE_GRACE_MS = 1000

/**
 * The shared Redis connection, as `fastify.redis`. Registered only when the cache is enabled
 * and a REDIS_URL is set; otherwise there is no decorator and the cache runs on L1 alone.
 */
async function redisPlugin (fastify: FastifyInstance, options: RedisPluginOptions): Promise<void> {
  const { cache } = options
  // The cache plugin logs the cache mode (disabled, L1 only, or L2 and where).
  if (!cache.enabled || cache.redisUrl === undefined) return
  const client = createRedisClient({
    url: cache.redisUrl,
    commandTimeoutMs: cache.l2CommandTimeoutMs,
    connectTimeoutMs: cache.l2ConnectTimeoutMs,
    maxReconnectDelayMs: cache.l2MaxReconnectDelayMs
  })
  decorateWithoutWaiting(fastify, client)
  const connection = logConnectionChanges(client, fastify.log)
  // Not awaited: boot must not depend on Redis. A failed first attempt is retried in the background.
  client.connect().catch(() => {})
  fastify.addHook('onClose', () => {
    connection.closing = true
    return closeClient(client)
  })
}

/**
 * @fastify/redis@9 owns the `fastify.redis` decorator, but it calls its `done` only once the client
 * emits 'ready' (even for a client passed in), so registering it normally ties boot to Redis: with
 * Redis down, boot fails after Fastify's plugin timeout. We therefore call its plugin function
 * directly rather than through `register`: it decorates synchronously, and we detach the readiness
 * listeners it leaves on the client, which would otherwise also quit our client on a DNS or auth
 * error at startup and so stop it from ever reconnecting. Its `done` is never waited for; the
 * client's lifecycle (connecting, reconnecting, closing) stays ours.
 */
function decorateWithoutWaiting (fastify: FastifyInstance, client: Redis): void {
  const events = ['ready', 'error', 'end'] as const
  const before = new Map(events.map((event) => [event, new Set(client.listeners(event))]))
  fastifyRedis(fastify, { client, closeClient: false }, () => {})
  for (const event of events) {
    for (const listener of client.listeners(event)) {
      if (!before.get(event)!.has(listener)) client.off(event, listener as (...args: unknown[]) => void)
    }
  }
}

/**
 * One line per transition, not per reconnection attempt: a dead Redis must not flood the log.
 * A Redis that cannot be reached at boot is said once; a connection the service closes itself
 * (shutdown: `closing`) is not reported as lost.
 */
function logConnectionChanges (client: Redis, log: FastifyBaseLogger): { closing: boolean } {
  const connection = { closing: false }
  let connected = false
  let everConnected = false
  client.on('ready', () => {
    connected = true
    everConnected = true
    log.info('Redis connection ready: L2 cache available')
  })
  client.on('close', () => {
    if (!connected) return
    connected = false
    if (!connection.closing) log.warn('Redis connection lost: the cache runs on L1 while it reconnects in the background')
  })
  let unreachableLogged = false
  client.on('error', (error: Error) => {
    if (!everConnected && !unreachableLogged && !connection.closing) {
      unreachableLogged = true
      log.warn({ err: { message: error.message } }, '⚠️  Redis did not answer at boot: the cache runs on L1 and keeps reconnecting in the background')
    }
    log.debug({ err: { message: error.message } }, 'Redis client error')
  })
  return connection
}

/**
 * QUIT lets Redis finish what we sent, and we wait (briefly) for the socket to close; a client
 * that is not connected, or a server that does not answer in time, is simply cut off.
 */
async function closeClient (client: Redis): Promise<void> {
  if (client.status === 'ready') {
    // Not events.once(): that would reject on an 'error' event emitted while closing.
    const ended = new Promise<boolean>((resolve) => client.once('end', () => resolve(true)))
    client.quit().catch(() => client.disconnect())
    const timedOut = new Promise<boolean>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS, false).unref())
    if (await Promise.race([ended, timedOut])) return
  }
  client.disconnect()
}

export default fp(redisPlugin, { name: 'redis', fastify: '5.x' })
