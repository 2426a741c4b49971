import { fastifyRedis } from '@fastify/redis'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Cluster, Redis } from 'ioredis'
import type { CacheConfig } from '../src/config.ts'
import { classifyError, createL2Connection } from '../src/cache/index.ts'
import type { L2Connection } from '../src/cache/index.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The Redis deployment behind `fastify.redis` (standalone, sentinel or cluster), for the cache. */
    redisConnection: L2Connection
  }
}

export interface RedisPluginOptions {
  cache: CacheConfig
}

/**
 * The shared Redis connection, as `fastify.redis` (an ioredis Redis, or a Cluster) and
 * `fastify.redisConnection` (the topology adapter). Registered only when the cache is enabled
 * and Redis is configured; otherwise there is no decorator and the cache runs on L1 alone.
 */
async function redisPlugin (fastify: FastifyInstance, options: RedisPluginOptions): Promise<void> {
  const { cache } = options
  if (!cache.enabled || cache.redis === undefined) {
    fastify.log.info({ enabled: cache.enabled }, 'Redis not configured: the cache runs without L2')
    return
  }
  const connection = createL2Connection({
    ...cache.redis,
    commandTimeoutMs: cache.l2CommandTimeoutMs,
    connectTimeoutMs: cache.l2ConnectTimeoutMs,
    maxReconnectDelayMs: cache.l2MaxReconnectDelayMs
  })
  decorateWithoutWaiting(fastify, connection.client)
  fastify.decorate('redisConnection', connection)
  logConnectionChanges(connection.client, fastify.log, connection.topology)
  // Not awaited: boot must not depend on Redis. A failed first attempt is retried in the background.
  connection.connect()
  fastify.addHook('onClose', () => connection.close())
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
function decorateWithoutWaiting (fastify: FastifyInstance, client: Redis | Cluster): void {
  const events = ['ready', 'error', 'end'] as const
  const before = new Map(events.map((event) => [event, new Set(client.listeners(event))]))
  fastifyRedis(fastify, { client, closeClient: false }, () => {})
  for (const event of events) {
    for (const listener of client.listeners(event)) {
      if (!before.get(event)!.has(listener)) client.off(event, listener as (...args: unknown[]) => void)
    }
  }
}

/** One line per transition, not per reconnection attempt: a dead Redis must not flood the log. */
function logConnectionChanges (client: Redis | Cluster, log: FastifyBaseLogger, topology: string): void {
  let connected = false
  client.on('ready', () => {
    connected = true
    log.info({ topology }, 'Redis connection ready: L2 cache available')
  })
  client.on('close', () => {
    if (!connected) return
    connected = false
    log.warn('Redis connection lost: the cache runs on L1 while it reconnects in the background')
  })
  // Reduced to its code like every failure: a reply error can echo a command's arguments.
  client.on('error', (error: unknown) => {
    const { reason, message } = classifyError(error)
    log.debug({ reason, error: message }, 'Redis client error')
  })
}

export default fp(redisPlugin, { name: 'redis', fastify: '5.x' })
